/**
 * The structure rules of .dependency-cruiser.cjs catch what they are meant to: each case
 * injects one cycle, upward import or stray proxy import into a small tree laid out like src/
 * (every layer importing downward, as the real one does) and runs `depcruise` with the
 * repository's own configuration on it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';

const root = resolve(import.meta.dirname, '../../..');
const config = join(root, '.dependency-cruiser.cjs');
const bin = join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

/** A tree where every layer imports the one below it, and the allowed proxy imports. */
const CLEAN: Record<string, string> = {
  'src/errors/errors.ts': 'export class OpenStackError extends Error {}\n',
  'src/version.ts': "export const VERSION = '0.0.0';\n",
  'src/transport/http.ts':
    "import { OpenStackError } from '../errors/errors.js';\nexport const e = OpenStackError;\n",
  'src/session/decode.ts': "import { e } from '../transport/http.js';\nexport const d = e;\n",
  'src/config/load.ts': "import { e } from '../transport/http.js';\nexport const c = e;\n",
  'src/auth/v3.ts':
    "import { c } from '../config/load.js';\nimport { d } from '../session/decode.js';\nexport const a = [c, d];\n",
  'src/session/session.ts': "import { a } from '../auth/v3.js';\nexport const s = a;\n",
  'src/resource/verbs.ts': "import { s } from '../session/session.js';\nexport const r = s;\n",
  'src/services/specs.ts': "import { s } from '../session/session.js';\nexport const spec = s;\n",
  'src/services/compute/proxy.ts':
    "import { r } from '../../resource/verbs.js';\nexport class ComputeV2 { r = r; }\n",
  'src/services/compute/index.ts': "export { ComputeV2 } from './proxy.js';\n",
  'src/services/network/proxy.ts':
    "import { r } from '../../resource/verbs.js';\nexport class NetworkV2 { r = r; }\n",
  'src/services/service-table.ts':
    "import { ComputeV2 } from './compute/proxy.js';\nimport { NetworkV2 } from './network/proxy.js';\nexport const SERVICES = [ComputeV2, NetworkV2];\n",
  'src/cloud/cloud-connection.ts':
    "import type { ComputeV2 } from '../services/compute/index.js';\nexport interface CloudConnection { compute: ComputeV2 }\n",
  'src/connection.ts':
    "import type { CloudConnection } from './cloud/cloud-connection.js';\nimport { SERVICES } from './services/service-table.js';\nexport const conn: CloudConnection | typeof SERVICES = SERVICES;\n",
  'src/cli/program.ts': "import { conn } from '../connection.js';\nexport const p = conn;\n",
  'src/index.ts':
    "export { ComputeV2 } from './services/compute/proxy.js';\nexport { conn } from './connection.js';\nexport { p } from './cli/program.js';\n",
};

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Run the repository's rules on CLEAN plus `extra` files; the violations found. */
function violations(extra: Record<string, string> = {}): Violation[] {
  const dir = mkdtempSync(join(tmpdir(), 'ossdk-deps-'));
  dirs.push(dir);
  const files = {
    ...CLEAN,
    ...extra,
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true },
      include: ['src'],
    }),
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const r = spawnSync(process.execPath, [bin, 'src', '--config', config, '--output-type', 'json'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.ok(r.stdout, `depcruise printed no result (exit ${r.status}): ${r.stderr}`);
  const { summary } = JSON.parse(r.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  // a rule set that resolves nothing passes everything: every file must have been read
  const sources = Object.keys(files).filter((f) => f.endsWith('.ts')).length;
  // plus one node each for the packages and built-ins the fixture imports
  const external = new Set(
    [
      ...Object.values(files)
        .join('\n')
        .matchAll(/from '([^.'][^']*)'/g),
    ].map((m) => m[1]),
  );
  assert.equal(
    summary.totalCruised,
    sources + external.size,
    `depcruise should read all ${sources} fixture files and ${external.size} external modules`,
  );
  return summary.violations;
}

function ruleNames(vs: Violation[]): string[] {
  return [...new Set(vs.map((v) => v.rule.name))].sort();
}

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  test('the clean tree, laid out like src/, passes', () => {
    const vs = violations();
    assert.deepEqual(vs, [], `the clean fixture should have no violations: ${JSON.stringify(vs)}`);
  });

  test('each injected cycle, upward import and stray proxy import is caught', () => {
    const vs = violations({
      // a runtime cycle inside one layer
      'src/transport/a.ts': "import { b } from './b.js';\nexport const a = () => b;\n",
      'src/transport/b.ts': "import { a } from './a.js';\nexport const b = () => a;\n",
      // a cycle through type-only imports
      'src/config/t1.ts': "import type { T2 } from './t2.js';\nexport interface T1 { t?: T2 }\n",
      'src/config/t2.ts': "import type { T1 } from './t1.js';\nexport interface T2 { t?: T1 }\n",
      // upward, type-only: the session layer naming a service
      'src/session/up.ts':
        "import type { ComputeV2 } from '../services/compute/index.js';\nexport type U = ComputeV2;\n",
      // upward: the cloud layer importing the connection (what conn.cloud used to cause)
      'src/cloud/back.ts': "import { conn } from '../connection.js';\nexport const x = conn;\n",
      // a proxy imported outside the table
      'src/cloud/proxy-user.ts':
        "import { ComputeV2 } from '../services/compute/proxy.js';\nexport const y = ComputeV2;\n",
      // another service's proxy
      'src/services/network/uses-compute.ts':
        "import { ComputeV2 } from '../compute/proxy.js';\nexport const z = ComputeV2;\n",
      // the package entry from inside src
      'src/auth/entry.ts': "import { conn } from '../index.js';\nexport const w = conn;\n",
      // a Node built-in and undici in the core, which must load in a browser
      'src/config/reads-files.ts':
        "import { readFileSync } from 'node:fs';\nexport const rf = readFileSync;\n",
      'src/transport/pool.ts': "import { Agent } from 'undici';\nexport const ag = Agent;\n",
      // allowed: a type-only import of a built-in (erased), and the CLI (Node-only)
      'src/services/types-only.ts':
        "import type { Readable } from 'node:stream';\nexport type R = Readable;\n",
      'src/cli/files.ts': "import { readFileSync } from 'node:fs';\nexport const cf = readFileSync;\n",
    });
    const by = (from: string) => ruleNames(vs.filter((v) => v.from === from));
    assert.ok(by('src/transport/a.ts').includes('no-circular'), 'a runtime cycle should be no-circular');
    assert.ok(by('src/config/t1.ts').includes('no-circular'), 'a type-only cycle should be no-circular');
    assert.deepEqual(
      by('src/session/up.ts'),
      ['layer-session'],
      'session → services should be layer-session',
    );
    assert.deepEqual(by('src/cloud/back.ts'), ['layer-cloud'], 'cloud → connection should be layer-cloud');
    assert.deepEqual(
      by('src/cloud/proxy-user.ts'),
      ['proxy-only-from-service-table'],
      'cloud importing a proxy.ts should break proxy-only-from-service-table',
    );
    assert.deepEqual(
      by('src/services/network/uses-compute.ts'),
      ['proxy-only-from-own-service'],
      "a service importing another service's proxy should break proxy-only-from-own-service",
    );
    assert.ok(
      by('src/auth/entry.ts').includes('no-import-of-package-entry'),
      'importing src/index.ts from src should break no-import-of-package-entry',
    );
    assert.deepEqual(
      by('src/config/reads-files.ts'),
      ['no-node-builtins-in-core'],
      'a node: import in the core should break no-node-builtins-in-core',
    );
    assert.deepEqual(
      by('src/transport/pool.ts'),
      ['no-undici-in-core'],
      'undici in the core should break no-undici-in-core',
    );
    assert.deepEqual(by('src/services/types-only.ts'), [], 'a type-only node: import is erased: allowed');
    assert.deepEqual(by('src/cli/files.ts'), [], 'the CLI is Node-only: node: imports are allowed there');
  });
});
