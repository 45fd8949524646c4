/**
 * tools/bundle-size.mjs (npm run bundle:size) on the sources: a program using one service through
 * its subpath bundles that service only ("sideEffects": false holds), and a Connection bundles all.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SERVICE_SPECS } from '../../../src/services/service-specs.js';

interface Measured {
  program: string;
  platform: string;
  raw: number;
  gzip: number;
  services: string[];
  inputs: { file: string; bytes: number }[];
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const out = execFileSync(process.execPath, ['tools/bundle-size.mjs', '--src', '--json', '--top', '100000'], {
  cwd: root,
  encoding: 'utf8',
});
const { results, leaks } = JSON.parse(out) as { results: Measured[]; leaks: string[] };

function find(program: string, platform: string): Measured {
  const r = results.find((x) => x.program === program && x.platform === platform);
  assert.ok(r, `no result for ${program} (${platform}) in ${results.map((x) => x.program).join(', ')}`);
  return r;
}

describe('bundle-size', () => {
  for (const platform of ['browser', 'node']) {
    test(`one service through its subpath bundles that service only (${platform})`, () => {
      assert.deepEqual(leaks, [], `unused services were bundled: ${leaks.join('; ')}`);
      assert.deepEqual(find('object-store', platform).services, ['object-store'], 'object-store program');
      assert.deepEqual(find('compute', platform).services, ['compute'], 'compute program');
    });

    test(`a session-only program leaves config loading and yaml out (${platform})`, () => {
      for (const program of ['object-store', 'compute']) {
        const extra = find(program, platform).inputs.filter((i) =>
          /src\/config\/|node_modules\/yaml\//.test(i.file),
        );
        assert.deepEqual(extra, [], `${program} bundled ${extra.map((i) => i.file).join(', ')}`);
      }
    });

    test(`sizes are measured and a Connection costs more than one service (${platform})`, () => {
      const one = find('object-store', platform);
      const all = find('connection', platform);
      assert.ok(one.gzip > 0 && one.gzip < one.raw, `gzip ${one.gzip} must be >0 and below raw ${one.raw}`);
      // one folder per service of the table, so adding a service needs no edit here
      const count = Object.keys(SERVICE_SPECS).length;
      assert.equal(
        all.services.length,
        count,
        `a Connection brings every service: ${all.services.join(', ')}`,
      );
      assert.ok(all.raw > 2 * one.raw, `connection ${all.raw} B vs object-store ${one.raw} B`);
    });
  }
});
