/**
 * The options a caller may give any call, from a proxy method down to the transport. A proxy
 * passes the caller's object on as it is (never field by field), and {@link ServiceClient}
 * merges it with the call's own request in one place, {@link mergeRequestOptions}.
 */

/** Options every request-sending verb accepts. */
export interface RequestOptions {
  /** Aborts the call (an `AbortedError`). */
  signal?: AbortSignal;
  /** Per-attempt timeout in ms. */
  timeoutMs?: number;
  /** Use this microversion for this call. */
  microversion?: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /**
   * Refuse a response document (for a listing: one page) larger than this many bytes with an
   * InvalidResponseError 'too-large' (default: the HTTP client's cap, 64 MiB).
   */
  maxBodyBytes?: number;
}

/**
 * Merge a caller's options into a call's own request options: what the call sets itself wins
 * (a waiter's combined signal, a microversion an action needs), the caller fills the rest,
 * and headers merge with the caller's last so a caller can override any default header.
 * Fields of the caller's object that are not {@link RequestOptions} (a verb's `parent`,
 * `ignoreMissing`, ...) are ignored, so an options object can be passed on whole.
 *
 * @example
 * ```ts
 * import { mergeRequestOptions, type RequestOptions } from 'openstack-sdk';
 * const own: RequestOptions = { microversion: '2.79' };
 * const merged = mergeRequestOptions(own, { timeoutMs: 5_000, headers: { 'x-a': '1' } });
 * console.log(merged.timeoutMs); // 5000
 * ```
 */
export function mergeRequestOptions<T extends RequestOptions>(own: T, caller: RequestOptions | undefined): T {
  if (!caller) return own;
  const merged: T = { ...own };
  if (merged.signal === undefined && caller.signal !== undefined) merged.signal = caller.signal;
  if (merged.timeoutMs === undefined && caller.timeoutMs !== undefined) merged.timeoutMs = caller.timeoutMs;
  if (merged.microversion === undefined && caller.microversion !== undefined)
    merged.microversion = caller.microversion;
  if (merged.maxBodyBytes === undefined && caller.maxBodyBytes !== undefined)
    merged.maxBodyBytes = caller.maxBodyBytes;
  if (caller.headers) merged.headers = { ...own.headers, ...caller.headers };
  return merged;
}
