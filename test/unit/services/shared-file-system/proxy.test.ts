/**
 * Offline tests of the shared file system proxy's own logic: action bodies, manila's
 * display_name on update, validation before sending, the microversion header manila reads,
 * and a failed wait explained by manila's user message.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ResourceFailureError, ValidationError } from '../../../../src/index.js';
import { SharedFileSystemV2 } from '../../../../src/services/shared-file-system/proxy.js';
import { redactJson } from '../../../../src/transport/redact.js';
import { fakeStarter, json, type Route, reply, route } from '../../../support/fake-service.js';

const SHARE = '011d21e2-fbc3-4e4a-9993-9ea223f73264';
const startFake = fakeStarter();

/** A share document of manila's detail view at `status` and `size`. */
function shareDoc(status: string, size = 1) {
  return {
    share: {
      id: SHARE,
      name: 'data',
      description: null,
      size,
      share_proto: 'NFS',
      status,
      availability_zone: 'nova',
      share_type: 'type-1',
      share_network_id: null,
      snapshot_id: null,
      metadata: {},
      is_public: false,
      project_id: 'p1',
      created_at: '2026-01-01T00:00:00.000000',
    },
  };
}

async function manila(routes: Route[], microversion?: string) {
  const f = await startFake('shared-file-system', routes);
  return Object.assign(f, { sfs: f.proxy(SharedFileSystemV2, { microversion }) });
}

describe('shares', () => {
  test('resizeShare extends a smaller share and shrinks a larger one, then waits', async () => {
    let size = 2;
    const f = await manila([
      route('GET', `/shares/${SHARE}`, (_c, res) => json(res, 200, shareDoc('available', size))),
      route('POST', `/shares/${SHARE}/action`, (c, res) => {
        const body = JSON.parse(c.body ?? '{}');
        size = (body.extend ?? body.shrink).new_size;
        return json(res, 202);
      }),
    ]);
    const grown = await f.sfs.resizeShare(SHARE, 5, { intervalMs: 1 });
    assert.equal(grown.size, 5, 'the waited-for share has the new size');
    await f.sfs.resizeShare(SHARE, 3, { intervalMs: 1 });
    const actions = f.bodies().filter((b) => b !== undefined);
    assert.deepEqual(
      actions,
      [{ extend: { new_size: 5 } }, { shrink: { new_size: 3 } }],
      'extend then shrink',
    );
  });

  test('a size that is not a positive whole number is refused before any request', async () => {
    const f = await manila([]);
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      await assert.rejects(
        f.sfs.resizeShare(SHARE, bad),
        (e: unknown) => e instanceof ValidationError && e.field === 'newSize',
        `newSize ${bad} is a ValidationError naming newSize`,
      );
    }
    assert.equal(f.calls.length, 0, 'nothing was sent');
  });

  test('updateShare sends display_name and display_description, which manila reads', async () => {
    const f = await manila([reply('PUT', `/shares/${SHARE}`, 200, shareDoc('available'))]);
    await f.sfs.updateShare(SHARE, { name: 'new', description: null, isPublic: true });
    assert.deepEqual(
      f.bodies()[0],
      { share: { is_public: true, display_name: 'new', display_description: null } },
      'manila ignores name/description on update',
    );
  });

  test('requests carry the X-OpenStack-Manila-API-Version header at the default 2.65', async () => {
    const f = await manila([reply('GET', '/shares/detail', 200, { shares: [] })]);
    await f.sfs.listShares().toArray();
    const h = f.calls[0]?.headers['x-openstack-manila-api-version'];
    assert.equal(h, '2.65', 'manila reads only its own header');
  });

  test("a share that goes to error fails the wait with manila's user message", async () => {
    const f = await manila([
      reply('GET', `/shares/${SHARE}`, 200, shareDoc('error')),
      reply('GET', '/messages', 200, {
        messages: [
          { id: 'm1', user_message: 'create: No storage could be allocated for this share request.' },
        ],
      }),
    ]);
    await assert.rejects(
      f.sfs.waitForShare(SHARE, 'available', { intervalMs: 1 }),
      (e: unknown) =>
        e instanceof ResourceFailureError &&
        e.status === 'error' &&
        /No storage could be allocated/.test(e.message),
      "the failure names the status and manila's reason",
    );
    assert.ok(
      f.lines().some((l) => l.startsWith('GET /messages?') && l.includes(`resource_id=${SHARE}`)),
      'the reason was asked for this share',
    );
  });
});

describe('access rules', () => {
  test('grantShareAccess sends allow_access and returns the rule', async () => {
    const f = await manila([
      reply('POST', `/shares/${SHARE}/action`, 200, {
        access: {
          id: 'r1',
          share_id: SHARE,
          access_type: 'ip',
          access_to: '10.0.0.0/24',
          access_level: 'ro',
          state: 'queued_to_apply',
          access_key: null,
          created_at: '2026-01-01T00:00:00',
          updated_at: null,
          metadata: {},
        },
      }),
    ]);
    const rule = await f.sfs.grantShareAccess(SHARE, {
      accessType: 'ip',
      accessTo: '10.0.0.0/24',
      accessLevel: 'ro',
    });
    assert.equal(rule.state, 'queued_to_apply', 'the rule as manila answered it');
    assert.deepEqual(
      f.bodies()[0],
      { allow_access: { access_type: 'ip', access_to: '10.0.0.0/24', access_level: 'ro' } },
      'the allow_access body',
    );
  });

  test('a bad access type, target or level is refused before any request', async () => {
    const f = await manila([]);
    const cases: [unknown, string][] = [
      [{ accessType: 'nfs', accessTo: '10.0.0.1' }, 'access.accessType'],
      [{ accessType: 'ip', accessTo: ' ' }, 'access.accessTo'],
      [{ accessType: 'ip', accessTo: '10.0.0.1', accessLevel: 'rx' }, 'access.accessLevel'],
    ];
    for (const [grant, field] of cases) {
      await assert.rejects(
        f.sfs.grantShareAccess(SHARE, grant as never),
        (e: unknown) => e instanceof ValidationError && e.field === field,
        `${JSON.stringify(grant)} is refused naming ${field}`,
      );
    }
    assert.equal(f.calls.length, 0, 'nothing was sent');
  });

  test('listing access rules below 2.45 names the microversion to pin', async () => {
    const f = await manila([], '2.40');
    await assert.rejects(
      f.sfs.listAccessRules(SHARE).toArray(),
      (e: unknown) => e instanceof ValidationError && /2\.45/.test(e.message),
      'the error names 2.45',
    );
  });
});

describe('secrets', () => {
  test("a cephx rule's access_key is redacted wherever a body is logged", () => {
    const logged = JSON.stringify(
      redactJson({
        access: { id: 'r1', access_type: 'cephx', access_to: 'alice', access_key: 'AQBx-secret==' },
      }),
    );
    assert.ok(!logged.includes('AQBx-secret=='), `the cephx secret leaked: ${logged}`);
    assert.ok(logged.includes('alice'), 'the rest of the rule is kept');
  });
});
