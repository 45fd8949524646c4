/** The cloud layer's decisions that need no cloud: flavors, networks, rules, addresses, filters. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bootVolumeSize } from '../../../src/cloud/create-server.js';
import { Rollback } from '../../../src/cloud/created.js';
import { publicKeyMaterial } from '../../../src/cloud/keypair.js';
import { matchesCleanupFilters } from '../../../src/cloud/project-cleanup.js';
import { pickOnlyNetwork, pickSmallestFlavor, usableNetworks } from '../../../src/cloud/resolve.js';
import { createdWithin, nameMatches, toTime } from '../../../src/cloud/search.js';
import { ruleKeyOfApi, ruleKeyOfSpec, sameRule } from '../../../src/cloud/security-group.js';
import { serverIps } from '../../../src/cloud/server-addresses.js';
import { ValidationError } from '../../../src/index.js';

describe('flavor minimums', () => {
  const flavors = [
    { id: 'big', ram: 4096, vcpus: 2, disk: 40 },
    { id: 'nano', ram: 128, vcpus: 1, disk: 1 },
    { id: 'micro', ram: 192, vcpus: 1, disk: 1 },
    { id: 'off', ram: 256, vcpus: 1, disk: 1, isDisabled: true },
    { id: 'two', ram: 192, vcpus: 2, disk: 1 },
  ];
  test('the smallest by RAM, then vCPUs, then disk', () => {
    assert.equal(pickSmallestFlavor(flavors, {})?.id, 'nano');
    assert.equal(pickSmallestFlavor(flavors, { minRam: 150 })?.id, 'micro');
    assert.equal(pickSmallestFlavor(flavors, { minRam: 150, minVcpus: 2 })?.id, 'two');
    assert.equal(pickSmallestFlavor(flavors, { minDisk: 2 })?.id, 'big');
  });
  test('disabled flavors are never picked; nothing fits gives undefined', () => {
    assert.equal(pickSmallestFlavor(flavors, { minRam: 200, minVcpus: 1 })?.id, 'big');
    assert.equal(pickSmallestFlavor(flavors, { minRam: 100_000 }), undefined);
  });
});

describe('network auto-selection', () => {
  const priv = { id: 'p', name: 'private', subnets: ['s1'] };
  const ext = { id: 'e', name: 'public', isRouterExternal: true, subnets: ['s2'] };
  const empty = { id: 'x', name: 'no-subnet', subnets: [] };
  test('external networks and networks without subnets are not usable', () => {
    assert.deepEqual(usableNetworks([priv, ext, empty]), [priv]);
  });
  test('exactly one usable network is chosen', () => {
    assert.equal(pickOnlyNetwork([priv]), priv);
  });
  test('several: a ValidationError listing the choices', () => {
    assert.throws(
      () => pickOnlyNetwork([priv, { id: 'q', name: 'other' }]),
      (e: Error) =>
        e instanceof ValidationError &&
        /2 usable networks/.test(e.message) &&
        /"private" \(p\)/.test(e.message),
    );
  });
  test('none: a ValidationError saying how to make one', () => {
    assert.throws(() => pickOnlyNetwork([]), /no network a server can use.*getOrCreateNetwork/s);
  });
});

describe('security group rule comparison', () => {
  test('0.0.0.0/0 equals "any", protocol numbers equal names, port shorthand', () => {
    const api = {
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: '6',
      port_range_min: 22,
      port_range_max: 22,
      remote_ip_prefix: null,
      remote_group_id: null,
    };
    assert.ok(
      sameRule(ruleKeyOfApi(api), ruleKeyOfSpec({ protocol: 'tcp', port: 22, remoteIpPrefix: '0.0.0.0/0' })),
    );
    assert.ok(
      sameRule(ruleKeyOfApi(api), ruleKeyOfSpec({ protocol: 'TCP', portRangeMin: 22, portRangeMax: 22 })),
    );
  });
  test('different ports, directions or ethertypes differ', () => {
    const ssh = ruleKeyOfSpec({ protocol: 'tcp', port: 22 });
    assert.ok(!sameRule(ssh, ruleKeyOfSpec({ protocol: 'tcp', port: 2222 })));
    assert.ok(!sameRule(ssh, ruleKeyOfSpec({ protocol: 'tcp', port: 22, direction: 'egress' })));
    assert.ok(!sameRule(ssh, ruleKeyOfSpec({ protocol: 'tcp', port: 22, remoteIpPrefix: '::/0' })));
    assert.equal(ruleKeyOfSpec({ remoteIpPrefix: '2001:db8::/32' }).ethertype, 'IPv6');
  });
  test('icmp without ports matches neutron null ports', () => {
    const api = { direction: 'ingress', ethertype: 'IPv4', protocol: 'icmp', port_range_min: null };
    assert.ok(sameRule(ruleKeyOfApi(api), ruleKeyOfSpec({ protocol: 'icmp' })));
  });
});

describe('small helpers', () => {
  test('public key material ignores the comment and whitespace', () => {
    assert.equal(
      publicKeyMaterial('ssh-ed25519 AAAA me@host\n'),
      publicKeyMaterial('  ssh-ed25519   AAAA other'),
    );
  });
  test('server addresses: fixed and floating IPv4, preferring a network', () => {
    const ips = serverIps(
      {
        a: [{ addr: '10.1.0.5', version: 4, 'OS-EXT-IPS:type': 'fixed' }],
        b: [
          { addr: 'fd00::5', version: 6, 'OS-EXT-IPS:type': 'fixed' },
          { addr: '10.2.0.5', version: 4, 'OS-EXT-IPS:type': 'fixed' },
          { addr: '172.24.4.9', version: 4, 'OS-EXT-IPS:type': 'floating' },
        ],
      },
      'b',
    );
    assert.equal(ips.privateV4, '10.2.0.5');
    assert.equal(ips.publicV4, '172.24.4.9');
    assert.equal(ips.all.length, 4);
    assert.deepEqual(serverIps(undefined), { privateV4: undefined, publicV4: undefined, all: [] });
  });
  test('boot volume size: asked, else the largest of flavor disk, min_disk and image size', () => {
    const img = { minDisk: 3, size: 5 * 1024 ** 3 + 1 } as never;
    assert.equal(bootVolumeSize(1, img), 6);
    assert.equal(bootVolumeSize(10, img), 10);
    assert.equal(bootVolumeSize(10, img, 2), 2);
    assert.equal(bootVolumeSize(0, { size: 1 } as never), 1);
  });
  test('name filters: strings are exact, RegExps are tested (global ones too)', () => {
    assert.ok(nameMatches('web-1', 'web-1'));
    assert.ok(!nameMatches('web-10', 'web-1'));
    const re = /^web-\d$/g;
    assert.ok(nameMatches('web-1', re));
    assert.ok(nameMatches('web-2', re), 'lastIndex is reset between calls');
    assert.ok(!nameMatches(undefined, /x/));
    assert.ok(nameMatches(undefined, undefined));
  });
  test('times without a zone are UTC; creation ranges', () => {
    assert.equal(toTime('2026-01-01T00:00:00.000000'), Date.UTC(2026, 0, 1));
    assert.equal(toTime('2026-01-01T00:00:00Z'), Date.UTC(2026, 0, 1));
    assert.equal(toTime('not a time'), undefined);
    assert.ok(createdWithin('2026-01-01T00:00:00Z', { createdBefore: '2026-01-02T00:00:00Z' }));
    assert.ok(!createdWithin('2026-01-03T00:00:00Z', { createdBefore: '2026-01-02T00:00:00Z' }));
    assert.ok(!createdWithin(undefined, { createdAfter: new Date(0) }), 'unknown time never matches a range');
    assert.ok(createdWithin(undefined, {}));
  });
  test('cleanup filters: prefix and time must both match', () => {
    const f = { namePrefix: 'run1-', createdBefore: '2026-06-01T00:00:00Z' };
    assert.ok(matchesCleanupFilters('run1-net', '2026-05-01T00:00:00Z', f));
    assert.ok(!matchesCleanupFilters('run2-net', '2026-05-01T00:00:00Z', f));
    assert.ok(!matchesCleanupFilters('run1-net', '2026-07-01T00:00:00Z', f));
    assert.ok(!matchesCleanupFilters(undefined, '2026-05-01T00:00:00Z', f));
    assert.ok(matchesCleanupFilters(undefined, undefined, {}));
  });
});

describe('Rollback', () => {
  test('undoes newest first, attempts every step, lists what was created', async () => {
    const done: string[] = [];
    const r = new Rollback();
    r.add({ type: 'keypair', id: 'k' }, async () => done.push('k'));
    r.add(undefined, async () => done.push('detach'));
    r.add({ type: 'server', id: 's' }, async () => {
      throw new Error('boom');
    });
    r.add({ type: 'floating-ip', id: 'f' }, async () => done.push('f'));
    assert.deepEqual(
      r.created.map((c) => c.id),
      ['k', 's', 'f'],
    );
    const failures = await r.rollback();
    assert.deepEqual(done, ['f', 'detach', 'k']);
    assert.equal(failures.length, 1);
    assert.equal(failures[0]!.resource?.id, 's');
  });
  test('guard rethrows the original error, naming what was left behind', async () => {
    const r = new Rollback();
    r.add({ type: 'server', id: 's1', name: 'vm' }, async () => {
      throw new Error('still there');
    });
    const original = new ValidationError('bad flavor');
    let hook = 0;
    await assert.rejects(
      r.guard(
        async () => {
          throw original;
        },
        () => hook++,
      ),
      (e: Error) => e === original && /left behind: server vm s1: still there/.test(e.message),
    );
    assert.equal(hook, 1);
  });
  test('guard passes results through and keeps the record', async () => {
    const r = new Rollback();
    r.add({ type: 'network', id: 'n' }, async () => assert.fail('must not undo'));
    assert.equal(await r.guard(async () => 42), 42);
    assert.equal(r.created.length, 1);
  });
});
