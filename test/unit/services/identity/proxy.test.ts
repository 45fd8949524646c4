import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { NotFoundError, ValidationError } from '../../../../src/errors/errors.js';
import { IdentityV3, tokenInfo } from '../../../../src/services/identity/index.js';
import { fileFake, reply } from '../../../support/fake-service.js';

const m = await fileFake('identity', { token: 'tok-admin' });
let id: IdentityV3;
beforeEach(() => {
  id = m.proxy(IdentityV3);
});

const links = (self: string) => ({ self, previous: null, next: null });

describe('identity listings', () => {
  test('a keystone page with links.next null ends the listing even with a limit (no marker loop)', async () => {
    m.on(
      reply('GET', /^\/projects/, 200, {
        projects: [
          { id: 'a', name: 'a' },
          { id: 'b', name: 'b' },
        ],
        links: links('x'),
      }),
    );
    const all = await id.listProjects({ limit: 1, tags: 'x,y', tagsAny: 'z' }).toArray();
    assert.deepEqual(
      all.map((p) => p.id),
      ['a', 'b'],
    );
    const c = m.calls;
    assert.equal(c.length, 1);
    assert.equal(c[0]!.url, '/v3/projects?limit=1&tags=x%2Cy&tags-any=z');
  });

  test('links.next is followed', async () => {
    m.on(
      reply('*', /^\/users$/, 200, { users: [{ id: 'u1' }], links: { next: `${m.url}/v3/users?page=2` } }),
      reply('*', /^\/users\?page=2$/, 200, { users: [{ id: 'u2' }], links: { next: null } }),
    );
    assert.deepEqual(
      (await id.listUsers().toArray()).map((u) => u.id),
      ['u1', 'u2'],
    );
  });

  test('role assignment flags are sent only when true; dotted filters keep their API names', async () => {
    m.on(
      reply('*', /^\/role_assignments/, 200, {
        role_assignments: [
          {
            role: { id: 'r', name: 'member' },
            user: { id: 'u', name: 'demo', domain: { id: 'default', name: 'Default' } },
            scope: { project: { id: 'p', name: 'demo' } },
            links: { assignment: 'x' },
          },
        ],
        links: links('x'),
      }),
    );
    const [ra] = await id
      .listRoleAssignments({ userId: 'u', scopeProjectId: 'p', effective: true, includeNames: false })
      .toArray();
    assert.equal(m.calls[0]!.url, '/v3/role_assignments?user.id=u&scope.project.id=p&effective=true');
    assert.equal(ra!.role?.name, 'member');
    assert.equal(ra!.scope?.project?.id, 'p');
    await id
      .listRoleAssignments({ includeNames: true, includeSubtree: true, inheritedTo: 'projects' })
      .toArray();
    assert.equal(
      m.calls[1]!.url,
      '/v3/role_assignments?scope.OS-INHERIT%3Ainherited_to=projects&include_names=true&include_subtree=true',
    );
  });

  test('unknown filters are refused before sending', () => {
    assert.throws(() => id.listProjects({ colour: 'red' } as never), ValidationError);
  });
});

describe('role grants', () => {
  const cases: [Parameters<IdentityV3['grantRole']>[0], string][] = [
    [{ role: 'r', user: 'u', project: 'p' }, '/v3/projects/p/users/u/roles/r'],
    [{ role: 'r', group: 'g', project: 'p' }, '/v3/projects/p/groups/g/roles/r'],
    [{ role: 'r', user: 'u', domain: 'd' }, '/v3/domains/d/users/u/roles/r'],
    [{ role: 'r', group: 'g', domain: 'd' }, '/v3/domains/d/groups/g/roles/r'],
    [{ role: 'r', user: 'u', system: 'all' }, '/v3/system/users/u/roles/r'],
    [
      { role: 'r', group: 'g', domain: 'd', inherited: true },
      '/v3/OS-INHERIT/domains/d/groups/g/roles/r/inherited_to_projects',
    ],
  ];
  for (const [grant, path] of cases) {
    test(`grant/check/revoke ${path}`, async () => {
      m.on(...['PUT', 'HEAD', 'DELETE'].map((method) => reply(method, path.slice('/v3'.length), 204)));
      await id.grantRole(grant);
      assert.equal(await id.checkRole(grant), true);
      await id.revokeRole(grant);
      assert.deepEqual(
        m.calls.map((c) => `${c.method} ${c.url}`),
        [`PUT ${path}`, `HEAD ${path}`, `DELETE ${path}`],
      );
    });
  }

  test('checkRole is false on 404, and a missing grant cannot be revoked', async () => {
    assert.equal(await id.checkRole({ role: 'r', user: 'u', project: 'p' }), false);
    await assert.rejects(id.revokeRole({ role: 'r', user: 'u', project: 'p' }), NotFoundError);
  });

  test('a grant needs an actor and a target; system grants are not inherited', async () => {
    await assert.rejects(id.grantRole({ role: 'r', user: 'u' } as never), ValidationError);
    await assert.rejects(id.grantRole({ role: 'r', project: 'p' } as never), ValidationError);
    await assert.rejects(
      id.grantRole({ role: 'r', user: 'u', system: 'all', inherited: true }),
      /cannot be inherited/,
    );
    await assert.rejects(id.grantRole({ role: '', user: 'u', project: 'p' }), ValidationError);
    assert.equal(m.calls.length, 0);
  });

  test('listGrantedRoles lists the roles of an actor on a target', async () => {
    m.on(
      reply('*', '/projects/p/users/u/roles', 200, {
        roles: [{ id: 'r', name: 'member' }],
        links: links('x'),
      }),
    );
    const roles = await id.listGrantedRoles({ user: 'u', project: 'p' }).toArray();
    assert.deepEqual(
      roles.map((r) => r.name),
      ['member'],
    );
  });
});

describe('users, groups and projects', () => {
  test('group membership add/check/remove and user listings default to the current user', async () => {
    m.on(
      ...['PUT', 'HEAD', 'DELETE'].map((method) => reply(method, '/groups/g/users/u', 204)),
      reply('*', '/users/u-self/groups', 200, { groups: [{ id: 'g', name: 'G' }], links: links('x') }),
      reply('*', /^\/users\/u2\/projects\?enabled=true$/, 200, {
        projects: [{ id: 'p' }],
        links: links('x'),
      }),
      reply('*', '/groups/g/users', 200, { users: [{ id: 'u' }], links: links('x') }),
    );
    await id.addUserToGroup('g', 'u');
    assert.equal(await id.checkUserInGroup('g', 'u'), true);
    assert.equal(await id.checkUserInGroup('g', 'nobody'), false);
    await id.removeUserFromGroup('g', 'u');
    assert.equal((await id.listUserGroups().toArray())[0]!.name, 'G');
    assert.equal((await id.listUserProjects('u2', { enabled: true }).toArray())[0]!.id, 'p');
    assert.equal((await id.listGroupUsers('g').toArray())[0]!.id, 'u');
  });

  test('changeUserPassword posts the upstream body and validates it', async () => {
    m.on(reply('POST', '/users/u/password', 204));
    await id.changeUserPassword('u', { originalPassword: 'old', password: 'new' });
    assert.deepEqual(JSON.parse(m.calls[0]!.body), { user: { password: 'new', original_password: 'old' } });
    await assert.rejects(
      id.changeUserPassword('u', { originalPassword: 'old' } as never),
      /password: is required/,
    );
  });

  test('project tags use /projects/{id}/tags', async () => {
    m.on(
      reply('PUT', '/projects/p/tags', 200, { tags: ['a', 'b'] }),
      reply('GET', '/projects/p/tags', 200, { tags: ['a', 'b'] }),
      reply('*', '/projects/p/tags/c', 204),
    );
    assert.deepEqual(await id.setProjectTags('p', ['a', 'b']), ['a', 'b']);
    assert.deepEqual(JSON.parse(m.calls[0]!.body), { tags: ['a', 'b'] });
    assert.deepEqual(await id.listProjectTags('p'), ['a', 'b']);
    await id.addProjectTag('p', 'c');
    assert.equal(await id.checkProjectTag('p', 'c'), true);
    assert.equal(await id.checkProjectTag('p', 'zz'), false);
    await id.removeProjectTag('p', 'c');
  });

  test('updates are PATCH with the envelope; read-only and create-only fields are refused', async () => {
    m.on(reply('PATCH', '/domains/d', 200, { domain: { id: 'd', name: 'D', enabled: false } }));
    const d = await id.updateDomain('d', { enabled: false });
    assert.equal(d.enabled, false);
    assert.deepEqual(JSON.parse(m.calls[0]!.body), { domain: { enabled: false } });
    await assert.rejects(id.updateProject('p', { domainId: 'x' } as never), /only be set when creating/);
    await assert.rejects(id.updateEndpoint('e', { region: 'x' } as never), /set by the service/);
    await assert.rejects(
      id.createEndpoint({ interface: 'wrong' as never, url: 'u', serviceId: 's' }),
      /must be one of public, internal, admin/,
    );
  });
});

describe('application credentials', () => {
  test('create/list/get/delete default to the current user; the secret is kept from create', async () => {
    const body = {
      id: 'ac',
      name: 'n',
      secret: 's3cr3t',
      roles: [{ id: 'r', name: 'member' }],
      unrestricted: false,
      project_id: 'p-self',
    };
    const own = '/users/u-self/application_credentials';
    m.on(
      reply('POST', own, 201, { application_credential: body }),
      reply('GET', /^\/users\/u-self\/application_credentials\?name=n$/, 200, {
        application_credentials: [{ ...body, secret: undefined }],
        links: links('x'),
      }),
      reply('GET', `${own}/ac`, 200, { application_credential: { ...body, secret: undefined } }),
      reply('DELETE', '/users/other/application_credentials/ac', 204),
    );
    const ac = await id.createApplicationCredential({
      name: 'n',
      roles: [{ name: 'member' }],
      accessRules: [{ service: 'image', method: 'GET', path: '/v2/images' }],
    });
    assert.equal(ac.secret, 's3cr3t');
    assert.equal(ac.projectId, 'p-self');
    assert.deepEqual(JSON.parse(m.calls[0]!.body), {
      application_credential: {
        name: 'n',
        roles: [{ name: 'member' }],
        access_rules: [{ service: 'image', method: 'GET', path: '/v2/images' }],
      },
    });
    assert.equal((await id.listApplicationCredentials({ name: 'n' }).toArray()).length, 1);
    assert.equal((await id.getApplicationCredential('ac')).secret, undefined);
    await id.deleteApplicationCredential('ac', { userId: 'other' });
  });
});

describe('tokens', () => {
  const tokenBody = {
    token: {
      methods: ['application_credential'],
      user: { id: 'u', name: 'demo', domain: { id: 'default', name: 'Default' } },
      project: { id: 'p', name: 'demo', domain: { id: 'default', name: 'Default' } },
      roles: [{ id: 'r', name: 'member' }],
      expires_at: '2030-01-01T00:00:00.000000Z',
      issued_at: '2029-12-31T23:00:00.000000Z',
      audit_ids: ['a1'],
      is_domain: false,
      application_credential: { id: 'ac', name: 'n', restricted: true },
    },
  };

  test('validateToken sends X-Subject-Token and parses the token', async () => {
    m.on(reply('GET', /^\/auth\/tokens/, 200, tokenBody, { 'x-subject-token': 'subject' }));
    const t = await id.validateToken('subject', { includeCatalog: false, allowExpired: true });
    const c = m.calls[0]!;
    assert.equal(c.url, '/v3/auth/tokens?nocatalog=1&allow_expired=1');
    assert.equal(c.headers['x-subject-token'], 'subject');
    assert.equal(c.headers['x-auth-token'], 'tok-admin');
    assert.equal(t.token, 'subject');
    assert.equal(t.userId, 'u');
    assert.equal(t.projectId, 'p');
    assert.equal(t.userDomainId, 'default');
    assert.equal(t.projectDomainId, 'default');
    assert.deepEqual(t.roles, ['member']);
    assert.deepEqual(t.auditIds, ['a1']);
    assert.equal(t.applicationCredentialId, 'ac');
    assert.equal(t.expiresAt?.toISOString(), '2030-01-01T00:00:00.000Z');
    assert.equal(t.issuedAt?.toISOString(), '2029-12-31T23:00:00.000Z');
    await id.validateToken('subject');
    assert.equal(m.calls[1]!.url, '/v3/auth/tokens');
  });

  test("validateToken applies the caller's body cap and sends the caller's headers", async () => {
    // validateToken copied signal, timeout and headers by hand and dropped maxBodyBytes
    m.on(reply('GET', '/auth/tokens', 200, tokenBody));
    await assert.rejects(
      id.validateToken('subject', { maxBodyBytes: 64 }),
      (e: unknown) => (e as { reason?: string }).reason === 'too-large',
      'a token document over the caller cap must be refused',
    );
    await id.validateToken('subject', { headers: { 'x-caller': 'kept' } });
    const c = m.calls.at(-1)!;
    assert.equal(c.headers['x-caller'], 'kept', "the caller's headers are sent");
    assert.equal(c.headers['x-subject-token'], 'subject', 'the token asked about is sent');
  });

  test('checkToken is false for a 404, revokeToken sends DELETE', async () => {
    m.on(reply('HEAD', '/auth/tokens', 404), reply('DELETE', '/auth/tokens', 204));
    assert.equal(await id.checkToken('gone'), false);
    await id.revokeToken('gone');
    assert.equal(m.calls[1]!.headers['x-subject-token'], 'gone');
  });

  test('tokenInfo of a system-scoped, catalog-less token', () => {
    const t = tokenInfo('x', { token: { methods: ['password'], system: { all: true }, user: { id: 'u' } } });
    assert.deepEqual(t.system, { all: true });
    assert.equal(t.unscoped, false);
    assert.deepEqual(t.catalog, []);
    assert.deepEqual(t.auditIds, []);
  });
});
