/**
 * Pluggable logging. The SDK logs requests and responses at `debug`; everything it hands
 * to a logger has already been through {@link redactHeaders} / {@link redactBody}.
 */
export interface Logger {
  /** Request and response details (secrets redacted). */
  debug(message: string, data?: Record<string, unknown>): void;
  /** Notable events. */
  info?(message: string, data?: Record<string, unknown>): void;
  /** Problems the SDK worked around, e.g. a request it retries. */
  warn(message: string, data?: Record<string, unknown>): void;
}

/** A logger that drops everything (the default). */
export const silentLogger: Logger = { debug() {}, warn() {} };

/** A logger that writes one line per event to stderr; handy with `OSSDK_DEBUG=1`. */
export function consoleLogger(stream: NodeJS.WritableStream = process.stderr): Logger {
  const write = (level: string, message: string, data?: Record<string, unknown>) =>
    stream.write(`[openstack-sdk] ${level} ${message}${data ? ` ${JSON.stringify(data)}` : ''}\n`);
  return {
    debug: (m, d) => write('DEBUG', m, d),
    info: (m, d) => write('INFO', m, d),
    warn: (m, d) => write('WARN', m, d),
  };
}
