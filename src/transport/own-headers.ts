/**
 * A request whose `headers` object was made for that one call (by the SDK's own service
 * client): the layers below complete it in place (the token, the user agent) instead of each
 * copying it, which was three header objects per request. A caller's request never carries the
 * mark, so a caller's objects are never written to.
 */

/** The mark, set on the request object (not exported by the package). */
export const ownHeaders: unique symbol = Symbol('openstack-sdk.ownHeaders');

/** A request that may carry the mark. */
export interface MaybeOwnHeaders {
  /** True: `headers` is this call's own object, to be completed in place. */
  [ownHeaders]?: boolean;
}

/** Whether the request's headers object is its own, to be completed in place. */
export function hasOwnHeaders(req: object): boolean {
  return (req as MaybeOwnHeaders)[ownHeaders] === true;
}
