/**
 * Access to the upstream OpenStack API samples the unit tests replay: the vendored copy in
 * test/fixtures/api-samples (see its README for provenance), or $OSSDK_API_SAMPLES.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SampleEntry {
  service: string;
  path: string;
  kind: 'request' | 'response' | 'unknown';
  microversion: string | null;
  resource_hint: string;
  format: 'json' | 'text';
  valid_json: boolean | null;
  api_ref: { method: string | null; url: string | null; operation: string; section: string }[];
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the samples live: $OSSDK_API_SAMPLES (a full snapshot, say), else the vendored copy. */
export function samplesDir(): string {
  const dir = process.env.OSSDK_API_SAMPLES ?? resolve(repoRoot, 'test/fixtures/api-samples');
  if (!existsSync(join(dir, 'index.json'))) {
    throw new Error(`API samples not found at ${dir}; set OSSDK_API_SAMPLES to the api-samples folder`);
  }
  return dir;
}

let cache: SampleEntry[] | undefined;
export function sampleIndex(): SampleEntry[] {
  cache ??= JSON.parse(readFileSync(join(samplesDir(), 'index.json'), 'utf8')) as SampleEntry[];
  return cache;
}

export function readSample(e: SampleEntry): unknown {
  const text = readFileSync(join(samplesDir(), e.path), 'utf8');
  return e.format === 'json' ? JSON.parse(text) : text;
}

/** The sample at `path` (as index.json names it, e.g. `placement/traits/get-traits.json`). */
export function sampleAt(path: string): unknown {
  const e = sampleIndex().find((x) => x.path === path);
  assert.ok(
    e,
    `sample ${path} is not in index.json (test/fixtures/api-samples/README.md says how to add one)`,
  );
  return readSample(e);
}
