/**
 * "Does it answer?": TCP connection attempts to an address and port until one succeeds or a
 * deadline passes. A server nova calls ACTIVE may still be booting, or its traffic may be
 * dropped; only a completed connection shows that something listens and the path is open.
 * Node's `net` is looked up at run time (`src/platform/node.ts`), so the core still loads in
 * browsers: there, a probe is a {@link ValidationError} instead.
 */
import type { Socket } from 'node:net';
import { requireNodeModule } from '../platform/node.js';
import { callerAbortError } from '../transport/abort.js';
import { sleep } from '../transport/retry.js';

/** The outcome of one connection attempt; `timedOut` when it was cut off rather than refused. */
export type TcpAttempt = { ok: true } | { ok: false; error: string; timedOut?: boolean };

/** Why a wait is impossible in this runtime: checked before anything is created. */
export function requireTcp(what: string): void {
  requireNodeModule('node:net', what, 'run it on Node.js (or Deno/Bun), or leave reachable off');
}

/**
 * One TCP connection attempt, closed again at once; never longer than `timeoutMs`. Resolves
 * with the reason of a failure (an errno code such as `ECONNREFUSED`, or the timeout) rather
 * than rejecting: the caller decides when failures are final. Rejects only when `signal` fires.
 */
export function probeTcp(
  host: string,
  port: number,
  opts: { timeoutMs: number; signal?: AbortSignal; what?: string },
): Promise<TcpAttempt> {
  const net = requireNodeModule('node:net', 'a TCP reachability probe');
  const { signal } = opts;
  const what = opts.what ?? 'TCP probe';
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(callerAbortError(what, signal));
    let socket: Socket | undefined;
    const finish = (outcome: TcpAttempt | Error) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket?.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onAbort = () => finish(callerAbortError(what, signal));
    const timer = setTimeout(
      () => finish({ ok: false, error: `timed out after ${opts.timeoutMs} ms`, timedOut: true }),
      opts.timeoutMs,
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    socket = net.connect({ host, port });
    socket.once('connect', () => finish({ ok: true }));
    socket.once('error', (e: NodeJS.ErrnoException) => finish({ ok: false, error: e.code ?? e.message }));
  });
}

/** Options of {@link waitForTcp}. */
export interface WaitForTcpOptions {
  /** Epoch ms after which no attempt starts and none runs on. */
  deadline: number;
  /** Bound of one attempt in ms (further capped by the deadline). */
  attemptTimeoutMs: number;
  /** Pause between attempts in ms (capped by the deadline). */
  intervalMs: number;
  /** Stops the wait at once (the attempt in flight included). */
  signal?: AbortSignal;
  /** Called before each attempt, numbered from 1. */
  onAttempt?: (attempt: number) => void;
  /** The operation an abort error names (default `TCP probe`). */
  what?: string;
}

/** What {@link waitForTcp} saw. */
export interface WaitForTcpResult {
  /** True when an attempt connected. */
  ok: boolean;
  /** Attempts made. */
  attempts: number;
  /** Why the last failed attempt failed (undefined when none was made or the last one connected). */
  lastError?: string;
}

/**
 * Attempt connections to `host:port` until one succeeds or `deadline` passes; no attempt and
 * no pause reaches past the deadline. Rejects only when the caller's signal fires.
 */
export async function waitForTcp(
  host: string,
  port: number,
  o: WaitForTcpOptions,
): Promise<WaitForTcpResult> {
  let attempts = 0;
  let lastError: string | undefined;
  for (;;) {
    const left = o.deadline - Date.now();
    if (left <= 0) return { ok: false, attempts, lastError: lastError ?? 'no time left before the deadline' };
    attempts++;
    o.onAttempt?.(attempts);
    const timeoutMs = Math.min(o.attemptTimeoutMs, left);
    const r = await probeTcp(host, port, { timeoutMs, signal: o.signal, what: o.what });
    if (r.ok) return { ok: true, attempts };
    // an attempt the deadline cut short says less than a whole one before it ("timed out
    // after 1 ms" hid the real cause on the dev cloud): keep the earlier reason then
    const cutShort = r.timedOut && timeoutMs < o.attemptTimeoutMs && lastError !== undefined;
    if (!cutShort) lastError = r.error;
    const pause = Math.min(o.intervalMs, o.deadline - Date.now());
    if (pause > 0) {
      await sleep(pause, o.signal).catch(() => {
        throw callerAbortError(o.what ?? 'TCP probe', o.signal);
      });
    }
  }
}
