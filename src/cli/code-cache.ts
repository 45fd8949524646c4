/**
 * V8's code cache for the `ostack` bundle where Node has no compile cache of its own (Node 20;
 * from 22.1 `module.enableCompileCache` does this, see compile-cache.ts). The bundle is one
 * CommonJS file run through `vm.Script` with the bytecode a previous run kept on disk, so V8
 * neither parses the ~1.7 MB bundle nor compiles the functions that run; without it a cached
 * `ostack flavor list` spends about a third of its instructions there.
 *
 * The cache is an optimisation, never a reason to fail: a missing, foreign, group- or
 * world-writable, unreadable or rejected file is ignored and the bundle runs as plain source;
 * writing one that fails writes nothing. It holds compiled code only, no data of the run.
 */
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { compileCacheDir } from './compile-cache.js';

/** How {@link runWithCodeCache} ran the bundle. */
export type CodeCacheUse =
  /** `NODE_DISABLE_COMPILE_CACHE` is set: plain source, nothing written. */
  | 'off'
  /** A cache was read and V8 took it. */
  | 'used'
  /** No usable cache (none yet, or V8 rejected it): one is written when the process exits. */
  | 'writing';

/** Where a bundle's cache lives and which run words it has seen. */
interface CacheFile {
  path: string;
  words: string[];
  data?: Buffer;
}

/** At most this many distinct command words make the cache be written again (see {@link commandWords}). */
const MAX_WORDS = 64;
const MAGIC = 'ostack-code-cache-1\n';

/**
 * The words of a command line that name its command (`flavor`, `list`): the first two arguments
 * that are neither options nor the value right after an option. A heuristic, only used to notice
 * a command the cache has not seen (its functions were not compiled when the cache was written),
 * so that the cache is written again once, with them.
 */
export function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length && words.length < 2; i++) {
    const a = argv[i]!;
    if (a.startsWith('-')) continue;
    const prev = argv[i - 1];
    if (prev?.startsWith('-') && !prev.includes('=')) continue;
    words.push(a);
  }
  return words;
}

/** `<dir>/ostack-<id>-<node version>-<arch>.bin`: another build, Node or CPU gets another file. */
export function codeCachePath(dir: string, id: string): string {
  return join(dir, `ostack-${id}-${process.version}-${process.arch}.bin`);
}

/** The cache file's words and V8 data, when it is ours and only we can write it. */
function readCache(path: string): CacheFile {
  const out: CacheFile = { path, words: [] };
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (process.platform === 'win32' ? 0 : constants.O_NOFOLLOW));
  } catch {
    return out;
  }
  try {
    const st = fstatSync(fd);
    const uid = process.getuid?.();
    // bytecode runs as this user: never take it from a file someone else could have written
    if (!st.isFile() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) return out;
    const buf = readFileSync(fd);
    const end = buf.indexOf(0x0a, MAGIC.length);
    if (buf.subarray(0, MAGIC.length).toString('latin1') !== MAGIC || end < 0) return out;
    const words = JSON.parse(buf.subarray(MAGIC.length, end).toString('utf8')) as unknown;
    if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) return out;
    out.words = words;
    out.data = buf.subarray(end + 1);
    return out;
  } catch {
    return out;
  } finally {
    closeSync(fd);
  }
}

function writeCache(file: CacheFile, data: Buffer): void {
  const tmp = `${file.path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file.path), { recursive: true, mode: 0o700 });
    const header = Buffer.from(`${MAGIC}${JSON.stringify(file.words)}\n`, 'utf8');
    writeFileSync(tmp, Buffer.concat([header, data]), { mode: 0o600, flag: 'wx' });
    renameSync(tmp, file.path);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing was written
    }
  }
}

/**
 * Run the CommonJS `bundle` as Node's `require` would, with V8's code cache kept in
 * `NODE_COMPILE_CACHE` or {@link compileCacheDir}, keyed by `id` (the bundle's content hash, so a
 * rebuilt bundle never takes an old cache). The cache is written at exit when there was none, V8
 * rejected it, or this command's words are new to it (at most {@link MAX_WORDS} of them).
 */
export function runWithCodeCache(
  bundle: string,
  id: string,
  argv: readonly string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): CodeCacheUse {
  const source = readFileSync(bundle, 'utf8');
  const off = !!env.NODE_DISABLE_COMPILE_CACHE;
  const file = off ? undefined : readCache(codeCachePath(env.NODE_COMPILE_CACHE || compileCacheDir(env), id));
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData: file?.data });
  const used = !!file?.data && !script.cachedDataRejected;
  if (file) {
    const words = commandWords(argv);
    const fresh = words.filter((w) => !file.words.includes(w));
    const grow = fresh.length > 0 && file.words.length < MAX_WORDS;
    if (!used || grow) {
      file.words = used ? [...file.words, ...fresh].slice(0, MAX_WORDS) : words;
      // at exit, so that the functions this run compiled are in it
      process.once('exit', () => writeCache(file, script.createCachedData()));
    }
  }
  const m = new Module(bundle);
  m.filename = bundle;
  const fn = script.runInThisContext() as (...a: unknown[]) => void;
  fn.call(m.exports, m.exports, Module.createRequire(bundle), m, bundle, dirname(bundle));
  return off ? 'off' : used ? 'used' : 'writing';
}
