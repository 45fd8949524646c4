/**
 * The read type a declaration implies, checked against one response body: the field kinds,
 * `always` (required in the read type) and `nullable`/`returnsNull` (`T | null`). The
 * conformance replay runs it on every response sample; tools/propose-read-marks.ts reuses the
 * same view of a declaration to propose marks.
 */
import type { ResourceDefinition } from '../../../src/resource/definition.js';
import { apiName, type FieldSpec, type Fields } from '../../../src/resource/field.js';

/** Whether the declared read type admits null for a field. */
export function readsNull(spec: FieldSpec): boolean {
  return !!(spec.nullable || spec.mayReturnNull);
}

/** Why a value does not fit a field's kind, or undefined when it fits. */
export function kindMismatch(spec: FieldSpec, v: unknown): string | undefined {
  const got = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
  switch (spec.kind) {
    case 'string':
      return typeof v === 'string' ? undefined : `a string, got ${got}`;
    case 'number':
      return typeof v === 'number' ? undefined : `a number, got ${got}`;
    case 'integer':
      return typeof v === 'number' && Number.isInteger(v) ? undefined : `an integer, got ${got} ${String(v)}`;
    case 'boolean':
      return typeof v === 'boolean' ? undefined : `a boolean, got ${got}`;
    case 'object':
      return got === 'object' ? undefined : `an object, got ${got}`;
    case 'array':
      return got === 'array' ? undefined : `an array, got ${got}`;
    default:
      return undefined;
  }
}

/**
 * Where `body` breaks the read type of `def`: an `always` field missing (only when `full`), a
 * null where the type has none, a value of the wrong kind. Gated fields are read only when
 * `inRange` says the sample's microversion has them.
 */
export function readProblems(
  def: ResourceDefinition<Fields, any>,
  body: Record<string, unknown>,
  full: boolean,
): string[] {
  const out: string[] = [];
  for (const [name, spec] of Object.entries(def.fields)) {
    if (spec.location !== 'body') continue;
    const api = apiName(name, spec);
    if (!(api in body)) {
      if (full && spec.alwaysPresent) out.push(`${name} (${api}) is declared always but missing`);
      continue;
    }
    const v = body[api];
    if (v === null) {
      if (!readsNull(spec)) out.push(`${name} (${api}) is null but its read type has no null (returnsNull)`);
      continue;
    }
    const bad = kindMismatch(spec, v);
    if (bad) out.push(`${name} (${api}) must be ${bad}`);
  }
  return out;
}
