export { FloatingIpPtr } from './floating-ip-ptr.js';
export { Pool, type PoolNsRecord } from './pool.js';
export {
  DnsV2,
  type FloatingIpPtrInput,
  type FloatingIpPtrResource,
  type PoolResource,
  type QuotaResource,
  type RecordsetResource,
  type ServiceStatusResource,
  type TsigKeyResource,
  type ZoneExportResource,
  type ZoneImportResource,
  type ZoneResource,
  type ZoneTransferAcceptResource,
  type ZoneTransferRequestInput,
  type ZoneTransferRequestResource,
} from './proxy.js';
export type { PtrSection } from './ptr-section.js';
export { Quota } from './quota.js';
export type { QuotaSection } from './quota-section.js';
export { Recordset } from './recordset.js';
export type { RecordsetSection } from './recordset-section.js';
export { ServiceStatus } from './service-status.js';
export type { TaskSection } from './task-section.js';
export type { TransferSection } from './transfer-section.js';
export { TSIG_ALGORITHMS, TsigKey } from './tsig-key.js';
export { type DnsLinks, Zone } from './zone.js';
export { ZoneExport } from './zone-export.js';
export { ZoneImport } from './zone-import.js';
export type { ZoneSection } from './zone-section.js';
export { ZoneTransferAccept } from './zone-transfer-accept.js';
export { ZoneTransferRequest } from './zone-transfer-request.js';
