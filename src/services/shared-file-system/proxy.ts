/**
 * The shared file systems v2 (manila) proxy: `conn.sharedFileSystem`. Requests carry
 * `X-OpenStack-Manila-API-Version: 2.x` (the pinned microversion, else the SDK default, 2.65).
 *
 * The class holds the generated verbs (one table) and is assembled from one section per
 * resource family (`*-section.ts`) by {@link mixSections}.
 */
import { installVerbs, type VerbsOfTable, verbRow } from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { mixSections } from '../proxy-sections.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { sharedFileSystemV2Spec } from '../specs.js';
import { AccessSection } from './access-section.js';
import { AvailabilityZone } from './availability-zone.js';
import { QuotaSection } from './quota-section.js';
import { ShareService } from './service.js';
import { Share } from './share.js';
import { ShareNetwork } from './share-network.js';
import { ShareNetworkSection } from './share-network-section.js';
import { ShareSection } from './share-section.js';
import { ShareSnapshot } from './share-snapshot.js';
import { ShareType } from './share-type.js';
import { ShareTypeSection } from './share-type-section.js';
import { ShareSnapshotSection } from './snapshot-section.js';
import { StoragePool } from './storage-pool.js';

export type { ShareAccessGrant } from './access-section.js';
export type {
  AccessRuleResource,
  ExportLocationResource,
  ShareAvailabilityZoneResource,
  ShareLimitsResource,
  ShareNetworkResource,
  ShareNetworkSubnetResource,
  ShareQuotaSetResource,
  ShareResource,
  ShareServiceResource,
  ShareSnapshotResource,
  ShareTypeAccessResource,
  ShareTypeResource,
  StoragePoolResource,
} from './resource-types.js';
export type { ExtendShareOptions, ShareUpdate } from './share-section.js';

/**
 * The generated verbs of `conn.sharedFileSystem`, one row per resource (singular → definition,
 * plural, verbs). Shares and snapshots are updated by hand (manila reads `display_name`), and
 * their waiters for a status are written by hand to explain failures.
 */
const sharedFileSystemVerbTable = {
  Share: verbRow(Share, 'Shares', ['get', 'find', 'create', 'delete', 'wait']),
  ShareSnapshot: verbRow(ShareSnapshot, 'ShareSnapshots', [
    'list',
    'get',
    'find',
    'create',
    'delete',
    'wait',
  ]),
  ShareType: verbRow(ShareType, 'ShareTypes', ['list', 'get', 'find', 'create', 'update', 'delete']),
  ShareNetwork: verbRow(ShareNetwork, 'ShareNetworks', ['list', 'get', 'find', 'create', 'update', 'delete']),
  AvailabilityZone: verbRow(AvailabilityZone, 'AvailabilityZones', ['list']),
  Service: verbRow(ShareService, 'Services', ['list']),
  StoragePool: verbRow(StoragePool, 'StoragePools', ['list']),
} as const;

/** The verbs generated from {@link sharedFileSystemVerbTable} and the methods of every section. */
export interface SharedFileSystemV2
  extends VerbsOfTable<typeof sharedFileSystemVerbTable>,
    ShareSection,
    AccessSection,
    ShareSnapshotSection,
    ShareTypeSection,
    ShareNetworkSection,
    QuotaSection {}

/**
 * Manila: shares (resize, metadata, export locations), access rules, snapshots, share types
 * with extra specs and access, share networks with subnets, quotas and limits, availability
 * zones, services and storage pools.
 */
export class SharedFileSystemV2 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, sharedFileSystemV2Spec, opts);
    installVerbs(this, this.client, sharedFileSystemVerbTable);
  }
}

mixSections(SharedFileSystemV2, [
  ShareSection,
  AccessSection,
  ShareSnapshotSection,
  ShareTypeSection,
  ShareNetworkSection,
  QuotaSection,
]);
