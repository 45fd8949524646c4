export { Attachment, type AttachmentConnector } from './attachment.js';
export type { AttachmentSection } from './attachment-section.js';
export { AvailabilityZone } from './availability-zone.js';
export { BACKUP_FAILURE_STATUSES, Backup, type BackupRestore } from './backup.js';
export type { BackupSection } from './backup-section.js';
export { DefaultType } from './default-type.js';
export type { DefaultTypeSection } from './default-type-section.js';
export { type AbsoluteLimits, Limits } from './limits.js';
export { Message } from './message.js';
export type { MessageSection } from './message-section.js';
export type { MetadataSection } from './metadata-section.js';
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
export type { QosSpecSection } from './qos-spec-section.js';
export { QuotaClassSet } from './quota-class-set.js';
export type { QuotaSection } from './quota-section.js';
export { QuotaSet } from './quota-set.js';
export { QuotaSetUsage, type QuotaUsage } from './quota-set-usage.js';
export { Service } from './service.js';
export type { ServiceSection } from './service-section.js';
export { SNAPSHOT_FAILURE_STATUSES, SNAPSHOT_QUERY_VERSIONS, Snapshot } from './snapshot.js';
export type { SnapshotSection } from './snapshot-section.js';
export type { TransferSection } from './transfer-section.js';
export { VOLUME_FAILURE_STATUSES, VOLUME_QUERY_VERSIONS, Volume, type VolumeAttachment } from './volume.js';
export type { VolumeActionSection } from './volume-actions-section.js';
export type { VolumeSection } from './volume-section.js';
export { VolumeSummary } from './volume-summary.js';
export { VolumeTransfer } from './volume-transfer.js';
export { VolumeType } from './volume-type.js';
export { VolumeTypeAccess } from './volume-type-access.js';
export type { VolumeTypeSection } from './volume-type-section.js';
