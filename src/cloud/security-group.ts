/** Get or create a security group with a set of rules; rules already present are not added again. */

import { ConflictError, MultipleMatchesError } from '../errors/errors.js';
import type { CloudConnection } from './cloud-connection.js';
import { Rollback } from './created.js';
import { currentProjectId } from './resolve.js';
import type { SecurityGroupResource, SecurityGroupRuleResource } from './resources.js';

/** A rule to have in a security group. Omitted fields mean "any" (as in neutron). */
export interface SecurityGroupRuleSpec {
  /** Default `ingress`. */
  direction?: 'ingress' | 'egress';
  /** Default `IPv4` (or IPv6 when `remoteIpPrefix` is an IPv6 prefix). */
  ethertype?: 'IPv4' | 'IPv6';
  /** `tcp`, `udp`, `icmp`, ... or a protocol number; omitted or null: any protocol. */
  protocol?: string | number | null;
  /** One port: shorthand for `portRangeMin` = `portRangeMax` = port. */
  port?: number;
  /** First port (tcp/udp), or ICMP type. */
  portRangeMin?: number | null;
  /** Last port (tcp/udp), or ICMP code. */
  portRangeMax?: number | null;
  /** Source (ingress) or destination (egress) prefix, e.g. `0.0.0.0/0`. */
  remoteIpPrefix?: string | null;
  /** Allow traffic from members of this group (id). */
  remoteGroupId?: string | null;
  /** The rule's description. */
  description?: string;
}

/** Options of {@link getOrCreateSecurityGroup}. */
export interface GetOrCreateSecurityGroupOptions {
  /** Description of a created group. */
  description?: string;
  /** Aborts the lookup or the creation. */
  signal?: AbortSignal;
}

/** What {@link getOrCreateSecurityGroup} found or made. */
export interface SecurityGroupResult {
  /** The group, fetched after the rules were added (its `securityGroupRules` are current). */
  securityGroup: SecurityGroupResource;
  /** True when this call created the group. */
  created: boolean;
  /** The rules this call added (empty when all were present). */
  rulesCreated: SecurityGroupRuleResource[];
}

const PROTOCOL_NUMBERS: Record<string, string> = { '1': 'icmp', '6': 'tcp', '17': 'udp', '58': 'ipv6-icmp' };

interface RuleKey {
  direction: string;
  ethertype: string;
  protocol: string | null;
  min: number | null;
  max: number | null;
  remoteIpPrefix: string | null;
  remoteGroupId: string | null;
}

function protocolName(p: unknown): string | null {
  if (p === undefined || p === null || p === '' || p === 'any') return null;
  const s = String(p).toLowerCase();
  return PROTOCOL_NUMBERS[s] ?? (s === 'icmpv6' ? 'ipv6-icmp' : s);
}

function anyPrefix(prefix: unknown): string | null {
  if (prefix === undefined || prefix === null || prefix === '') return null;
  const s = String(prefix);
  return s === '0.0.0.0/0' || s === '::/0' ? null : s;
}

function num(v: unknown): number | null {
  return v === undefined || v === null || v === '' ? null : Number(v);
}

/** The comparable key of a wanted rule (pure; exported for tests). */
export function ruleKeyOfSpec(spec: SecurityGroupRuleSpec): RuleKey {
  const v6 = typeof spec.remoteIpPrefix === 'string' && spec.remoteIpPrefix.includes(':');
  return {
    direction: spec.direction ?? 'ingress',
    ethertype: spec.ethertype ?? (v6 ? 'IPv6' : 'IPv4'),
    protocol: protocolName(spec.protocol),
    min: num(spec.port ?? spec.portRangeMin),
    max: num(spec.port ?? spec.portRangeMax),
    remoteIpPrefix: anyPrefix(spec.remoteIpPrefix),
    remoteGroupId: spec.remoteGroupId ?? null,
  };
}

/** The comparable key of a rule as neutron returns it (API names; pure; exported for tests). */
export function ruleKeyOfApi(r: Record<string, unknown>): RuleKey {
  return {
    direction: String(r.direction),
    ethertype: String(r.ethertype ?? 'IPv4'),
    protocol: protocolName(r.protocol),
    min: num(r.port_range_min),
    max: num(r.port_range_max),
    remoteIpPrefix: anyPrefix(r.remote_ip_prefix),
    remoteGroupId: (r.remote_group_id as string | null | undefined) ?? null,
  };
}

/** True when two rule keys describe the same rule. */
export function sameRule(a: RuleKey, b: RuleKey): boolean {
  return (
    a.direction === b.direction &&
    a.ethertype === b.ethertype &&
    a.protocol === b.protocol &&
    a.min === b.min &&
    a.max === b.max &&
    a.remoteIpPrefix === b.remoteIpPrefix &&
    a.remoteGroupId === b.remoteGroupId
  );
}

/** Common rules: SSH from anywhere, and ICMP (ping) from anywhere. */
export const SSH_AND_ICMP_RULES: readonly SecurityGroupRuleSpec[] = [
  { protocol: 'tcp', port: 22, remoteIpPrefix: '0.0.0.0/0' },
  { protocol: 'icmp', remoteIpPrefix: '0.0.0.0/0' },
];

/**
 * The project's security group `name`, created when missing, with every rule of `rules`
 * present afterwards. Rules already in the group (compared by direction, ethertype,
 * protocol, ports and remote; `0.0.0.0/0` equals "any") are not added again, so calling it
 * twice changes nothing the second time.
 */
export async function getOrCreateSecurityGroup(
  conn: CloudConnection,
  name: string,
  rules: readonly SecurityGroupRuleSpec[] = [],
  opts: GetOrCreateSecurityGroupOptions = {},
): Promise<SecurityGroupResult> {
  const { signal } = opts;
  const projectId = await currentProjectId(conn, signal);
  const found = await conn.network.listSecurityGroups({ name, projectId }, opts).toArray();
  if (found.length > 1) {
    throw new MultipleMatchesError(
      `${found.length} security groups are named "${name}" in this project (ids: ${found.map((g) => g.id).join(', ')})`,
      found.map((g) => g.id),
    );
  }
  let group = found[0];
  const created = !group;
  const undo = new Rollback();
  if (!group) {
    group = await conn.network.createSecurityGroup(
      { name, ...(opts.description ? { description: opts.description } : {}) },
      opts,
    );
    const id = group.id;
    undo.add({ type: 'security-group', id, name }, () =>
      conn.network.deleteSecurityGroup(id, { ignoreMissing: true }),
    );
  }
  const g = group;
  return undo.guard(() => addRules(conn, g, rules, created, signal));
}

async function addRules(
  conn: CloudConnection,
  group: SecurityGroupResource,
  rules: readonly SecurityGroupRuleSpec[],
  created: boolean,
  signal?: AbortSignal,
): Promise<SecurityGroupResult> {
  const existing = (group.securityGroupRules ?? []).map((r) => ruleKeyOfApi(r));
  const rulesCreated: SecurityGroupRuleResource[] = [];
  for (const spec of rules) {
    const key = ruleKeyOfSpec(spec);
    if (existing.some((k) => sameRule(k, key))) continue;
    try {
      rulesCreated.push(
        await conn.network.createSecurityGroupRule(
          {
            securityGroupId: group.id,
            direction: key.direction as 'ingress' | 'egress',
            ethertype: key.ethertype as 'IPv4' | 'IPv6',
            ...(key.protocol ? { protocol: key.protocol } : {}),
            ...(key.min !== null ? { portRangeMin: key.min } : {}),
            ...(key.max !== null ? { portRangeMax: key.max } : {}),
            ...(spec.remoteIpPrefix ? { remoteIpPrefix: spec.remoteIpPrefix } : {}),
            ...(spec.remoteGroupId ? { remoteGroupId: spec.remoteGroupId } : {}),
            ...(spec.description ? { description: spec.description } : {}),
          },
          { signal },
        ),
      );
    } catch (e) {
      // neutron refuses an exact duplicate with 409: someone added it meanwhile
      if (!(e instanceof ConflictError)) throw e;
    }
    existing.push(key);
  }
  const securityGroup =
    rulesCreated.length || created ? await conn.network.getSecurityGroup(group.id, { signal }) : group;
  return { securityGroup, created, rulesCreated };
}
