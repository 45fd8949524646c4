/**
 * Requests the identity proxy's sections share: the current user's id (many keystone calls
 * default to it), listings that need it first, and bodiless writes and existence checks.
 */
import { NotFoundError, ValidationError } from '../../errors/errors.js';
import { type RequestOptions, ResourceList, requireId } from '../../resource/index.js';
import type { ServiceClient, ServiceRequestOptions } from '../../session/service-client.js';
import type { IdRef } from './types.js';

/** The id of the user the client's session is authenticated as. */
export async function currentUserId(client: ServiceClient, signal?: AbortSignal): Promise<string> {
  const access = await client.session.getAccess(signal);
  if (!access.userId) {
    throw new ValidationError('this connection has no user (token without user)', {
      field: 'userId',
      fix: 'pass the user id explicitly',
    });
  }
  return access.userId;
}

/** The given user's id, or the current user's when none is given. */
export async function userOrSelf(
  client: ServiceClient,
  user: IdRef | undefined,
  signal?: AbortSignal,
): Promise<string> {
  return user === undefined ? currentUserId(client, signal) : requireId('user', user, 'user');
}

/** A listing whose path needs an async lookup first (e.g. the current user's id). */
export function deferredList<T>(make: () => Promise<ResourceList<T>>): ResourceList<T> {
  return new ResourceList<T>(async function* () {
    yield* (await make()).pages();
  });
}

/** A request whose answer has no body worth reading (PUT/DELETE of a membership or grant). */
export async function send(
  client: ServiceClient,
  method: string,
  path: string,
  own: ServiceRequestOptions,
  opts: RequestOptions,
): Promise<void> {
  const res = await client.request(method, path, own, opts);
  await res.body.dump();
}

/** HEAD: true on 2xx, false on 404. */
export async function exists(
  client: ServiceClient,
  path: string,
  own: ServiceRequestOptions,
  opts: RequestOptions,
): Promise<boolean> {
  try {
    const res = await client.request('HEAD', path, own, opts);
    await res.body.dump();
    return true;
  } catch (e) {
    if (e instanceof NotFoundError) return false;
    throw e;
  }
}
