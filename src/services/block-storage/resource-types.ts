/**
 * The instance types of block storage resources, as the proxy's methods return them (re-exported
 * by ./proxy.ts, where callers import them from).
 */
import type { Resource } from '../../resource/instance.js';
import type { Attachment } from './attachment.js';
import type { Backup } from './backup.js';
import type { DefaultType } from './default-type.js';
import type { Limits } from './limits.js';
import type { Message } from './message.js';
import type { QosAssociation, QosSpec } from './qos-spec.js';
import type { QuotaClassSet } from './quota-class-set.js';
import type { QuotaSet } from './quota-set.js';
import type { QuotaSetUsage } from './quota-set-usage.js';
import type { Service } from './service.js';
import type { Snapshot } from './snapshot.js';
import type { Volume } from './volume.js';
import type { VolumeSummary } from './volume-summary.js';
import type { VolumeTransfer } from './volume-transfer.js';
import type { VolumeType } from './volume-type.js';
import type { VolumeTypeAccess } from './volume-type-access.js';

/** The fields of a volume. */
export type VolumeFields = (typeof Volume)['fields'];
/** The fields of a snapshot. */
export type SnapshotFields = (typeof Snapshot)['fields'];
/** The fields of a backup. */
export type BackupFields = (typeof Backup)['fields'];
/** The fields of a volume type. */
export type VolumeTypeFields = (typeof VolumeType)['fields'];

/** A volume. */
export type VolumeResource = Resource<VolumeFields>;
/** A snapshot. */
export type SnapshotResource = Resource<SnapshotFields>;
/** A backup. */
export type BackupResource = Resource<BackupFields>;
/** A volume attachment (3.27). */
export type AttachmentResource = Resource<(typeof Attachment)['fields']>;
/** A volume transfer (3.55). */
export type VolumeTransferResource = Resource<(typeof VolumeTransfer)['fields']>;
/** A QoS specification. */
export type QosSpecResource = Resource<(typeof QosSpec)['fields']>;
/** A volume type associated with a QoS specification. */
export type QosAssociationResource = Resource<(typeof QosAssociation)['fields']>;
/** A project's default volume type (3.62). */
export type DefaultTypeResource = Resource<(typeof DefaultType)['fields']>;
/** A user message. */
export type MessageResource = Resource<(typeof Message)['fields']>;
/** A volume type. */
export type VolumeTypeResource = Resource<VolumeTypeFields>;
/** A project's quotas. */
export type QuotaSetResource = Resource<(typeof QuotaSet)['fields']>;
/** A project's quotas with usage. */
export type QuotaSetUsageResource = Resource<(typeof QuotaSetUsage)['fields']>;
/** Default quotas of a quota class. */
export type QuotaClassSetResource = Resource<(typeof QuotaClassSet)['fields']>;
/** Limits and usage of a project. */
export type LimitsResource = Resource<(typeof Limits)['fields']>;
/** A cinder service. */
export type ServiceResource = Resource<(typeof Service)['fields']>;
/** Volume totals. */
export type VolumeSummaryResource = Resource<(typeof VolumeSummary)['fields']>;
/** One project's access to a private volume type. */
export type VolumeTypeAccessResource = Resource<(typeof VolumeTypeAccess)['fields']>;
