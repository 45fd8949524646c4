/** `ostack token issue` and `ostack catalog list` agree with Debian's `openstack` on the same clouds.yaml. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ADMIN_CLOUD, DEMO_CLOUD } from '../../support/cloud.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
function ostack(...args: string[]) {
  return ostackIn(process.env, ...args);
}
function ostackIn(env: NodeJS.ProcessEnv, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    cwd: root,
    env,
  });
}
function openstack(...args: string[]): string {
  return execFileSync('openstack', args, { encoding: 'utf8' });
}

describe('ostack token and catalog', () => {
  test('token issue: same project and user as openstack token issue', () => {
    const ours = ostack('--os-cloud', DEMO_CLOUD, 'token', 'issue', '-f', 'json');
    assert.equal(ours.status, 0, ours.stderr);
    const o = JSON.parse(ours.stdout);
    const theirs = JSON.parse(openstack('--os-cloud', DEMO_CLOUD, 'token', 'issue', '-f', 'json'));
    assert.equal(o.project_id, theirs.project_id);
    assert.equal(o.user_id, theirs.user_id);
    assert.match(o.id, /^gAAAA/, 'a fernet token');
  });

  test('catalog list: the same service types as openstack catalog list', () => {
    const ours = ostack('--os-cloud', ADMIN_CLOUD, 'catalog', 'list', '-f', 'json');
    assert.equal(ours.status, 0, ours.stderr);
    const mine = (JSON.parse(ours.stdout) as { Type: string }[]).map((r) => r.Type).sort();
    const theirs = (
      JSON.parse(openstack('--os-cloud', ADMIN_CLOUD, 'catalog', 'list', '-f', 'json')) as { Type: string }[]
    )
      .map((r) => r.Type)
      .sort();
    assert.deepEqual(mine, theirs);
  });

  test('-f value -c selects one column', () => {
    const r = ostack('--os-cloud', DEMO_CLOUD, 'token', 'issue', '-f', 'value', '-c', 'expires');
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!Number.isNaN(Date.parse(r.stdout.trim())));
  });

  test('an unknown cloud exits 2 with the fix on stderr and nothing on stdout', () => {
    const r = ostack('--os-cloud', 'no-such-cloud', 'token', 'issue');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /no-such-cloud.*Fix:/s);
  });

  test('--token-cache: the second run sends the listing only, no token request, no discovery', (t) => {
    const xdg = mkdtempSync(join(tmpdir(), 'ostack-fn-token-cache-'));
    t.after(() => rmSync(xdg, { recursive: true, force: true }));
    const env = { ...process.env, XDG_CACHE_HOME: xdg };
    const requests = (stderr: string) =>
      [...stderr.matchAll(/DEBUG REQ (\S+) (\S+)/g)].map((m) => `${m[1]} ${new URL(m[2]!).pathname}`);
    const args = ['--os-cloud', DEMO_CLOUD, '--token-cache', '--debug', 'flavor', 'list', '-f', 'json'];
    const first = ostackIn(env, ...args);
    assert.equal(first.status, 0, first.stderr);
    assert.deepEqual(
      requests(first.stderr).map((r) => r.split(' ')[0]),
      ['POST', 'GET', 'GET'],
      `the first run authenticates, discovers and lists: ${requests(first.stderr)}`,
    );
    const second = ostackIn(env, ...args);
    assert.equal(second.status, 0, second.stderr);
    assert.deepEqual(
      requests(second.stderr),
      [requests(first.stderr)[2]],
      'the second run takes token, catalog and compute version from the cache and sends the listing only',
    );
    assert.deepEqual(JSON.parse(second.stdout), JSON.parse(first.stdout), 'both runs list the same flavors');
  });
});
