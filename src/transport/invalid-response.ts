/**
 * How a response the SDK cannot read becomes an {@link InvalidResponseError}: the facts of the
 * request and a short excerpt of the body, redacted. Used by the transport (a buffered body over
 * its cap, `HttpResponse.json()`) and by the decoding step above it (src/session/decode.ts), so
 * every such error is built, and redacted, one way.
 */
import {
  type InvalidResponseDetails,
  InvalidResponseError,
  type InvalidResponseReason,
} from '../errors/errors.js';
import { redactBody, redactUrl } from './redact.js';

/** How long the excerpt of a body in an error may be. */
const EXCERPT_CHARS = 200;

/** The response facts an {@link InvalidResponseError} carries. */
export interface ResponseFacts {
  /** The request's method. */
  method: string;
  /** The URL, already redacted. */
  url: string;
  /** The HTTP status. */
  status: number;
  /** The request id the service returned, if any. */
  requestId?: string;
  /** The response's content type, if any. */
  contentType?: string;
}

/**
 * The facts of a response whose URL is redacted only when read: every response builds its
 * facts, few ever fail, and redacting a URL costs a few µs. A class, so the getter lives on
 * the prototype and each response pays one small object, not an object and a closure.
 */
export class LazyFacts implements ResponseFacts {
  /**
   * @param rawUrl - the request's URL as sent (secrets in its query string included)
   * @param method - the request's method
   * @param status - the HTTP status
   * @param requestId - the request id the service returned, if any
   * @param contentType - the response's content type, if any
   */
  constructor(
    private readonly rawUrl: string,
    readonly method: string,
    readonly status: number,
    readonly requestId: string | undefined,
    readonly contentType: string | undefined,
  ) {}

  /** The URL, redacted. */
  get url(): string {
    return redactUrl(this.rawUrl);
  }
}

/** A short, redacted excerpt of a body for an error message. */
export function excerptOf(text: string | undefined): string | undefined {
  if (text === undefined || text === '') return undefined;
  // redact the whole text first: a secret cut in half by the excerpt would no longer match
  const clean = redactBody(text.length > 64 * 1024 ? text.slice(0, 64 * 1024) : text).replace(/\s+/g, ' ');
  return clean.length > EXCERPT_CHARS ? `${clean.slice(0, EXCERPT_CHARS)}…` : clean;
}

/** Build the {@link InvalidResponseError} for a response that cannot be read. */
export function invalidResponse(
  facts: ResponseFacts,
  reason: InvalidResponseReason,
  detail: string,
  text?: string,
  cause?: unknown,
): InvalidResponseError {
  // field by field: a spread would miss a getter on the prototype (LazyFacts' url)
  const d: InvalidResponseDetails = {
    method: facts.method,
    url: facts.url,
    status: facts.status,
    requestId: facts.requestId,
    contentType: facts.contentType,
    reason,
    detail,
    excerpt: excerptOf(text),
  };
  return new InvalidResponseError(d, cause === undefined ? undefined : { cause });
}
