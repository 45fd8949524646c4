/** Zone import and export of `conn.dns` (a zone file in, a zone file out). */
import {
  fetchResource,
  idSegment,
  instantiate,
  type RequestOptions,
  type VerbOptions,
  type WaitForStatusOptions,
} from '../../resource/index.js';
import { readDocument } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import type { ZoneExportResource, ZoneImportResource, ZoneResource } from './resource-types.js';
import { requireText } from './validate.js';
import { waitForDnsStatus } from './waits.js';
import { ZoneExport } from './zone-export.js';
import { ZoneImport } from './zone-import.js';

/** The media type designate reads and writes zone files as. */
const ZONE_FILE = 'text/dns';

/** Zone imports and exports (a section of `conn.dns`, never constructed). */
export abstract class TaskSection extends ServiceProxy {
  /**
   * Import a zone file (RFC 1035 master format, with `$ORIGIN` and an SOA record): designate
   * creates the zone and its record sets from it, asynchronously. Wait for the task's `COMPLETE`
   * (its `zoneId` is then the new zone) with `waitForZoneImport`.
   *
   * @example
   * ```ts
   * const text = [
   *   '$ORIGIN example.net.',
   *   '$TTL 300',
   *   'example.net. IN SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 300',
   *   'example.net. IN NS ns1.example.net.',
   *   'www.example.net. IN A 192.0.2.7',
   * ].join('\n');
   * const task = await conn.dns.waitForZoneImport(await conn.dns.importZone(text), 'COMPLETE');
   * console.log(task.zoneId);
   * ```
   */
  async importZone(zoneFile: string, opts: RequestOptions = {}): Promise<ZoneImportResource> {
    requireText('zoneFile', zoneFile, 'pass the zone file as text (RFC 1035 master format)');
    const own = { body: zoneFile, headers: { 'content-type': ZONE_FILE }, buffer: true };
    const res = await this.client.request('POST', '/zones/tasks/imports', own, opts);
    const doc = await readDocument(res, opts);
    return instantiate(ZoneImport, this.client, doc.resource(null), res.headers);
  }

  /** Start an export of a zone as a zone file; wait for `COMPLETE`, then read it with `getZoneExportText`. */
  async exportZone(zone: string | ZoneResource, opts: RequestOptions = {}): Promise<ZoneExportResource> {
    const path = `/zones/${idSegment('zone', zone)}/tasks/export`;
    const res = await this.client.request('POST', path, { buffer: true }, opts);
    const doc = await readDocument(res, opts);
    return instantiate(ZoneExport, this.client, doc.resource(null), res.headers);
  }

  /**
   * The zone file of a `COMPLETE` export.
   *
   * @example
   * ```ts
   * const zone = await conn.dns.findZone('example.org.');
   * const task = await conn.dns.waitForZoneExport(await conn.dns.exportZone(zone), 'COMPLETE');
   * console.log(await conn.dns.getZoneExportText(task));
   * ```
   */
  async getZoneExportText(
    zoneExport: string | ZoneExportResource,
    opts: RequestOptions = {},
  ): Promise<string> {
    const path = `/zones/tasks/exports/${idSegment('zone export', zoneExport)}/export`;
    const res = await this.client.request(
      'GET',
      path,
      { headers: { accept: ZONE_FILE }, buffer: true },
      opts,
    );
    return res.text();
  }

  /** Wait until an import reaches `status` (default `COMPLETE`); `ERROR` carries designate's `message`. */
  async waitForZoneImport(
    task: string | ZoneImportResource,
    status: string | string[] = 'COMPLETE',
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<ZoneImportResource> {
    const { timeoutMs: _t, intervalMs: _i, onPoll: _p, ...call } = opts;
    return waitForDnsStatus(
      (signal) => fetchResource(this.client, ZoneImport, task, { ...call, signal }),
      status,
      opts,
    );
  }

  /** Wait until an export reaches `status` (default `COMPLETE`); `ERROR` carries designate's `message`. */
  async waitForZoneExport(
    task: string | ZoneExportResource,
    status: string | string[] = 'COMPLETE',
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<ZoneExportResource> {
    const { timeoutMs: _t, intervalMs: _i, onPoll: _p, ...call } = opts;
    return waitForDnsStatus(
      (signal) => fetchResource(this.client, ZoneExport, task, { ...call, signal }),
      status,
      opts,
    );
  }
}
