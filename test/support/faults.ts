/**
 * What the fault tests (transport and session, against the stubs on 127.0.0.1) share: a fast
 * retry policy, a rejection catcher, a deadline on a promise and a table of counts printed as
 * diagnostics at the end.
 */
import assert from 'node:assert/strict';
import { after } from 'node:test';

/** A retry policy with the default budget (3 retries) but millisecond backoff, so storms end fast. */
export const fastRetry = { baseDelayMs: 1, maxDelayMs: 20, maxRetries: 3 };

/** Resolves after `ms`. */
export const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Rejects with what `p` rejects with; fails the test when it resolves. */
export async function rejection(p: Promise<unknown>, what: string): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  assert.fail(`${what} should have failed`);
}

/** `p`, or a failure naming `what` when it has not settled within `ms` (a hang fails, not stalls). */
export async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} still running after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A table the tests of this file fill (what the server saw, how many authentications), printed
 * as `# <label>key: value` lines once they are done, for the record.
 */
export function diagnostics(label = ''): Record<string, string | number> {
  const counts: Record<string, string | number> = {};
  after(() => {
    for (const [k, v] of Object.entries(counts)) console.log(`# ${label}${k}: ${v}`);
  });
  return counts;
}
