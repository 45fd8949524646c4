import { Attachment } from '../../../../src/services/block-storage/attachment.js';
import { AvailabilityZone } from '../../../../src/services/block-storage/availability-zone.js';
import { Backup } from '../../../../src/services/block-storage/backup.js';
import { DefaultType } from '../../../../src/services/block-storage/default-type.js';
import { Limits } from '../../../../src/services/block-storage/limits.js';
import { Message } from '../../../../src/services/block-storage/message.js';
import { QosAssociation, QosSpec } from '../../../../src/services/block-storage/qos-spec.js';
import { QuotaClassSet } from '../../../../src/services/block-storage/quota-class-set.js';
import { QuotaSet } from '../../../../src/services/block-storage/quota-set.js';
import { QuotaSetUsage } from '../../../../src/services/block-storage/quota-set-usage.js';
import { Service } from '../../../../src/services/block-storage/service.js';
import { Snapshot } from '../../../../src/services/block-storage/snapshot.js';
import { Volume } from '../../../../src/services/block-storage/volume.js';
import { VolumeSummary } from '../../../../src/services/block-storage/volume-summary.js';
import { VolumeTransfer } from '../../../../src/services/block-storage/volume-transfer.js';
import { VolumeType } from '../../../../src/services/block-storage/volume-type.js';
import { VolumeTypeAccess } from '../../../../src/services/block-storage/volume-type-access.js';
import type { SampleBinding } from '../harness.js';

const service = 'block-storage';

export const bindings: SampleBinding[] = [
  {
    def: Volume,
    service,
    hints: ['volumes'],
    microversioned: true,
    // metadata documents ({"metadata"} / {"meta"}) are not volume bodies: unit tests replay them
    // against the metadata methods; the summary has its own binding
    exclude: /volume-metadata-|volumes-list-summary/,
    // the SDK lists /volumes/detail
    partial: /volumes-list-response/,
    requestMode: (e) => (/volume-update-req/.test(e.path) ? 'update' : 'create'),
    // the create sample carries "backup_id": null, a 3.47+ field, without a microversion
    microversionOf: (e) => (/volume-create-request/.test(e.path) ? '3.47' : undefined),
  },
  { def: VolumeSummary, service, hints: ['volumes'], include: /volumes-list-summary/, microversioned: true },
  {
    def: Snapshot,
    service,
    hints: ['snapshots'],
    microversioned: true,
    // metadata documents: see the Volume binding
    exclude: /snapshot-metadata-/,
    requestMode: (e) => (/snapshot-update-req/.test(e.path) ? 'update' : 'create'),
  },
  {
    def: Backup,
    service,
    // backups-list-response.json (hint "backups") sits outside the backups/ folder
    hints: ['backups'],
    microversioned: true,
    requestMode: (e) => (/backup-update-req/.test(e.path) ? 'update' : 'create'),
    // create and update answer with id, name and links (createBackup and updateBackup return
    // a PartialResource); the SDK lists /backups/detail
    partial: /backup-create-response|backup-update-response|backups-list-response/,
  },
  {
    def: VolumeType,
    service,
    hints: ['volume_type'],
    microversioned: true,
    // the other volume_type samples are extra specs, access lists and encryption documents
    include: /volume-type-(create|show|update|default)-|volume-types-list/,
    requestMode: (e) => (/volume-type-update-req/.test(e.path) ? 'update' : 'create'),
  },
  {
    def: VolumeTypeAccess,
    service,
    hints: ['volume_type'],
    include: /volume-type-access-list/,
    microversioned: true,
  },
  {
    def: QuotaSet,
    service,
    hints: ['quota_sets'],
    microversioned: true,
    exclude: /show-usage/,
    requestMode: () => 'update',
  },
  { def: QuotaSetUsage, service, hints: ['quota_sets'], include: /show-usage/, microversioned: true },
  {
    def: QuotaClassSet,
    service,
    hints: ['quota_classes', 'quota-classes'],
    microversioned: true,
    requestMode: () => 'update',
  },
  {
    def: Attachment,
    service,
    hints: ['attachment'],
    // attachment-complete.json is the os-complete action body, not an attachment
    exclude: /attachment-complete/,
    microversioned: true,
    requestMode: (e) => (/update-request/.test(e.path) ? 'update' : 'create'),
  },
  {
    def: VolumeTransfer,
    service,
    // volume_transfer: the legacy /os-volume-transfer API, same bodies
    hints: ['volume_transfers', 'volume_transfer'],
    // accept requests are {"accept": {"auth_key"}}, not transfers (unit tests check them)
    exclude: /accept-request/,
    // accept answers with id, name, volume_id and links (acceptVolumeTransfer returns a
    // PartialResource); the SDK lists /volume-transfers/detail
    partial: /accept-response|volume-transfers-list-response/,
    microversioned: true,
  },
  {
    def: QosSpec,
    service,
    hints: ['qos'],
    // delete_keys bodies ({"keys"}) and the associations document are not specs
    exclude: /qos-unset-request|qos_show_response/,
    // an update answers with the specs only (setQosSpecKeys returns them as a record)
    partial: /qos-update-response/,
    microversioned: true,
    requestMode: (e) => (/update-request/.test(e.path) ? 'update' : 'create'),
  },
  { def: QosAssociation, service, hints: ['qos'], include: /qos_show_response/, microversioned: true },
  {
    def: DefaultType,
    service,
    hints: ['default-type', 'default-types'],
    microversioned: true,
    requestMode: () => 'create',
  },
  { def: Limits, service, hints: ['limits'], microversioned: true },
  { def: Message, service, hints: ['messages'], microversioned: true },
  { def: AvailabilityZone, service, hints: ['availability-zone'], microversioned: true },
  {
    def: Service,
    service,
    hints: ['services', 'os-services'],
    microversioned: true,
    // only listing and enable/disable are modelled; log levels, freeze/thaw and failover
    // bodies are not service documents
    include: /services-list|service-(enable|disable)|services-(enable|disable)/,
    // enable/disable answer with the changed keys only
    partial: /service-(enable|disable)|services-(enable|disable)/,
    requestMode: () => 'create',
  },
];
