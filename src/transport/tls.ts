/**
 * TLS settings of the HTTP client: the CA bundle, client certificate and key read as
 * {@link ConfigError}s when unusable, the once-per-process warning for `verify: false`, and
 * the fix to suggest when a server's certificate is rejected.
 */
import type { ConnectionOptions } from 'node:tls';
import { ConfigError } from '../errors/errors.js';
import { requireNodeModule } from '../platform/node.js';

/** The code of the warning emitted when certificate verification is off. */
export const INSECURE_WARNING_CODE = 'OSSDK_TLS_VERIFY_OFF';

let insecureWarned = false;

/**
 * Emit, once per process, a `SecurityWarning` through `process.emitWarning` saying that
 * server certificates are not verified. Node prints it on stderr unless warnings are
 * silenced (`--no-warnings`, or a `process.on('warning')` handler); its code is
 * {@link INSECURE_WARNING_CODE}. Returns true when this call emitted it.
 */
export function warnInsecureOnce(): boolean {
  if (insecureWarned) return false;
  insecureWarned = true;
  (globalThis as { process?: { emitWarning?: typeof process.emitWarning } }).process?.emitWarning?.(
    'TLS certificate verification is off (verify: false / OS_INSECURE): any server can impersonate the cloud. Set cacert to the CA bundle of the cloud instead.',
    { type: 'SecurityWarning', code: INSECURE_WARNING_CODE },
  );
  return true;
}

/** The TLS options of a client, as given to the HTTP client. */
export interface TlsSettings {
  /** Verify server certificates (default true). */
  verify?: boolean;
  /** CA bundle (PEM) path. */
  cacert?: string;
  /** Client certificate (PEM) path. */
  cert?: string;
  /** Client private key (PEM) path. */
  key?: string;
}

/** undici `connect` options for these settings; unusable files are ConfigErrors; warns once when verify is off. */
export function tlsConnectOptions(
  s: TlsSettings,
): Pick<ConnectionOptions, 'rejectUnauthorized' | 'ca' | 'cert' | 'key'> {
  const verify = s.verify ?? true;
  if (!verify) warnInsecureOnce();
  return {
    rejectUnauthorized: verify,
    ...(s.cacert && verify ? { ca: readTlsFile(undefined, 'cacert', s.cacert) } : {}),
    ...(s.cert ? { cert: readTlsFile(undefined, 'cert', s.cert) } : {}),
    ...(s.key ? { key: readTlsFile(undefined, 'key', s.key) } : {}),
  };
}

/** OpenSSL / Node codes of a server certificate that was not accepted. */
const CERT_ERROR_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** The fix to offer when a connection failed on the server's certificate, else undefined. */
export function tlsFixFor(err: unknown): string | undefined {
  for (
    let e = err as { code?: string; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  ) {
    if (typeof e.code === 'string' && CERT_ERROR_CODES.has(e.code)) {
      return e.code === 'ERR_TLS_CERT_ALTNAME_INVALID'
        ? "use the host name the server's certificate was issued for in the URL, or set cacert to a bundle whose certificate names this host"
        : "set cacert (OS_CACERT) to the PEM CA bundle that signed the server's certificate; verify: false (OS_INSECURE=true) also connects, without protection against impersonation";
    }
  }
  return undefined;
}

/** What a TLS file holds, for the PEM check and the messages. */
const TLS_FILES = {
  cacert: { what: 'CA bundle', env: 'OS_CACERT', pem: /-----BEGIN [A-Z0-9 ]*CERTIFICATE-----/ },
  cert: { what: 'client certificate', env: 'OS_CERT', pem: /-----BEGIN [A-Z0-9 ]*CERTIFICATE-----/ },
  key: { what: 'client key', env: 'OS_KEY', pem: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/ },
} as const;

/** The names of the TLS file fields. */
export type TlsFileField = keyof typeof TLS_FILES;

/**
 * Read a TLS file named by `cacert`, `cert` or `key`: it must exist, be a readable regular
 * file and hold PEM data of the right kind. Returns the contents. The contents are never
 * quoted (a key file is key material).
 */
export function readTlsFile(cloud: string | undefined, field: TlsFileField, path: string): Buffer {
  const t = TLS_FILES[field];
  const fixExisting = `point ${field} (or ${t.env}) at an existing PEM file (readable by this user)${field === 'cacert' ? ', or remove it to use the system CA store' : ''}`;
  const { accessSync, constants, readFileSync, statSync } = requireNodeModule(
    'node:fs',
    `reading the ${t.what} ${path}`,
    `leave ${field} unset: outside Node.js the runtime's trust store and client certificates apply`,
  );
  let data: Buffer;
  try {
    if (!statSync(path).isFile()) {
      throw new ConfigError(`the ${t.what} ${path} is not a file`, { cloud, field, fix: fixExisting });
    }
    accessSync(path, constants.R_OK);
    data = readFileSync(path);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'does not exist'
        : code === 'EACCES'
          ? 'is not readable'
          : `cannot be read (${code})`;
    throw new ConfigError(`the ${t.what} ${path} ${why}`, {
      cloud,
      field,
      fix: code === 'EACCES' ? `make ${path} readable by this user, or ${fixExisting}` : fixExisting,
    });
  }
  if (!t.pem.test(data.toString('latin1'))) {
    throw new ConfigError(
      `the ${t.what} ${path} holds no PEM ${field === 'key' ? 'private key' : 'certificate'}`,
      {
        cloud,
        field,
        fix: `${fixExisting} (convert DER with: openssl ${field === 'key' ? 'pkey' : 'x509'} -inform der -in FILE -out FILE.pem)`,
      },
    );
  }
  return data;
}
