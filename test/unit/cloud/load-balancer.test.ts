/**
 * `createLoadBalancer` of the cloud layer over a scripted load-balancer proxy: the order of the
 * steps and waits, input refused before any call, and the rollback (one cascade delete of the
 * load balancer, then a wait for it to be gone) when the API rejects a step mid-way.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CloudConnection } from '../../../src/cloud/cloud-connection.js';
import { createLoadBalancer } from '../../../src/cloud/load-balancer.js';
import { BadRequestError, ValidationError } from '../../../src/index.js';

/** A load-balancer proxy that records its calls; `failOn` makes one method throw. */
function scripted(failOn?: { method: string; error: Error; after?: number }) {
  const calls: string[] = [];
  let seen = 0;
  const obj = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    provisioningStatus: 'ACTIVE',
    ...extra,
  });
  const rec =
    (method: string, fn: (...a: any[]) => unknown) =>
    async (...a: any[]) => {
      calls.push(method);
      if (failOn?.method === method && seen++ >= (failOn.after ?? 0)) throw failOn.error;
      return fn(...a);
    };
  const loadBalancer = {
    createLoadBalancer: rec('createLoadBalancer', () => obj('lb1', { provisioningStatus: 'PENDING_CREATE' })),
    waitForLoadBalancer: rec('waitForLoadBalancer', () => obj('lb1')),
    createListener: rec('createListener', (a) => obj('l1', a)),
    getListener: rec('getListener', () => obj('l1')),
    createPool: rec('createPool', (a) => obj('p1', a)),
    getPool: rec('getPool', () => obj('p1')),
    createMember: rec('createMember', (a) => obj(`m-${a.address}`, a)),
    getMember: rec('getMember', (id) => obj(id)),
    createHealthMonitor: rec('createHealthMonitor', (a) => obj('hm1', a)),
    getHealthMonitor: rec('getHealthMonitor', () => obj('hm1')),
    deleteLoadBalancer: rec('deleteLoadBalancer', (_id, o) => {
      calls.push(`cascade=${o?.cascade}`);
    }),
    waitForLoadBalancerDelete: rec('waitForLoadBalancerDelete', () => undefined),
  };
  return { conn: { loadBalancer } as unknown as CloudConnection, calls };
}

const FULL = {
  name: 'web',
  vipSubnetId: 'sub1',
  listener: { protocol: 'HTTP', protocolPort: 80 },
  pool: {},
  members: [
    { address: '10.0.0.1', protocolPort: 8080 },
    { address: '10.0.0.2', protocolPort: 8080 },
  ],
  healthMonitor: { type: 'HTTP' },
};

describe('cloud createLoadBalancer', () => {
  test('each step is followed by a wait for the load balancer', async () => {
    const { conn, calls } = scripted();
    const out = await createLoadBalancer(conn, FULL);
    assert.deepEqual(
      calls,
      [
        'createLoadBalancer',
        'waitForLoadBalancer',
        'createListener',
        'waitForLoadBalancer',
        'getListener',
        'createPool',
        'waitForLoadBalancer',
        'getPool',
        'createMember',
        'waitForLoadBalancer',
        'getMember',
        'createMember',
        'waitForLoadBalancer',
        'getMember',
        'createHealthMonitor',
        'waitForLoadBalancer',
        'getHealthMonitor',
      ],
      'create, then wait, then read the new object back',
    );
    assert.equal(out.members.length, 2, 'both members returned');
    assert.equal(out.healthMonitor?.id, 'hm1', 'the monitor returned');
  });

  test('the pool takes the listener’s protocol and ROUND_ROBIN unless told', async () => {
    const { conn } = scripted();
    let sent: Record<string, unknown> | undefined;
    const lb = conn.loadBalancer as unknown as {
      createPool: (a: Record<string, unknown>) => Promise<unknown>;
    };
    const create = lb.createPool;
    lb.createPool = (a) => {
      sent = a;
      return create(a);
    };
    await createLoadBalancer(conn, { ...FULL, members: [], healthMonitor: undefined });
    assert.equal(sent?.protocol, 'HTTP', 'protocol from the listener');
    assert.equal(sent?.lbAlgorithm, 'ROUND_ROBIN', 'default algorithm');
    assert.equal(sent?.listenerId, 'l1', 'behind the new listener');
  });

  test('a rejected member rolls back with one cascade delete and a wait', async () => {
    const error = new BadRequestError({
      status: 400,
      method: 'POST',
      url: 'http://octavia/v2/lbaas/pools/p1/members',
      serviceMessage: 'Invalid input for field/attribute address',
    });
    const { conn, calls } = scripted({ method: 'createMember', error, after: 1 });
    await assert.rejects(
      createLoadBalancer(conn, FULL),
      (e: unknown) => e === error,
      'the API error is rethrown',
    );
    assert.deepEqual(
      calls.slice(-3),
      ['deleteLoadBalancer', 'cascade=true', 'waitForLoadBalancerDelete'],
      'the load balancer is deleted with cascade, then waited for',
    );
    assert.equal(
      calls.filter((c) => c === 'deleteLoadBalancer').length,
      1,
      'one delete takes everything along',
    );
  });

  test('a step that ends in ERROR fails and rolls back', async () => {
    const { conn, calls } = scripted();
    (conn.loadBalancer as unknown as { getPool: () => Promise<unknown> }).getPool = async () => ({
      id: 'p1',
      provisioningStatus: 'ERROR',
    });
    await assert.rejects(
      createLoadBalancer(conn, FULL),
      (e: unknown) => e instanceof Error && /pool p1 of load balancer lb1 went to ERROR/.test(e.message),
      'names the step, the object and the status',
    );
    assert.ok(calls.includes('deleteLoadBalancer'), 'rolled back');
  });

  test('inconsistent input is refused before any call, naming the field', async () => {
    const { conn, calls } = scripted();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x' }, 'createLoadBalancer.vipSubnetId'],
      [{ name: '', vipSubnetId: 's' }, 'createLoadBalancer.name'],
      [{ name: 'x', vipSubnetId: 's', pool: {} }, 'createLoadBalancer.pool'],
      [{ name: 'x', vipSubnetId: 's', healthMonitor: { type: 'TCP' } }, 'createLoadBalancer.healthMonitor'],
      [
        { name: 'x', vipSubnetId: 's', listener: { protocol: 'HTTP', protocolPort: 70000 } },
        'createLoadBalancer.listener.protocolPort',
      ],
      [
        { ...FULL, members: [{ address: '10.0.0.1', protocolPort: 1.5 }] },
        'createLoadBalancer.members[0].protocolPort',
      ],
    ];
    for (const [opts, field] of cases) {
      await assert.rejects(
        createLoadBalancer(conn, opts as never),
        (e: unknown) => e instanceof ValidationError && e.field === field,
        `refused naming ${field}`,
      );
    }
    assert.deepEqual(calls, [], 'nothing was called');
  });
});
