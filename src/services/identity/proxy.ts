/**
 * The identity v3 (keystone) proxy, `conn.identity`: the generated verbs of one table, and one
 * section module per family of hand-written methods (projects, users and groups, role grants,
 * application credentials, tokens), assembled by `mixSections`.
 */
import { installVerbs, type ResourceBase, type VerbsOfTable, verbRow } from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { mixSections } from '../proxy-sections.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { identityV3Spec } from '../specs.js';
import { ApplicationCredentialSection } from './app-credentials-section.js';
import { Credential } from './credential.js';
import { Domain } from './domain.js';
import { Endpoint } from './endpoint.js';
import { Group } from './group.js';
import { Project } from './project.js';
import { ProjectSection } from './projects-section.js';
import { Region } from './region.js';
import { Role } from './role.js';
import { RoleGrantSection } from './role-grants-section.js';
import { Service } from './service.js';
import { TokenSection } from './tokens-section.js';
import { User } from './user.js';
import { UserGroupSection } from './users-groups-section.js';

const CRUD = ['list', 'get', 'find', 'create', 'update', 'delete'] as const;

/** The generated verbs of `conn.identity`, one row per resource (singular → definition, plural, verbs). */
const identityVerbTable = {
  Project: verbRow(Project, 'Projects', CRUD),
  Domain: verbRow(Domain, 'Domains', CRUD),
  User: verbRow(User, 'Users', CRUD),
  Group: verbRow(Group, 'Groups', CRUD),
  Role: verbRow(Role, 'Roles', CRUD),
  Region: verbRow(Region, 'Regions', CRUD),
  Service: verbRow(Service, 'Services', CRUD),
  Endpoint: verbRow(Endpoint, 'Endpoints', CRUD),
  Credential: verbRow(Credential, 'Credentials', CRUD),
} as const;

/** The verbs generated from {@link identityVerbTable} and the methods of every section. */
export interface IdentityV3
  extends VerbsOfTable<typeof identityVerbTable>,
    ProjectSection,
    UserGroupSection,
    RoleGrantSection,
    ApplicationCredentialSection,
    TokenSection {}

/**
 * Keystone v3: projects, domains, users, groups, roles and grants, the catalog (regions,
 * services, endpoints), application credentials, credentials and tokens.
 *
 * Every resource has the generated verbs `listX`, `getX`, `findX`, `createX`, `updateX`
 * (PATCH), `deleteX`; the methods below cover what is not CRUD.
 */
export class IdentityV3 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, identityV3Spec, opts);
    installVerbs(this, this.client, identityVerbTable);
    // keystone never returns a password, but create/commit keep the request's values in the
    // resource: drop it so a logged or serialized user never carries the secret
    const { createUser, updateUser } = this;
    this.createUser = async (attrs, o) => withoutPassword(await createUser(attrs, o));
    this.updateUser = async (user, attrs, o) => withoutPassword(await updateUser(user, attrs, o));
  }
}
mixSections(IdentityV3, [
  ProjectSection,
  UserGroupSection,
  RoleGrantSection,
  ApplicationCredentialSection,
  TokenSection,
]);

function withoutPassword<R extends ResourceBase<any>>(r: R): R {
  if ('password' in r._body) {
    const { password: _, ...rest } = r._body;
    r._sync(rest);
  }
  return r;
}
