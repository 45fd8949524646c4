/** Helpers of the `ostack baremetal ...` implementations. */
import { ValidationError } from '../../errors/errors.js';
import type { WaitOptions } from '../../resource/waiters.js';
import { showRow } from './common.js';

/**
 * openstackclient's `--wait [seconds]`: absent → no wait; given alone or 0 → wait without a
 * limit (ours: a day); a number → at most that many seconds.
 */
export function waitOption(v: string | boolean | undefined, option = '--wait'): false | WaitOptions {
  if (v === undefined || v === false) return false;
  if (v === true) return { timeoutMs: 86_400_000, intervalMs: 1000 };
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0)
    throw new ValidationError(`expected seconds, got "${v}"`, {
      field: option,
      fix: `${option} 300, or ${option} alone`,
    });
  return { timeoutMs: n === 0 ? 86_400_000 : n * 1000, intervalMs: 1000 };
}

/** `key=value` pairs merged into an object; values that read as JSON are parsed, as openstackclient does. */
export function mergePairs(
  base: Record<string, unknown> | null | undefined,
  pairs: string[] | undefined,
  option: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(base ?? {}) };
  for (const p of pairs ?? []) {
    const i = p.indexOf('=');
    if (i <= 0)
      throw new ValidationError(`expected key=value, got "${p}"`, {
        field: option,
        fix: `${option} key=value`,
      });
    out[p.slice(0, i)] = jsonish(p.slice(i + 1));
  }
  return out;
}

/** An object without the given keys. */
export function dropKeys(
  base: Record<string, unknown> | null | undefined,
  keys: string[] | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(base ?? {}) };
  for (const k of keys ?? []) delete out[k];
  return out;
}

function jsonish(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** The show row of an ironic resource: every field by its API name, links left out. */
export function ironicRow(raw: Record<string, unknown>): Record<string, unknown> {
  return showRow(raw, {}, ['links', 'ports', 'portgroups', 'states', 'volume', 'nodes']);
}

/** `true`/`false` of an option. */
export function boolOption(v: string | undefined, option: string): boolean | undefined {
  if (v === undefined) return undefined;
  if (/^(true|yes|1)$/i.test(v)) return true;
  if (/^(false|no|0)$/i.test(v)) return false;
  throw new ValidationError(`expected true or false, got "${v}"`, { field: option });
}
