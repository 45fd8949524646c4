/** The zone methods of `conn.dns` that are more than a generated verb. */
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
import type { ZoneResource } from './resource-types.js';
import { requireFqdn } from './validate.js';
import { waitForDnsStatus } from './waits.js';
import { Zone } from './zone.js';

/** Zones: create with checks, and the waiters (a section of `conn.dns`, never constructed). */
export abstract class ZoneSection extends ServiceProxy {
  /**
   * Create a zone. It answers `PENDING` (action `CREATE`); wait for `ACTIVE` before relying on
   * the nameservers serving it. The name must be fully qualified and a `PRIMARY` zone (the
   * default type) needs an `email`: both are checked before sending.
   *
   * @example
   * ```ts
   * const zone = await conn.dns.createZone({ name: 'example.org.', email: 'hostmaster@example.org', ttl: 300 });
   * await conn.dns.waitForZone(zone, 'ACTIVE');
   * console.log(zone.id);
   * ```
   */
  async createZone(
    attrs: CreateAttributes<(typeof Zone)['fields']>,
    opts: VerbOptions = {},
  ): Promise<ZoneResource> {
    requireFqdn('zone.name', attrs?.name);
    const type = attrs.type ?? 'PRIMARY';
    if (type === 'PRIMARY' && !attrs.email) {
      throw new ValidationError('a PRIMARY zone needs an email (its SOA hostmaster)', {
        field: 'zone.email',
        fix: `pass email, e.g. 'hostmaster@${attrs.name.replace(/\.$/, '')}'`,
      });
    }
    if (type === 'SECONDARY' && !attrs.masters?.length) {
      throw new ValidationError('a SECONDARY zone needs the masters to transfer it from', {
        field: 'zone.masters',
        fix: "pass masters, e.g. ['192.0.2.53']",
      });
    }
    return createResource(this.client, Zone, attrs, opts);
  }

  /**
   * Wait until a zone reaches `status` (default `ACTIVE`). `ERROR` ends the wait with a
   * `ResourceFailureError` naming the action the nameservers did not confirm.
   */
  async waitForZone(
    zone: string | ZoneResource,
    status: string | string[] = 'ACTIVE',
    opts: WaitForStatusOptions & VerbOptions = {},
  ): Promise<ZoneResource> {
    const { timeoutMs: _t, intervalMs: _i, onPoll: _p, ...call } = opts;
    return waitForDnsStatus(
      (signal) => fetchResource(this.client, Zone, zone, { ...call, signal }),
      status,
      opts,
    );
  }

  /** Wait until a deleted zone is gone (designate answers 404 once the pool has dropped it). */
  async waitForZoneDelete(zone: string | ZoneResource, opts: WaitOptions & VerbOptions = {}): Promise<void> {
    const { timeoutMs: _t, intervalMs: _i, onPoll: _p, ...call } = opts;
    const id = requireId('zone', zone);
    await waitForDelete(
      (signal) => fetchResource(this.client, Zone, zone, { ...call, signal }),
      `zone ${id}`,
      opts,
    );
  }
}
