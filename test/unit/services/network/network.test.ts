/** Offline tests of conn.network: what goes on the wire for pagination, queries, tags and actions. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NotFoundError, ValidationError } from '../../../../src/errors/errors.js';
import type { CreateAttributes } from '../../../../src/resource/index.js';
import type { FloatingIp, Network, NetworkV2, Subnet } from '../../../../src/services/network/index.js';
import { normalizeListQuery } from '../../../../src/services/network/query.js';
import { bodyOf, fileFake, json, reply, route } from '../../../support/fake-service.js';

const m = await fileFake('network');
const net: NetworkV2 = m.connection().network;

const body = (i: number) => JSON.parse(m.calls[i]!.body);
const path = (i: number) => m.calls[i]!.url;

/** A neutron-like port collection: sorted by id, `limit`/`marker` pages with absolute next/previous links. */
function portCollection(n: number) {
  const ports = Array.from({ length: n }, (_, i) => ({
    id: `p-${String(i).padStart(4, '0')}`,
    name: `port${i}`,
  }));
  m.on(
    route('GET', '/ports', (req, res) => {
      const u = new URL(req.url, m.url);
      const limit = Number(u.searchParams.get('limit') ?? 0);
      const marker = u.searchParams.get('marker');
      const start = marker ? ports.findIndex((p) => p.id === marker) + 1 : 0;
      const page = limit ? ports.slice(start, start + limit) : ports.slice(start);
      const out: Record<string, unknown> = { ports: page };
      if (limit) {
        const links = [];
        if (page.length === limit) {
          const next = new URL(u);
          next.searchParams.set('marker', page[page.length - 1]!.id);
          links.push({ rel: 'next', href: next.toString() });
        }
        if (marker) links.push({ rel: 'previous', href: `${u}&page_reverse=True` });
        out.ports_links = links;
      }
      return json(res, 200, out);
    }),
  );
  return ports;
}

describe('pagination', () => {
  test('105 ports with limit 20 walk six pages via ports_links rel=next, each port once', async () => {
    const ports = portCollection(105);
    const pages: number[] = [];
    const seen: string[] = [];
    for await (const page of net.listPorts({ limit: 20, networkId: 'n1' }).pages()) {
      pages.push(page.length);
      seen.push(...page.map((p) => p.id));
    }
    assert.deepEqual(pages, [20, 20, 20, 20, 20, 5]);
    assert.deepEqual(
      seen,
      ports.map((p) => p.id),
    );
    assert.equal(m.calls.length, 6);
    for (const r of m.calls) {
      const u = new URL(r.url, m.url);
      assert.equal(u.searchParams.get('limit'), '20');
      assert.equal(u.searchParams.get('network_id'), 'n1', 'filters survive the next links');
    }
    assert.equal(new URL(path(5), m.url).searchParams.get('marker'), 'p-0099');
  });

  test('an exact multiple ends on an empty page without a next link', async () => {
    portCollection(40);
    const all = await net.listPorts({ limit: 20 }).toArray();
    assert.equal(all.length, 40);
    assert.equal(m.calls.length, 3);
  });

  test('without limit one request returns everything', async () => {
    portCollection(30);
    assert.equal((await net.listPorts().toArray()).length, 30);
    assert.equal(m.calls.length, 1);
    assert.equal(path(0), '/v2.0/ports');
  });

  test('first() reads one page only', async () => {
    portCollection(50);
    assert.equal((await net.listPorts({ limit: 10 }).first())?.id, 'p-0000');
    assert.equal(m.calls.length, 1);
  });
});

describe('list queries', () => {
  test('fields, sort keys and tag filters repeat; missing sort directions become asc', async () => {
    m.on(reply('*', '*', 200, { networks: [] }));
    await net
      .listNetworks({
        fields: ['id', 'name'],
        sortKey: ['name', 'id'],
        sortDir: 'desc',
        tags: ['a', 'b'],
        tagsAny: 'c',
        notTags: 'd',
        notTagsAny: 'e,f',
        isRouterExternal: true,
        providerNetworkType: 'vlan',
        revisionNumber: 3,
      })
      .toArray();
    assert.equal(
      path(0),
      '/v2.0/networks?fields=id&fields=name&sort_key=name&sort_key=id&sort_dir=desc&sort_dir=asc' +
        '&tags=a&tags=b&tags-any=c&not-tags=d&not-tags-any=e%2Cf&router%3Aexternal=true' +
        '&provider%3Anetwork_type=vlan&revision_number=3',
    );
  });

  test('normalizeListQuery pairs keys and directions and rejects nonsense', () => {
    assert.deepEqual(normalizeListQuery({ sortKey: 'name' }), { sortKey: ['name'], sortDir: ['asc'] });
    assert.deepEqual(normalizeListQuery({ sortKey: ['a', 'b'], sortDir: ['DESC'] }), {
      sortKey: ['a', 'b'],
      sortDir: ['desc', 'asc'],
    });
    assert.deepEqual(normalizeListQuery({ name: 'x' }), { name: 'x' });
    assert.throws(() => normalizeListQuery({ sortKey: 'a', sortDir: 'up' }), ValidationError);
    assert.throws(() => normalizeListQuery({ sortDir: 'asc' }), /1 sort directions for 0 sort keys/);
  });

  test('unknown filters are refused before sending, $raw passes anything', async () => {
    m.on(reply('*', '*', 200, { ports: [] }));
    assert.throws(() => net.listPorts({ nope: 1 } as never), ValidationError);
    await net.listPorts({ $raw: { 'binding:vnic_type': 'direct' } }).toArray();
    assert.equal(path(0), '/v2.0/ports?binding%3Avnic_type=direct');
    assert.equal(m.calls.length, 1);
  });

  test('find narrows by name and keeps the normalised query', async () => {
    m.on(reply('*', /^\/routers\/r1/, 404, {}));
    m.on(reply('*', '*', 200, { routers: [{ id: 'x', name: 'r1' }] }));
    const r = await net.findRouter('r1', { query: { sortKey: 'name' } });
    assert.equal(r.id, 'x');
    assert.equal(path(1), '/v2.0/routers?sort_key=name&sort_dir=asc&name=r1');
  });
});

describe('create, update, nullable', () => {
  test('create wraps the body; a nullable field accepts null on create (gateway_ip)', async () => {
    m.on(
      route('*', '*', (req, res) =>
        json(res, 201, { subnet: { id: 's1', ...JSON.parse(req.body).subnet, gateway_ip: null } }),
      ),
    );
    const s = await net.createSubnet({ networkId: 'n1', ipVersion: 4, cidr: '10.0.0.0/24', gatewayIp: null });
    assert.deepEqual(body(0), {
      subnet: { network_id: 'n1', ip_version: 4, cidr: '10.0.0.0/24', gateway_ip: null },
    });
    assert.equal(s.gatewayIp, null);
    assert.equal(m.calls[0]!.method, 'POST');
  });

  test('null is refused on create for fields that are not nullable', async () => {
    // @ts-expect-error name is not nullable
    const attrs: CreateAttributes<typeof Network.fields> = { name: null };
    await assert.rejects(net.createNetwork(attrs), /network\.name: must not be null/);
    // nullable ones type-check
    const ok: CreateAttributes<typeof Subnet.fields> = { networkId: 'n', ipVersion: 4, gatewayIp: null };
    const fip: CreateAttributes<typeof FloatingIp.fields> = { floatingNetworkId: 'x', portId: null };
    assert.ok(ok && fip);
    assert.equal(m.calls.length, 0);
  });

  test('required, create-only and read-only fields are checked before sending', async () => {
    // @ts-expect-error networkId is required
    await assert.rejects(net.createPort({ name: 'p' }), /port\.networkId: is required/);
    // @ts-expect-error networkId cannot change after create
    await assert.rejects(net.updatePort('p1', { networkId: 'n2' }), /can only be set when creating/);
    // @ts-expect-error status is the service's
    await assert.rejects(net.updateNetwork('n1', { status: 'DOWN' }), /set by the service/);
    await assert.rejects(
      net.createSecurityGroupRule({ securityGroupId: 's', direction: 'sideways' as 'ingress' }),
      /must be one of ingress, egress/,
    );
    assert.equal(m.calls.length, 0);
  });

  test('disassociate a floating IP: PUT with port_id null', async () => {
    m.on(
      reply('*', '*', 200, {
        floatingip: { id: 'f1', port_id: null, fixed_ip_address: null, router_id: null },
      }),
    );
    const f = await net.disassociateFloatingIp('f1');
    assert.equal(m.calls[0]!.method, 'PUT');
    assert.equal(path(0), '/v2.0/floatingips/f1');
    assert.deepEqual(body(0), { floatingip: { port_id: null } });
    assert.equal(f.portId, null);
    const g = await net.associateFloatingIp('f1', 'p1', { fixedIpAddress: '10.0.0.5' });
    assert.deepEqual(body(1), { floatingip: { port_id: 'p1', fixed_ip_address: '10.0.0.5' } });
    assert.ok(g);
  });

  test('bulk create sends one request with the plural key', async () => {
    m.on(
      route('*', '*', (req, res) =>
        json(res, 201, {
          ports: JSON.parse(req.body).ports.map((p: object, i: number) => ({
            id: `p${i}`,
            status: 'DOWN',
            ...p,
          })),
        }),
      ),
    );
    const ports = await net.createPorts([{ networkId: 'n1', name: 'a' }, { networkId: 'n1' }]);
    assert.deepEqual(body(0), { ports: [{ network_id: 'n1', name: 'a' }, { network_id: 'n1' }] });
    assert.deepEqual(
      ports.map((p) => [p.id, p.status]),
      [
        ['p0', 'DOWN'],
        ['p1', 'DOWN'],
      ],
    );
    await assert.rejects(net.createPorts([{ name: 'x' } as never]), ValidationError);
    assert.equal(m.calls.length, 1);
  });
});

describe('routers', () => {
  test('add/remove interface by subnet and by port', async () => {
    m.on(
      reply('*', '*', 200, {
        id: 'r1',
        subnet_id: 's1',
        subnet_ids: ['s1'],
        port_id: 'p9',
        network_id: 'n1',
        project_id: 'pr',
        tenant_id: 'pr',
        tags: [],
      }),
    );
    const i = await net.addRouterInterface('r1', { subnetId: 's1' });
    assert.equal(m.calls[0]!.method, 'PUT');
    assert.equal(path(0), '/v2.0/routers/r1/add_router_interface');
    assert.deepEqual(body(0), { subnet_id: 's1' });
    assert.equal(i.portId, 'p9');
    assert.deepEqual(i.subnetIds, ['s1']);
    assert.equal(i.get('routerId'), 'r1');
    await net.removeRouterInterface('r1', { portId: 'p9' });
    assert.equal(path(1), '/v2.0/routers/r1/remove_router_interface');
    assert.deepEqual(body(1), { port_id: 'p9' });
  });

  test('gateway set/clear are updates of external_gateway_info; extra routes are atomic actions', async () => {
    m.on(
      route('*', '*', (req, res) =>
        json(res, 200, { router: { id: 'r1', ...(JSON.parse(req.body).router ?? {}) } }),
      ),
    );
    await net.setRouterGateway('r1', { network_id: 'ext', enable_snat: false });
    assert.deepEqual(body(0), {
      router: { external_gateway_info: { network_id: 'ext', enable_snat: false } },
    });
    await net.clearRouterGateway('r1');
    assert.deepEqual(body(1), { router: { external_gateway_info: {} } });
    const routes = [{ destination: '10.1.0.0/24', nexthop: '10.0.0.9' }];
    const r = await net.addRouterExtraRoutes('r1', routes);
    assert.equal(path(2), '/v2.0/routers/r1/add_extraroutes');
    assert.deepEqual(body(2), { router: { routes } });
    assert.deepEqual(r.routes, routes);
    await net.removeRouterExtraRoutes('r1', routes);
    assert.equal(path(3), '/v2.0/routers/r1/remove_extraroutes');
    await net.addRouterExternalGateways('r1', [{ network_id: 'ext2' }]);
    assert.deepEqual(body(4), { router: { external_gateways: [{ network_id: 'ext2' }] } });
  });
});

describe('tags', () => {
  test('tag verbs map to /{collection}/{id}/tags; QoS policies are tagged under /policies', async () => {
    m.on(
      route('PUT', /\/tags$/, (req, res) => json(res, 200, bodyOf(req))),
      reply('GET', /\/tags$/, 200, { tags: ['x'] }),
      reply('GET', /\/tags\/missing$/, 404, {}),
      reply('PUT', '*', 201),
      reply('*', '*', 204),
    );
    const n = await net.setTags({ collection: '/networks', id: 'n1' }, ['a', 'b']);
    assert.deepEqual(n, ['a', 'b']);
    assert.deepEqual(body(0), { tags: ['a', 'b'] });
    assert.deepEqual(await net.listTags({ collection: '/ports', id: 'p1' }), ['x']);
    await net.addTag({ collection: '/security-groups', id: 'g1' }, 'web tier');
    await net.removeTag({ collection: '/floatingips', id: 'f1' }, 'old');
    assert.equal(await net.hasTag({ collection: '/routers', id: 'r1' }, 'missing'), false);
    await net.clearTags({ collection: '/qos/policies', id: 'q1' });
    assert.deepEqual(
      m.calls.map((r) => `${r.method} ${r.url}`),
      [
        'PUT /v2.0/networks/n1/tags',
        'GET /v2.0/ports/p1/tags',
        'PUT /v2.0/security-groups/g1/tags/web%20tier',
        'DELETE /v2.0/floatingips/f1/tags/old',
        'GET /v2.0/routers/r1/tags/missing',
        'DELETE /v2.0/policies/q1/tags',
      ],
    );
  });

  test('an instance follows its tags; untaggable resources are refused', async () => {
    m.on(
      reply('GET', '*', 200, { subnet: { id: 's1', tags: ['old'] } }),
      route('*', /\/tags$/, (req, res) => json(res, 200, bodyOf(req))),
      reply('*', '*', 201),
    );
    const s = await net.getSubnet('s1');
    await net.setTags(s, ['new']);
    assert.deepEqual(s.tags, ['new']);
    await net.addTag(s, 'more');
    assert.deepEqual(s.tags, ['new', 'more']);
    assert.equal(m.calls[2]!.url, '/v2.0/subnets/s1/tags/more');
    await assert.rejects(net.setTags({ collection: '/agents' as never, id: 'a' }, []), /does not tag/);
  });
});

describe('quotas, subnet pools, agents', () => {
  test('quota get fills in the project; details and defaults have their own paths', async () => {
    m.on(
      reply('*', /\/details\.json$/, 200, { quota: { network: { limit: 10, used: 2, reserved: 0 } } }),
      reply('*', '*', 200, { quota: { network: 10, port: 50 } }),
    );
    const q = await net.getQuota('proj');
    assert.equal(q.id, 'proj');
    assert.equal(q.projectId, 'proj');
    assert.equal(q.network, 10);
    await net.getQuotaDefault('proj');
    const d = await net.getQuotaDetails('proj');
    assert.deepEqual(d.network, { limit: 10, used: 2, reserved: 0 });
    await net.updateQuota('proj', { port: 60, checkLimit: true });
    await net.deleteQuota('proj');
    assert.deepEqual(
      m.calls.map((r) => `${r.method} ${r.url}`),
      [
        'GET /v2.0/quotas/proj',
        'GET /v2.0/quotas/proj/default',
        'GET /v2.0/quotas/proj/details.json',
        'PUT /v2.0/quotas/proj',
        'DELETE /v2.0/quotas/proj',
      ],
    );
    assert.deepEqual(body(3), { quota: { port: 60, check_limit: true } });
  });

  test('subnet pool prefixes and agent scheduling', async () => {
    m.on(
      reply('*', /_prefixes/, 200, { prefixes: ['10.0.0.0/16', '10.1.0.0/16'] }),
      reply('GET', '*', 200, { agents: [{ id: 'a1', agent_type: 'DHCP agent' }] }),
      reply('POST', '*', 201),
      reply('*', '*', 204),
    );
    assert.deepEqual(await net.addSubnetPoolPrefixes('sp', ['10.1.0.0/16']), ['10.0.0.0/16', '10.1.0.0/16']);
    assert.deepEqual(body(0), { prefixes: ['10.1.0.0/16'] });
    const agents = await net.listNetworkDhcpAgents('n1').toArray();
    assert.equal(agents[0]?.agentType, 'DHCP agent');
    await net.addNetworkToDhcpAgent('a1', 'n1');
    assert.deepEqual(body(2), { network_id: 'n1' });
    await net.removeRouterFromL3Agent('a1', 'r1');
    assert.deepEqual(
      m.calls.map((r) => `${r.method} ${r.url}`),
      [
        'PUT /v2.0/subnetpools/sp/add_prefixes',
        'GET /v2.0/networks/n1/dhcp-agents',
        'POST /v2.0/agents/a1/dhcp-networks',
        'DELETE /v2.0/agents/a1/l3-routers/r1',
      ],
    );
  });

  test('QoS rules need their policy; NotFound maps from neutron errors', async () => {
    assert.throws(() => net.listQosDscpMarkingRules(), /needs the parent's id/);
    m.on(
      reply('*', '*', 404, {
        NeutronError: {
          type: 'QosPolicyNotFound',
          message: 'QoS policy q could not be found.',
          detail: '',
        },
      }),
    );
    await assert.rejects(
      net.getQosDscpMarkingRule('r', { parent: { qosPolicyId: 'q' } }),
      (e: unknown) =>
        e instanceof NotFoundError && /QoS policy q could not be found/.test((e as Error).message),
    );
    assert.equal(path(0), '/v2.0/qos/policies/q/dscp_marking_rules/r');
  });
});

describe('segments (not loaded on the dev cloud)', () => {
  test('CRUD paths and bodies', async () => {
    m.on(
      reply('DELETE', '*', 204),
      reply('GET', /^\/segments\?/, 200, {
        segments: [{ id: 'sg1', network_id: 'n1', segmentation_id: 1001 }],
      }),
      route('*', '*', (req, res) =>
        json(res, req.method === 'POST' ? 201 : 200, {
          segment: { id: 'sg1', ...(bodyOf(req) as any)?.segment },
        }),
      ),
    );
    const s = await net.createSegment({
      networkId: 'n1',
      networkType: 'vlan',
      physicalNetwork: 'physnet1',
      segmentationId: 1001,
      name: null,
    });
    assert.deepEqual(body(0), {
      segment: {
        network_id: 'n1',
        network_type: 'vlan',
        physical_network: 'physnet1',
        segmentation_id: 1001,
        name: null,
      },
    });
    assert.equal(s.segmentationId, 1001);
    await net.updateSegment(s, { description: 'd' });
    assert.deepEqual(body(1), { segment: { description: 'd' } });
    // @ts-expect-error segmentation_id is set at creation only
    await assert.rejects(net.updateSegment(s, { segmentationId: 5 }), /can only be set when creating/);
    assert.equal((await net.listSegments({ networkId: 'n1' }).toArray()).length, 1);
    await net.deleteSegment(s);
    assert.deepEqual(
      m.calls.map((r) => `${r.method} ${r.url}`),
      [
        'POST /v2.0/segments',
        'PUT /v2.0/segments/sg1',
        'GET /v2.0/segments?network_id=n1',
        'DELETE /v2.0/segments/sg1',
      ],
    );
  });
});
