/**
 * createServer's last step with `reachable`: ACTIVE is not "answers", so connect to the server
 * until it accepts, and when it never does, say why as far as the APIs can tell.
 */
import { ServerUnreachableError, ValidationError } from '../errors/errors.js';
import { callerAbortError } from '../transport/abort.js';
import type { CloudConnection } from './cloud-connection.js';
import { requireTcp, waitForTcp } from './tcp-probe.js';
import { unreachableReasons } from './unreachable-reasons.js';

/**
 * How `createServer`'s `reachable` option probes the server: TCP connections to `port` on the
 * chosen address until one is accepted.
 */
export interface ReachableOptions {
  /** The TCP port to connect to (default 22, SSH). */
  port?: number;
  /**
   * Give up probing after this many ms (default: whatever is left of the call's `timeoutMs`,
   * which bounds the probing in any case).
   */
  timeoutMs?: number;
  /**
   * The address to probe: `public`, the floating IP (the default when one is attached), or
   * `private`, the fixed IPv4 address (the default otherwise; rarely routable from outside).
   */
  host?: 'public' | 'private';
  /** Bound of one connection attempt in ms (default 5000). */
  attemptTimeoutMs?: number;
}

/** Where `createServer` reached the server (with `reachable`). */
export interface ReachedAddress {
  /** The address that accepted the connection. */
  address: string;
  /** The TCP port. */
  port: number;
  /** Connection attempts it took. */
  attempts: number;
}

/** A checked `reachable` option. */
export interface ReachPlan {
  port: number;
  timeoutMs?: number;
  host?: 'public' | 'private';
  attemptTimeoutMs: number;
}

function positive(value: number | undefined, field: string): void {
  if (value === undefined) return;
  if (!Number.isFinite(value) || value <= 0) {
    throw new ValidationError(`must be a positive number of ms, not ${value}`, {
      field,
      fix: 'pass a duration in ms, or leave it out for the default',
    });
  }
}

/**
 * The `reachable` option checked before anything is created: undefined when off; a
 * ValidationError naming the field for a bad port, duration or host, for `wait: false`, and in
 * a runtime without Node's `net`.
 */
export function reachPlan(
  reachable: boolean | ReachableOptions | undefined,
  o: { wait: boolean; floating: boolean },
): ReachPlan | undefined {
  if (!reachable) return undefined;
  const spec: ReachableOptions = reachable === true ? {} : reachable;
  if (!o.wait) {
    throw new ValidationError('a server can only be probed once it is ACTIVE', {
      field: 'reachable',
      fix: 'leave wait on, or leave reachable off',
    });
  }
  const port = spec.port ?? 22;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new ValidationError(`must be a TCP port from 1 to 65535, not ${port}`, {
      field: 'reachable.port',
      fix: 'pass the port the guest listens on (default 22)',
    });
  }
  positive(spec.timeoutMs, 'reachable.timeoutMs');
  positive(spec.attemptTimeoutMs, 'reachable.attemptTimeoutMs');
  if (spec.host !== undefined && spec.host !== 'public' && spec.host !== 'private') {
    throw new ValidationError(`must be 'public' or 'private', not ${JSON.stringify(spec.host)}`, {
      field: 'reachable.host',
      fix: "pass 'public' for the floating IP, 'private' for the fixed address",
    });
  }
  if (spec.host === 'public' && !o.floating) {
    throw new ValidationError("'public' probes the floating IP, and this call attaches none", {
      field: 'reachable.host',
      fix: "pass autoIp: true or floatingIp, or host: 'private'",
    });
  }
  requireTcp('createServer with reachable');
  return {
    port,
    timeoutMs: spec.timeoutMs,
    host: spec.host,
    attemptTimeoutMs: spec.attemptTimeoutMs ?? 5000,
  };
}

/** What {@link waitUntilReachable} needs besides the plan. */
export interface ReachTarget {
  serverId: string;
  serverName: string;
  networkId: string;
  privateV4: string;
  floatingV4?: string;
  /** The call's overall deadline (epoch ms). */
  deadline: number;
  intervalMs: number;
  signal?: AbortSignal;
  onAttempt: (address: string, attempt: number) => void;
}

/**
 * Connect until the server accepts, within both the call's deadline and the plan's own
 * timeout; a {@link ServerUnreachableError} with the reasons found when it never does.
 */
export async function waitUntilReachable(
  conn: CloudConnection,
  plan: ReachPlan,
  t: ReachTarget,
): Promise<ReachedAddress> {
  const floating = plan.host !== 'private' && t.floatingV4 !== undefined;
  const address = floating ? t.floatingV4! : t.privateV4;
  const start = Date.now();
  const deadline = plan.timeoutMs === undefined ? t.deadline : Math.min(t.deadline, start + plan.timeoutMs);
  const label = `${address}:${plan.port}`;
  const r = await waitForTcp(address, plan.port, {
    deadline,
    attemptTimeoutMs: plan.attemptTimeoutMs,
    intervalMs: t.intervalMs,
    signal: t.signal,
    onAttempt: (n) => t.onAttempt(label, n),
    what: 'createServer',
  });
  if (r.ok) return { address, port: plan.port, attempts: r.attempts };
  const waitedMs = Date.now() - start;
  const reasons = await unreachableReasons(conn, {
    serverId: t.serverId,
    networkId: t.networkId,
    address,
    port: plan.port,
    hasFloatingIp: t.floatingV4 !== undefined,
    lastError: r.lastError,
    signal: t.signal,
  });
  // a caller who cancelled during the checks asked to stop, not for the diagnosis
  if (t.signal?.aborted) throw callerAbortError('createServer', t.signal);
  throw new ServerUnreachableError({
    serverId: t.serverId,
    serverName: t.serverName,
    address,
    port: plan.port,
    waitedMs,
    attempts: r.attempts,
    lastError: r.lastError,
    reasons,
  });
}
