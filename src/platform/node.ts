/**
 * The one door to Node's built-in modules. The core never imports `node:` modules statically, so
 * a browser, a worker, Deno or Bun can load it; where Node's modules exist they are fetched here,
 * synchronously, through `process.getBuiltinModule` (Node ≥ 20.16, Deno 2, Bun). A bundler sees no
 * import to follow, and a runtime without them gets `undefined` and takes its web path instead.
 */
import { ValidationError } from '../errors/errors.js';

/** The built-in modules the SDK uses, by name. */
export interface NodeBuiltins {
  'node:crypto': typeof import('node:crypto');
  'node:fs': typeof import('node:fs');
  'node:fs/promises': typeof import('node:fs/promises');
  'node:http': typeof import('node:http');
  'node:https': typeof import('node:https');
  'node:module': typeof import('node:module');
  'node:net': typeof import('node:net');
  'node:os': typeof import('node:os');
  'node:path': typeof import('node:path');
  'node:stream': typeof import('node:stream');
  'node:stream/promises': typeof import('node:stream/promises');
}

type GetBuiltin = (id: string) => unknown;

function getBuiltin(): GetBuiltin | undefined {
  const p = (globalThis as { process?: { getBuiltinModule?: GetBuiltin } }).process;
  return typeof p?.getBuiltinModule === 'function' ? p.getBuiltinModule.bind(p) : undefined;
}

/** A Node built-in module, or undefined where this runtime has none (browsers, workerd). */
export function nodeModule<K extends keyof NodeBuiltins>(name: K): NodeBuiltins[K] | undefined {
  try {
    return getBuiltin()?.(name) as NodeBuiltins[K] | undefined;
  } catch {
    // a runtime that lists the function but refuses the module has no usable one
    return undefined;
  }
}

/**
 * A Node built-in module that the operation `what` cannot do without: a {@link ValidationError}
 * naming the operation and the in-memory alternative where the runtime has none.
 */
export function requireNodeModule<K extends keyof NodeBuiltins>(
  name: K,
  what: string,
  fix = 'run it on Node.js (or Deno/Bun), or pass the data in memory instead of a path',
): NodeBuiltins[K] {
  const m = nodeModule(name);
  if (!m) {
    throw new ValidationError(
      `${what} needs ${name}, which this runtime (a browser or worker) does not have`,
      {
        fix,
      },
    );
  }
  return m;
}

/** True on Node.js itself (not Bun or Deno, which also answer to `process.versions.node`). */
export function isNodeJs(): boolean {
  const p = (globalThis as { process?: { versions?: Record<string, string | undefined> } }).process;
  return (
    !!p?.versions?.node &&
    !p.versions.bun &&
    !(globalThis as { Deno?: unknown }).Deno &&
    getBuiltin() !== undefined
  );
}

/**
 * A function of a Node built-in module, looked up when called: a module that only runs on
 * Node (a directory walk, a download to a file) declares its file-system calls with it and
 * still loads everywhere; calling one where the module is missing is the
 * {@link requireNodeModule} error for `what`.
 */
export function nodeFunction<K extends keyof NodeBuiltins, F extends keyof NodeBuiltins[K]>(
  name: K,
  fn: F,
  what: string,
  fix?: string,
): NodeBuiltins[K][F] {
  return ((...args: unknown[]) =>
    (requireNodeModule(name, what, fix)[fn] as (...a: unknown[]) => unknown)(...args)) as NodeBuiltins[K][F];
}
