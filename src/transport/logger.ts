import type { Redactor, redactBody, redactHeaders } from './redact.js';

/**
 * Pluggable logging. The SDK logs requests and responses at `debug` and retries at `warn`;
 * everything it hands to a logger has already been through {@link redactHeaders} /
 * {@link redactBody} (secrets by name) and the session's {@link Redactor} (its own secrets
 * by value, wherever they appear). Pass one as `new Connection({ logger })`; an object
 * without `debug` and `warn` functions is a ConfigError at construction.
 */
export interface Logger {
  /** HTTP traffic: one call per request (`REQ ...`) and per response (`RESP ...`). */
  debug(message: string, data?: Record<string, unknown>): void;
  /** Informational events (optional). */
  info?(message: string, data?: Record<string, unknown>): void;
  /** Something the caller should know: a retry after a connection error or a 5xx/429. */
  warn(message: string, data?: Record<string, unknown>): void;
}

/** A logger that drops everything (the default). */
export const silentLogger: Logger = { debug() {}, warn() {} };

/**
 * A logger that writes one line per event to stderr (the console where there is no process, as
 * in a browser); handy with `OSSDK_DEBUG=1`.
 */
export function consoleLogger(stream?: NodeJS.WritableStream): Logger {
  const out = stream ?? (globalThis as { process?: { stderr?: NodeJS.WritableStream } }).process?.stderr;
  const write = (level: string, message: string, data?: Record<string, unknown>) => {
    const line = `[openstack-sdk] ${level} ${message}${data ? ` ${JSON.stringify(data)}` : ''}`;
    if (out) out.write(`${line}\n`);
    else console.error(line);
  };
  return {
    debug: (m, d) => write('DEBUG', m, d),
    info: (m, d) => write('INFO', m, d),
    warn: (m, d) => write('WARN', m, d),
  };
}
