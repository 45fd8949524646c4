/**
 * Bundles a small program for another JavaScript runtime (a browser page, Deno, Bun, workerd) the
 * way a consumer's bundler would: `openstack-sdk` and `openstack-sdk/<service>` resolve through
 * this package's `exports` (and `#` specifiers through its `imports`) with that runtime's
 * conditions. The targets under `dist/` are mapped to their TypeScript sources under `src/`, so
 * the functional tests need no build and never read a `dist/` that CI's static checks may be
 * rebuilding at the same moment; `OSSDK_RUNTIME_DIST=1` bundles `dist/` as is instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';

/** The repository root (where package.json is). */
export const ROOT = resolvePath(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  exports: Record<string, unknown>;
  imports?: Record<string, unknown>;
};

/** The runtimes the tests bundle for, with the conditions each one's resolver uses. */
export const RUNTIME_TARGETS = {
  // a bundler targeting the web (esbuild, vite, webpack) adds `browser`
  browser: { platform: 'browser', conditions: ['browser', 'import', 'default'] },
  // Deno resolves npm packages with these conditions (it includes `node`)
  deno: { platform: 'neutral', conditions: ['deno', 'node', 'import', 'default'] },
  // Bun's runtime resolver
  bun: { platform: 'neutral', conditions: ['bun', 'node', 'import', 'default'] },
  // what wrangler passes for a Worker
  workerd: { platform: 'neutral', conditions: ['workerd', 'worker', 'browser', 'import', 'default'] },
} as const;

/** A runtime of {@link RUNTIME_TARGETS}. */
export type RuntimeTarget = keyof typeof RUNTIME_TARGETS;

/**
 * The target of an `exports`/`imports` entry for a set of conditions, as Node resolves it: the
 * first key (in the object's order) that is one of the conditions wins; nested objects recurse.
 */
function pick(entry: unknown, conditions: readonly string[]): string | undefined {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) {
    for (const e of entry) {
      const t = pick(e, conditions);
      if (t) return t;
    }
    return undefined;
  }
  if (entry && typeof entry === 'object') {
    for (const [key, value] of Object.entries(entry)) {
      if (!conditions.includes(key)) continue;
      const t = pick(value, conditions);
      if (t) return t;
    }
  }
  return undefined;
}

/** `./dist/x/y.js` → `<root>/src/x/y.ts` (when that source exists), else the path as is. */
function toSource(target: string): string {
  const abs = join(ROOT, target);
  if (process.env.OSSDK_RUNTIME_DIST === '1') return abs;
  const m = /^\.\/dist\/(.+)\.js$/.exec(target);
  if (!m) return abs;
  const src = join(ROOT, 'src', `${m[1]}.ts`);
  return existsSync(src) ? src : abs;
}

/** A Node.js built-in, with or without `node:` (dependencies may use the bare names). */
const BUILTIN = new RegExp(
  `^(node:|(${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})(/.*)?$)`,
);

function packagePlugin(runtime: RuntimeTarget): Plugin {
  const conditions = RUNTIME_TARGETS[runtime].conditions;
  const name = PACKAGE.name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  return {
    name: 'openstack-sdk-exports',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${name}(/.*)?$`) }, (args) => {
        const sub = `.${args.path.slice(PACKAGE.name.length)}`;
        const target = pick(PACKAGE.exports[sub === '.' ? '.' : sub], conditions);
        if (!target)
          return { errors: [{ text: `package.json exports has no "${sub}" for ${conditions.join(', ')}` }] };
        return { path: toSource(target) };
      });
      b.onResolve({ filter: /^#/ }, (args) => {
        if (!args.importer.startsWith(ROOT) || !PACKAGE.imports) return undefined;
        const target = pick(PACKAGE.imports[args.path], conditions);
        return target ? { path: toSource(target) } : undefined;
      });
    },
  };
}

/** What {@link bundleFor} built. */
export interface RuntimeBundle {
  /** The bundle (an ES module). */
  code: string;
  /** The Node.js built-in modules the bundle still imports (none for a browser bundle). */
  nodeImports: string[];
}

/**
 * Bundle `source` (an ES module's text, resolved from `resolveDir`) for `runtime`. Node.js
 * built-ins stay external imports and are listed, so a test can tell a browser bundle with a
 * `node:` import apart from one that merely fails at run time.
 */
export async function bundleFor(
  runtime: RuntimeTarget,
  source: string,
  resolveDir: string,
  opts: { minify?: boolean } = {},
): Promise<RuntimeBundle> {
  const nodeImports = new Set<string>();
  const r = await build({
    stdin: { contents: source, resolveDir, loader: 'ts', sourcefile: `${runtime}-entry.ts` },
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    platform: RUNTIME_TARGETS[runtime].platform,
    conditions: [...RUNTIME_TARGETS[runtime].conditions],
    mainFields: runtime === 'browser' ? ['browser', 'module', 'main'] : ['module', 'main'],
    minify: opts.minify ?? false,
    logLevel: 'silent',
    plugins: [
      packagePlugin(runtime),
      {
        name: 'node-builtins',
        setup(b) {
          b.onResolve({ filter: BUILTIN }, (args) => {
            nodeImports.add(args.path);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  const out = r.outputFiles[0];
  if (!out) throw new Error(`esbuild produced no output for ${runtime}`);
  return { code: out.text, nodeImports: [...nodeImports].sort() };
}

/** Minified and gzip sizes of a bundle, in bytes. */
export function sizesOf(code: string): { min: number; gzip: number } {
  return { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}
