/**
 * The DNS v2 proxy: `conn.dns` (designate). Bodies are bare JSON documents; listings page with
 * `limit` and `marker` through `links.next`. Writes to zones and record sets are asynchronous:
 * they answer `PENDING` and turn `ACTIVE` once every nameserver of the zone's pool serves the
 * change, so the waiters (`waitForZone`, `waitForRecordset`, ...) are part of most workflows.
 *
 * Admins see other projects' zones with the `x-auth-all-projects: true` header and act for
 * one project with `x-auth-sudo-project-id: <id>`, both passed as `{ headers }` options.
 *
 * The class holds the generated verbs (one table) and is assembled from one section per
 * family of hand-written methods by {@link mixSections}.
 */
import { installVerbs, type VerbsOfTable, verbRow } from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { mixSections } from '../proxy-sections.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { dnsV2Spec } from '../specs.js';
import { FloatingIpPtr } from './floating-ip-ptr.js';
import { Pool } from './pool.js';
import { PtrSection } from './ptr-section.js';
import { QuotaSection } from './quota-section.js';
import { Recordset } from './recordset.js';
import { RecordsetSection } from './recordset-section.js';
import { ServiceStatus } from './service-status.js';
import { TaskSection } from './task-section.js';
import { TransferSection } from './transfer-section.js';
import { TsigKey } from './tsig-key.js';
import { Zone } from './zone.js';
import { ZoneExport } from './zone-export.js';
import { ZoneImport } from './zone-import.js';
import { ZoneSection } from './zone-section.js';
import { ZoneTransferAccept } from './zone-transfer-accept.js';
import { ZoneTransferRequest } from './zone-transfer-request.js';

export type { FloatingIpPtrInput } from './ptr-section.js';
export type {
  FloatingIpPtrResource,
  PoolResource,
  QuotaResource,
  RecordsetResource,
  ServiceStatusResource,
  TsigKeyResource,
  ZoneExportResource,
  ZoneImportResource,
  ZoneResource,
  ZoneTransferAcceptResource,
  ZoneTransferRequestResource,
} from './resource-types.js';
export type { ZoneTransferRequestInput } from './transfer-section.js';

/** The generated verbs of `conn.dns`, one row per resource (singular → definition, plural, verbs). */
const dnsVerbTable = {
  // createZone and the waiters are written by hand (ZoneSection): checks, and failure reasons
  Zone: verbRow(Zone, 'Zones', ['list', 'get', 'find', 'update', 'delete']),
  Recordset: verbRow(Recordset, 'Recordsets', ['list', 'get', 'find', 'update', 'delete']),
  ZoneImport: verbRow(ZoneImport, 'ZoneImports', ['list', 'get', 'delete']),
  ZoneExport: verbRow(ZoneExport, 'ZoneExports', ['list', 'get', 'delete']),
  ZoneTransferRequest: verbRow(ZoneTransferRequest, 'ZoneTransferRequests', [
    'list',
    'get',
    'update',
    'delete',
  ]),
  ZoneTransferAccept: verbRow(ZoneTransferAccept, 'ZoneTransferAccepts', ['list', 'get']),
  TsigKey: verbRow(TsigKey, 'TsigKeys', ['list', 'get', 'find', 'create', 'update', 'delete']),
  Pool: verbRow(Pool, 'Pools', ['list', 'get', 'find']),
  FloatingIpPtr: verbRow(FloatingIpPtr, 'FloatingIpPtrs', ['list']),
  ServiceStatus: verbRow(ServiceStatus, 'ServiceStatuses', ['list', 'get']),
} as const;

/** The verbs generated from {@link dnsVerbTable} and the methods of every section. */
export interface DnsV2
  extends VerbsOfTable<typeof dnsVerbTable>,
    ZoneSection,
    RecordsetSection,
    TaskSection,
    TransferSection,
    PtrSection,
    QuotaSection {}

/**
 * DNS (designate v2): zones, record sets, zone import/export, zone transfers between projects,
 * TSIG keys, pools, floating IP reverse DNS, quotas and service statuses.
 */
export class DnsV2 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, dnsV2Spec, opts);
    installVerbs(this, this.client, dnsVerbTable);
  }
}

mixSections(DnsV2, [ZoneSection, RecordsetSection, TaskSection, TransferSection, PtrSection, QuotaSection]);
