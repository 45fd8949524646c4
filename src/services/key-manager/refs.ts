/**
 * Barbican names its entities by reference: a secret is `http://host:9311/v1/secrets/<uuid>`,
 * and its JSON has `secret_ref`, never an `id`. The SDK gives every entity an `id` (the uuid at
 * the end of its ref) and accepts, wherever an entity is named, the uuid, the whole ref or the
 * resource itself, so a ref copied from `openstack secret list` works as well as an id.
 * @internal
 */
import { ValidationError } from '../../errors/errors.js';
import { describeValue } from '../../resource/ids.js';

/** What names a secret, container or order: its uuid, its ref (URL), or the resource. */
export type RefArg = string | { readonly id?: string | null | undefined };

/** The uuid at the end of a ref (`.../v1/secrets/<uuid>`), or the string itself when it is no URL. */
export function idOfRef(ref: string): string {
  const path = ref.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

/**
 * The uuid of a uuid-ref-or-resource argument, URL-encoded for a path segment, or a
 * {@link ValidationError} naming the entity before anything is sent.
 */
export function refSegment(what: string, x: unknown): string {
  const raw = typeof x === 'object' && x !== null ? (x as { id?: unknown }).id : x;
  const id = typeof raw === 'string' ? idOfRef(raw) : undefined;
  if (id) return encodeURIComponent(id);
  throw new ValidationError(`${what} id or ref is required (got ${describeValue(x)})`, {
    field: `${what}.id`,
    fix: `pass the ${what}'s uuid, its ref (http://.../${what}s/<uuid>) or the resource`,
  });
}
