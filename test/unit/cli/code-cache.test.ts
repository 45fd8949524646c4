/**
 * The code cache of the `ostack` bundle on Node without a compile cache of its own: a bundle runs
 * as `require` would run it, its compiled code is kept once and taken by the next run, and a cache
 * that is off, foreign, writable by others or damaged is never a reason to fail.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { codeCachePath, commandWords } from '../../../src/cli/code-cache.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

describe('commandWords', () => {
  test('the first two words that are neither options nor the value after one', () => {
    assert.deepEqual(commandWords(['--os-cloud', 'devcloud', 'flavor', 'list']), ['flavor', 'list']);
    assert.deepEqual(commandWords(['flavor', 'list', '-f', 'json']), ['flavor', 'list']);
    assert.deepEqual(commandWords(['--os-cloud=dev', 'server', 'show', 'vm1']), ['server', 'show']);
    assert.deepEqual(commandWords([]), [], 'no command, no words');
  });
});

describe('runWithCodeCache (a child process per run)', () => {
  let dir = '';
  let bundle = '';
  let cacheDir = '';
  const id = 'feedc0de12345678';

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ostack-code-cache-'));
    cacheDir = join(dir, 'cache');
    bundle = join(dir, 'bundle.js');
    writeFileSync(join(dir, 'helper.js'), 'module.exports = (x) => x * 2;\n');
    // a CommonJS bundle: a relative require, __filename, module.exports and enough code to cache
    writeFileSync(
      bundle,
      `const double = require('./helper.js');
function work(n) { let s = 0; for (let i = 0; i < n; i++) s += double(i); return s; }
module.exports = { sum: work(10) };
process.stdout.write(JSON.stringify({ file: __filename, sum: module.exports.sum }) + '\\n');
`,
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const run = (argv: string[], env: Record<string, string> = {}, runId = id) => {
    const code = `import(${JSON.stringify(join(root, 'src/cli/code-cache.ts'))}).then((m) => {
      const use = m.runWithCodeCache(${JSON.stringify(bundle)}, ${JSON.stringify(runId)}, ${JSON.stringify(argv)});
      process.stdout.write(JSON.stringify({ use }) + '\\n');
    })`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', code], {
      encoding: 'utf8',
      env: { ...process.env, NODE_COMPILE_CACHE: cacheDir, NODE_DISABLE_COMPILE_CACHE: '', ...env },
    });
    assert.equal(r.status, 0, `the child should succeed: ${r.stderr}`);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(lines[0], { file: bundle, sum: 90 }, 'the bundle ran as require would run it');
    return lines[1]!.use as string;
  };
  const words = (path: string) => {
    const text = readFileSync(path).toString('latin1');
    return JSON.parse(text.split('\n')[1]!) as string[];
  };

  test('the first run writes the cache (0600, in a 0700 directory); the next one uses it', () => {
    const path = codeCachePath(cacheDir, id);
    assert.equal(run(['flavor', 'list']), 'writing', 'no cache yet');
    assert.ok(existsSync(path), `the cache is written at exit: ${path}`);
    assert.equal(statSync(path).mode & 0o777, 0o600, 'only the user reads the cache');
    assert.equal(statSync(cacheDir).mode & 0o777, 0o700, 'the directory is the user’s alone');
    assert.equal(run(['flavor', 'list']), 'used', 'V8 takes the cache of the same bundle');
    assert.deepEqual(words(path), ['flavor', 'list']);
  });

  test('a command the cache has not seen writes it again, with its words', () => {
    const path = codeCachePath(cacheDir, id);
    const before = statSync(path).mtimeMs;
    assert.equal(run(['server', 'list']), 'used');
    assert.deepEqual(words(path), ['flavor', 'list', 'server'], 'the new word is kept');
    assert.ok(statSync(path).mtimeMs >= before, 'the file was written again');
  });

  test('another bundle id has a cache of its own', () => {
    assert.equal(run(['flavor', 'list'], {}, 'another0bundle00'), 'writing');
    assert.ok(existsSync(codeCachePath(cacheDir, 'another0bundle00')), 'a second file beside the first');
  });

  test('a cache others could write is ignored and replaced', () => {
    const path = codeCachePath(cacheDir, id);
    chmodSync(path, 0o666);
    assert.equal(run(['flavor', 'list']), 'writing', 'a group/world-writable cache is not taken');
    assert.equal(statSync(path).mode & 0o777, 0o600, 'the replacement is private again');
  });

  test('damaged bytes are rejected by V8 and replaced, never an error', () => {
    const path = codeCachePath(cacheDir, id);
    const text = readFileSync(path);
    const header = text.subarray(0, text.indexOf(0x0a, text.indexOf(0x0a) + 1) + 1);
    writeFileSync(path, Buffer.concat([header, Buffer.alloc(4096, 7)]), { mode: 0o600 });
    assert.equal(run(['flavor', 'list']), 'writing', 'a rejected cache counts as none');
    writeFileSync(path, 'not a cache at all', { mode: 0o600 });
    assert.equal(run(['flavor', 'list']), 'writing', 'a file without the header counts as none');
    assert.equal(run(['flavor', 'list']), 'used', 'and the rewritten one is used');
  });

  test('NODE_DISABLE_COMPILE_CACHE runs the plain source and writes nothing', () => {
    const off = join(dir, 'off-cache');
    assert.equal(
      run(['flavor', 'list'], { NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: off }),
      'off',
    );
    assert.equal(existsSync(off), false, 'no cache directory is created');
  });
});
