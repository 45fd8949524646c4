/** Driver properties and the allocation waiter of `conn.baremetal`. */
import { idSegment } from '../../resource/ids.js';
import { fetchResource, type VerbOptions } from '../../resource/operations.js';
import { type WaitOptions, waitForStatus } from '../../resource/waiters.js';
import type { RequestOptions } from '../../session/request-options.js';
import { ServiceProxy } from '../service-proxy.js';
import { Allocation } from './allocation.js';
import type { IdArg } from './internal.js';
import type { AllocationResource } from './resource-types.js';

/** Driver properties and allocations (a section of `conn.baremetal`, never constructed). */
export abstract class DriverSection extends ServiceProxy {
  /**
   * What a node of this driver takes in `driver_info`: property name → description (the
   * description says whether it is required).
   *
   * @example
   * ```ts
   * const props = await conn.baremetal.getDriverProperties('fake-hardware');
   * for (const [name, help] of Object.entries(props)) console.log(name, help);
   * ```
   */
  async getDriverProperties(driver: IdArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    const path = `/drivers/${idSegment('baremetal driver', driver, 'driver', 'name')}/properties`;
    const doc = await this.client.decode('GET', path, {}, opts);
    const value = doc.value;
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw doc.fail('wrong-type', 'the driver properties are not an object');
    return value as Record<string, string>;
  }

  /**
   * Wait until an allocation is `active` (a node was picked); an allocation in `error` is a
   * `ResourceFailureError` with ironic's `last_error` (no node matched, ...).
   *
   * @example
   * ```ts
   * const a = await conn.baremetal.createAllocation({ resourceClass: 'baremetal' });
   * const done = await conn.baremetal.waitForAllocation(a, { timeoutMs: 60_000 });
   * console.log(done.nodeUuid);
   * await conn.baremetal.deleteAllocation(done);
   * ```
   */
  waitForAllocation(allocation: IdArg, opts: WaitOptions & VerbOptions = {}): Promise<AllocationResource> {
    const { intervalMs, timeoutMs, signal, onPoll, ...request } = opts;
    return waitForStatus(
      (s) => fetchResource(this.client, Allocation, allocation, { ...request, signal: s }),
      'active',
      { intervalMs: intervalMs ?? 1000, timeoutMs, signal, onPoll, failures: ['error'] },
    );
  }
}
