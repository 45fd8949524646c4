/**
 * Identity v3 against the dev cloud, as admin: domains, projects (tags), users, groups,
 * membership, roles and grants, role assignments, the catalog, credentials, tokens.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { before, describe, test } from 'node:test';
import { Connection, NotFoundError, ResourceNotFoundError, UnauthorizedError } from '../../../src/index.js';
import type { IdentityV3 } from '../../../src/services/identity/index.js';
import { adminConnection, functionalSuite } from '../../support/cloud.js';

functionalSuite('identity/admin', (suite) => {
  let conn: Connection;
  let id: IdentityV3;
  const { cleanup } = suite;

  before(() => {
    conn = suite.admin();
    id = conn.identity;
  });

  /** Delete a domain the way keystone requires: disable, then delete. */
  async function dropDomain(domainId: string): Promise<void> {
    try {
      await id.updateDomain(domainId, { enabled: false });
    } catch (e) {
      if (e instanceof NotFoundError) return;
      throw e;
    }
    await id.deleteDomain(domainId, { ignoreMissing: true });
  }

  describe('identity: domains', () => {
    test('create, find, update, filter, disable and delete a domain', async () => {
      const name = suite.name('domain');
      const d = await id.createDomain({ name, description: 'created by the SDK tests' });
      cleanup.add(`domain ${name}`, () => dropDomain(d.id));
      assert.match(d.id, /^[0-9a-f]{32}$/);
      assert.equal(d.name, name);
      assert.equal(d.enabled, true);
      assert.ok(d.links?.self.endsWith(`/domains/${d.id}`));

      assert.equal((await id.findDomain(name)).id, d.id);
      const updated = await id.updateDomain(d, { description: 'changed' });
      assert.equal(updated.description, 'changed');
      assert.equal((await id.getDomain(d.id)).description, 'changed');
      assert.deepEqual(
        (await id.listDomains({ name }).toArray()).map((x) => x.id),
        [d.id],
      );

      // keystone refuses to delete an enabled domain
      await assert.rejects(id.deleteDomain(d.id), (e: Error & { status?: number }) => e.status === 403);
      await id.updateDomain(d.id, { enabled: false });
      const disabled = await id.listDomains({ name, enabled: false }).toArray();
      assert.deepEqual(
        disabled.map((x) => x.id),
        [d.id],
      );
      await id.deleteDomain(d.id);
      await assert.rejects(id.getDomain(d.id), NotFoundError);
      assert.equal(await id.findDomain(name, { ignoreMissing: true }), undefined);
    });
  });

  describe('identity: projects and tags', () => {
    test('create with tags, update, tag operations, tag filters, delete', async () => {
      const name = suite.name('project');
      const tag = `t-${randomBytes(3).toString('hex')}`;
      const p = await id.createProject({ name, domainId: 'default', description: 'sdk', tags: [tag] });
      cleanup.add(`project ${name}`, () => id.deleteProject(p.id, { ignoreMissing: true }));
      assert.equal(p.domainId, 'default');
      assert.equal(p.isDomain, false);
      assert.deepEqual(p.tags, [tag]);

      const u = await id.updateProject(p.id, { description: 'changed', enabled: false });
      assert.equal(u.description, 'changed');
      assert.equal(u.enabled, false);

      await id.addProjectTag(p.id, 'second');
      assert.equal(await id.checkProjectTag(p.id, 'second'), true);
      assert.deepEqual((await id.listProjectTags(p.id)).sort(), ['second', tag].sort());
      const byTags = await id.listProjects({ tags: `${tag},second` }).toArray();
      assert.deepEqual(
        byTags.map((x) => x.id),
        [p.id],
      );
      assert.equal((await id.listProjects({ tagsAny: tag, notTags: 'second' }).toArray()).length, 0);
      await id.removeProjectTag(p.id, 'second');
      assert.equal(await id.checkProjectTag(p.id, 'second'), false);
      assert.deepEqual(await id.setProjectTags(p.id, ['a', 'b']), ['a', 'b']);
      await id.clearProjectTags(p.id);
      assert.deepEqual(await id.listProjectTags(p.id), []);

      // keystone ignores limit; the listing must still end
      const limited = await id.listProjects({ limit: 1 }).toArray();
      assert.ok(limited.length >= 3, 'every project once');
      assert.equal(new Set(limited.map((x) => x.id)).size, limited.length);

      await id.deleteProject(p.id);
      await assert.rejects(id.getProject(p.id), NotFoundError);
      await assert.rejects(id.findProject(name), ResourceNotFoundError);
    });
  });

  describe('identity: users, groups, roles, grants and assignments', () => {
    let projectId: string;
    let userId: string;
    let groupId: string;
    let roleId: string;
    let domainId: string;
    const userName = suite.name('user');
    const password = `pw-${randomBytes(8).toString('hex')}`;

    before(async () => {
      const p = await id.createProject({ name: suite.name('grants'), domainId: 'default' });
      cleanup.add('grants project', () => id.deleteProject(p.id, { ignoreMissing: true }));
      projectId = p.id;
      const d = await id.createDomain({ name: suite.name('grants-domain') });
      cleanup.add('grants domain', () => dropDomain(d.id));
      domainId = d.id;
    });

    test('create and update a user', async () => {
      const u = await id.createUser({
        name: userName,
        domainId: 'default',
        password,
        defaultProjectId: projectId,
        description: 'sdk test user',
        email: 'sdk@example.com',
      });
      cleanup.add(`user ${userName}`, () => id.deleteUser(u.id, { ignoreMissing: true }));
      userId = u.id;
      assert.equal(u.defaultProjectId, projectId);
      assert.equal(u.enabled, true);
      assert.equal(u.raw.password, undefined, 'keystone never returns the password');
      const updated = await id.updateUser(u.id, { email: 'other@example.com', description: null });
      assert.equal(updated.email, 'other@example.com');
      assert.equal((await id.findUser(userName)).id, u.id);
      assert.deepEqual(
        (await id.listUsers({ name: userName, domainId: 'default' }).toArray()).map((x) => x.id),
        [u.id],
      );
    });

    test('group membership: add, check, list both ways, remove', async () => {
      const g = await id.createGroup({ name: suite.name('group'), domainId: 'default', description: 'g' });
      cleanup.add('group', () => id.deleteGroup(g.id, { ignoreMissing: true }));
      groupId = g.id;
      assert.equal((await id.updateGroup(g.id, { description: 'g2' })).description, 'g2');
      assert.equal(await id.checkUserInGroup(g.id, userId), false);
      await id.addUserToGroup(g.id, userId);
      assert.equal(await id.checkUserInGroup(g, userId), true);
      assert.deepEqual(
        (await id.listGroupUsers(g.id).toArray()).map((u) => u.id),
        [userId],
      );
      assert.ok((await id.listUserGroups(userId).toArray()).some((x) => x.id === g.id));
    });

    test('role grants on a project and a domain, checked and listed as assignments', async () => {
      const r = await id.createRole({ name: suite.name('role'), description: 'sdk role' });
      cleanup.add('role', () => id.deleteRole(r.id, { ignoreMissing: true }));
      roleId = r.id;
      assert.equal((await id.updateRole(r.id, { description: 'changed' })).description, 'changed');
      const member = await id.findRole('member');

      const userOnProject = { role: member, user: userId, project: projectId } as const;
      assert.equal(await id.checkRole(userOnProject), false);
      await id.grantRole(userOnProject);
      assert.equal(await id.checkRole(userOnProject), true);
      assert.deepEqual(
        (await id.listGrantedRoles({ user: userId, project: projectId }).toArray()).map((x) => x.name),
        ['member'],
      );

      const groupOnDomain = { role: roleId, group: groupId, domain: domainId } as const;
      await id.grantRole(groupOnDomain);
      assert.equal(await id.checkRole(groupOnDomain), true);

      // direct assignments: the user's grant on the project
      const direct = await id.listRoleAssignments({ userId, scopeProjectId: projectId }).toArray();
      assert.equal(direct.length, 1);
      assert.equal(direct[0]!.role?.id, member.id);
      assert.equal(direct[0]!.user?.id, userId);
      assert.equal(direct[0]!.scope?.project?.id, projectId);
      assert.equal(direct[0]!.role?.name, undefined, 'no names unless asked');

      // effective: the group grant on the domain shows up as the user's, with names
      const effective = await id
        .listRoleAssignments({ userId, effective: true, includeNames: true })
        .toArray();
      const viaGroup = effective.find((a) => a.role?.id === roleId);
      assert.ok(viaGroup, 'the group grant is effective for the member');
      assert.equal(viaGroup.scope?.domain?.id, domainId);
      assert.equal(viaGroup.role?.name, r.name);
      assert.equal(viaGroup.user?.name, userName);
      assert.ok(viaGroup.links?.membership?.includes(`/groups/${groupId}/users/${userId}`));
      // includeNames: false is really false (keystone treats any present flag as true)
      const plain = await id.listRoleAssignments({ userId, effective: true, includeNames: false }).toArray();
      assert.ok(plain.every((a) => a.role?.name === undefined));

      await id.removeUserFromGroup(groupId, userId);
      assert.equal(await id.checkUserInGroup(groupId, userId), false);
      const after = await id.listRoleAssignments({ userId, effective: true }).toArray();
      assert.ok(!after.some((a) => a.role?.id === roleId), 'membership gone, grant gone');

      await id.revokeRole(groupOnDomain);
      assert.equal(await id.checkRole(groupOnDomain), false);
    });

    test('the user changes their own password; the old one stops working', async () => {
      const authUrl = conn.config.auth.auth_url!;
      const userConn = (pw: string) =>
        new Connection({
          config: {
            auth_type: 'password',
            auth: { auth_url: authUrl, user_id: userId, password: pw, project_id: projectId },
            region_name: conn.config.regionName,
          },
        });
      const before = userConn(password);
      try {
        const access = await before.authorize();
        assert.equal(access.userId, userId);
        const newPassword = `pw2-${randomBytes(8).toString('hex')}`;
        await before.identity.changeUserPassword(userId, {
          originalPassword: password,
          password: newPassword,
        });
        const stale = userConn(password);
        await assert.rejects(stale.authorize(), UnauthorizedError);
        await stale.close();
        const fresh = userConn(newPassword);
        assert.equal((await fresh.authorize()).projectId, projectId);
        await fresh.close();
      } finally {
        await before.close();
      }
      await id.revokeRole({ role: (await id.findRole('member')).id, user: userId, project: projectId });
    });

    test('delete user, group, role', async () => {
      await id.deleteGroup(groupId);
      await id.deleteRole(roleId);
      await id.deleteUser(userId);
      await assert.rejects(id.getUser(userId), NotFoundError);
      await assert.rejects(id.getGroup(groupId), NotFoundError);
      await assert.rejects(id.getRole(roleId), NotFoundError);
    });
  });

  describe('identity: catalog (regions, services, endpoints)', () => {
    test('region, service and endpoint CRUD', async () => {
      const regionId = suite.name('region');
      const region = await id.createRegion({ id: regionId, description: 'sdk', parentRegionId: 'RegionOne' });
      cleanup.add('region', () => id.deleteRegion(regionId, { ignoreMissing: true }));
      assert.equal(region.id, regionId);
      assert.equal(region.parentRegionId, 'RegionOne');
      assert.equal((await id.updateRegion(regionId, { description: 'changed' })).description, 'changed');
      assert.ok(
        (await id.listRegions({ parentRegionId: 'RegionOne' }).toArray()).some((r) => r.id === regionId),
      );

      const type = suite.name('svc');
      const svc = await id.createService({ type, name: type, description: 'sdk service' });
      cleanup.add('service', () => id.deleteService(svc.id, { ignoreMissing: true }));
      assert.equal(svc.enabled, true);
      assert.equal((await id.updateService(svc.id, { enabled: false })).enabled, false);
      assert.deepEqual(
        (await id.listServices({ type }).toArray()).map((s) => s.id),
        [svc.id],
      );
      assert.equal((await id.findService(type)).id, svc.id);

      const ep = await id.createEndpoint({
        serviceId: svc.id,
        interface: 'internal',
        url: 'http://127.0.0.1:1/sdk',
        regionId,
      });
      cleanup.add('endpoint', () => id.deleteEndpoint(ep.id, { ignoreMissing: true }));
      assert.equal(ep.regionId, regionId);
      assert.equal(ep.enabled, true);
      const moved = await id.updateEndpoint(ep.id, { url: 'http://127.0.0.1:2/sdk', interface: 'admin' });
      assert.equal(moved.url, 'http://127.0.0.1:2/sdk');
      assert.equal(moved.interface, 'admin');
      assert.deepEqual(
        (await id.listEndpoints({ serviceId: svc.id, interface: 'admin' }).toArray()).map((e) => e.id),
        [ep.id],
      );

      await id.deleteEndpoint(ep.id);
      await assert.rejects(id.getEndpoint(ep.id), NotFoundError);
      await id.deleteService(svc.id);
      await assert.rejects(id.getService(svc.id), NotFoundError);
      await id.deleteRegion(regionId);
      await assert.rejects(id.getRegion(regionId), NotFoundError);
    });
  });

  /**
   * The dev cloud's keystone caches with dogpile.cache.memory, which hands out the cached dict
   * itself; keystone's credential decryption mutates it, so the first read after a create fails
   * with KeyError 'encrypted_blob' (500, connection closed) and the credential can be neither
   * read nor deleted until the cache expires. Run this on a cloud with memcached:
   * OSSDK_TEST_CREDENTIALS=1.
   */
  const credentialsUsable = process.env.OSSDK_TEST_CREDENTIALS === '1';

  describe('identity: credentials', () => {
    test('ec2 credential create, update, list, delete', {
      skip: credentialsUsable
        ? false
        : 'keystone memory-cache bug on the dev cloud (set OSSDK_TEST_CREDENTIALS=1 elsewhere)',
    }, async () => {
      const me = await id.currentUserId();
      const access = await conn.authorize();
      const blob = JSON.stringify({ access: randomBytes(8).toString('hex'), secret: 'sdk' });
      const c = await id.createCredential({ type: 'ec2', blob, userId: me, projectId: access.projectId });
      cleanup.add('credential', () => id.deleteCredential(c.id, { ignoreMissing: true }));
      assert.equal(c.type, 'ec2');
      assert.equal(c.userId, me);
      assert.deepEqual(JSON.parse(c.blob!), JSON.parse(blob));
      const blob2 = JSON.stringify({ access: randomBytes(8).toString('hex'), secret: 'sdk2' });
      const u = await id.updateCredential(c.id, { blob: blob2 });
      assert.equal(JSON.parse(u.blob!).secret, 'sdk2');
      assert.ok((await id.listCredentials({ userId: me, type: 'ec2' }).toArray()).some((x) => x.id === u.id));
      await id.deleteCredential(c.id);
      await assert.rejects(id.getCredential(c.id), NotFoundError);
    });
  });

  describe('identity: tokens', () => {
    test("validate the session's own token", async () => {
      const access = await conn.authorize();
      const t = await id.validateToken(access.token);
      assert.equal(t.userId, access.userId);
      assert.equal(t.projectId, access.projectId);
      assert.equal(t.projectName, 'admin');
      assert.equal(t.userDomainId, 'default');
      assert.ok(t.roles.includes('admin'));
      assert.deepEqual(t.methods, ['password']);
      assert.ok(t.catalog.some((s) => s.type === 'identity'));
      assert.ok(t.expiresAt && t.issuedAt && t.expiresAt > t.issuedAt);
      assert.equal(t.auditIds.length, 1);
      assert.equal((await id.validateToken(access.token, { includeCatalog: false })).catalog.length, 0);
      assert.equal(await id.checkToken(access.token), true);
    });

    test('a revoked token no longer validates', async () => {
      const other = adminConnection();
      try {
        const token = (await other.authorize()).token;
        assert.equal(await id.checkToken(token), true);
        await id.revokeToken(token);
        assert.equal(await id.checkToken(token), false);
        await assert.rejects(id.validateToken(token), NotFoundError);
      } finally {
        await other.close();
      }
    });
  });
});
