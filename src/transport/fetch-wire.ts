/**
 * The portable transport: the standard `fetch` (browsers, workers, Deno, Bun, and Node when
 * asked for). Request bodies go out as text, bytes or a ReadableStream; the response body comes
 * back with the same methods as undici's (`text`, `json`, `arrayBuffer`, `dump`, ...) and is a
 * Node Readable wherever Node's streams exist, an async iterable of Uint8Array elsewhere. fetch
 * has no idle timers of its own, so the one between body chunks is kept here.
 */
import { TimeoutError } from '../errors/errors.js';
import { nodeModule } from '../platform/node.js';
import { chunkBytes, concatBytes } from './bytes.js';
import { redactUrl } from './redact.js';
import { bodyMethods, bufferedNodeBody } from './undici-wire.js';
import type { RequestBody, ResponseBody, Wire, WireRequest, WireResponse } from './wire.js';

/** The `fetch` function a wire calls (the global one, or the caller's). */
export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

/** A one-shot body as a ReadableStream (what fetch streams), read chunk by chunk on demand. */
function toReadableStream(src: AsyncIterable<Uint8Array | string>): ReadableStream<Uint8Array> {
  const it = src[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(ctrl) {
      const r = await it.next();
      if (r.done) ctrl.close();
      else ctrl.enqueue(chunkBytes(r.value));
    },
    async cancel() {
      await it.return?.();
    },
  });
}

function requestInit(r: WireRequest, browser: boolean): RequestInit & { duplex?: 'half' } {
  const init: RequestInit & { duplex?: 'half' } = {
    method: r.method,
    headers: r.headers,
    signal: r.signal,
    // undici's request API returns a 3xx as it is; a page cannot see one (opaque), so it follows
    redirect: browser ? 'follow' : 'manual',
  };
  const b: RequestBody | undefined = r.body;
  if (b === undefined) return init;
  if (typeof b === 'string' || b instanceof Uint8Array) init.body = b as NonNullable<RequestInit['body']>;
  else {
    init.body = toReadableStream(b as AsyncIterable<Uint8Array>);
    // a streamed request body must say so (WHATWG fetch); browsers stream only over HTTP/2
    init.duplex = 'half';
  }
  // user-agent is a forbidden header in browsers: they send their own
  if (browser) delete (init.headers as Record<string, string>)['user-agent'];
  return init;
}

function isBrowser(): boolean {
  const g = globalThis as { document?: unknown; WorkerGlobalScope?: unknown };
  return g.document !== undefined || g.WorkerGlobalScope !== undefined;
}

/** Options of the fetch wire. */
export interface FetchWireOptions {
  /** The fetch to call (default: the global one, looked up at each request). */
  fetch?: FetchFunction;
}

/** Sends with `fetch`. */
export class FetchWire implements Wire {
  readonly kind = 'fetch';

  constructor(private readonly opts: FetchWireOptions = {}) {}

  async send(r: WireRequest): Promise<WireResponse> {
    const browser = isBrowser();
    let res: Response;
    try {
      const f = this.opts.fetch ?? (globalThis.fetch as FetchFunction);
      res = await f(r.url, requestInit(r, browser));
    } catch (err) {
      throw r.translate(err);
    }
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k.toLowerCase()] = v;
    });
    const reader = res.body?.getReader();
    const chunks = readChunks(reader, r, `${r.method} ${redactUrl(r.url)}`);
    const discard = () => {
      void chunks.return(undefined).catch(() => {});
      reader?.cancel().catch(() => {});
    };
    return {
      status: res.status,
      headers,
      body: streamBody(chunks, headers['content-type'], discard),
      buffered: (data, type) =>
        nodeModule('node:stream')
          ? bufferedNodeBody(data, type)
          : webBody(
              once(data),
              () => data,
              type,
              () => {},
            ),
      discard,
    };
  }

  async close(): Promise<void> {
    // fetch pools connections itself; there is nothing of ours to close
  }
}

/** The chunks of a body, with the idle timeout between them and SDK errors. */
async function* readChunks(
  reader: ReadableStreamDefaultReader<Uint8Array> | undefined,
  r: WireRequest,
  what: string,
): AsyncGenerator<Uint8Array, void, undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    if (!reader) return;
    for (;;) {
      if (r.timeoutMs > 0) {
        timer = setTimeout(
          () =>
            r.abort(
              new TimeoutError(
                `${what}: waited ${r.timeoutMs} ms for the next chunk of the body (timeoutMs)`,
              ),
            ),
          r.timeoutMs,
        );
        (timer as { unref?: () => void }).unref?.();
      }
      let step: Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>['read']>>;
      try {
        step = await reader.read();
      } catch (err) {
        throw r.translate(err);
      } finally {
        clearTimeout(timer);
      }
      if (step.done) return;
      if (step.value.byteLength) yield step.value;
    }
  } finally {
    clearTimeout(timer);
    r.onBodyDone();
  }
}

async function* once(data: Promise<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  const b = await data;
  if (b.byteLength) yield b;
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let n = 0;
  for await (const c of chunks) {
    parts.push(c);
    n += c.byteLength;
  }
  return concatBytes(parts, n);
}

/** undici's body methods, reading the body only when one is called. */
function lazyMethods(
  whole: () => Promise<Uint8Array>,
  contentType: string | undefined,
  dump: () => void,
): Record<string, () => Promise<unknown>> {
  const m = (k: string) => async () => bodyMethods(whole(), contentType, dump)[k]!();
  return {
    text: m('text'),
    json: m('json'),
    arrayBuffer: m('arrayBuffer'),
    bytes: m('bytes'),
    blob: m('blob'),
    dump: async () => dump(),
  };
}

/** The streamed body: a Node Readable where Node's streams exist, else a {@link webBody}. */
function streamBody(
  chunks: AsyncGenerator<Uint8Array, void, undefined>,
  contentType: string | undefined,
  discard: () => void,
): ResponseBody {
  let all: Promise<Uint8Array> | undefined;
  const whole = () => {
    all ??= collect(chunks);
    return all;
  };
  const stream = nodeModule('node:stream');
  if (!stream) return webBody(chunks, whole, contentType, discard);
  const body = stream.Readable.from(chunks, { objectMode: false });
  // a body given up on (too large, never read) errors with nobody listening: not a crash
  body.on('error', () => {});
  Object.assign(
    body,
    lazyMethods(whole, contentType, () => {
      body.destroy();
      discard();
    }),
  );
  return body as unknown as ResponseBody;
}

/**
 * A body without Node's streams: async-iterable chunks plus undici's methods, so code written
 * against `HttpResponse.body` (`for await`, `text()`, `json()`, `dump()`) runs unchanged.
 */
function webBody(
  chunks: AsyncGenerator<Uint8Array, void, undefined>,
  whole: () => Promise<Uint8Array>,
  contentType: string | undefined,
  discard: () => void,
): ResponseBody {
  const body = {
    [Symbol.asyncIterator]: () => chunks,
    ...lazyMethods(whole, contentType, discard),
    destroy: discard,
  };
  return body as unknown as ResponseBody;
}
