/**
 * Keeping a secret's payload out of errors. The transport already redacts a JSON body's
 * `payload` key from debug logs and scrubs it by value from error bodies; a payload sent as
 * raw bytes (`putSecretPayload`) is never logged, but a service could still echo it in an error.
 * Every call that sends a payload runs through {@link withoutPayloadInErrors}, which rebuilds an
 * HTTP error whose message or body contains the payload (as sent, base64 or JSON-escaped).
 * @internal
 */
import { HttpError, httpErrorFor } from '../../errors/errors.js';
import { bytesToBase64, utf8Bytes, utf8Text } from '../../transport/bytes.js';
import { MIN_SECRET_LENGTH, scrubSecrets } from '../../transport/redact.js';

/** The spellings of a payload that may come back in an error, longest first. */
export function payloadSpellings(payload: string | Uint8Array): string[] {
  const forms = new Set<string>();
  const add = (s: string) => {
    if (s.length >= MIN_SECRET_LENGTH) {
      forms.add(s);
      forms.add(JSON.stringify(s).slice(1, -1));
    }
  };
  if (typeof payload === 'string') {
    add(payload);
    add(bytesToBase64(utf8Bytes(payload)));
  } else {
    add(bytesToBase64(payload));
    add(utf8Text(payload));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** `e` with every spelling of the payload replaced by `***` (an HTTP error is rebuilt; others pass). */
export function scrubPayload(e: unknown, spellings: readonly string[]): unknown {
  if (!(e instanceof HttpError) || spellings.length === 0) return e;
  const leaks = [e.message, e.body ?? '', e.serviceMessage ?? ''].some((t) =>
    spellings.some((s) => t.includes(s)),
  );
  if (!leaks) return e;
  const clean = (t: string | undefined) => (t === undefined ? undefined : scrubSecrets(t, spellings));
  return httpErrorFor({
    status: e.status,
    method: e.method,
    url: e.url,
    serviceMessage: clean(e.serviceMessage),
    requestId: e.requestId,
    body: clean(e.body),
    headers: e.headers,
    attempts: e.attempts,
    uncertainAttempts: e.uncertainAttempts,
  });
}

/** Run a call that sends `payload`; an error it throws never carries the payload. */
export async function withoutPayloadInErrors<T>(
  payload: string | Uint8Array,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw scrubPayload(e, payloadSpellings(payload));
  }
}
