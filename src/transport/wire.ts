/**
 * The contract between {@link HttpClient} and what carries its bytes: undici on Node
 * (`undici-wire.ts`), Node's own `node:http` when asked for (`node-wire.ts`), the standard
 * `fetch` everywhere else (`fetch-wire.ts`). The client keeps what is the same for all
 * (retries, deadlines, the size cap, logging, redaction, error mapping); a wire sends one
 * attempt and hands back the status, headers and body.
 */
import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';

/** A request body: text/JSON are replayable (so retryable); streams are sent once. */
export type RequestBody = string | Uint8Array | Readable | AsyncIterable<Uint8Array>;

/** The body of a response: a Node Readable with undici's body methods (`text`, `json`, `dump`, ...). */
export type ResponseBody = Dispatcher.ResponseData['body'];

/** One attempt as the client hands it to a wire; its functions are methods, called on it. */
export interface WireRequest {
  /** Upper-case method. */
  method: string;
  /** Absolute URL. */
  url: string;
  /** Every header to send, `user-agent` included. */
  headers: Record<string, string>;
  /** The body, as the caller gave it. */
  body: RequestBody | undefined;
  /** The attempt's signal: the caller's plus the attempt's deadline (for undici and node, a light stand-in with its shape). */
  signal: AbortSignal;
  /** Idle timeout (ms) for the headers and between body chunks; 0 = none. */
  timeoutMs: number;
  /** Turns whatever the wire or the body stream throws into the SDK's error. */
  translate(err: unknown): Error;
  /** Aborts the attempt with this reason (the fetch wire's idle timer). */
  abort(reason: Error): void;
  /** Called once when the body has been read to its end, failed or was closed. */
  onBodyDone(): void;
}

/** What a wire answers: the status, lower-cased headers and the body. */
export interface WireResponse {
  /** The HTTP status. */
  status: number;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The body as it arrives; its errors are already SDK errors. */
  body: ResponseBody;
  /** A body with the same methods over data already read. */
  buffered(data: Promise<Uint8Array>, contentType: string | undefined): ResponseBody;
  /** Stop receiving the body (it is over the size cap). */
  discard(): void;
}

/** A way to send HTTP requests. */
export interface Wire {
  /** Which transport this is. */
  readonly kind: 'undici' | 'fetch' | 'node';
  /** Send one attempt; rejects with what `r.translate` makes of a failure. */
  send(r: WireRequest): Promise<WireResponse>;
  /** Let go of pooled connections. */
  close(): Promise<void>;
}
