/**
 * Helpers for the object storage functional tests: containers that clean up after themselves
 * (with their segment containers), local scratch directories, and the python-swiftclient CLI
 * run with the demo credentials (it has no --os-cloud, so the openrc file is read).
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { walkFiles } from '../../../src/cloud/upload-directory.js';
import type { ObjectStoreV1 } from '../../../src/services/object-store/proxy.js';
import { type Cleanup, uniqueName } from '../../support/cloud.js';

/** A new container name, deleted (emptied, with `<name>_segments`) by `cleanup`. */
export function scratchContainer(os: ObjectStoreV1, cleanup: Cleanup, what: string): string {
  const name = uniqueName(what);
  cleanup.add(`container ${name}`, async () => {
    await os.deleteContainer(`${name}_segments`, { empty: true, ignoreMissing: true });
    await os.deleteContainer(name, { empty: true, ignoreMissing: true });
  });
  return name;
}

/** A local temporary directory removed by `cleanup`. */
export function scratchDir(cleanup: Cleanup, what: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ossdk-${what}-`));
  cleanup.add(`dir ${dir}`, async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export const md5 = (b: Uint8Array | string) => createHash('md5').update(b).digest('hex');
export const random = (n: number) => randomBytes(n);
export const MiB = 1024 * 1024;

/** Environment for the swift CLI: OS_* from the demo openrc. */
function swiftEnv(): NodeJS.ProcessEnv {
  const file = process.env.OSSDK_TEST_DEMO_OPENRC ?? '/tmp/devcloud/openrc-demo';
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('OS_')) delete env[k];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*export\s+([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) env[m[1]!] = m[2]!.replace(/^['"]|['"]$/g, '');
  }
  return env;
}

/** Run `swift <args>` (python-swiftclient) in `cwd`; rejects with its stderr on failure. */
export function swift(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      'swift',
      args,
      { cwd, env: swiftEnv(), maxBuffer: 16 * MiB, timeout: 300_000 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`swift ${args.join(' ')} failed: ${stderr || err.message}`));
        else resolve({ stdout, stderr });
      },
    );
  });
}

/** Write a tree: nested directories, names with spaces, unicode, %, ?, #, &, +, a dot file, an empty file. */
export function writeOddTree(root: string, opts: { bigFile?: number; smallFiles?: number } = {}): void {
  const files: Record<string, Buffer> = {
    'top.txt': Buffer.from('top level'),
    '.hidden': Buffer.from('dot file'),
    'empty file': Buffer.alloc(0),
    'sub dir/a b c.txt': random(1000),
    'sub dir/100% sure?.txt': random(2000),
    'sub dir/h#sh & more+plus.bin': random(3000),
    'ünïcödé/日本語/ファイル.txt': Buffer.from('unicode content ✓'),
    'deep/1/2/3/4/5/leaf.bin': random(4096),
  };
  for (let i = 0; i < (opts.smallFiles ?? 0); i++)
    files[`many/file-${String(i).padStart(3, '0')}.bin`] = random(10_000 + i);
  if (opts.bigFile) files['big/large file.bin'] = random(opts.bigFile);
  for (const [rel, data] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, data);
  }
}

/** Relative path → bytes of every file under root. */
export async function readTree(root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const f of await walkFiles(root)) out.set(f.rel, readFileSync(f.abs));
  return out;
}

/** Assert two trees hold the same files with the same bytes. */
export async function assertSameTree(a: string, b: string): Promise<number> {
  const ta = await readTree(a);
  const tb = await readTree(b);
  assert.deepEqual([...tb.keys()].sort(), [...ta.keys()].sort());
  for (const [k, v] of ta) assert.ok(tb.get(k)!.equals(v), `${k} differs`);
  return ta.size;
}
