/**
 * Why an ACTIVE server does not answer, as far as the APIs can tell: its security groups, its
 * status now, its console log, and whether the probed address can be routed at all. Every
 * check is best-effort and time-bounded: the caller is about to report a timeout, and a check
 * that fails or hangs must not replace or delay that report.
 */
import type { CloudConnection } from './cloud-connection.js';
import { serverPort } from './floating-ip.js';
import type { PortResource, SecurityGroupResource } from './resources.js';
import { ruleKeyOfApi } from './security-group.js';

/** What {@link unreachableReasons} needs to know about the failed wait. */
export interface UnreachableContext {
  /** The server that did not answer. */
  serverId: string;
  /** The network of the server's port that was probed. */
  networkId: string;
  /** The address probed. */
  address: string;
  /** The TCP port probed. */
  port: number;
  /** True when the server has a floating IP (probed or not). */
  hasFloatingIp: boolean;
  /** Why the last attempt failed (an errno code, or a timeout). */
  lastError?: string;
  /** The caller's signal: checks stop when it fires. */
  signal?: AbortSignal;
}

/** How long one check may take, in ms: the user is waiting for an error already overdue. */
const CHECK_MS = 15_000;
/** How many console lines the error shows. */
const CONSOLE_LINES = 12;

/**
 * Reasons, most telling first: the server's status, its security groups, an unroutable
 * private address, what the last failure means, the console log's last lines. A check that
 * could not run says so instead of failing the whole.
 */
export async function unreachableReasons(conn: CloudConnection, c: UnreachableContext): Promise<string[]> {
  const bounded = () =>
    c.signal ? AbortSignal.any([c.signal, AbortSignal.timeout(CHECK_MS)]) : AbortSignal.timeout(CHECK_MS);
  const check = async (what: string, fn: (signal: AbortSignal) => Promise<string[]>): Promise<string[]> => {
    try {
      return await fn(bounded());
    } catch (e) {
      return [`could not check ${what}: ${(e as Error)?.message ?? String(e)}`];
    }
  };
  const [status, groups, consoleLog] = await Promise.all([
    check('the server status', async (signal) => {
      const s = await conn.compute.getServer(c.serverId, { signal });
      const r = statusReason(s.status, s.taskState ?? undefined, s.fault?.message);
      return r ? [r] : [];
    }),
    check('the security groups', async (signal) => {
      const port = await serverPort(conn, c.serverId, c.networkId, signal);
      if (port.portSecurityEnabled === false) return [];
      const groups: SecurityGroupResource[] = [];
      for (const id of port.securityGroups ?? [])
        groups.push(await conn.network.getSecurityGroup(id, { signal }));
      const r = securityGroupReason(port, groups, c.port);
      return r ? [r] : [];
    }),
    check('the console log', async (signal) => {
      const out = await conn.compute.getServerConsoleOutput(c.serverId, {
        length: CONSOLE_LINES * 2,
        signal,
      });
      return [consoleReason(consoleTail(out, CONSOLE_LINES))];
    }),
  ]);
  const route = c.hasFloatingIp
    ? []
    : [
        `the server has no floating IP, and its fixed address ${c.address} is on a project network that is usually not routable from outside the cloud; fix: pass autoIp: true (or floatingIp), or run this from a host on that network`,
      ];
  const last = lastErrorReason(c.lastError, c.port);
  return [...status, ...groups, ...route, ...(last ? [last] : []), ...consoleLog];
}

/** The reason a server's current status gives, if it is not plainly ACTIVE (pure). */
export function statusReason(status: string, taskState?: string, fault?: string): string | undefined {
  if (status === 'ACTIVE') return undefined;
  return `the server is ${status}${taskState ? ` (task ${taskState})` : ''}, no longer ACTIVE${fault ? `: ${fault}` : ''}`;
}

/** A port range as neutron stores it: null ends mean "any". */
function coversPort(min: number | null, max: number | null, port: number): boolean {
  return (min === null || port >= min) && (max === null || port <= max);
}

/**
 * Whether the port's security groups let TCP to `tcpPort` in over IPv4 (pure; exported for
 * tests). Undefined when some rule allows it from anywhere; otherwise the reason, naming the
 * groups, the narrower sources that are allowed, and the rule to add.
 */
export function securityGroupReason(
  port: Pick<PortResource, 'id' | 'securityGroups'>,
  groups: readonly Pick<SecurityGroupResource, 'id' | 'name' | 'securityGroupRules'>[],
  tcpPort: number,
): string | undefined {
  const narrower: string[] = [];
  const groupLabel = (id: string) => {
    const name = groups.find((g) => g.id === id)?.name;
    return name ? `${name} (${id})` : id;
  };
  for (const g of groups) {
    for (const raw of g.securityGroupRules ?? []) {
      const k = ruleKeyOfApi(raw);
      if (k.direction !== 'ingress' || k.ethertype !== 'IPv4') continue;
      if (k.protocol !== null && k.protocol !== 'tcp') continue;
      if (k.protocol !== null && !coversPort(k.min, k.max, tcpPort)) continue;
      const addressGroup = raw.remote_address_group_id as string | null | undefined;
      if (k.remoteIpPrefix === null && k.remoteGroupId === null && !addressGroup) return undefined;
      narrower.push(
        k.remoteIpPrefix ??
          (k.remoteGroupId
            ? `members of group ${groupLabel(k.remoteGroupId)}`
            : `address group ${addressGroup}`),
      );
    }
  }
  const names = groups.map((g) => `${g.name ?? ''} (${g.id})`.trim()).join(', ');
  const first = groups[0];
  const fix = first
    ? `add an ingress rule, e.g. conn.cloud.getOrCreateSecurityGroup('${first.name}', [{ protocol: 'tcp', port: ${tcpPort}, remoteIpPrefix: '0.0.0.0/0' }]), or conn.network.createSecurityGroupRule({ securityGroupId: '${first.id}', direction: 'ingress', protocol: 'tcp', portRangeMin: ${tcpPort}, portRangeMax: ${tcpPort}, remoteIpPrefix: '0.0.0.0/0' })`
    : `give the server a security group that allows it (createServer's securityGroups), e.g. one made with conn.cloud.getOrCreateSecurityGroup(name, [{ protocol: 'tcp', port: ${tcpPort} }])`;
  if (!groups.length)
    return `port ${port.id} has no security group, so all incoming traffic is dropped; fix: ${fix}`;
  if (narrower.length) {
    return `the security groups of port ${port.id} (${names}) allow tcp port ${tcpPort} in only from ${[...new Set(narrower)].join(', ')}: if this machine is not among them, ${fix}`;
  }
  return `none of the security groups of port ${port.id} (${names}) allows tcp port ${tcpPort} in from anywhere; fix: ${fix}`;
}

/** What the last failed attempt says about where the traffic stops (pure). */
export function lastErrorReason(lastError: string | undefined, port: number): string | undefined {
  if (!lastError) return undefined;
  if (lastError === 'ECONNREFUSED') {
    return `the connection was refused: the address answers but nothing accepts on port ${port} (security groups drop packets silently, so most likely the service is not running in the guest yet)`;
  }
  if (lastError === 'EHOSTUNREACH' || lastError === 'ENETUNREACH') {
    return `${lastError}: this machine has no working route to the address (a missing route to the floating IP range, or the router or the guest does not answer ARP)`;
  }
  if (lastError.startsWith('timed out')) {
    return 'every attempt timed out: packets are dropped on the way (a security group, a firewall) or the guest is not up';
  }
  return undefined;
}

/** Control characters other than tab: a console log carries escape sequences and carriage returns. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
const CONTROL = /\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x08\x0b-\x1f\x7f]/g;
/** Lines that may show a password (cirros prints its default one, cloud-init generated ones). */
const SECRET_LINE = /(pass(word|wd)?|secret|token)\b/i;

/**
 * The last `n` non-empty lines of a console log, cleaned for an error message (pure; exported
 * for tests): control characters removed, long lines cut, and the rest of any line that
 * mentions a password, secret or token replaced, since error messages end up in logs.
 */
export function consoleTail(output: string, n: number): string[] {
  return output
    .split('\n')
    .map((l) => l.replace(CONTROL, '').trimEnd())
    .filter((l) => l.trim() !== '')
    .slice(-n)
    .map((l) => {
      const m = SECRET_LINE.exec(l);
      const kept = m ? `${l.slice(0, m.index + m[0].length)} [redacted]` : l;
      return kept.length > 200 ? `${kept.slice(0, 200)}…` : kept;
    });
}

function consoleReason(lines: string[]): string {
  if (!lines.length) {
    return 'the console log is empty: the guest has written nothing yet (still booting, or the hypervisor keeps no log)';
  }
  return `the console log ends with (did the guest boot? did the service start?):\n${lines.map((l) => `      ${l}`).join('\n')}`;
}
