export { AccessRule } from './access-rule.js';
export { type AccessRuleSpec, ApplicationCredential } from './application-credential.js';
export { Credential } from './credential.js';
export { Domain } from './domain.js';
export { Endpoint } from './endpoint.js';
export { Group } from './group.js';
export { Project, type ProjectTreeEntry } from './project.js';
export {
  type GrantActor,
  type GrantTarget,
  IdentityV3,
  type IdRef,
  type RoleAssignmentQuery,
  type RoleGrant,
  tokenInfo,
  type ValidateTokenOptions,
} from './proxy.js';
export { Region } from './region.js';
export { Role } from './role.js';
export { type AssignmentRef, type AssignmentScope, RoleAssignment } from './role-assignment.js';
export { Service } from './service.js';
export { Token, type TokenInfo } from './token.js';
export type { IdentityLinks, NamedRef } from './types.js';
export { type FederatedIdentity, User } from './user.js';
export { UserPassword } from './user-password.js';
