/** Identity v3 as a plain member (the demo user): own projects, own token, forbidden admin calls. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ForbiddenError } from '../../../src/index.js';
import { functionalSuite } from '../../support/cloud.js';

functionalSuite('identity as demo', (suite) => {
  const demo = suite.demo();
  test('lists its own projects both ways', async () => {
    const access = await demo.authorize();
    const mine = await demo.identity.listUserProjects().toArray();
    assert.ok(mine.some((p) => p.id === access.projectId && p.name === 'demo'));
    assert.ok(
      mine.every((p) => p.name !== 'admin'),
      'only projects the user has a role on',
    );
    const scopes = await demo.identity.listAvailableProjects().toArray();
    assert.deepEqual(scopes.map((p) => p.id).sort(), mine.map((p) => p.id).sort());
    const groups = await demo.identity.listUserGroups().toArray();
    assert.ok(Array.isArray(groups));
  });

  test('validates its own token', async () => {
    const access = await demo.authorize();
    const t = await demo.identity.validateToken(access.token, { includeCatalog: false });
    assert.equal(t.userName, 'demo');
    // the dev cloud grants demo member and reader; plugins add their services' roles
    // (octavia's load-balancer_member), so the token carries at least these and never admin
    for (const role of ['member', 'reader'])
      assert.ok(t.roles.includes(role), `role ${role} in ${t.roles.join(', ')}`);
    assert.equal(t.roles.includes('admin'), false, `no admin role in ${t.roles.join(', ')}`);
  });

  test('an admin-only call is ForbiddenError 403 with the request id', async () => {
    await assert.rejects(demo.identity.listUsers().toArray(), (e: unknown) => {
      assert.ok(e instanceof ForbiddenError, `got ${String(e)}`);
      assert.equal(e.status, 403);
      assert.match(e.requestId ?? '', /^req-[0-9a-f-]{36}$/);
      assert.match(e.serviceMessage ?? '', /identity:list_users/);
      return true;
    });
    await assert.rejects(demo.identity.createDomain({ name: 'never-created' }), ForbiddenError);
  });
});
