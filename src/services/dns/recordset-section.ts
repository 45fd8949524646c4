/** The record set methods of `conn.dns` that are more than a generated verb. */
import { ValidationError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  createResource,
  fetchResource,
  requireId,
  type VerbOptions,
  type WaitForStatusOptions,
  type WaitOptions,
  waitForDelete,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { Recordset } from './recordset.js';
import type { RecordsetResource } from './resource-types.js';
import { requireFqdn } from './validate.js';
import { waitForDnsStatus } from './waits.js';

/** Record sets: create with checks, and the waiters (a section of `conn.dns`, never constructed). */
export abstract class RecordsetSection extends ServiceProxy {
  /**
   * Create a record set in a zone (`{ parent: { zoneId } }`). The name must be fully qualified
   * and `records` must hold at least one record: both are checked before sending.
   *
   * @example
   * ```ts
   * const zone = await conn.dns.findZone('example.org.');
   * const rs = await conn.dns.createRecordset(
   *   { name: 'mail.example.org.', type: 'MX', records: ['10 mx1.example.org.'], ttl: 600 },
   *   { parent: { zoneId: zone.id } },
   * );
   * await conn.dns.waitForRecordset(rs, 'ACTIVE');
   * ```
   */
  async createRecordset(
    attrs: CreateAttributes<(typeof Recordset)['fields']>,
    opts: VerbOptions = {},
  ): Promise<RecordsetResource> {
    requireFqdn('recordset.name', attrs?.name);
    if (!Array.isArray(attrs.records) || attrs.records.length === 0) {
      throw new ValidationError('a record set needs at least one record', {
        field: 'recordset.records',
        fix: "pass records, e.g. ['192.0.2.10'] for an A record set",
      });
    }
    return createResource(this.client, Recordset, attrs, opts);
  }

  /**
   * Wait until a record set reaches `status` (default `ACTIVE`); a record set read from the
   * service knows its zone, an id needs `{ parent: { zoneId } }`.
   */
  async waitForRecordset(
    recordset: string | RecordsetResource,
    status: string | string[] = 'ACTIVE',
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<RecordsetResource> {
    const { timeoutMs: _t, intervalMs: _i, onPoll: _p, ...call } = opts;
    const refresh = (signal?: AbortSignal) =>
      fetchResource(this.client, Recordset, recordset, { ...call, signal });
    return waitForDnsStatus(refresh, status, opts);
  }

  /** Wait until a deleted record set is gone. */
  async waitForRecordsetDelete(
    recordset: string | RecordsetResource,
    opts: WaitOptions & VerbOptions = {},
  ): Promise<void> {
    const { timeoutMs: _t, intervalMs: _i, onPoll: _p, ...call } = opts;
    const id = requireId('recordset', recordset);
    const refresh = (signal?: AbortSignal) =>
      fetchResource(this.client, Recordset, recordset, { ...call, signal });
    await waitForDelete(refresh, `recordset ${id}`, opts);
  }
}
