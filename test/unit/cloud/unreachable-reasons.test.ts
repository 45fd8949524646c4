/** The reasons an unreachable server is given: security group rules, status, console log, last error (pure). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  consoleTail,
  lastErrorReason,
  securityGroupReason,
  statusReason,
} from '../../../src/cloud/unreachable-reasons.js';
import { securityGroupRule } from './fake-cloud.js';

const port = { id: 'port-1', securityGroups: ['sg-1'] };
const rule = (r: Record<string, unknown>) => securityGroupRule({ direction: 'ingress', ...r });
const group = (rules: Record<string, unknown>[], name = 'default') => ({
  id: 'sg-1',
  name,
  securityGroupRules: rules.map(rule),
});
/** neutron's default group: everything out, in only from members of the group itself. */
const DEFAULT_RULES = [
  { direction: 'egress' },
  { direction: 'egress', ethertype: 'IPv6' },
  { remote_group_id: 'sg-1' },
  { remote_group_id: 'sg-1', ethertype: 'IPv6' },
];

describe('securityGroupReason', () => {
  test("neutron's default group: tcp 22 is allowed only to its members, and the reason says how to fix it", () => {
    const r = securityGroupReason(port, [group(DEFAULT_RULES)], 22) ?? '';
    assert.match(r, /default \(sg-1\)/, `the group is named: ${r}`);
    assert.match(r, /only from members of group default \(sg-1\)/, `the narrower source is named: ${r}`);
    assert.match(
      r,
      /getOrCreateSecurityGroup\('default', \[\{ protocol: 'tcp', port: 22/,
      `the fix names a call: ${r}`,
    );
    assert.match(r, /securityGroupId: 'sg-1'/, `the fix names the group id: ${r}`);
  });

  test('no ingress rule at all: none of the groups allows it', () => {
    const r = securityGroupReason(port, [group([{ direction: 'egress' }], 'web')], 8080) ?? '';
    assert.match(r, /none of the security groups of port port-1 \(web \(sg-1\)\) allows tcp port 8080/, r);
  });

  test('a tcp rule for the port from anywhere (0.0.0.0/0 or no prefix) allows it', () => {
    for (const prefix of ['0.0.0.0/0', null]) {
      const rules = [{ protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: prefix }];
      assert.equal(securityGroupReason(port, [group(rules)], 22), undefined, `prefix ${prefix} is anywhere`);
    }
  });

  test('a range covering the port, protocol 6, or any protocol allow it', () => {
    const cases = [
      { protocol: 'tcp', port_range_min: 1, port_range_max: 1024 },
      { protocol: '6', port_range_min: 22, port_range_max: 22 },
      { protocol: null },
      { protocol: 'any' },
    ];
    for (const c of cases) {
      assert.equal(
        securityGroupReason(port, [group([c])], 22),
        undefined,
        `${JSON.stringify(c)} allows tcp 22`,
      );
    }
  });

  test('rules that do not match: other port, udp, IPv6, egress, restricted prefix', () => {
    const cases = [
      { protocol: 'tcp', port_range_min: 80, port_range_max: 80 },
      { protocol: 'udp', port_range_min: 22, port_range_max: 22 },
      { protocol: 'tcp', ethertype: 'IPv6', port_range_min: 22, port_range_max: 22 },
      { protocol: 'tcp', direction: 'egress', port_range_min: 22, port_range_max: 22 },
    ];
    for (const c of cases) {
      assert.match(
        securityGroupReason(port, [group([c])], 22) ?? '',
        /none of the security groups/,
        `${JSON.stringify(c)} does not allow tcp 22 in`,
      );
    }
    const narrow = securityGroupReason(
      port,
      [group([{ protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '10.0.0.0/8' }])],
      22,
    );
    assert.match(narrow ?? '', /only from 10\.0\.0\.0\/8: if this machine is not among them/, `${narrow}`);
  });

  test('one allowing group among several is enough', () => {
    const web = {
      ...group([{ protocol: 'tcp', port_range_min: 22, port_range_max: 22 }], 'ssh'),
      id: 'sg-2',
    };
    assert.equal(
      securityGroupReason(port, [group(DEFAULT_RULES), web], 22),
      undefined,
      'ssh group allows it',
    );
  });

  test('a port without security groups drops everything', () => {
    const r = securityGroupReason({ id: 'port-1', securityGroups: [] }, [], 22) ?? '';
    assert.match(r, /port port-1 has no security group/, r);
  });
});

describe('statusReason, lastErrorReason', () => {
  test('ACTIVE is no reason; anything else is, with task and fault', () => {
    assert.equal(statusReason('ACTIVE'), undefined, 'ACTIVE explains nothing');
    assert.equal(
      statusReason('ERROR', undefined, 'No valid host was found'),
      'the server is ERROR, no longer ACTIVE: No valid host was found',
      'status and fault are both given',
    );
    assert.match(
      statusReason('REBOOT', 'rebooting') ?? '',
      /REBOOT \(task rebooting\)/,
      'the task state is shown',
    );
  });

  test('each errno says where the traffic stops', () => {
    assert.match(
      lastErrorReason('ECONNREFUSED', 22) ?? '',
      /refused.*nothing accepts on port 22/,
      'refused: nothing listens',
    );
    assert.match(lastErrorReason('EHOSTUNREACH', 22) ?? '', /no working route/, 'unreachable: routing');
    assert.match(
      lastErrorReason('timed out after 5000 ms', 22) ?? '',
      /every attempt timed out/,
      'timeouts: dropped',
    );
    assert.equal(lastErrorReason('EWHATEVER', 22), undefined, 'an unknown code adds no guess');
    assert.equal(lastErrorReason(undefined, 22), undefined, 'no attempt, no reason');
  });
});

describe('consoleTail', () => {
  test('the last non-empty lines, without control characters', () => {
    const out = 'one\r\n\x1b[32mtwo\x1b[0m\r\n\n\nthree\r\nfour\r\n';
    assert.deepEqual(
      consoleTail(out, 3),
      ['two', 'three', 'four'],
      'escape codes and CR removed, blanks skipped',
    );
  });

  test('a line mentioning a password keeps only its beginning', () => {
    const out = "login as 'cirros' user. default password: 'gocubsgo'. use 'sudo' for root.\nok";
    const tail = consoleTail(out, 5);
    assert.equal(tail[0], "login as 'cirros' user. default password [redacted]", 'the password is cut off');
    assert.ok(!tail.join('\n').includes('gocubsgo'), 'the secret is nowhere in the tail');
    assert.equal(tail[1], 'ok', 'other lines are kept');
  });

  test('long lines are cut', () => {
    const [line] = consoleTail('x'.repeat(1000), 1);
    assert.equal(line?.length, 201, 'cut to 200 characters plus an ellipsis');
  });
});
