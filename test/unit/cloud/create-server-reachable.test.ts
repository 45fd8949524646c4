/**
 * createServer's `reachable` option against the in-memory cloud, whose addresses are 127.0.0.1:
 * a real local TCP server answers or a closed port refuses, so every probe is a real connect.
 */
import assert from 'node:assert/strict';
import { createServer as createTcpServer, type Server } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { type CreateServerProgress, createServer } from '../../../src/cloud/create-server.js';
import {
  AbortedError,
  BadRequestError,
  ServerUnreachableError,
  TimeoutError,
  ValidationError,
} from '../../../src/index.js';
import { defaultSecurityGroup, fakeCloud } from './fake-cloud.js';

const base = { name: 'vm1', image: 'cirros', flavor: 'm1.nano', intervalMs: 10 };
const LOCAL = { fixedIp: '127.0.0.1', floatingIpAddress: '127.0.0.1' };
/** The security group reason, in its three forms (none allows it, only narrower sources, no group). */
const SG_REASON = /security groups of port|has no security group/;

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

function leftovers(f: ReturnType<typeof fakeCloud>) {
  return {
    servers: f.state.servers.size,
    keypairs: f.state.keypairs.size,
    fips: f.state.fips.size,
    volumes: f.state.volumes.size,
  };
}

/** What createServer threw, for assertions on its fields. */
async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  assert.fail('createServer was expected to fail');
}

describe('createServer reachable', () => {
  const listening = createTcpServer((sock) => sock.destroy());
  let open = 0;
  let closed = 0;
  before(async () => {
    open = await listen(listening);
    const gone = createTcpServer();
    closed = await listen(gone);
    await new Promise((r) => gone.close(r));
  });
  after(() => new Promise((r) => listening.close(r)));

  test('answers on the floating IP: reached, with a reachable stage between addresses and done', async () => {
    const f = fakeCloud(LOCAL);
    const progress: CreateServerProgress[] = [];
    const r = await createServer(f.conn, {
      ...base,
      autoIp: true,
      reachable: { port: open },
      onProgress: (p) => progress.push(p),
    });
    assert.deepEqual(
      r.reached,
      { address: '127.0.0.1', port: open, attempts: 1 },
      'the first attempt connects',
    );
    assert.equal(r.publicV4, '127.0.0.1', 'the floating IP is returned as before');
    const stages = progress.map((p) => p.stage);
    assert.deepEqual(
      stages.slice(-3),
      ['addresses', 'reachable', 'done'],
      `stage order: ${stages.join(', ')}`,
    );
    const reach = progress.find((p) => p.stage === 'reachable');
    assert.equal(reach?.address, `127.0.0.1:${open}`, 'the stage names the address and port');
    assert.equal(reach?.attempt, 1, 'and the attempt');
    assert.equal(f.state.servers.size, 1, 'a reachable server is kept');
  });

  test('without a floating IP the fixed address is probed', async () => {
    const f = fakeCloud(LOCAL);
    const r = await createServer(f.conn, { ...base, reachable: { port: open } });
    assert.equal(r.reached?.address, '127.0.0.1', 'the fixed address answered');
    assert.equal(r.publicV4, undefined, 'no floating IP was attached');
  });

  test("reachable: true probes port 22 on the floating IP, host: 'private' the fixed one", async () => {
    const f = fakeCloud({ fixedIp: '127.0.0.1', floatingIpAddress: '127.0.0.2' });
    const seen: string[] = [];
    const onProgress = (p: CreateServerProgress) => p.address && seen.push(p.address);
    // whatever answers on this machine's port 22, the address probed is what is checked
    await createServer(f.conn, { ...base, autoIp: true, reachable: true, timeoutMs: 300, onProgress }).catch(
      () => undefined,
    );
    assert.equal(seen[0], '127.0.0.2:22', 'the default is SSH on the floating IP');
    const g = fakeCloud({ fixedIp: '127.0.0.1', floatingIpAddress: '127.0.0.2' });
    const r = await createServer(g.conn, {
      ...base,
      autoIp: true,
      reachable: { port: open, host: 'private' },
    });
    assert.equal(r.reached?.address, '127.0.0.1', "host: 'private' probes the fixed address");
  });

  test('a closed port with no rule for it: ServerUnreachableError with the security group reason, all rolled back', async () => {
    const f = fakeCloud(LOCAL);
    f.state.consoleOutput = 'Starting sshd: FAIL\nlogin: ';
    const stages: string[] = [];
    const e = await failure(
      createServer(f.conn, {
        ...base,
        keyName: 'k1',
        publicKey: 'ssh-ed25519 AAAA test',
        autoIp: true,
        reachable: { port: closed, timeoutMs: 200 },
        onProgress: (p) => stages.push(p.stage),
      }),
    );
    assert.ok(e instanceof ServerUnreachableError, `a ServerUnreachableError, not ${e.name}: ${e.message}`);
    assert.ok(e instanceof TimeoutError, 'it is a TimeoutError too, for code that handles deadlines');
    assert.match(e.serverId, /^srv-/, 'it names the server');
    assert.equal(e.address, '127.0.0.1', 'and the address');
    assert.equal(e.port, closed, 'and the port');
    assert.ok(e.attempts >= 1, `at least one attempt was made (${e.attempts})`);
    assert.equal(e.lastError, 'ECONNREFUSED', 'the last failure is kept');
    const sg = e.reasons.find((r) => SG_REASON.test(r));
    assert.ok(sg, `a security group reason: ${e.reasons.join(' | ')}`);
    assert.match(sg, /default \(sg-default\)/, 'the group is named');
    assert.match(sg, new RegExp(`port: ${closed}`), 'the fix names the port');
    assert.ok(
      e.reasons.some((r) => r.includes('Starting sshd: FAIL')),
      `the console log's last lines are shown: ${e.reasons.join(' | ')}`,
    );
    assert.ok(!e.reasons.some((r) => r.includes('no floating IP')), 'the server has a floating IP');
    assert.match(e.message, /did not accept a TCP connection on 127\.0\.0\.1:/, e.message);
    assert.deepEqual(
      leftovers(f),
      { servers: 0, keypairs: 0, fips: 0, volumes: 0 },
      'everything rolled back',
    );
    assert.ok(f.calls.includes('waitForServerDelete'), 'the server deletion was waited for');
    assert.equal(stages.at(-1), 'cleanup', 'the cleanup stage is reported');
  });

  test('a closed port whose group allows it: no security group reason, the refusal explained', async () => {
    const allow = defaultSecurityGroup('sg-web');
    allow.securityGroupRules.push({
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      port_range_min: closed,
      port_range_max: closed,
      remote_ip_prefix: '0.0.0.0/0',
      remote_group_id: null,
    });
    const f = fakeCloud({ ...LOCAL, securityGroups: [allow] });
    const e = await failure(
      createServer(f.conn, { ...base, autoIp: true, reachable: { port: closed, timeoutMs: 200 } }),
    );
    assert.ok(e instanceof ServerUnreachableError, `a ServerUnreachableError, not ${e.name}: ${e.message}`);
    assert.ok(
      !e.reasons.some((r) => SG_REASON.test(r)),
      `no security group reason: ${e.reasons.join(' | ')}`,
    );
    assert.ok(
      e.reasons.some((r) => r.includes('connection was refused')),
      `the refusal is explained: ${e.reasons.join(' | ')}`,
    );
    assert.deepEqual(
      leftovers(f),
      { servers: 0, keypairs: 0, fips: 0, volumes: 0 },
      'everything rolled back',
    );
  });

  test('no floating IP: the reasons say the fixed address is probably not routable', async () => {
    const f = fakeCloud(LOCAL);
    const e = await failure(createServer(f.conn, { ...base, reachable: { port: closed, timeoutMs: 100 } }));
    assert.ok(e instanceof ServerUnreachableError, `a ServerUnreachableError, not ${e.name}`);
    assert.ok(
      e.reasons.some((r) => /no floating IP.*autoIp: true/.test(r)),
      `the routing reason with its fix: ${e.reasons.join(' | ')}`,
    );
  });

  test('a server that left ACTIVE while probed: its status and fault come first', async () => {
    const f = fakeCloud(LOCAL);
    const e = await failure(
      createServer(f.conn, {
        ...base,
        reachable: { port: closed, timeoutMs: 100 },
        onProgress: (p) => {
          if (p.stage !== 'reachable') return;
          const s = [...f.state.servers.values()][0]!;
          s.forcedStatus = 'ERROR';
          s.fault = { code: 500, message: 'Instance crashed', created: '' };
        },
      }),
    );
    assert.ok(e instanceof ServerUnreachableError, `a ServerUnreachableError, not ${e.name}`);
    assert.equal(e.reasons[0], 'the server is ERROR, no longer ACTIVE: Instance crashed', 'status first');
  });

  test('failing checks do not hide the timeout: they become "could not check" notes', async () => {
    const f = fakeCloud(LOCAL);
    f.failOn.set(
      'getServerConsoleOutput',
      new BadRequestError({ status: 400, method: 'POST', url: 'console' }),
    );
    f.failOn.set('getSecurityGroup', new Error('neutron is down'));
    const e = await failure(createServer(f.conn, { ...base, reachable: { port: closed, timeoutMs: 100 } }));
    assert.ok(
      e instanceof ServerUnreachableError,
      `still the ServerUnreachableError, not ${e.name}: ${e.message}`,
    );
    assert.ok(
      e.reasons.some((r) => r.startsWith('could not check the console log')),
      `console check failure noted: ${e.reasons.join(' | ')}`,
    );
    assert.ok(
      e.reasons.some((r) => r === 'could not check the security groups: neutron is down'),
      `security group check failure noted: ${e.reasons.join(' | ')}`,
    );
    assert.equal(f.state.servers.size, 0, 'the rollback still ran');
  });

  test('the signal aborts the wait promptly, and the rollback runs', async () => {
    const f = fakeCloud(LOCAL);
    const ac = new AbortController();
    const t0 = Date.now();
    const e = await failure(
      createServer(f.conn, {
        ...base,
        autoIp: true,
        intervalMs: 30_000,
        reachable: { port: closed },
        signal: ac.signal,
        onProgress: (p) => {
          if (p.stage === 'reachable') setTimeout(() => ac.abort(), 50);
        },
      }),
    );
    const took = Date.now() - t0;
    assert.ok(e instanceof AbortedError, `an AbortedError, not ${e.name}: ${e.message}`);
    assert.ok(took < 2000, `aborted within the 30 s pause, promptly (took ${took} ms)`);
    assert.ok(!f.calls.includes('getServerConsoleOutput'), 'no diagnosis for a cancelled call');
    assert.deepEqual(
      leftovers(f),
      { servers: 0, keypairs: 0, fips: 0, volumes: 0 },
      'everything rolled back',
    );
  });

  test("the call's timeoutMs bounds the probing, whatever the interval and the option's own timeout", async () => {
    const f = fakeCloud(LOCAL);
    const t0 = Date.now();
    const e = await failure(
      createServer(f.conn, {
        ...base,
        timeoutMs: 300,
        intervalMs: 10_000,
        reachable: { port: closed, timeoutMs: 60_000 },
      }),
    );
    const took = Date.now() - t0;
    assert.ok(e instanceof ServerUnreachableError, `a ServerUnreachableError, not ${e.name}: ${e.message}`);
    assert.ok(took >= 250 && took < 1500, `the probe ended at the 300 ms deadline (took ${took} ms)`);
    assert.equal(e.attempts, 1, 'the 10 s pause was cut at the deadline: no second attempt');
  });

  test('bad options are ValidationErrors naming the field, before anything is created', async () => {
    const cases: [Parameters<typeof createServer>[1], RegExp][] = [
      [{ ...base, wait: false, reachable: true }, /^reachable: .*fix: leave wait on/i],
      [{ ...base, reachable: { port: 0 } }, /^reachable\.port: must be a TCP port from 1 to 65535/],
      [{ ...base, reachable: { port: 22.5 } }, /^reachable\.port:/],
      [{ ...base, reachable: { timeoutMs: -1 } }, /^reachable\.timeoutMs: must be a positive/],
      [{ ...base, reachable: { attemptTimeoutMs: Number.NaN } }, /^reachable\.attemptTimeoutMs:/],
      [{ ...base, reachable: { host: 'public' } }, /^reachable\.host: 'public' probes the floating IP/],
      [
        { ...base, reachable: { host: 'elsewhere' as 'public' } },
        /^reachable\.host: must be 'public' or 'private'/,
      ],
    ];
    for (const [opts, message] of cases) {
      const f = fakeCloud(LOCAL);
      const e = await failure(createServer(f.conn, opts));
      assert.ok(
        e instanceof ValidationError,
        `${JSON.stringify(opts.reachable)}: a ValidationError, not ${e.name}`,
      );
      assert.match(e.message, message, `${JSON.stringify(opts.reachable)}: ${e.message}`);
      assert.deepEqual(f.calls, [], `${JSON.stringify(opts.reachable)}: nothing was called`);
    }
  });
});
