export { AvailabilityZone, type AvailabilityZoneHosts } from './availability-zone.js';
export { ComputeService, ComputeServiceUpdate } from './compute-service.js';
export { ComputeServiceSection } from './compute-service-admin-section.js';
export { Flavor } from './flavor.js';
export { AddTenantAccessAction, FlavorAccess, RemoveTenantAccessAction } from './flavor-access.js';
export { FlavorExtrasSection } from './flavor-extras-section.js';
export { Hypervisor, type HypervisorService } from './hypervisor.js';
export { InstanceAction, type InstanceActionEvent } from './instance-action.js';
export { Keypair } from './keypair.js';
export type { KeypairListQuery, KeypairOptions, KeypairResource } from './keypair-ops.js';
export { KeypairSection } from './keypairs-section.js';
export { type AbsoluteLimits, Limits } from './limits.js';
export { Migration } from './migration.js';
export { ComputeV2 } from './proxy.js';
export { ComputeServers, type ServerSections } from './proxy-servers.js';
export { QuotaSet, QuotaSetDetail, type QuotaUsage } from './quota-set.js';
export { QuotaSection } from './quotas-section.js';
export { SchedulingSection } from './scheduling-section.js';
export {
  type BlockDeviceMapping,
  type PartialServerResource,
  type Personality,
  type SchedulerHints,
  Server,
  type ServerAddress,
  type ServerFault,
  type ServerFlavor,
  type ServerImage,
  type ServerNetworkRequest,
  type ServerResource,
} from './server.js';
export {
  AddSecurityGroupAction,
  ChangePasswordAction,
  ConsoleOutputAction,
  CreateBackupAction,
  CreateImageAction,
  LiveMigrateAction,
  LockAction,
  MigrateAction,
  RebootAction,
  RebuildAction,
  RemoveSecurityGroupAction,
  RescueAction,
  ResetStateAction,
  ResizeAction,
  type ServerRef,
  UnshelveAction,
} from './server-actions.js';
export { ServerCoreSection } from './server-core-section.js';
export type { ServerCreateInput } from './server-create.js';
export {
  SERVER_GROUP_POLICIES,
  ServerGroup,
  type ServerGroupPolicy,
  type ServerGroupRules,
} from './server-group.js';
export { ServerGuestSection } from './server-guest-section.js';
export { type InterfaceFixedIp, ServerInterface } from './server-interface.js';
export { ServerMetadataSection } from './server-metadata-section.js';
export { ServerMigration } from './server-migration.js';
export { type RebuildServerOptions, ServerMovesSection } from './server-moves-section.js';
export { ServerNetworkingSection } from './server-networking-section.js';
export { ServerPowerSection } from './server-power-section.js';
export { ServerTagsSection } from './server-tags-section.js';
export { encodeUserData, isBase64, MAX_USER_DATA_LENGTH } from './user-data.js';
export { VolumeAttachment } from './volume-attachment.js';
