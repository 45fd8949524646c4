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
import { redactBody } from './redact.js';

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
  const d: InvalidResponseDetails = { ...facts, reason, detail, excerpt: excerptOf(text) };
  return new InvalidResponseError(d, cause === undefined ? undefined : { cause });
}
