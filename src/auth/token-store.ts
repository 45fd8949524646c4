/**
 * Persistent token cache (openstacksdk's `cache: { auth: true }`): the auth state of a
 * cloud (token, expiry, scope, catalog) is kept between processes so the next one skips
 * authentication. openstacksdk keeps it in the system keyring; this SDK keeps one JSON file
 * per identity under `${XDG_CACHE_HOME:-~/.cache}/openstack-sdk/auth/` (directory 0700,
 * files 0600, written atomically). Passwords and application credential secrets are never
 * stored: they only feed the sha256 of the file name ({@link tokenCacheKey}).
 */
import { randomHex, sha256HexSmall } from '../platform/crypto.js';
import { homeDir, osPlatform, processEnv, processId } from '../platform/env.js';
import { requireNodeModule } from '../platform/node.js';
import { isAbsolutePath as isAbsolute, joinPath as join } from '../platform/path.js';
import type { AccessInfo } from './access-info.js';
import type { CatalogService } from './catalog.js';
import { restoreVersions, versionsToStore } from './version-cache.js';

/**
 * Where auth state is kept between processes. Methods may be synchronous or return a
 * promise. A store must never throw for a missing or unusable entry: `load` returns
 * `undefined` instead. Plugins also swallow errors thrown by a store, so a broken cache
 * degrades to "authenticate every time", never to a failed request.
 */
export interface TokenStore {
  /** The stored auth state for `key`, or undefined when there is none usable (missing, expired, corrupt). */
  load(key: string): AccessInfo | undefined | Promise<AccessInfo | undefined>;
  /** Store `access` under `key`, replacing any earlier entry. */
  save(key: string, access: AccessInfo): void | Promise<void>;
  /** Forget the entry of `key` (e.g. after the token was rejected with 401). */
  remove(key: string): void | Promise<void>;
}

/** Version of the file format (and of the key derivation); other versions are ignored. */
const FORMAT_VERSION = 1;

/**
 * The cache key of an identity: the sha256 hex of a canonical description of the auth type,
 * the auth URL and every `auth` field, secrets included (so a changed password or
 * application credential secret gives another key; the secret itself is never stored).
 * Empty values are left out and key order does not matter.
 */
export function tokenCacheKey(authType: string, auth: Readonly<Record<string, string | undefined>>): string {
  const fields: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(auth)) {
    if (v === undefined || v === null || v === '') continue;
    fields.push([k, k === 'auth_url' ? String(v).replace(/\/+$/, '') : String(v)]);
  }
  fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = JSON.stringify({ v: FORMAT_VERSION, authType, auth: fields });
  return sha256HexSmall(canonical);
}

/** The JSON written to disk: the AccessInfo with its dates as ISO strings, tagged with format and key. */
type StoredAccess = Omit<AccessInfo, 'expiresAt' | 'issuedAt'> & {
  version: number;
  key: string;
  expiresAt: string;
  /** Absent in files written before the SDK kept it: the token's lifetime is then unknown. */
  issuedAt?: string;
  /** Version discovery results found with this token (see version-cache.ts). */
  versions?: ReturnType<typeof versionsToStore>;
};

/** Serialise an AccessInfo for the cache; undefined when it cannot be cached (no expiry). */
export function serializeAccess(key: string, a: AccessInfo): StoredAccess | undefined {
  if (!a.token || !a.expiresAt || Number.isNaN(a.expiresAt.getTime())) return undefined;
  const out: StoredAccess = {
    version: FORMAT_VERSION,
    key,
    token: a.token,
    expiresAt: a.expiresAt.toISOString(),
    catalog: a.catalog,
    roles: a.roles,
    methods: a.methods,
    unscoped: a.unscoped,
    raw: a.raw,
  };
  if (a.userId !== undefined) out.userId = a.userId;
  if (a.userName !== undefined) out.userName = a.userName;
  if (a.projectId !== undefined) out.projectId = a.projectId;
  if (a.projectName !== undefined) out.projectName = a.projectName;
  if (a.domainId !== undefined) out.domainId = a.domainId;
  if (a.issuedAt && !Number.isNaN(a.issuedAt.getTime())) out.issuedAt = a.issuedAt.toISOString();
  const versions = versionsToStore(a);
  if (versions) out.versions = versions;
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const optString = (v: unknown) => v === undefined || typeof v === 'string';
const stringArray = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * A stored entry's text as a usable {@link AccessInfo}: undefined when it does not parse, is not
 * an entry for `key`, or has expired. Every store reads its entries through this one check.
 */
export function freshAccess(key: string, text: string): AccessInfo | undefined {
  let access: AccessInfo | undefined;
  try {
    access = deserializeAccess(key, JSON.parse(text));
  } catch {
    return undefined;
  }
  if (!access?.expiresAt || access.expiresAt.getTime() <= Date.now()) return undefined;
  return access;
}

/** Rebuild an AccessInfo from its stored form; undefined when the data is not what was written. */
export function deserializeAccess(key: string, data: unknown): AccessInfo | undefined {
  if (!isRecord(data) || data.version !== FORMAT_VERSION || data.key !== key) return undefined;
  const d = data;
  if (typeof d.token !== 'string' || d.token === '' || typeof d.expiresAt !== 'string') return undefined;
  const expiresAt = new Date(d.expiresAt);
  if (Number.isNaN(expiresAt.getTime())) return undefined;
  if (!Array.isArray(d.catalog) || !d.catalog.every((s) => isRecord(s) && Array.isArray(s.endpoints)))
    return undefined;
  if (!stringArray(d.roles) || !stringArray(d.methods) || typeof d.unscoped !== 'boolean') return undefined;
  if (!isRecord(d.raw)) return undefined;
  for (const k of ['userId', 'userName', 'projectId', 'projectName', 'domainId'])
    if (!optString(d[k])) return undefined;
  const a: AccessInfo = {
    token: d.token,
    expiresAt,
    catalog: d.catalog as CatalogService[],
    roles: d.roles as string[],
    methods: d.methods as string[],
    unscoped: d.unscoped,
    raw: d.raw,
  };
  if (d.userId !== undefined) a.userId = d.userId as string;
  if (d.userName !== undefined) a.userName = d.userName as string;
  if (d.projectId !== undefined) a.projectId = d.projectId as string;
  if (d.projectName !== undefined) a.projectName = d.projectName as string;
  if (d.domainId !== undefined) a.domainId = d.domainId as string;
  if (typeof d.issuedAt === 'string' && !Number.isNaN(new Date(d.issuedAt).getTime()))
    a.issuedAt = new Date(d.issuedAt);
  restoreVersions(a, d.versions);
  return a;
}

/** Options of {@link FileTokenStore}. */
export interface FileTokenStoreOptions {
  /** The directory of the cache files; default {@link defaultTokenCacheDir}. */
  dir?: string;
  /** Environment read for the default directory; default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Home directory for the default directory; default `os.homedir()`. */
  home?: string;
}

/** `${XDG_CACHE_HOME:-$HOME/.cache}/openstack-sdk/auth` (a relative XDG_CACHE_HOME is ignored, as the XDG spec says). */
export function defaultTokenCacheDir(
  env: Record<string, string | undefined> = processEnv(),
  home: string = homeDir(),
): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.cache');
  return join(base, 'openstack-sdk', 'auth');
}

const KEY_RE = /^[0-9a-f]{64}$/;
const POSIX = osPlatform() !== 'win32';

function myUid(): number | undefined {
  const getuid = (globalThis as { process?: { getuid?: () => number } }).process?.getuid;
  return POSIX && typeof getuid === 'function' ? getuid() : undefined;
}

/** Node's fs, or the error that names the stores a runtime without a file system can use. */
function fs(): typeof import('node:fs') {
  return requireNodeModule(
    'node:fs',
    'FileTokenStore',
    'use a MemoryTokenStore, or a WebStorageTokenStore over sessionStorage in a browser',
  );
}

/**
 * A {@link TokenStore} keeping one JSON file per key (`<dir>/<sha256>.json`). The directory
 * is created with mode 0700, files are written with mode 0600 through a temporary file in
 * the same directory and a rename, so a reader never sees half a file. Loading never throws:
 * a missing, corrupt, unreadable, expired, foreign-owned or group/world-accessible file is
 * ignored, and removed when it belongs to this user. Tokens without an expiry are not stored.
 * Needs a file system (Node.js, Deno, Bun): constructing one elsewhere is a ValidationError.
 */
export class FileTokenStore implements TokenStore {
  /** The directory holding the cache files. */
  readonly dir: string;

  constructor(opts: FileTokenStoreOptions = {}) {
    fs();
    this.dir = opts.dir ?? defaultTokenCacheDir(opts.env, opts.home);
  }

  /** The file of `key` (no check that it exists). */
  pathFor(key: string): string {
    if (!KEY_RE.test(key)) throw new TypeError('token cache key must be a sha256 hex digest');
    return join(this.dir, `${key}.json`);
  }

  load(key: string): AccessInfo | undefined {
    if (!KEY_RE.test(key)) return undefined;
    const path = this.pathFor(key);
    const { closeSync, constants, fstatSync, openSync, readFileSync } = fs();
    let fd: number;
    try {
      // O_NOFOLLOW: a symlink planted in the cache directory is not followed
      fd = openSync(path, constants.O_RDONLY | (POSIX ? constants.O_NOFOLLOW : 0));
    } catch (e) {
      // ELOOP: a symlink; remove it if it is ours
      if ((e as NodeJS.ErrnoException).code === 'ELOOP') this.removeIfOurs(path);
      return undefined;
    }
    let text: string;
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) return undefined;
      const uid = myUid();
      if (uid !== undefined && st.uid !== uid) return undefined; // not ours: ignore, never touch
      if (POSIX && (st.mode & 0o077) !== 0) {
        this.remove(key);
        return undefined;
      }
      text = readFileSync(fd, 'utf8');
    } catch {
      return undefined;
    } finally {
      closeSync(fd);
    }
    const access = freshAccess(key, text);
    if (!access) this.remove(key);
    return access;
  }

  save(key: string, access: AccessInfo): void {
    const data = serializeAccess(key, access);
    if (!data) return;
    const path = this.pathFor(key);
    if (!this.ensureDir()) return;
    const { chmodSync, renameSync, unlinkSync, writeFileSync } = fs();
    const tmp = join(this.dir, `.${key}.${processId()}.${randomHex(4)}.tmp`);
    try {
      writeFileSync(tmp, JSON.stringify(data), { mode: 0o600, flag: 'wx' });
      if (POSIX) chmodSync(tmp, 0o600); // in case the umask or the filesystem changed it
      renameSync(tmp, path);
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        // nothing was written
      }
    }
  }

  remove(key: string): void {
    if (!KEY_RE.test(key)) return;
    this.removeIfOurs(this.pathFor(key));
  }

  private removeIfOurs(path: string): void {
    const { lstatSync, unlinkSync } = fs();
    try {
      const uid = myUid();
      if (uid !== undefined && lstatSync(path).uid !== uid) return;
      unlinkSync(path);
    } catch {
      // missing already, or not removable: nothing to do
    }
  }

  /** Create the directory (0700); false when it is not usable (not ours, not a directory). */
  private ensureDir(): boolean {
    const { chmodSync, lstatSync, mkdirSync } = fs();
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const st = lstatSync(this.dir);
      if (!st.isDirectory()) return false;
      const uid = myUid();
      if (uid !== undefined && st.uid !== uid) return false;
      if (POSIX && (st.mode & 0o777) !== 0o700) chmodSync(this.dir, 0o700);
      return true;
    } catch {
      return false;
    }
  }
}
