/**
 * The id an id-or-resource argument carries, without any error wording: the check that
 * `requireId` (ids.ts) makes, for the verbs' hot path, which builds its error's field and
 * label only when there is no id.
 */

/** A non-empty string id, given as itself or as the `id` of an object; undefined otherwise. */
export function idOf(x: unknown): string | undefined {
  const id = typeof x === 'object' && x !== null ? (x as { id?: unknown }).id : x;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
