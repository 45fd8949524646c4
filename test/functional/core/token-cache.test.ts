/** The persistent token cache (`tokenCache: true`) against the real dev cloud's keystone. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { CachingAuthPlugin, Connection } from '../../../src/index.js';
import { adminConnection } from '../../support/cloud.js';

const conns: Connection[] = [];
const savedXdg = process.env.XDG_CACHE_HOME;
let xdg: string;
before(() => {
  xdg = mkdtempSync(join(tmpdir(), 'ostack-token-cache-func-'));
  process.env.XDG_CACHE_HOME = xdg;
});
after(async () => {
  for (const c of conns) await c.close();
  if (savedXdg === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = savedXdg;
  rmSync(xdg, { recursive: true, force: true });
});

function connect(): Connection {
  const c = adminConnection({ tokenCache: true });
  conns.push(c);
  return c;
}
const plugin = (c: Connection) => c.session.auth as CachingAuthPlugin;

describe('token cache across connections', () => {
  test('a second connection reuses the stored token; invalidate removes the file', async () => {
    const dir = join(xdg, 'openstack-sdk', 'auth');
    const first = connect();
    const a = await first.authorize();
    assert.equal(plugin(first).authCount, 1);
    const files = readdirSync(dir);
    assert.equal(files.length, 1);
    const file = join(dir, files[0]!);
    assert.match(files[0]!, /^[0-9a-f]{64}\.json$/);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const text = readFileSync(file, 'latin1');
    // keystone's own `password_expires_at` is fine; a `password` or `*secret` field is not
    assert.ok(!/"(password|[a-z_]*secret)"\s*:/i.test(text), 'no password or secret field on disk');
    // the dev cloud's password ("admin") is also a role and user name: only a distinctive one is searched for
    const password = first.config.auth.password ?? '';
    if (password.length >= 8) assert.ok(!text.includes(password), 'no password on disk');

    const second = connect();
    const flavors = await second.compute.listFlavors().toArray();
    assert.ok(flavors.length > 0);
    assert.equal(plugin(second).authCount, 0, 'no authentication: the stored token was used');
    assert.equal((await second.authorize()).token, a.token);

    plugin(second).invalidate();
    assert.equal(existsSync(file), false, 'invalidate() removed the stored token');
    await second.compute.listFlavors().toArray();
    assert.equal(plugin(second).authCount, 1);
    assert.ok(existsSync(file), 'the new token is stored again');
  });
});
