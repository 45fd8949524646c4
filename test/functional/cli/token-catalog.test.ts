/** `ostack token issue` and `ostack catalog list` agree with Debian's `openstack` on the same clouds.yaml. */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ADMIN_CLOUD, DEMO_CLOUD } from '../../support/cloud.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
function ostack(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], {
    encoding: 'utf8',
    cwd: root,
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
});
