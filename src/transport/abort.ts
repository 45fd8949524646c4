/**
 * What the caller's AbortSignal means when it fires: a signal made by `AbortSignal.timeout(ms)`
 * (or aborted with a TimeoutError) is an operation deadline, anything else a cancellation. Every
 * layer that stops on the caller's signal (transport, authentication, waiters) reports it this
 * one way, so `AbortSignal.timeout` ends a call in {@link TimeoutError} wherever it fires.
 */
import { AbortedError, TimeoutError } from '../errors/errors.js';

/** Whether an abort reason says "deadline" (AbortSignal.timeout, or the SDK's own TimeoutError). */
export function isDeadlineReason(reason: unknown): boolean {
  return (reason as { name?: string } | undefined)?.name === 'TimeoutError';
}

/** The error for `what` stopped by the caller's signal: TimeoutError for a deadline, else AbortedError. */
export function callerAbortError(what: string, signal: AbortSignal | undefined): TimeoutError | AbortedError {
  return isDeadlineReason(signal?.reason)
    ? new TimeoutError(`${what}: the caller's deadline (signal) expired`)
    : new AbortedError(`${what} aborted by the caller`);
}
