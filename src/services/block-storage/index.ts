export { Attachment, type AttachmentConnector } from './attachment.js';
export type { AttachmentSection } from './attachment-ops.js';
export { AvailabilityZone } from './availability-zone.js';
export { BACKUP_FAILURE_STATUSES, Backup, type BackupRestore } from './backup.js';
export type { BackupSection } from './backup-ops.js';
export { DefaultType } from './default-type.js';
export type { DefaultTypeSection } from './default-type-ops.js';
export { type AbsoluteLimits, Limits } from './limits.js';
export { Message } from './message.js';
export type { MessageSection } from './message-ops.js';
export type { MetadataSection } from './metadata-ops.js';
export {
  type AttachmentResource,
  type BackupResource,
  BlockStorageV3,
  type CreateVolumeOptions,
  type DefaultTypeResource,
  type DeleteVolumeOptions,
  type LimitsResource,
  type MessageResource,
  type QosAssociationResource,
  type QosSpecResource,
  type QuotaClassSetResource,
  type QuotaSetResource,
  type QuotaSetUsageResource,
  type ServiceResource,
  type SnapshotResource,
  type VolumeResource,
  type VolumeSummaryResource,
  type VolumeTransferResource,
  type VolumeTypeAccessResource,
  type VolumeTypeResource,
} from './proxy.js';
export { QosAssociation, QosSpec } from './qos-spec.js';
export type { QosSpecSection } from './qos-spec-ops.js';
export { QuotaClassSet } from './quota-class-set.js';
export type { QuotaSection } from './quota-ops.js';
export { QuotaSet } from './quota-set.js';
export { QuotaSetUsage, type QuotaUsage } from './quota-set-usage.js';
export { Service } from './service.js';
export type { ServiceSection } from './service-ops.js';
export { SNAPSHOT_FAILURE_STATUSES, SNAPSHOT_QUERY_VERSIONS, Snapshot } from './snapshot.js';
export type { SnapshotSection } from './snapshot-ops.js';
export type { TransferSection } from './transfer-ops.js';
export { VOLUME_FAILURE_STATUSES, VOLUME_QUERY_VERSIONS, Volume, type VolumeAttachment } from './volume.js';
export type { VolumeActionSection } from './volume-actions.js';
export type { VolumeSection } from './volume-ops.js';
export { VolumeSummary } from './volume-summary.js';
export { VolumeTransfer } from './volume-transfer.js';
export { VolumeType } from './volume-type.js';
export { VolumeTypeAccess } from './volume-type-access.js';
export type { VolumeTypeSection } from './volume-type-ops.js';
