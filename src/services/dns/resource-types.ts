/**
 * The instance types of DNS resources, as the proxy's methods return them (re-exported by
 * ./proxy.ts, where callers import them from).
 */
import type { Resource } from '../../resource/instance.js';
import type { FloatingIpPtr } from './floating-ip-ptr.js';
import type { Pool } from './pool.js';
import type { Quota } from './quota.js';
import type { Recordset } from './recordset.js';
import type { ServiceStatus } from './service-status.js';
import type { TsigKey } from './tsig-key.js';
import type { Zone } from './zone.js';
import type { ZoneExport } from './zone-export.js';
import type { ZoneImport } from './zone-import.js';
import type { ZoneTransferAccept } from './zone-transfer-accept.js';
import type { ZoneTransferRequest } from './zone-transfer-request.js';

/** A zone as returned by `conn.dns`. */
export type ZoneResource = Resource<(typeof Zone)['fields']>;
/** A record set as returned by `conn.dns`. */
export type RecordsetResource = Resource<(typeof Recordset)['fields']>;
/** A zone import task as returned by `conn.dns`. */
export type ZoneImportResource = Resource<(typeof ZoneImport)['fields']>;
/** A zone export task as returned by `conn.dns`. */
export type ZoneExportResource = Resource<(typeof ZoneExport)['fields']>;
/** A zone transfer request as returned by `conn.dns`. */
export type ZoneTransferRequestResource = Resource<(typeof ZoneTransferRequest)['fields']>;
/** A zone transfer acceptance as returned by `conn.dns`. */
export type ZoneTransferAcceptResource = Resource<(typeof ZoneTransferAccept)['fields']>;
/** A TSIG key as returned by `conn.dns`. */
export type TsigKeyResource = Resource<(typeof TsigKey)['fields']>;
/** A pool as returned by `conn.dns`. */
export type PoolResource = Resource<(typeof Pool)['fields']>;
/** A floating IP's reverse DNS as returned by `conn.dns`. */
export type FloatingIpPtrResource = Resource<(typeof FloatingIpPtr)['fields']>;
/** A project's DNS quotas as returned by `conn.dns`. */
export type QuotaResource = Resource<(typeof Quota)['fields']>;
/** A designate process's heartbeat as returned by `conn.dns`. */
export type ServiceStatusResource = Resource<(typeof ServiceStatus)['fields']>;
