/**
 * One typed error hierarchy for the whole SDK. Every error thrown by the SDK is an
 * {@link OpenStackError}; API failures are {@link HttpError} subclasses chosen by status.
 */

/** Base class of every error the SDK throws. */
export class OpenStackError extends Error {
  override name = 'OpenStackError';
}

/** A configuration problem found before any request is sent (clouds.yaml, env, options). */
export class ConfigError extends OpenStackError {
  override name = 'ConfigError';
  /** The cloud name being configured, when known. */
  readonly cloud?: string;
  /** The offending configuration key, e.g. `auth.auth_url`. */
  readonly field?: string;
  /** How to fix it. */
  readonly fix?: string;
  /** The problem alone, without cloud/field/fix. */
  readonly detail: string;
  constructor(message: string, opts: { cloud?: string; field?: string; fix?: string } = {}) {
    const where = [opts.cloud ? `cloud "${opts.cloud}"` : '', opts.field ? `field "${opts.field}"` : '']
      .filter(Boolean)
      .join(', ');
    super(`${where ? `${where}: ` : ''}${message}${opts.fix ? `. Fix: ${opts.fix}` : ''}`);
    this.cloud = opts.cloud;
    this.field = opts.field;
    this.fix = opts.fix;
    this.detail = message;
  }

  /** The same error, naming the cloud it was found in. */
  withCloud(cloud: string): ConfigError {
    return this.cloud ? this : new ConfigError(this.detail, { cloud, field: this.field, fix: this.fix });
  }
}

/** Client-side validation of user input failed; nothing was sent. */
export class ValidationError extends OpenStackError {
  override name = 'ValidationError';
  /** The input that was refused, e.g. `server.networks`, when it is one field. */
  readonly field?: string;
  constructor(message: string, opts: { field?: string; fix?: string } = {}) {
    super(`${opts.field ? `${opts.field}: ` : ''}${message}${opts.fix ? `. Fix: ${opts.fix}` : ''}`);
    this.field = opts.field;
  }
}

/** No endpoint in the catalog matched the service type / region / interface asked for. */
export class EndpointNotFoundError extends OpenStackError {
  override name = 'EndpointNotFoundError';
}

/** A request or a wait did not finish in time. */
export class TimeoutError extends OpenStackError {
  override name = 'TimeoutError';
}

/** The caller's AbortSignal fired. */
export class AbortedError extends OpenStackError {
  override name = 'AbortedError';
}

/**
 * The connection failed: before any HTTP response (refused, reset, DNS, TLS), or while the body
 * was being read (reset or closed mid-body). For a non-idempotent request (POST) that got this
 * far, the outcome on the service is unknown.
 */
export class ConnectionError extends OpenStackError {
  override name = 'ConnectionError';
  /** The HTTP method of the request that could not be sent. */
  readonly method: string;
  /** The URL that could not be reached. */
  readonly url: string;
  /** How to fix it, when the SDK knows (e.g. the cacert / verify settings for a rejected certificate). */
  readonly fix?: string;
  /** How many times the request was sent (1 when it was not retried). */
  readonly attempts: number;
  constructor(method: string, url: string, cause: unknown, opts: { fix?: string; attempts?: number } = {}) {
    const attempts = opts.attempts ?? 1;
    super(
      `${method} ${url}: ${(cause as Error)?.message ?? String(cause)}${
        attempts > 1 ? ` (after ${attempts} attempts)` : ''
      }${opts.fix ? `. Fix: ${opts.fix}` : ''}`,
      { cause },
    );
    this.method = method;
    this.url = url;
    this.fix = opts.fix;
    this.attempts = attempts;
  }
}

/** find() matched nothing. */
export class ResourceNotFoundError extends OpenStackError {
  override name = 'ResourceNotFoundError';
}

/** find() matched more than one resource. */
export class MultipleMatchesError extends OpenStackError {
  override name = 'MultipleMatchesError';
  /** The ids of every match: pass one of them instead of the name. */
  readonly ids: string[];
  constructor(message: string, ids: string[]) {
    super(message);
    this.ids = ids;
  }
}

/** A waiter saw a failure status (e.g. ERROR) instead of the one it waited for. */
export class ResourceFailureError extends OpenStackError {
  override name = 'ResourceFailureError';
  /** The failure status the resource reached, as the service spells it (e.g. `ERROR`). */
  readonly status: string;
  /** The service's explanation of the failure, when it gives one (nova's `fault.message`). */
  readonly fault?: string;
  constructor(message: string, status: string, fault?: string) {
    super(message);
    this.status = status;
    this.fault = fault;
  }
}

/** What {@link ServerUnreachableError} knows about the server that did not answer. */
export interface ServerUnreachableDetails {
  /** The server's id. */
  serverId: string;
  /** The server's name, when known. */
  serverName?: string;
  /** The IPv4 address that was probed (floating or fixed). */
  address: string;
  /** The TCP port that was probed. */
  port: number;
  /** How long the probing lasted, in ms. */
  waitedMs: number;
  /** How many connection attempts were made. */
  attempts: number;
  /** Why the last attempt failed (`ECONNREFUSED`, `timed out after 5000 ms`, ...). */
  lastError?: string;
  /** What the SDK found that explains it, most likely first; empty when it found nothing. */
  reasons: string[];
}

/**
 * A server became ACTIVE but did not accept a TCP connection on the probed address and port
 * before the deadline (`createServer`'s `reachable` option). A {@link TimeoutError}, so code
 * that handles deadlines keeps working; `reasons` says why as far as the SDK could tell
 * (security groups, the server's status, its console log, an unroutable private address).
 */
export class ServerUnreachableError extends TimeoutError {
  override name = 'ServerUnreachableError';
  /** The server's id. */
  readonly serverId: string;
  /** The IPv4 address that was probed. */
  readonly address: string;
  /** The TCP port that was probed. */
  readonly port: number;
  /** How many connection attempts were made. */
  readonly attempts: number;
  /** Why the last attempt failed, when one was made. */
  readonly lastError?: string;
  /** What the SDK found that explains it, most likely first; empty when it found nothing. */
  readonly reasons: string[];
  constructor(d: ServerUnreachableDetails) {
    const who = d.serverName ? `${d.serverName} (${d.serverId})` : d.serverId;
    const last = d.lastError ? `, last: ${d.lastError}` : '';
    const why = d.reasons.length
      ? ` Why, as far as the SDK can tell:${d.reasons.map((r, i) => `\n  (${i + 1}) ${r}`).join('')}`
      : ' The SDK found no cause: the guest may need longer to boot (raise reachable.timeoutMs), or a firewall between here and the cloud drops the traffic.';
    super(
      `server ${who} did not accept a TCP connection on ${d.address}:${d.port} within ${d.waitedMs} ms (${d.attempts} attempt${d.attempts === 1 ? '' : 's'}${last}).${why}`,
    );
    this.serverId = d.serverId;
    this.address = d.address;
    this.port = d.port;
    this.attempts = d.attempts;
    this.lastError = d.lastError;
    this.reasons = d.reasons;
  }
}

/** Details every HTTP error carries. */
export interface HttpErrorDetails {
  /** The HTTP status code. */
  status: number;
  /** The request's HTTP method. */
  method: string;
  /** The request URL (redacted). */
  url: string;
  /** The service's own message, parsed from its error body. */
  serviceMessage?: string;
  /** `x-openstack-request-id` / `x-compute-request-id` of the failed call. */
  requestId?: string;
  /** The raw response body text (truncated). */
  body?: string;
  /** Response headers, lower-cased names. */
  headers?: Record<string, string>;
  /** How many times the request was sent (default 1). */
  attempts?: number;
  /**
   * How many earlier attempts may have reached the service without their answer being read
   * (a connection reset after sending, a gateway's 502/504). A retried DELETE that ends in 404
   * with such an attempt has most likely succeeded. Default 0.
   */
  uncertainAttempts?: number;
}

/** The service answered with an HTTP error status. */
export class HttpError extends OpenStackError {
  override name = 'HttpError';
  /** The HTTP status code; the subclass already tells the common ones apart. */
  readonly status: number;
  /** The request's HTTP method. */
  readonly method: string;
  /** The request URL (redacted). */
  readonly url: string;
  /** The service's own message, parsed from its error body (what to show a user). */
  readonly serviceMessage?: string;
  /** The service's request id: quote it to the cloud operator, who can find the call in the logs. */
  readonly requestId?: string;
  /** The raw response body text (truncated). */
  readonly body?: string;
  /** The response headers, with lower-cased names (e.g. `retry-after`). */
  readonly headers: Record<string, string>;
  /** How many times the request was sent (1 when it was not retried). */
  readonly attempts: number;
  /** See {@link HttpErrorDetails.uncertainAttempts}. */
  readonly uncertainAttempts: number;
  constructor(d: HttpErrorDetails) {
    const attempts = d.attempts ?? 1;
    super(
      `${d.method} ${d.url} -> ${d.status}${d.serviceMessage ? `: ${d.serviceMessage}` : ''}${
        d.requestId ? ` (request id ${d.requestId})` : ''
      }${attempts > 1 ? ` after ${attempts} attempts` : ''}`,
    );
    this.attempts = attempts;
    this.uncertainAttempts = d.uncertainAttempts ?? 0;
    this.status = d.status;
    this.method = d.method;
    this.url = d.url;
    this.serviceMessage = d.serviceMessage;
    this.requestId = d.requestId;
    this.body = d.body;
    this.headers = d.headers ?? {};
  }
}

/** 400 */
export class BadRequestError extends HttpError {
  override name = 'BadRequestError';
}
/** 401 */
export class UnauthorizedError extends HttpError {
  override name = 'UnauthorizedError';
}
/** 403 */
export class ForbiddenError extends HttpError {
  override name = 'ForbiddenError';
}
/** 404 */
export class NotFoundError extends HttpError {
  override name = 'NotFoundError';
}
/** 405 */
export class MethodNotAllowedError extends HttpError {
  override name = 'MethodNotAllowedError';
}
/** 406 — usually an unsupported microversion. */
export class NotAcceptableError extends HttpError {
  override name = 'NotAcceptableError';
}
/** 409 */
export class ConflictError extends HttpError {
  override name = 'ConflictError';
}
/** 412 (e.g. Swift `If-None-Match`) */
export class PreconditionFailedError extends HttpError {
  override name = 'PreconditionFailedError';
}
/** 413 — also over-quota on some services. */
export class RequestEntityTooLargeError extends HttpError {
  override name = 'RequestEntityTooLargeError';
}
/** 422 (e.g. Swift ETag mismatch) */
export class UnprocessableEntityError extends HttpError {
  override name = 'UnprocessableEntityError';
}
/** 429 */
export class TooManyRequestsError extends HttpError {
  override name = 'TooManyRequestsError';
}
/** 5xx */
export class ServerError extends HttpError {
  override name = 'ServerError';
}
/** 503 */
export class ServiceUnavailableError extends ServerError {
  override name = 'ServiceUnavailableError';
}

const byStatus: Record<number, new (d: HttpErrorDetails) => HttpError> = {
  400: BadRequestError,
  401: UnauthorizedError,
  403: ForbiddenError,
  404: NotFoundError,
  405: MethodNotAllowedError,
  406: NotAcceptableError,
  409: ConflictError,
  412: PreconditionFailedError,
  413: RequestEntityTooLargeError,
  422: UnprocessableEntityError,
  429: TooManyRequestsError,
  503: ServiceUnavailableError,
};

/** Build the right {@link HttpError} subclass for a status. */
export function httpErrorFor(d: HttpErrorDetails): HttpError {
  const Ctor = byStatus[d.status] ?? (d.status >= 500 ? ServerError : HttpError);
  return new Ctor(d);
}

/** Why a response could not be read; one value per failure class, stable for programs to branch on. */
export type InvalidResponseReason =
  /** A body was expected and the response had none (empty 200, 204 on a GET). */
  | 'empty-body'
  /** The content type is not JSON where JSON was expected (e.g. an HTML error page with 200). */
  | 'not-json'
  /** The body claims to be JSON but does not parse (truncated, garbage, not UTF-8). */
  | 'invalid-json'
  /** The status is not one this call can read a result from (e.g. 300 on a list). */
  | 'unexpected-status'
  /** The resource key or resources key is missing from the document. */
  | 'missing-key'
  /** A key is present but of the wrong JSON type (rows that are not objects, a non-array listing). */
  | 'wrong-type'
  /** The body is larger than the cap the SDK buffers (`maxBodyBytes`). */
  | 'too-large'
  /** Pagination returned a page or a next link it had already seen. */
  | 'page-cycle'
  /** A streamed body ended before or after its declared length. */
  | 'length-mismatch'
  /** A streamed body's ETag / MD5 / checksum did not match what the service declared. */
  | 'checksum-mismatch';

/** Details every {@link InvalidResponseError} carries (all redacted). */
export interface InvalidResponseDetails {
  /** Which check the response failed. */
  reason: InvalidResponseReason;
  /** The request's HTTP method. */
  method: string;
  /** The request URL, redacted. */
  url: string;
  /** The HTTP status of the response. */
  status: number;
  /** The service's request id, when it sent one. */
  requestId?: string;
  /** The response's content type, when it sent one. */
  contentType?: string;
  /** A short, redacted excerpt of the body (at most a few hundred characters). */
  excerpt?: string;
  /** What was wrong, in words (e.g. `no "servers" key`). */
  detail: string;
}

/**
 * The service answered, but the SDK could not read a trustworthy result from the answer:
 * wrong content type, invalid or truncated JSON, a missing or wrongly typed key, a body over
 * the size cap, a pagination cycle, or a stream that fails its length or checksum check.
 * Never returned as an empty result: a response that cannot be read always throws this.
 */
export class InvalidResponseError extends OpenStackError {
  override name = 'InvalidResponseError';
  /** Which check the response failed: branch on this, not on the message. */
  readonly reason: InvalidResponseReason;
  /** The request's HTTP method. */
  readonly method: string;
  /** The request URL, redacted. */
  readonly url: string;
  /** The HTTP status of the response (a 2xx: the status was fine, the body was not). */
  readonly status: number;
  /** The service's request id, when it sent one. */
  readonly requestId?: string;
  /** The response's content type, when it sent one. */
  readonly contentType?: string;
  /** A short, redacted excerpt of the body. */
  readonly excerpt?: string;
  /** What was wrong, in words (e.g. `no "servers" key`). */
  readonly detail: string;
  constructor(d: InvalidResponseDetails, opts?: { cause?: unknown }) {
    super(
      `${d.method} ${d.url} -> ${d.status}: invalid response (${d.reason}): ${d.detail}${
        d.requestId ? ` (request id ${d.requestId})` : ''
      }`,
      opts,
    );
    this.reason = d.reason;
    this.method = d.method;
    this.url = d.url;
    this.status = d.status;
    this.requestId = d.requestId;
    this.contentType = d.contentType;
    this.excerpt = d.excerpt;
    this.detail = d.detail;
  }
}
