/**
 * Checking the ids verbs are given: an id-taking call with an undefined, null or empty id
 * gets a {@link ValidationError} naming the resource and the parameter before anything is
 * sent (and never a TypeError, nor a request to the collection URL).
 */
import { ValidationError } from '../errors/errors.js';
import { idOf } from './id-of.js';

/** How a bad argument looks in an error message: `undefined`, `null`, `an empty string`, `"x"`. */
export function describeValue(x: unknown): string {
  if (x === undefined) return 'undefined';
  if (x === null) return 'null';
  if (x === '') return 'an empty string';
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'object') {
    const id = (x as { id?: unknown }).id;
    const kind = (x as { _def?: { name?: unknown } })._def?.name;
    const what = typeof kind === 'string' ? `a ${kind}` : 'an object';
    return id === undefined || id === null || id === ''
      ? `${what} without an id`
      : `${what} with id ${describeValue(id)}`;
  }
  return `${typeof x} ${String(x)}`;
}

/**
 * The id of an id-or-resource argument, or a {@link ValidationError} naming the resource and
 * the parameter. A string must be non-empty; an object (a resource, or any `{ id }`) must carry
 * a non-empty string id.
 *
 * @param what the resource's human name (`server`, `security group rule`)
 * @param x the argument as given
 * @param field the offending parameter for the error (default `<what>.id`)
 * @param idName what the identifier is called (`id`; `name` for Swift containers and objects)
 */
export function requireId(what: string, x: unknown, field = `${what}.id`, idName = 'id'): string {
  const id = idOf(x);
  if (id !== undefined) return id;
  throw new ValidationError(`${what} ${idName} is required (got ${describeValue(x)})`, {
    field,
    fix: `pass the ${what}'s ${idName} or the resource`,
  });
}

/**
 * What an id-taking proxy method accepts: the id itself or a resource (anything with an `id`).
 */
export type IdOrResource = string | { readonly id?: string | null | undefined };

/**
 * {@link requireId}, URL-encoded for a path segment: the one helper every proxy builds
 * `/<collection>/<id>` paths with.
 *
 * @example
 * ```ts
 * import { idSegment } from 'openstack-sdk';
 * console.log(`/servers/${idSegment('server', 'a b')}`); // /servers/a%20b
 * ```
 */
export function idSegment(what: string, x: unknown, field?: string, idName?: string): string {
  return encodeURIComponent(requireId(what, x, field, idName));
}
