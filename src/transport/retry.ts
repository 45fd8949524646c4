/** Retry policy: exponential backoff with full jitter, honouring Retry-After. */
export interface RetryOptions {
  /** Retries after the first attempt (default 3; 0 disables). */
  maxRetries: number;
  /** First backoff in ms (default 250). */
  baseDelayMs: number;
  /** Cap for one backoff in ms (default 10 000). */
  maxDelayMs: number;
  /** Statuses retried for idempotent methods (default 502, 503, 504). */
  retryStatuses: readonly number[];
  /** Longest Retry-After honoured in ms (default 60 000); a longer one fails at once. */
  maxRetryAfterMs: number;
}

export const defaultRetryOptions: RetryOptions = {
  maxRetries: 3,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  retryStatuses: [502, 503, 504],
  maxRetryAfterMs: 60_000,
};

const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/** Whether a method may be repeated without changing the outcome (RFC 9110 §9.2.2). */
export function isIdempotent(method: string): boolean {
  return idempotentMethods.has(method.toUpperCase());
}

/** Backoff before retry number `attempt` (1-based): random in [0, min(cap, base*2^(attempt-1))]. */
export function backoffDelay(attempt: number, o: RetryOptions, random = Math.random): number {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/** Parse Retry-After (delta-seconds or HTTP-date) into ms; undefined when absent or bad. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Sleep that an AbortSignal can cut short (rejects with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
