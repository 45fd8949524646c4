/**
 * The Node transport: undici with a keep-alive pool, loaded on the first request through the
 * platform seam (no static import of undici or of `node:` modules, so a browser bundle that
 * carries this file never follows it). Faster than Node's own fetch, which is undici behind the
 * WHATWG stream machinery.
 */
import type { Readable } from 'node:stream';
import type { Dispatcher, Agent as UndiciAgent, request as undiciRequestType } from 'undici';
import { ValidationError } from '../errors/errors.js';
import { nodeModule, requireNodeModule } from '../platform/node.js';
import { BODY_SLICE, bodySlices } from './bytes.js';
import type { RequestBody, ResponseBody, Wire, WireRequest, WireResponse } from './wire.js';

type UndiciRequest = typeof undiciRequestType;

interface UndiciParts {
  Agent: typeof UndiciAgent;
  request: UndiciRequest;
}

/**
 * undici writes a byte body in one go and starts its headers timer at once: a large upload to a
 * slow server was cut as "waited for the headers" while its bytes were still leaving. Sent as an
 * iterable of slices (with its length, so nothing else changes on the wire), undici writes it
 * with back-pressure and refreshes that timer as each slice leaves, as it does for streams.
 */
function sliced(
  headers: Record<string, string>,
  body: RequestBody | undefined,
): { headers: Record<string, string>; body: RequestBody | Iterable<Uint8Array> | undefined } {
  if (!(body instanceof Uint8Array) || body.byteLength <= BODY_SLICE) return { headers, body };
  const withLength = Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')
    ? headers
    : { ...headers, 'content-length': String(body.byteLength) };
  return { headers: withLength, body: bodySlices(body) };
}

/**
 * undici's index loads every dispatcher, the mocks, caches, fetch and cookies (and, through
 * the cookies, Node's own bundled undici): about 100 ms of start-up on a small machine, paid by
 * every CLI call. The transport needs the Agent and the request API only, so it loads those
 * modules directly; `request()` below is undici's own `request(url, opts)` wrapper for an
 * explicit dispatcher (same URL parsing). Should undici's file layout change, the index is used.
 */
function loadUndici(): UndiciParts {
  const { createRequire } = requireNodeModule(
    'node:module',
    'the undici transport',
    "use transport: 'fetch' outside Node.js",
  );
  const require = createRequire(import.meta.url);
  try {
    const Agent = require('undici/lib/dispatcher/agent.js') as typeof UndiciAgent;
    const apiRequest = require('undici/lib/api/api-request.js') as (
      this: Dispatcher,
      opts: Dispatcher.RequestOptions,
    ) => Promise<Dispatcher.ResponseData>;
    const { parseURL } = require('undici/lib/core/util.js') as { parseURL?: (u: string) => URL };
    if (typeof Agent !== 'function' || typeof apiRequest !== 'function' || typeof parseURL !== 'function')
      throw new Error('unexpected undici layout');
    // `opts` is the wire's own object, made for this one request: completed in place, not copied
    const request = (url: string, opts: { dispatcher: Dispatcher; origin?: string; path?: string }) => {
      const u = parseURL(url);
      opts.origin = u.origin;
      opts.path = u.search ? `${u.pathname}${u.search}` : u.pathname;
      return apiRequest.call(opts.dispatcher, opts as unknown as Dispatcher.RequestOptions);
    };
    return { Agent, request: request as unknown as UndiciRequest };
  } catch {
    const full = require('undici') as typeof import('undici');
    return { Agent: full.Agent, request: full.request };
  }
}

let undiciParts: UndiciParts | undefined;

/**
 * undici, loaded on the first request rather than at import: even the two modules above cost
 * ~35 ms, which a program that only builds a `Connection` (or never sends) should not pay.
 */
function undici(): UndiciParts {
  undiciParts ??= loadUndici();
  return undiciParts;
}

function ignore(): void {}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  // undici's own object is already what is wanted when every name is lower-case and no header
  // repeats (nearly always): it is used as it is, not copied
  for (const k in h) {
    if (typeof h[k] !== 'string' || k.toLowerCase() !== k) return copyHeaders(h);
  }
  return h as Record<string, string>;
}

function copyHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  // for..in over undici's own plain object: no [key, value] pair arrays per header
  for (const k in h) {
    const v = h[k];
    if (v !== undefined) out[k.toLowerCase()] = typeof v === 'string' ? v : v.join(', ');
  }
  return out;
}

/**
 * Make every error a body stream emits an SDK error: undici destroys the body with its own
 * errors (a reset is a bare `SocketError: other side closed`), whichever way it is consumed.
 */
function translateBodyErrors(body: Readable, r: Pick<WireRequest, 'translate'>): void {
  const b = body as Readable & { _destroy: (e: Error | null, cb: (e?: Error | null) => void) => void };
  const original = b._destroy;
  b._destroy = (e, cb) => original.call(b, e, (e2) => cb(e2 ? r.translate(e2) : e2));
}

/** A body stream over data already read, with undici's body methods (text, json, dump, ...). */
export function bufferedNodeBody(data: Promise<Uint8Array>, contentType: string | undefined): ResponseBody {
  const { Readable } = requireNodeModule('node:stream', 'a Node body stream');
  const stream = Readable.from(
    (async function* () {
      const b = await data;
      if (b.length) yield b;
    })(),
  ) as Readable & Record<string, unknown>;
  Object.assign(
    stream,
    bodyMethods(data, contentType, () => stream.destroy()),
  );
  return stream as unknown as ResponseBody;
}

/** undici's body methods over a promise of the whole body. */
export function bodyMethods(
  data: Promise<Uint8Array>,
  contentType: string | undefined,
  dump: () => void,
): Record<string, () => Promise<unknown>> {
  const arrayBuffer = async (): Promise<ArrayBuffer> => {
    const b = await data;
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };
  return {
    text: async () => new TextDecoder().decode(await data),
    json: async () => JSON.parse(new TextDecoder().decode(await data)),
    arrayBuffer,
    bytes: async () => new Uint8Array(await arrayBuffer()),
    blob: async () => new Blob([await arrayBuffer()], { type: contentType ?? '' }),
    dump: async () => dump(),
  };
}

/** Options of the undici wire: a dispatcher given by the caller, or the pool to build. */
export interface UndiciWireOptions {
  /** Use this dispatcher (tests, proxies). */
  dispatcher?: Dispatcher;
  /** The Agent's options (keep-alive, connections, TLS), when no dispatcher is given. */
  agent?: UndiciAgent.Options;
}

/** Sends through an undici Agent (keep-alive pool), built on first use. */
export class UndiciWire implements Wire {
  readonly kind = 'undici';
  private agent: Dispatcher | undefined;
  private closed = false;

  constructor(private readonly opts: UndiciWireOptions) {
    if (!opts.dispatcher && !nodeModule('node:module')) {
      throw new ValidationError('the undici transport needs Node.js, which this runtime is not', {
        field: 'transport',
        fix: "use transport: 'fetch' (the default outside Node.js)",
      });
    }
    this.agent = opts.dispatcher;
  }

  /** The dispatcher (connection pool); built on first use. */
  get dispatcher(): Dispatcher {
    if (!this.agent) {
      this.agent = new (undici().Agent)(this.opts.agent);
      // closed before any request: keep close()'s promise that later requests fail
      if (this.closed) void this.agent.close();
    }
    return this.agent;
  }

  async send(r: WireRequest): Promise<WireResponse> {
    let raw: Dispatcher.ResponseData;
    const { headers, body } = sliced(r.headers, r.body);
    try {
      raw = await undici().request(r.url, {
        method: r.method as Dispatcher.HttpMethod,
        headers,
        body: body as Dispatcher.DispatchOptions['body'],
        dispatcher: this.dispatcher,
        signal: r.signal,
        // undici's own timers are idle timers; the total deadline is the attempt's signal. 0 turns them off.
        headersTimeout: r.timeoutMs,
        bodyTimeout: r.timeoutMs,
      });
    } catch (err) {
      throw r.translate(err);
    }
    translateBodyErrors(raw.body, r);
    // a body given up on (too large, never read) errors with nobody listening: not a crash
    raw.body.on('error', ignore);
    // 'close' comes once: `on` spares the wrapper `once` builds
    raw.body.on('close', () => r.onBodyDone());
    return {
      status: raw.statusCode,
      headers: flattenHeaders(raw.headers),
      body: raw.body,
      buffered: bufferedNodeBody,
      discard: () => raw.body.destroy(),
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    // never used: there is no pool to close, and loading undici only to close it is waste
    if (this.agent) await this.agent.close();
  }
}
