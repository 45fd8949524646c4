/**
 * Secret redaction for everything that may reach a log line or an error message.
 * The lists are deliberately broad: a false positive costs a log detail, a miss leaks a credential.
 */
export const REDACTED = '***';

const secretHeaderNames = new Set([
  'x-auth-token',
  'x-subject-token',
  'x-service-token',
  'authorization',
  'proxy-authorization',
  'x-auth-key',
  'x-storage-token',
  'x-account-meta-temp-url-key',
  'x-account-meta-temp-url-key-2',
  'x-container-meta-temp-url-key',
  'x-container-meta-temp-url-key-2',
  'x-remove-account-meta-temp-url-key',
  'x-remove-container-meta-temp-url-key',
  'cookie',
  'set-cookie',
]);

/** Body keys whose values are secrets wherever they appear in a JSON document. */
const secretKeyPattern =
  /^(password|adminPass|admin_pass|secret|application_credential_secret|token|id_token|access_token|refresh_token|temp_url_key|private_key|blob|key|passcode|totp)$/i;

/** Keys that are named like secrets but are not (ids of tokens in listings, public keys). */
const notSecretKeys = new Set(['public_key', 'token_type']);

/** Return a copy of headers with secret values replaced. */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k] = secretHeaderNames.has(k.toLowerCase()) ? REDACTED : Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

/** Redact secret-looking values in a parsed JSON value (deep copy). */
export function redactJson(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => redactJson(v, parentKey));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      // keystone's {"token": {"id": "..."}} auth method and {"application_credential": {"secret"}}
      if (
        secretKeyPattern.test(k) &&
        !notSecretKeys.has(k) &&
        (typeof v === 'string' || parentKey === 'auth')
      ) {
        out[k] = REDACTED;
      } else if (k === 'id' && parentKey === 'token') {
        out[k] = REDACTED;
      } else {
        out[k] = redactJson(v, k);
      }
    }
    return out;
  }
  return value;
}

/** Redact a request/response body given as text; JSON is parsed, other text is pattern-scrubbed. */
export function redactBody(text: string): string {
  const t = text.trim();
  if (t.startsWith('{') || t.startsWith('[')) {
    try {
      return JSON.stringify(redactJson(JSON.parse(t)));
    } catch {
      // not JSON after all; fall through
    }
  }
  return t.replace(
    /("?(?:password|secret|token|adminPass|temp_url_key)"?\s*[:=]\s*)("[^"]*"|[^\s&,]+)/gi,
    `$1${REDACTED}`,
  );
}

/** Strip Swift temp URL signatures and other credentials from a URL's query string. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:temp_url_sig|token|password|secret)=)[^&]*/gi, `$1${REDACTED}`);
}

/**
 * The secret values a request carries (secret headers, secret-named JSON keys, URL signatures),
 * so an error body that echoes them back can be scrubbed by value.
 */
export function secretsOf(headers: Record<string, string> | undefined, body: unknown, url: string): string[] {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(headers ?? {}))
    if (secretHeaderNames.has(k.toLowerCase()) && v) out.add(v);
  const sig = /[?&]temp_url_sig=([^&]+)/i.exec(url)?.[1];
  if (sig) out.add(sig);
  if (typeof body === 'string') {
    const t = body.trim();
    if (t.startsWith('{') || t.startsWith('[')) {
      try {
        collect(JSON.parse(t), '', out);
      } catch {
        // not JSON: nothing structured to collect
      }
    }
  }
  return [...out].filter((s) => s.length >= 4);
}

function collect(value: unknown, parentKey: string, out: Set<string>): void {
  if (Array.isArray(value)) {
    for (const v of value) collect(v, parentKey, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (
        typeof v === 'string' &&
        ((secretKeyPattern.test(k) && !notSecretKeys.has(k)) || (k === 'id' && parentKey === 'token'))
      ) {
        out.add(v);
      } else {
        collect(v, k, out);
      }
    }
  }
}

/** Replace every occurrence of the given secret values. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let t = text;
  for (const s of secrets) if (t.includes(s)) t = t.split(s).join(REDACTED);
  return t;
}
