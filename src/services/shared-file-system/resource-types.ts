/**
 * The instance types of shared file system resources, as the proxy's methods return them
 * (re-exported by ./proxy.ts, where callers import them from).
 */
import type { Resource } from '../../resource/instance.js';
import type { AccessRule } from './access-rule.js';
import type { AvailabilityZone } from './availability-zone.js';
import type { ExportLocation } from './export-location.js';
import type { ShareLimits } from './limits.js';
import type { ShareQuotaSet } from './quota-set.js';
import type { ShareService } from './service.js';
import type { Share } from './share.js';
import type { ShareNetwork, ShareNetworkSubnet } from './share-network.js';
import type { ShareSnapshot } from './share-snapshot.js';
import type { ShareType, ShareTypeAccess } from './share-type.js';
import type { StoragePool } from './storage-pool.js';

/** A share. */
export type ShareResource = Resource<(typeof Share)['fields']>;
/** A share type. */
export type ShareTypeResource = Resource<(typeof ShareType)['fields']>;
/** A project a private share type is shared with. */
export type ShareTypeAccessResource = Resource<(typeof ShareTypeAccess)['fields']>;
/** A share network. */
export type ShareNetworkResource = Resource<(typeof ShareNetwork)['fields']>;
/** A subnet of a share network. */
export type ShareNetworkSubnetResource = Resource<(typeof ShareNetworkSubnet)['fields']>;
/** An access rule of a share. */
export type AccessRuleResource = Resource<(typeof AccessRule)['fields']>;
/** A share snapshot. */
export type ShareSnapshotResource = Resource<(typeof ShareSnapshot)['fields']>;
/** An export location of a share. */
export type ExportLocationResource = Resource<(typeof ExportLocation)['fields']>;
/** A project's shared file system quotas. */
export type ShareQuotaSetResource = Resource<(typeof ShareQuotaSet)['fields']>;
/** The current project's limits. */
export type ShareLimitsResource = Resource<(typeof ShareLimits)['fields']>;
/** An availability zone. */
export type ShareAvailabilityZoneResource = Resource<(typeof AvailabilityZone)['fields']>;
/** A manila service. */
export type ShareServiceResource = Resource<(typeof ShareService)['fields']>;
/** A storage pool. */
export type StoragePoolResource = Resource<(typeof StoragePool)['fields']>;
