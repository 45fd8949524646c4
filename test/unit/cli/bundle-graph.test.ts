/**
 * What `ostack flavor list` loads, proved from the bundle's chunk graph (esbuild's metafile): the
 * chunks of the modules it imports on its way (the entry, the command tree, the flavor commands,
 * the connection core, the compute proxy, the formatter) and everything they import statically.
 * Only compute's service code may be among them; the other six services stay on disk.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

interface Output {
  imports: { path: string; kind: string }[];
  inputs: Record<string, unknown>;
  entryPoint?: string;
}

/** The modules `flavor list` imports, statically or dynamically, in the order it reaches them. */
const FLAVOR_LIST_PATH = [
  'src/cli/main.ts',
  'src/cli/run.ts',
  'src/cli/commands/flavor.ts',
  'src/connection-core.ts',
  'src/cli/services.ts',
  'src/services/compute/index.ts',
  'src/cli/output.ts',
];

describe('bundle: the chunks flavor list loads', () => {
  let dir = '';
  let outputs: Record<string, Output> = {};
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ostack-graph-'));
    const meta = join(dir, 'meta.json');
    const r = spawnSync(process.execPath, [join(root, 'tools', 'bundle-cli.mjs'), join(dir, 'out')], {
      encoding: 'utf8',
      env: { ...process.env, OSTACK_BUNDLE_META: meta },
    });
    assert.equal(r.status, 0, `bundling should succeed: ${r.stderr}`);
    outputs = (JSON.parse(readFileSync(meta, 'utf8')) as { outputs: Record<string, Output> }).outputs;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('only compute among the services', () => {
    const chunkOf = (entry: string) => {
      const found = Object.entries(outputs).find(([, o]) => o.entryPoint?.endsWith(entry));
      assert.ok(found, `${entry} should be an entry point of its own chunk (a dynamic import)`);
      return found[0];
    };
    const loaded = new Set<string>();
    const visit = (chunk: string) => {
      if (loaded.has(chunk)) return;
      loaded.add(chunk);
      for (const i of outputs[chunk]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
    };
    for (const m of FLAVOR_LIST_PATH) visit(chunkOf(m));
    const services = new Set<string>();
    for (const chunk of loaded)
      for (const input of Object.keys(outputs[chunk]?.inputs ?? {})) {
        const m = /^src\/services\/([^/]+)\//.exec(input);
        if (m) services.add(m[1]!);
      }
    assert.deepEqual(
      [...services],
      ['compute'],
      `flavor list should load compute only, not ${[...services]}`,
    );
    const all = [...loaded].flatMap((c) => Object.keys(outputs[c]?.inputs ?? {}));
    assert.ok(!all.includes('src/connection.ts'), 'the whole Connection (every proxy) should not be loaded');
    assert.ok(
      !all.includes('src/services/service-table.ts'),
      'nor the service table that imports every proxy',
    );
  });

  test("commander's node:child_process is loaded only if used", () => {
    // a preload that prints the Node built-ins loaded by the time the process exits
    const preload = join(dir, 'builtins.cjs');
    writeFileSync(
      preload,
      "process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)));",
    );
    const r = spawnSync(
      process.execPath,
      ['-r', preload, join(dir, 'out', 'ostack.js'), 'flavor', '--help'],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(r.status, 0, `ostack flavor --help should succeed: ${r.stderr}`);
    assert.match(r.stdout, /Usage: ostack flavor/, 'the help is printed, so commander ran');
    const loaded = JSON.parse(r.stderr.slice(r.stderr.indexOf('['))) as string[];
    assert.ok(loaded.includes('NativeModule events'), 'the preload sees the built-ins commander loads');
    assert.ok(
      !loaded.includes('NativeModule child_process'),
      'child_process should not be loaded: ostack has no executable subcommands',
    );
  });
});
