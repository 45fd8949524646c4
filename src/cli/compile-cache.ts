/**
 * V8's compile cache for the CLI: Node (from 22.1) can keep the bytecode of the modules it
 * compiles on disk, so a later `ostack` run skips parsing and compiling the bundle. Node 20 has
 * no such API: there this does nothing, silently.
 */
import * as nodeModule from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

type EnableCompileCache = (dir?: string) => { status: number; message?: string; directory?: string };

/** `${XDG_CACHE_HOME:-$HOME/.cache}/openstack-sdk/compile-cache`, beside the token cache (a relative XDG_CACHE_HOME is ignored). */
export function compileCacheDir(
  env: Record<string, string | undefined> = process.env,
  home: string = homedir(),
): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.cache');
  return join(base, 'openstack-sdk', 'compile-cache');
}

/**
 * Turn the compile cache on where Node offers it, in `NODE_COMPILE_CACHE` when set, else in
 * {@link compileCacheDir}; `NODE_DISABLE_COMPILE_CACHE` keeps it off, as it does for Node's own.
 * Returns the directory in use, or undefined when the cache is off (no API, disabled, or the
 * directory cannot be used: a cache is an optimisation, never a reason to fail or warn).
 */
export function enableCompileCache(
  env: Record<string, string | undefined> = process.env,
  enable: EnableCompileCache | undefined = (nodeModule as { enableCompileCache?: EnableCompileCache })
    .enableCompileCache,
): string | undefined {
  if (typeof enable !== 'function' || env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  try {
    return enable(env.NODE_COMPILE_CACHE || compileCacheDir(env))?.directory;
  } catch {
    return undefined;
  }
}
