/**
 * The SDK under test is the BUILT one (`dist/`, `npm run build`), not the TypeScript sources
 * through tsx: types come from src, the code from dist.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as CloudLayer from '../../src/cloud/index.js';
import type * as Sdk from '../../src/index.js';

/** The project root; set by the harness for workers compiled outside bench/ (see compile.ts). */
export const ROOT = process.env.OSSDK_BENCH_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The build under test; `OSSDK_BENCH_DIST` points at another (a copy of an older dist/, for before/after runs). */
export const DIST = process.env.OSSDK_BENCH_DIST ?? join(ROOT, 'dist');

export type SdkModule = typeof Sdk;
export type CloudModule = typeof CloudLayer;
export type Connection = Sdk.Connection;

function distUrl(rel: string): string {
  const p = join(DIST, rel);
  if (!existsSync(p)) throw new Error(`${p} is missing: run \`npm run build\` first`);
  return pathToFileURL(p).href;
}

/**
 * The Node entry when the build has one (`dist/node/index.js`, what `import 'openstack-sdk'`
 * resolves to under Node's `node` condition): one bundled file, not the ~250 modules of the
 * generic entry, which would add their loading to every start-up and memory figure.
 */
function entry(): string {
  return existsSync(join(DIST, 'node', 'index.js')) ? 'node/index.js' : 'index.js';
}

export async function loadSdk(): Promise<SdkModule> {
  return (await import(distUrl(entry()))) as SdkModule;
}

/** The cloud layer: the root's `cloud` namespace (the same classes as loadSdk's), or dist/cloud/. */
export async function loadCloudLayer(): Promise<CloudModule> {
  if (entry() !== 'index.js') return (await loadSdk()).cloud as unknown as CloudModule;
  return (await import(distUrl('cloud/index.js'))) as CloudModule;
}

/** Python: Debian's interpreter, where python3-openstacksdk lives (not a pyenv shim). */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
