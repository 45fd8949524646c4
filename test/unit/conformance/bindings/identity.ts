import { AccessRule } from '../../../../src/services/identity/access-rule.js';
import { ApplicationCredential } from '../../../../src/services/identity/application-credential.js';
import { Credential } from '../../../../src/services/identity/credential.js';
import { Domain } from '../../../../src/services/identity/domain.js';
import { Endpoint } from '../../../../src/services/identity/endpoint.js';
import { Group } from '../../../../src/services/identity/group.js';
import { Project } from '../../../../src/services/identity/project.js';
import { Region } from '../../../../src/services/identity/region.js';
import { Role } from '../../../../src/services/identity/role.js';
import { RoleAssignment } from '../../../../src/services/identity/role-assignment.js';
import { Service } from '../../../../src/services/identity/service.js';
import { Token } from '../../../../src/services/identity/token.js';
import { User } from '../../../../src/services/identity/user.js';
import { UserPassword } from '../../../../src/services/identity/user-password.js';
import type { SampleEntry } from '../../../support/api-samples.js';
import type { SampleBinding } from '../harness.js';

/** keystone samples: `*-update-request` (and `project-enable-request`) are PATCH bodies, other requests creates. */
const byName = (e: SampleEntry): 'create' | 'update' =>
  /-(update|enable)-request\.json$/.test(e.path) ? 'update' : 'create';

export const bindings: SampleBinding[] = [
  {
    def: Project,
    service: 'identity',
    hints: ['project', 'projects', 'user-projects', 'available-project-scopes', 'project-tags'],
    // tag-only bodies ({"tags": [...]}) belong to the tags sub-API: test/unit/services/identity covers them
    exclude: /project-tags-(list-response|update-request)\.json$/,
    requestMode: byName,
  },
  {
    def: Domain,
    service: 'identity',
    hints: ['domain', 'domains', 'available-domain-scopes'],
    requestMode: byName,
  },
  // group-users is listed for completeness: its only sample is invalid JSON upstream (skipped)
  { def: User, service: 'identity', hints: ['user', 'users', 'group-users'], requestMode: byName },
  { def: UserPassword, service: 'identity', hints: ['user-password'] },
  { def: Group, service: 'identity', hints: ['group', 'groups', 'user-groups'], requestMode: byName },
  {
    def: Role,
    service: 'identity',
    hints: [
      'role',
      'roles',
      'domain-specific-role',
      'project-user-roles',
      'project-group-roles',
      'domain-user-roles',
      'domain-group-roles',
      'user-roles-domain',
      'group-roles-domain',
      'system-roles-for-user',
      'system-roles-for-group',
    ],
    requestMode: byName,
  },
  { def: RoleAssignment, service: 'identity', hints: ['role-assignments', 'role-assignments-effective'] },
  { def: Region, service: 'identity', hints: ['region', 'regions'], requestMode: byName },
  { def: Service, service: 'identity', hints: ['service', 'services'], requestMode: byName },
  { def: Endpoint, service: 'identity', hints: ['endpoint', 'endpoints'], requestMode: byName },
  {
    def: Credential,
    service: 'identity',
    hints: ['credential', 'credentials'],
    // credential-update-request sends type/user_id/project_id too, but keystone's update schema
    // (keystone/credential/schema.py credential_update) takes `blob` only and answers 400 to the rest
    requestMode: (e) => (/credential-update-request/.test(e.path) ? 'skip' : 'create'),
  },
  { def: ApplicationCredential, service: 'identity', hints: ['application-credential'] },
  { def: AccessRule, service: 'identity', hints: ['access-rule', 'access-rules'] },
  {
    def: Token,
    service: 'identity',
    hints: ['auth'],
    // auth *requests* are built by the auth plugins (src/auth), not by this resource
    include: /(responses\/|-response\.json$)/,
    // a multi-factor *receipt* (the body of the 401 asking for another method), not a token
    exclude: /auth-receipt-password\.json$/,
  },
];
