/**
 * Where clouds.yaml, secure.yaml and clouds-public.yaml are looked for, in the order
 * openstacksdk (`openstack/config/loader.py`) uses:
 *
 * 1. the current directory,
 * 2. the platform user config dir (`$XDG_CONFIG_HOME/openstack`, default `~/.config/openstack`;
 *    `~/Library/Application Support/openstack` on macOS),
 * 3. `~/.config/openstack` (`$SNAP_REAL_HOME/.config/openstack` inside a snap),
 * 4. the platform site config dirs (`$XDG_CONFIG_DIRS/openstack`, default `/etc/xdg/openstack`),
 * 5. `/etc/openstack`.
 *
 * In every directory the suffixes `.yaml`, `.yml`, `.json` are tried in that order. The first
 * file that exists wins; files are never merged with each other. `OS_CLIENT_CONFIG_FILE`
 * (and `OS_CLIENT_SECURE_FILE` for secure.yaml) is put in front of the list, exactly as
 * openstacksdk does: when it exists it is the file used, when it does not the search goes on.
 */
import { currentDir, homeDir, osPlatform, processEnv } from '../platform/env.js';
import { nodeModule } from '../platform/node.js';
import { isAbsolutePath as isAbsolute, joinPath as join, resolvePath as resolve } from '../platform/path.js';
import type { LoadCloudOptions } from './types.js';

/** Suffixes tried for every base name, in openstacksdk's order. */
export const CONFIG_SUFFIXES = ['.yaml', '.yml', '.json'] as const;

/** The environment variables that point at one explicit file. */
export const CONFIG_FILE_ENV = 'OS_CLIENT_CONFIG_FILE';
/** The environment variable naming an explicit secure.yaml (secrets kept apart from clouds.yaml). */
export const SECURE_FILE_ENV = 'OS_CLIENT_SECURE_FILE';
/** Accepted as an alias of OS_CLIENT_SECURE_FILE (not an openstacksdk name). */
export const SECURE_FILE_ENV_ALIAS = 'OS_SECURE_FILE';

/** The inputs of the search, with process defaults filled in. */
export interface ConfigSearchContext {
  /** The environment (`OS_CLIENT_CONFIG_FILE`, `XDG_CONFIG_HOME`, ...). */
  env: Record<string, string | undefined>;
  /** The directory searched first (the process's working directory). */
  cwd: string;
  /** The home directory `~` expands to (for `~/.config/openstack/clouds.yaml`). */
  home: string;
  /** Site-wide directories; see {@link LoadCloudOptions.systemDirs}. */
  systemDirs?: string[];
  /** Defaults to process.platform; only 'darwin' changes the result. */
  platform?: NodeJS.Platform;
}

/** Fill env / cwd / home from the process when the caller did not give them. */
export function configSearchContext(opts: LoadCloudOptions = {}): ConfigSearchContext {
  return {
    env: opts.env ?? processEnv(),
    cwd: opts.cwd ?? currentDir(),
    home: opts.home ?? homeDir(),
    systemDirs: opts.systemDirs,
  };
}

function nonEmpty(v: string | undefined): string | undefined {
  return v !== undefined && v.trim() !== '' ? v : undefined;
}

/** `~` / `~/x` expansion against the given home. */
export function expandConfigPath(p: string, home: string): string {
  if (p === '~') return home;
  if (p.startsWith('~/')) return join(home, p.slice(2));
  return p;
}

/** Default site-wide dirs: each `$XDG_CONFIG_DIRS` entry (default /etc/xdg) + `/openstack`, then /etc/openstack. */
export function defaultSystemDirs(env: Record<string, string | undefined>): string[] {
  const xdgDirs = (nonEmpty(env.XDG_CONFIG_DIRS) ?? '/etc/xdg')
    .split(':')
    .filter((d) => d.trim() !== '')
    .map((d) => join(d, 'openstack'));
  return [...xdgDirs, '/etc/openstack'];
}

/** The directories searched, highest priority first, without duplicates. */
export function configSearchDirs(ctx: ConfigSearchContext): string[] {
  const { env, cwd, home } = ctx;
  const platform = ctx.platform ?? osPlatform();
  const userConfigDir =
    platform === 'darwin'
      ? join(home, 'Library', 'Application Support', 'openstack')
      : join(expandConfigPath(nonEmpty(env.XDG_CONFIG_HOME) ?? join(home, '.config'), home), 'openstack');
  const unixConfigDir = join(nonEmpty(env.SNAP_REAL_HOME) ?? home, '.config', 'openstack');
  const dirs = [cwd, userConfigDir, unixConfigDir, ...(ctx.systemDirs ?? defaultSystemDirs(env))];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const d of dirs) {
    const abs = resolve(cwd, d);
    if (!seen.has(abs)) {
      seen.add(abs);
      out.push(abs);
    }
  }
  return out;
}

/** `<dir>/<base><suffix>` for every dir and suffix, in search order. */
export function configCandidateFiles(dirs: string[], base: string): string[] {
  return dirs.flatMap((d) => CONFIG_SUFFIXES.map((s) => join(d, base + s)));
}

function withOverride(list: string[], override: string | undefined, ctx: ConfigSearchContext): string[] {
  const o = nonEmpty(override);
  if (!o) return list;
  const p = expandConfigPath(o, ctx.home);
  return [isAbsolute(p) ? p : resolve(ctx.cwd, p), ...list];
}

/** The clouds.yaml candidates: OS_CLIENT_CONFIG_FILE first, then `explicit` or the search. */
export function cloudsFileCandidates(ctx: ConfigSearchContext, explicit?: string[]): string[] {
  const list = explicit ?? configCandidateFiles(configSearchDirs(ctx), 'clouds');
  return withOverride(list, ctx.env[CONFIG_FILE_ENV], ctx);
}

/** The secure.yaml candidates: OS_CLIENT_SECURE_FILE (or OS_SECURE_FILE) first, then `explicit` or the search. */
export function secureFileCandidates(ctx: ConfigSearchContext, explicit?: string[]): string[] {
  const list = explicit ?? configCandidateFiles(configSearchDirs(ctx), 'secure');
  return withOverride(list, ctx.env[SECURE_FILE_ENV] ?? ctx.env[SECURE_FILE_ENV_ALIAS], ctx);
}

/** The clouds-public.yaml candidates (vendor profiles kept locally). */
export function vendorFileCandidates(ctx: ConfigSearchContext, explicit?: string[]): string[] {
  return explicit ?? configCandidateFiles(configSearchDirs(ctx), 'clouds-public');
}

/**
 * The first candidate that exists as a readable file, like openstacksdk's
 * `os.path.exists` + skip-on-EACCES loop. Without a file system (a browser) there is none.
 */
export function findFirstConfigFile(candidates: string[]): string | undefined {
  const fs = nodeModule('node:fs');
  if (!fs) return undefined;
  const { accessSync, constants, existsSync, statSync } = fs;
  for (const p of candidates) {
    try {
      // inside the try: Deno without --allow-read throws even from existsSync
      if (!existsSync(p) || !statSync(p).isFile()) continue;
      accessSync(p, constants.R_OK);
      return p;
    } catch {
      // unreadable (or not ours to read): openstacksdk moves on to the next file
    }
  }
  return undefined;
}
