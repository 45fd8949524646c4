/**
 * How `ostack` reports a failure: the exit code for an error and the line for stderr. Its own
 * module so that the command implementations (`commands/common.ts`) and the program share it
 * without a command importing the command tree that imports it.
 */
import {
  AbortedError,
  ConfigError,
  HttpError,
  MultipleMatchesError,
  ResourceNotFoundError,
  ValidationError,
} from '../errors/errors.js';

/** Exit codes: 0 ok, 1 API/other error, 2 usage or configuration error, 130 interrupted. */
export const EXIT = { ok: 0, error: 1, usage: 2, interrupted: 130 } as const;

/** The exit code for an error: usage (2) for bad input or configuration, 130 when interrupted, else 1. */
export function exitCodeFor(e: unknown): number {
  if (e instanceof ConfigError || e instanceof ValidationError) return EXIT.usage;
  if (e instanceof AbortedError) return EXIT.interrupted;
  return EXIT.error;
}

/**
 * The message for stderr. API errors read like openstackclient's: the service's message,
 * the HTTP status and the request id (`... (HTTP 404) (Request-ID: req-...)`).
 */
export function describeError(e: unknown, debug = false): string {
  if (e instanceof HttpError) {
    const what = e.serviceMessage || `${e.method} ${e.url}`;
    const rid = e.requestId ? ` (Request-ID: ${e.requestId})` : '';
    return `${what} (HTTP ${e.status})${rid}${debug ? `\n${e.method} ${e.url}` : ''}`;
  }
  if (e instanceof ResourceNotFoundError || e instanceof MultipleMatchesError) return `Error: ${e.message}`;
  const err = e as Error;
  return `Error: ${err?.message ?? String(e)}${debug && err?.stack ? `\n${err.stack}` : ''}`;
}
