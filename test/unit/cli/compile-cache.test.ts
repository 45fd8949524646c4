/** The CLI's V8 compile cache: where it lives, and that it is only ever an optimisation. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compileCacheDir, enableCompileCache } from '../../../src/cli/compile-cache.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('compile cache', () => {
  test('lives under the user cache dir, beside the token cache', () => {
    assert.equal(
      compileCacheDir({}, '/home/u'),
      '/home/u/.cache/openstack-sdk/compile-cache',
      'default: ~/.cache',
    );
    assert.equal(
      compileCacheDir({ XDG_CACHE_HOME: '/x/cache' }, '/home/u'),
      '/x/cache/openstack-sdk/compile-cache',
      'an absolute XDG_CACHE_HOME is used',
    );
    assert.equal(
      compileCacheDir({ XDG_CACHE_HOME: 'rel' }, '/home/u'),
      '/home/u/.cache/openstack-sdk/compile-cache',
      'a relative XDG_CACHE_HOME is ignored, as the XDG spec says',
    );
  });

  test('without the API (Node 20) it does nothing and says nothing', () => {
    assert.equal(enableCompileCache({}, undefined), undefined, 'no API: no cache directory');
  });

  test('NODE_COMPILE_CACHE wins, NODE_DISABLE_COMPILE_CACHE turns it off, a failure is swallowed', () => {
    const asked: (string | undefined)[] = [];
    const fake = (dir?: string) => {
      asked.push(dir);
      return { status: 1, directory: dir };
    };
    assert.equal(enableCompileCache({ NODE_COMPILE_CACHE: '/c' }, fake), '/c', 'the env directory is used');
    assert.equal(
      enableCompileCache({ XDG_CACHE_HOME: '/x' }, fake),
      '/x/openstack-sdk/compile-cache',
      'else the user cache dir',
    );
    assert.equal(enableCompileCache({ NODE_DISABLE_COMPILE_CACHE: '1' }, fake), undefined, 'disabled: off');
    assert.equal(asked.length, 2, 'a disabled cache is not even asked for');
    const throwing = () => {
      throw new Error('EACCES');
    };
    assert.equal(enableCompileCache({}, throwing), undefined, 'an unusable directory leaves the cache off');
  });

  test('the real Node: on where the API exists, off where it does not', () => {
    const has = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
    const dir = mkdtempSync(join(tmpdir(), 'ostack-cc-'));
    try {
      // a child process, so this test process keeps its own settings
      const env: Record<string, string | undefined> = { ...process.env, NODE_COMPILE_CACHE: dir };
      delete env.NODE_DISABLE_COMPILE_CACHE;
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          `import('${join(root, 'src/cli/compile-cache.ts')}').then((m) => console.log(String(m.enableCompileCache())))`,
        ],
        {
          env: { ...process.env, NODE_COMPILE_CACHE: dir, NODE_DISABLE_COMPILE_CACHE: '' },
          encoding: 'utf8',
        },
      );
      assert.equal(r.status, 0, `the child should succeed: ${r.stderr}`);
      assert.equal(r.stderr, '', 'no warning on any Node');
      assert.equal(
        r.stdout.trim() !== 'undefined',
        has,
        `cache directory reported iff the API exists (${r.stdout})`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
