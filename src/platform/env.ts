/**
 * The process around the SDK, where there is one: environment variables, working directory,
 * home directory, OS name. In a browser or worker there is none, and each answers as an empty
 * process would (no variables, `/`, no home), so configuration comes from the options alone.
 */
import { nodeModule } from './node.js';

interface ProcessLike {
  env?: Record<string, string | undefined>;
  cwd?: () => string;
  platform?: string;
  pid?: number;
  versions?: Record<string, string | undefined>;
}

function proc(): ProcessLike | undefined {
  return (globalThis as { process?: ProcessLike }).process;
}

/** The environment variables (`process.env`), or an empty set where the runtime has none. */
export function processEnv(): Record<string, string | undefined> {
  try {
    const env = proc()?.env;
    // Deno without --allow-env hands out process.env but throws on every read of it: read one
    // here, so that the caller gets no variables instead of an error at its first lookup
    void env?.HOME;
    return env ?? {};
  } catch {
    return {};
  }
}

/** The working directory, or `/` where the runtime has none. */
export function currentDir(): string {
  try {
    return proc()?.cwd?.() ?? '/';
  } catch {
    return '/';
  }
}

/** The user's home directory, or '' where the runtime has none. */
export function homeDir(): string {
  try {
    return nodeModule('node:os')?.homedir() ?? '';
  } catch {
    return '';
  }
}

/** `process.platform` (`linux`, `darwin`, `win32`, ...), or `browser` outside a process. */
export function osPlatform(): string {
  return proc()?.platform ?? 'browser';
}

/** The process id, or 0 outside a process. */
export function processId(): number {
  return proc()?.pid ?? 0;
}

/** The runtime and its version for a User-Agent: `node/20.18.1`, `deno/2.1.0`, `bun/1.1.0`, or `web`. */
export function runtimeTag(): string {
  const v = proc()?.versions;
  const deno = (globalThis as { Deno?: { version?: { deno?: string } } }).Deno?.version?.deno;
  if (deno) return `deno/${deno}`;
  if (v?.bun) return `bun/${v.bun}`;
  if (v?.node) return `node/${v.node}`;
  return 'web';
}
