/** Helpers shared by the command implementations. */
import { readFile } from 'node:fs/promises';
import { ValidationError } from '../../errors/errors.js';
import type { CliContext } from '../context.js';
import { describeError } from '../exit.js';
import type { Row } from '../output.js';

/** A resource's body (API names) as a show row, keys sorted like openstackclient's. */
export function showRow(body: Record<string, unknown>, extra: Row = {}, drop: string[] = ['links']): Row {
  const all: Row = { ...body, ...extra };
  return Object.fromEntries(
    Object.keys(all)
      .filter((k) => !drop.includes(k))
      .sort()
      .map((k) => [k, all[k]]),
  );
}

/** `key=value` pairs of a repeatable option. */
export function parseProperties(list: string[] | undefined, option = '--property'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of list ?? []) {
    const i = p.indexOf('=');
    if (i <= 0)
      throw new ValidationError(`expected key=value, got "${p}"`, {
        field: option,
        fix: `${option} key=value`,
      });
    out[p.slice(0, i)] = p.slice(i + 1);
  }
  return out;
}

/** Read a text file named by an option, with a usage error naming the option when it cannot be read. */
export async function readOptionFile(path: string, option: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new ValidationError(`cannot read ${path}: ${(e as Error).message}`, {
      field: option,
      fix: 'pass a readable file',
    });
  }
}

/**
 * Run `fn` for each name, like openstackclient's multi-delete: every item is attempted,
 * failures are reported on stderr, then one error says how many failed.
 */
export async function forEachItem(
  ctx: CliContext,
  items: string[],
  what: string,
  verb: string,
  fn: (item: string) => Promise<void>,
): Promise<void> {
  let failed = 0;
  let last: unknown;
  for (const item of items) {
    try {
      await fn(item);
    } catch (e) {
      failed++;
      last = e;
      if (items.length > 1) {
        ctx.note(`Failed to ${verb} ${what} "${item}": ${describeError(e).replace(/^Error: /, '')}`);
      }
    }
  }
  if (failed === 1 && items.length === 1) throw last;
  if (failed) throw new Error(`${failed} of ${items.length} ${what}s failed to ${verb}.`);
}

/** Positive integer option value. */
export function intOption(v: string | undefined, option: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new ValidationError(`expected a whole number, got "${v}"`, { field: option });
  return n;
}
