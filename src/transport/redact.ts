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

/**
 * Body keys whose values are secrets wherever they appear in a JSON document (`payload`: barbican's
 * secrets; `access_key`: a manila cephx access rule's key; `*_password`: ironic's `rescue_password`
 * and the BMC credentials in `driver_info`, `ipmi_password`, ..., a heat parameter `db_password`).
 */
const secretKeyPattern =
  /^(password|adminPass|admin_pass|secret|application_credential_secret|token|id_token|access_token|refresh_token|temp_url_key|private_key|blob|key|passcode|totp|payload|access_key|\w+_password)$/i;

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

/** Secrets shorter than this are not scrubbed by value: replacing every "ab" would wreck the log. */
export const MIN_SECRET_LENGTH = 4;

/** Learned secrets (tokens) kept per redactor; the oldest is forgotten first. */
const MAX_LEARNED_SECRETS = 32;

/**
 * The secret values of one session (its password, application credential secret, current and
 * recent tokens, ...), scrubbed by value from everything the HTTP client logs or puts in an
 * error, wherever they appear: in any header, not only the known secret ones, and in any body.
 * Name-based redaction ({@link redactHeaders}, {@link redactBody}) runs first; this catches
 * a secret echoed where no name gives it away.
 *
 * Values from the configuration are pinned; values the client learns from traffic (the
 * `X-Auth-Token` it sends, the `X-Subject-Token` Keystone returns) are kept up to
 * 32 at a time, newest first. Values shorter than
 * `MIN_SECRET_LENGTH` (4) characters are ignored.
 */
export class Redactor {
  private readonly pinned = new Set<string>();
  private readonly learned = new Set<string>();
  /** Each secret with its escaped and encoded spellings, longest first; rebuilt on change. */
  private forms: string[] | undefined;

  /** Register a secret for the life of this redactor (configuration secrets). */
  addSecret(value: string | undefined): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.pinned.has(value)) return;
    this.pinned.add(value);
    this.learned.delete(value);
    this.forms = undefined;
  }

  /** Register a secret seen in traffic (a token); the oldest such value is dropped past the cap. */
  learnSecret(value: string | undefined): void {
    if (!value || value.length < MIN_SECRET_LENGTH || this.pinned.has(value)) return;
    if (this.learned.has(value)) return;
    this.learned.add(value);
    if (this.learned.size > MAX_LEARNED_SECRETS) {
      const oldest = this.learned.values().next().value;
      if (oldest !== undefined) this.learned.delete(oldest);
    }
    this.forms = undefined;
  }

  /** Learn the values of the secret-named headers of a request or response. */
  learnFromHeaders(headers: Record<string, string | undefined>): void {
    for (const k in headers) {
      if (secretHeaderNames.has(k.toLowerCase())) this.learnSecret(headers[k]);
    }
  }

  /** How many secrets are registered (pinned and learned). */
  get size(): number {
    return this.pinned.size + this.learned.size;
  }

  /** Replace every registered secret in `text` (also JSON-escaped or URL-encoded) with {@link REDACTED}. */
  scrub(text: string): string {
    if (this.size === 0 || text === '') return text;
    return scrubSecrets(text, this.spellings());
  }

  /** A copy of `headers` with every value scrubbed. */
  scrubHeaders(headers: Record<string, string>): Record<string, string> {
    if (this.size === 0) return headers;
    const out: Record<string, string> = {};
    for (const k in headers) out[k] = this.scrub(headers[k] ?? '');
    return out;
  }

  /** The registered secrets, for `scrubSecrets` callers. */
  secrets(): string[] {
    return [...this.pinned, ...this.learned];
  }

  private spellings(): string[] {
    if (!this.forms) {
      const all = new Set<string>();
      for (const s of this.secrets()) {
        // as written, JSON-escaped once and twice (a service echoing a JSON request inside its JSON error), URL-encoded
        const once = JSON.stringify(s).slice(1, -1);
        all.add(s);
        all.add(once);
        all.add(JSON.stringify(once).slice(1, -1));
        all.add(encodeURIComponent(s));
      }
      // longest first: a secret that contains another is replaced whole
      this.forms = [...all].filter((s) => s.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
    }
    return this.forms;
  }
}

/** Auth option names whose values are secrets (clouds.yaml spelling). */
const secretAuthKey = /(password|secret|token|passcode|totp|key)$/i;

/**
 * The secret values of a cloud's `auth` options (password, token, application credential
 * secret, passcode, and any other option named like a secret), for {@link Redactor.addSecret}.
 */
export function configSecrets(auth: Record<string, string>): string[] {
  return Object.entries(auth)
    .filter(([k, v]) => secretAuthKey.test(k) && v !== '')
    .map(([, v]) => v);
}
