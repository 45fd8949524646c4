export { ACCESS_FAILURE_STATES, AccessRule } from './access-rule.js';
export type { AccessSection } from './access-section.js';
export { AvailabilityZone } from './availability-zone.js';
export { ExportLocation } from './export-location.js';
export { type ShareAbsoluteLimits, ShareLimits } from './limits.js';
export {
  type AccessRuleResource,
  type ExportLocationResource,
  type ExtendShareOptions,
  type ShareAccessGrant,
  type ShareAvailabilityZoneResource,
  SharedFileSystemV2,
  type ShareLimitsResource,
  type ShareNetworkResource,
  type ShareNetworkSubnetResource,
  type ShareQuotaSetResource,
  type ShareResource,
  type ShareServiceResource,
  type ShareSnapshotResource,
  type ShareTypeAccessResource,
  type ShareTypeResource,
  type ShareUpdate,
  type StoragePoolResource,
} from './proxy.js';
export type { QuotaSection } from './quota-section.js';
export { ShareQuotaSet } from './quota-set.js';
export { ShareService } from './service.js';
export { SHARE_FAILURE_STATUSES, SHARE_QUERY_VERSIONS, Share } from './share.js';
export { ShareNetwork, ShareNetworkSubnet, type ShareNetworkSubnetSummary } from './share-network.js';
export type { ShareNetworkSection } from './share-network-section.js';
export type { ShareSection } from './share-section.js';
export { ShareSnapshot, SNAPSHOT_FAILURE_STATUSES } from './share-snapshot.js';
export { ShareType, ShareTypeAccess } from './share-type.js';
export type { ShareTypeSection } from './share-type-section.js';
export type { ShareSnapshotSection } from './snapshot-section.js';
export { StoragePool } from './storage-pool.js';
