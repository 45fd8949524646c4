/**
 * The one decoding step between transport and resources: every response body the SDK parses
 * goes through here. A body is read according to its status and content type, and every way
 * it can fail to be a trustworthy document (HTML with 200, an empty 200, a 204 or 300 on a
 * read, truncated or non-UTF-8 JSON, a missing or wrongly typed key, rows that are not
 * objects, a body over the size cap) is an {@link InvalidResponseError} carrying the method,
 * the redacted URL, the status, the request id, the content type and a short redacted excerpt.
 *
 * Leniency, from what real services send: nova, neutron, cinder, glance, keystone, placement
 * and swift (`format=json`) answer `application/json` (some with a charset), but not always:
 * cinder (Zed) answers `GET /volumes/{id}/metadata` with `text/html` and a JSON body, and
 * proxies strip or rewrite the header. So the body decides: a body that parses as JSON is
 * read whatever its label; one that does not is 'not-json' when it is labelled as, or looks
 * like, markup (an error page, a login portal) and 'invalid-json' otherwise (truncated,
 * garbage). An HTML page never parses as JSON, so it can never pass for a document.
 */
import type { InvalidResponseError, InvalidResponseReason } from '../errors/errors.js';
import { latin1Text } from '../transport/bytes.js';
import { excerptOf, invalidResponse, LazyFacts, type ResponseFacts } from '../transport/invalid-response.js';
import { parseResponseJson } from '../transport/json-text.js';
import { readWhole } from '../transport/read-body.js';

export { excerptOf, invalidResponse, type ResponseFacts };

/** The part of a response the decoder needs (an {@link HttpResponse} is one). */
export interface DecodableResponse {
  /** The HTTP status. */
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The request's method. */
  method: string;
  /** The request's URL (redacted before it reaches an error). */
  url: string;
  /** The request id the service returned, if any. */
  requestId?: string;
  /** Reads the body as UTF-8 text. */
  text(): Promise<string>;
  /** Reads the body as bytes (used to refuse bodies that are not UTF-8). */
  bytes?(): Promise<Uint8Array>;
  /** The body stream, drained when the body is not needed. */
  body?: {
    /** Reads and discards the rest of the body. */
    dump?(): Promise<void>;
  };
}

/** How a body is to be read. */
export interface DecodeOptions {
  /**
   * Whether a document is required. `true` (the default for GET/HEAD reads): an empty body,
   * a 204 or a 3xx is an error. `false`: an empty body (or a 204) decodes to `undefined`,
   * as for an action that may answer 202/204 without content.
   */
  required?: boolean;
  /** Non-2xx statuses that carry a readable document (e.g. 300 for a version document). */
  statuses?: readonly number[];
  /** Refuse a body over this many bytes ('too-large'); none when undefined. */
  maxBodyBytes?: number;
}

/** The facts of a response for an error, with the URL redacted (when it is read). */
export function factsOf(
  res: Pick<DecodableResponse, 'status' | 'headers' | 'method' | 'url' | 'requestId'>,
): ResponseFacts {
  // the URL redacted when an error reads it: every decoded answer builds these facts, few fail
  return new LazyFacts(res.url, res.method, res.status, res.requestId, res.headers['content-type']);
}

/** JSON types a key can be required to have. */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'any';

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function isKind(v: unknown, kind: JsonKind): boolean {
  if (kind === 'any') return v !== undefined;
  return kindOf(v) === kind;
}

/** A plain JSON object (not an array, not null). */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A decoded JSON document with the facts of the response it came from, so that every
 * structural check on it (a key, a list of rows) fails as a typed error naming the response.
 */
export class JsonDocument {
  constructor(
    /** The response's method, redacted URL, status, request id and content type. */
    readonly facts: ResponseFacts,
    /** The parsed value (`undefined` only for an allowed empty body). */
    readonly value: unknown,
    /** The body text, for excerpts. */
    readonly text: string,
  ) {}

  /** An {@link InvalidResponseError} about this document. */
  fail(reason: InvalidResponseReason, detail: string): InvalidResponseError {
    return invalidResponse(this.facts, reason, detail, this.text);
  }

  /** The document as a JSON object, or 'wrong-type'. */
  object(): Record<string, unknown> {
    if (!isJsonObject(this.value))
      throw this.fail('wrong-type', `expected a JSON object, got ${kindOf(this.value)}`);
    return this.value;
  }

  /** The value under a top-level key, which must be present with the given JSON type. */
  key(name: string, kind: JsonKind = 'any'): any {
    const o = this.object();
    if (!(name in o) || o[name] === undefined) throw this.fail('missing-key', `no "${name}" key`);
    const v = o[name];
    if (!isKind(v, kind)) throw this.fail('wrong-type', `"${name}" is ${kindOf(v)}, expected ${kind}`);
    return v;
  }

  /**
   * For a write's answer: `fallback` when there was no body at all (204, empty 202), else the
   * value under `name`, which must be present with the given type.
   */
  keyOr<T>(name: string, kind: JsonKind, fallback: T): any {
    return this.value === undefined ? fallback : this.key(name, kind);
  }

  /** The value under a top-level key when present (null counts as absent); wrong type is an error. */
  optionalKey(name: string, kind: JsonKind = 'any'): any {
    const o = this.object();
    const v = o[name];
    if (v === undefined || v === null) return undefined;
    if (!isKind(v, kind)) throw this.fail('wrong-type', `"${name}" is ${kindOf(v)}, expected ${kind}`);
    return v;
  }

  /**
   * The rows of a listing: the array under `key` (or the document itself when `key` is null,
   * as for swift and placement traits), every row a JSON object.
   */
  rows(key: string | null): Record<string, unknown>[] {
    const list = key === null ? this.value : this.key(key);
    const where = key === null ? 'the listing' : `"${key}"`;
    if (!Array.isArray(list)) throw this.fail('wrong-type', `${where} is ${kindOf(list)}, expected an array`);
    for (let i = 0; i < list.length; i++) {
      if (!isJsonObject(list[i]))
        throw this.fail('wrong-type', `row ${i} of ${where} is ${kindOf(list[i])}, expected an object`);
    }
    return list as Record<string, unknown>[];
  }

  /** The resource under `key` (or the document when null), which must be a JSON object. */
  resource(key: string | null): Record<string, unknown> {
    if (key === null) return this.object();
    return this.key(key, 'object');
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readText(res: DecodableResponse, facts: ResponseFacts, max?: number): Promise<string> {
  const declared = Number(res.headers['content-length']);
  if (max !== undefined && Number.isFinite(declared) && declared > max) {
    await res.body?.dump?.().catch(() => {});
    throw invalidResponse(facts, 'too-large', `the body is ${declared} bytes, over the cap of ${max} bytes`);
  }
  const whole = readWhole(res);
  if (whole) {
    // the client's own response: the text was decoded as the body arrived
    const b = await whole;
    if (max !== undefined && b.byteLength > max)
      throw invalidResponse(facts, 'too-large', `the body is over the cap of ${max} bytes`);
    const t = b.utf8;
    if (t !== undefined) return t;
    return strictText(facts, b.bytes());
  }
  if (!res.bytes) return res.text();
  return strictText(facts, await res.bytes(), max);
}

function strictText(facts: ResponseFacts, bytes: Uint8Array, max?: number): string {
  if (max !== undefined && bytes.byteLength > max)
    throw invalidResponse(facts, 'too-large', `the body is over the cap of ${max} bytes`);
  try {
    return utf8.decode(bytes);
  } catch (e) {
    throw invalidResponse(
      facts,
      'invalid-json',
      'the body is not valid UTF-8',
      latin1Text(bytes.subarray(0, 512)),
      e,
    );
  }
}

/**
 * Read and parse a JSON response body by the rules above. Resolves with a {@link JsonDocument}
 * whose `value` is `undefined` only when `required` is false and the body is empty.
 */
export async function decodeJson(res: DecodableResponse, opts: DecodeOptions = {}): Promise<JsonDocument> {
  const facts = factsOf(res);
  const readable = (res.status >= 200 && res.status < 300) || !!opts.statuses?.includes(res.status);
  const required = opts.required ?? true;
  if (!readable) {
    await res.body?.dump?.().catch(() => {});
    throw invalidResponse(facts, 'unexpected-status', `status ${res.status} carries no result for this call`);
  }
  if (res.status === 204 || res.status === 205) {
    await res.body?.dump?.().catch(() => {});
    if (required)
      throw invalidResponse(facts, 'empty-body', `status ${res.status} has no body; a document was expected`);
    return new JsonDocument(facts, undefined, '');
  }
  return parseJsonText(facts, await readText(res, facts, opts.maxBodyBytes), required);
}

/**
 * The parsing half of {@link decodeJson}, for a body already read as text (a report inside
 * another document, a recorded answer): the same rules for an empty body, markup and JSON
 * that does not parse, and the same {@link JsonDocument}.
 */
export function parseJsonText(facts: ResponseFacts, text: string, required = true): JsonDocument {
  if (text.trim() === '') {
    if (required) throw invalidResponse(facts, 'empty-body', 'the body is empty; a document was expected');
    return new JsonDocument(facts, undefined, text);
  }
  const value = parseResponseJson(facts, text);
  return new JsonDocument(facts, value, text);
}

/** Whether a method reads (a read requires a document by default). */
export function isRead(method: string): boolean {
  const m = method.toUpperCase();
  return m === 'GET' || m === 'HEAD';
}
