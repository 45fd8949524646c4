/**
 * Bad ids and microversion-gated nulls are refused before anything is sent: a verb given an
 * undefined, null or empty id (or parent id) raises a ValidationError naming the resource and
 * the parameter, and `null` on a field outside the connection's microversion is refused like
 * any other value. Every mock counts all its requests, version discovery included.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { ValidationError } from '../../../src/errors/errors.js';
import {
  createResource,
  defineResource,
  f,
  fetchResource,
  headResource,
  MetadataMixin,
  resourceAction,
  TagsMixin,
  updateResource,
} from '../../../src/resource/index.js';
import { ComputeV2 } from '../../../src/services/compute/proxy.js';
import { NetworkV2 } from '../../../src/services/network/proxy.js';
import { ObjectStoreV1 } from '../../../src/services/object-store/proxy.js';
import { ServiceClient } from '../../../src/session/service-client.js';
import { type Call, type FakeService, json, reply, route, startFake } from '../../support/fake-service.js';

/** Asserts a ValidationError for `field` whose message matches every pattern. */
function invalid(field: string | undefined, ...patterns: RegExp[]) {
  return (e: unknown) => {
    assert.ok(e instanceof ValidationError, `expected a ValidationError for ${field}, got ${e}`);
    assert.equal(e.field, field, e.message);
    for (const p of patterns) assert.match(e.message, p);
    assert.match(e.message, /Fix: /);
    return true;
  };
}

/** Echoes what it was sent, under the resource key the path names. */
function echo(req: Call, res: ServerResponse): void {
  const path = req.path;
  if (req.method === 'DELETE') {
    json(res, 204);
    return;
  }
  const body = req.body ? JSON.parse(req.body) : {};
  const key =
    Object.keys(body)[0] ??
    (path.includes('/os-interface')
      ? 'interfaceAttachment'
      : path.includes('/flavors')
        ? 'flavor'
        : 'server');
  json(res, 200, { [key]: { id: decodeURIComponent(path.split('/').at(-1)!), ...body[key] } });
}

let nova: FakeService;
let neutron: FakeService;
let swift: FakeService;

before(async () => {
  nova = await startFake('compute', [route('*', '*', echo)]);
  neutron = await startFake('network', [
    route('*', '*', (c, res) => {
      const id = decodeURIComponent(c.path.split('/').at(-1)!);
      if (c.method === 'DELETE') json(res, 204);
      else json(res, 200, { port: { id, name: 'p' } });
    }),
  ]);
  swift = await startFake('object-store', [reply('*', '*', 204)], {
    catalogPaths: { 'object-store': '/v1/AUTH_p' },
  });
});
after(async () => {
  await Promise.all([nova.close(), neutron.close(), swift.close()]);
});
beforeEach(() => {
  nova.reset();
  neutron.reset();
  swift.reset();
});

const compute = (microversion?: string) => nova.proxy(ComputeV2, { microversion });
const network = () => neutron.proxy(NetworkV2);
const objectStore = () => swift.proxy(ObjectStoreV1);

const noId = /id is required \(got (undefined|null|an empty string)\)/;

describe('an undefined, null or empty id is refused before any request', () => {
  test('compute servers: get, update, delete, waiters, find', async () => {
    const c = compute();
    const cases: [() => Promise<unknown>, string, RegExp][] = [
      [() => c.getServer(undefined as any), 'server.id', /server id is required \(got undefined\)/],
      [() => c.getServer(null as any), 'server.id', /server id is required \(got null\)/],
      [() => c.deleteServer(''), 'server.id', /server id is required \(got an empty string\)/],
      [() => c.deleteServer(undefined as any, { ignoreMissing: true }), 'server.id', noId],
      [() => c.updateServer(undefined as any, { name: 'x' }), 'server.id', noId],
      [() => c.updateServer(null as any, { name: 'x' }), 'server.id', noId],
      [() => c.waitForServer(undefined as any, 'ACTIVE', { intervalMs: 1 }), 'server.id', noId],
      [() => c.waitForServerDelete(null as any, { intervalMs: 1 }), 'server.id', noId],
      [() => c.findServer(undefined as any), 'server.id', noId],
      [() => c.getServer({} as any), 'server.id', /server id is required \(got an object without an id\)/],
    ];
    for (const [call, field, msg] of cases) {
      await assert.rejects(call(), invalid(field, msg, /pass the server's id or the resource/));
    }
    assert.equal(nova.requests.length, 0, 'nothing was sent, not even version discovery');
  });

  test('compute flavors: get, update, delete, find', async () => {
    const c = compute();
    await assert.rejects(
      c.getFlavor(null as any),
      invalid('flavor.id', /flavor id is required \(got null\)/),
    );
    await assert.rejects(c.getFlavor(undefined as any), invalid('flavor.id', noId));
    await assert.rejects(c.deleteFlavor(''), invalid('flavor.id', noId, /pass the flavor's id/));
    await assert.rejects(c.updateFlavor(undefined as any, { description: 'd' }), invalid('flavor.id', noId));
    await assert.rejects(
      c.findFlavor(undefined as any),
      invalid('flavor.nameOrId', /flavor name or id is required \(got undefined\)/),
    );
    await assert.rejects(c.findFlavor(''), invalid('flavor.nameOrId', /got an empty string/));
    assert.equal(nova.requests.length, 0);
  });

  test('nested resources: a missing parent id or child id names the parameter', async () => {
    const c = compute();
    await assert.rejects(
      c.getServerInterface('port-1', { parent: { serverId: undefined } }),
      invalid('serverId', /server id is required \(got undefined\)/, /parent: \{ serverId/),
    );
    await assert.rejects(
      c.deleteServerInterface('port-1', { parent: { serverId: '' } }),
      invalid('serverId', /server id is required \(got an empty string\)/),
    );
    await assert.rejects(
      c.getServerInterface(undefined as any, { parent: { serverId: 's1' } }),
      invalid('server interface.portId', /server interface port id is required \(got undefined\)/),
    );
    await assert.rejects(
      c.deleteVolumeAttachment(null as any, { parent: { serverId: 's1' } }),
      invalid('volume attachment.volumeId', /volume id is required \(got null\)/),
    );
    // listings check their arguments when called, as for unknown filters
    assert.throws(
      () => c.listServerInterfaces({}, { parent: { serverId: null as any } }),
      invalid('serverId', /got null/),
    );
    assert.equal(nova.requests.length, 0);
  });

  test('network ports: get, update, delete, find, wait', async () => {
    const n = network();
    await assert.rejects(
      n.getPort(undefined as any),
      invalid('port.id', /port id is required \(got undefined\)/),
    );
    await assert.rejects(n.deletePort(null as any), invalid('port.id', /got null/, /pass the port's id/));
    await assert.rejects(n.updatePort('', { name: 'x' }), invalid('port.id', /got an empty string/));
    await assert.rejects(
      n.findPort(undefined as any),
      invalid('port.nameOrId', /port name or id is required/),
    );
    await assert.rejects(n.waitForPort(undefined as any, 'ACTIVE'), invalid('port.id', noId));
    assert.equal(neutron.requests.length, 0);
  });

  test('object store: a missing container or object name', async () => {
    const s = objectStore();
    await assert.rejects(
      s.getObjectMetadata('c', undefined as any),
      invalid('name', /object name is required/),
    );
    await assert.rejects(
      s.deleteObject(undefined as any, 'o'),
      invalid('container', /container name is required/),
    );
    await assert.rejects(s.deleteObject('c', ''), invalid('name', /object name is required/));
    assert.equal(swift.requests.length, 0);
  });

  test('the resource operations themselves, head and create with PUT included', async () => {
    const client = new ServiceClient(nova.session(), {
      serviceType: 'compute',
      major: '2',
      fallbackPath: '',
      skipDiscovery: true,
    });
    const Thing = defineResource({
      name: 'thing',
      basePath: '/things',
      createMethod: 'PUT',
      fields: { id: f.string(), name: f.string() },
    });
    await assert.rejects(headResource(client, Thing, undefined as any), invalid('thing.id', noId));
    await assert.rejects(fetchResource(client, Thing, null as any), invalid('thing.id', noId));
    await assert.rejects(
      createResource(client, Thing, { name: 'x' }),
      invalid('thing.id', /got an empty string/),
    );
    await assert.rejects(
      updateResource(client, Thing, 't1', undefined as any),
      invalid('thing attributes', /attributes to update are required/),
    );
    assert.equal(nova.requests.length, 0);
  });

  test('actions, tags and metadata refuse a missing id or key', async () => {
    const client = new ServiceClient(nova.session(), {
      serviceType: 'compute',
      major: '2',
      fallbackPath: '',
      skipDiscovery: true,
    });
    await assert.rejects(
      resourceAction(client, '/servers', undefined as any, 'reboot', { type: 'SOFT' }),
      invalid('server.id', /server id is required \(got undefined\)/),
    );
    await assert.rejects(
      resourceAction(client, '/security-groups', '', 'x'),
      invalid('security group.id', /security group id is required/),
    );
    const tags = new TagsMixin(client, '/servers');
    await assert.rejects(tags.list(null as any), invalid('server.id', /got null/));
    await assert.rejects(
      tags.add('s1', undefined as any),
      invalid('tag', /a tag is required \(got undefined\)/),
    );
    await assert.rejects(tags.remove('s1', ''), invalid('tag', /got an empty string/));
    const md = new MetadataMixin(client, '/servers');
    await assert.rejects(md.get(undefined as any), invalid('server.id', noId));
    await assert.rejects(md.deleteItem('s1', undefined as any), invalid('key', /metadata key is required/));
    assert.equal(nova.requests.length, 0);
  });
});

describe('service methods beside the generated verbs', () => {
  test('compute server actions and flavor extra specs', async () => {
    const c = compute();
    await assert.rejects(
      c.startServer(undefined as any),
      invalid('server', /server id is required \(got undefined\)/),
    );
    await assert.rejects(c.rebootServer(null as any, 'HARD'), invalid('server', /got null/));
    await assert.rejects(c.stopServer(''), invalid('server', /got an empty string/));
    await assert.rejects(
      c.getFlavorExtraSpecs(undefined as any),
      invalid('flavor.id', /flavor id is required \(got undefined\)/),
    );
    assert.equal(nova.requests.length, 0);
  });

  test('network: an undefined id is no longer a TypeError, an empty one no longer the collection URL', async () => {
    const n = network();
    await assert.rejects(
      n.addSubnetPoolPrefixes(undefined as any, ['10.0.0.0/24']),
      invalid('pool', /subnet pool id is required \(got undefined\)/),
    );
    await assert.rejects(
      n.removeSubnetPoolPrefixes('', ['10.0.0.0/24']),
      invalid('pool', /got an empty string/),
    );
    assert.equal(neutron.requests.length, 0);
  });
});

describe('ids that are given keep working', () => {
  test('resources passed instead of ids, and ids URL-encoded', async () => {
    const c = compute();
    const s = await c.getServer('a b/c?d');
    assert.equal(nova.requests.at(-1)!.url, '/v2.1/servers/a%20b%2Fc%3Fd');
    assert.equal(s.id, 'a b/c?d');
    await c.getServer(s);
    assert.equal(nova.requests.at(-1)!.url, '/v2.1/servers/a%20b%2Fc%3Fd');
    await c.updateServer(s, { name: 'n' });
    assert.equal(nova.requests.at(-1)!.method, 'PUT');
    assert.deepEqual(JSON.parse(nova.requests.at(-1)!.body), { server: { name: 'n' } });
    await c.deleteServer(s);
    assert.equal(nova.requests.at(-1)!.method, 'DELETE');
    assert.equal(nova.requests.at(-1)!.url, '/v2.1/servers/a%20b%2Fc%3Fd');
    await c.getServerInterface('port 1', { parent: { serverId: 's/1' } });
    assert.equal(nova.requests.at(-1)!.url, '/v2.1/servers/s%2F1/os-interface/port%201');

    const n = network();
    const p = await n.getPort('p/1');
    assert.equal(neutron.requests.at(-1)!.url, '/v2.0/ports/p%2F1');
    await n.deletePort(p);
    assert.equal(neutron.requests.at(-1)!.url, '/v2.0/ports/p%2F1');
  });
});

describe('null on a microversion-gated field is checked like any other value', () => {
  test('server description (2.19+): null refused at 2.10, sent at 2.19', async () => {
    const old = compute('2.10');
    await assert.rejects(
      old.updateServer('srv-1', { description: null }),
      invalid('server.description', /2\.19\+.*uses 2\.10/, /pin compute_api_version to 2\.19 or later/),
    );
    await assert.rejects(
      old.updateServer('srv-1', { description: 'd' }),
      invalid('server.description', /2\.19\+/),
    );
    assert.equal(nova.requests.filter((r) => r.url !== '/').length, 0, 'only version discovery was sent');
    const s = await old.getServer('srv-1');
    assert.throws(
      () => {
        (s as { description?: string | null }).description = null;
      },
      invalid('server.description', /2\.19\+/),
    );

    const cur = compute('2.19');
    await cur.updateServer('srv-1', { description: null });
    assert.deepEqual(JSON.parse(nova.requests.at(-1)!.body), { server: { description: null } });
  });

  test('flavor description (2.55+, nullable): create and update with null', async () => {
    const old = compute('2.50');
    const attrs = { name: 'f', ram: 512, vcpus: 1, disk: 1, description: null };
    await assert.rejects(old.createFlavor(attrs), invalid('flavor.description', /2\.55\+.*uses 2\.50/));
    await assert.rejects(
      old.updateFlavor('42', { description: null }),
      invalid('flavor.description', /2\.55\+/),
    );
    assert.equal(nova.requests.filter((r) => r.url !== '/').length, 0);

    const cur = compute('2.55');
    await cur.createFlavor(attrs);
    assert.equal(JSON.parse(nova.requests.at(-1)!.body).flavor.description, null);
    await cur.updateFlavor('42', { description: null });
    assert.deepEqual(JSON.parse(nova.requests.at(-1)!.body), { flavor: { description: null } });
  });

  test('a field removed at a maximum microversion refuses null above it', async () => {
    const Gadget = defineResource({
      name: 'gadget',
      basePath: '/gadgets',
      fields: {
        id: f.string({ readOnly: true }),
        legacy: f.string({ maxVersion: '2.30', nullable: true }),
        plain: f.string({ nullable: true }),
      },
    });
    const client = (pin: string) =>
      new ServiceClient(
        nova.session({ catalog: { gadgets: nova.url } }),
        {
          serviceType: 'gadgets',
          major: '2',
          fallbackPath: '/v2.1',
          microversions: { headerName: 'compute', sdkMin: '2.1', sdkMax: '2.90', default: '2.20' },
        },
        pin,
      );
    await assert.rejects(
      createResource(client('2.40'), Gadget, { legacy: null }),
      invalid('gadget.legacy', /2\.30/, /2\.30 or earlier/),
    );
    await assert.rejects(
      updateResource(client('2.40'), Gadget, 'g1', { legacy: null }),
      invalid('gadget.legacy', /uses 2\.40/),
    );
    assert.equal(nova.requests.filter((r) => r.url !== '/').length, 0);
    // ungated nullable fields, and gated ones within range, still take null
    await createResource(client('2.40'), Gadget, { plain: null });
    assert.deepEqual(JSON.parse(nova.requests.at(-1)!.body), { gadget: { plain: null } });
    await createResource(client('2.30'), Gadget, { legacy: null });
    assert.deepEqual(JSON.parse(nova.requests.at(-1)!.body), { gadget: { legacy: null } });
  });
});
