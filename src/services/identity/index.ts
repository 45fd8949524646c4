export { AccessRule } from './access-rule.js';
export { ApplicationCredentialSection } from './app-credentials-section.js';
export { type AccessRuleSpec, ApplicationCredential } from './application-credential.js';
export { Credential } from './credential.js';
export { Domain } from './domain.js';
export { Endpoint } from './endpoint.js';
export { Group } from './group.js';
export { Project, type ProjectTreeEntry } from './project.js';
export { ProjectSection } from './projects-section.js';
export { IdentityV3 } from './proxy.js';
export { Region } from './region.js';
export { Role } from './role.js';
export { type AssignmentRef, type AssignmentScope, RoleAssignment } from './role-assignment.js';
export {
  type GrantActor,
  type GrantTarget,
  type RoleAssignmentQuery,
  type RoleGrant,
  RoleGrantSection,
} from './role-grants-section.js';
export { Service } from './service.js';
export { Token, type TokenInfo } from './token.js';
export { TokenSection, tokenInfo, type ValidateTokenOptions } from './tokens-section.js';
export type { IdentityLinks, IdRef, NamedRef } from './types.js';
export { type FederatedIdentity, User } from './user.js';
export { UserPassword } from './user-password.js';
export { UserGroupSection } from './users-groups-section.js';
