/**
 * The order methods of `conn.keyManager`: ask barbican-worker to generate a key (`key`) or a
 * key pair (`asymmetric`), follow the order to `ACTIVE` or `ERROR`, list and delete orders.
 */
import { ResourceFailureError, ValidationError } from '../../errors/errors.js';
import type { CreateAttributes } from '../../resource/field.js';
import { type DeleteOptions, deletePath, type ListQuery } from '../../resource/operations.js';
import type { ResourceList } from '../../resource/pagination.js';
import { toRequest } from '../../resource/serialize.js';
import { type WaitOptions, waitForStatus } from '../../resource/waiters.js';
import type { RequestOptions } from '../../session/request-options.js';
import { ServiceProxy } from '../service-proxy.js';
import { entityOf, listEntities } from './entities.js';
import { Order } from './order.js';
import { type RefArg, refSegment } from './refs.js';
import type { OrderResource } from './resource-types.js';

/** What {@link OrderSection.createOrder} takes: the type and what to generate. */
export type OrderCreate = CreateAttributes<(typeof Order)['fields']>;

/** Why an order failed, from barbican's error fields. */
export function orderFailure(o: OrderResource): string | undefined {
  const reason = o.errorReason;
  const code = o.errorStatusCode;
  if (!reason && !code) return undefined;
  return code ? `${reason ?? 'failed'} (error status ${code})` : reason;
}

/** Orders for generated keys (a section of `conn.keyManager`, never constructed). */
export abstract class OrderSection extends ServiceProxy {
  /**
   * Place an order; it starts `PENDING` (wait for it with {@link waitForOrder}).
   *
   * @example
   * ```ts
   * const order = await conn.keyManager.createOrder({
   *   type: 'key',
   *   meta: { name: 'volume-key', algorithm: 'aes', bit_length: 256, mode: 'cbc', payload_content_type: 'application/octet-stream' },
   * });
   * const done = await conn.keyManager.waitForOrder(order);
   * const key = await conn.keyManager.getSecretPayload(done.secretRef!);
   * console.log(key.byteLength); // 32
   * ```
   */
  async createOrder(input: OrderCreate, opts: RequestOptions = {}): Promise<OrderResource> {
    const body = toRequest(Order, input as Record<string, unknown>, 'create', this.client).body;
    if (body.type === undefined) {
      throw new ValidationError('is required to create an order', {
        field: 'type',
        fix: "pass type: 'key' (a symmetric key) or 'asymmetric' (a key pair)",
      });
    }
    if (!body.meta || typeof body.meta !== 'object') {
      throw new ValidationError('is required to create an order', {
        field: 'meta',
        fix: "pass meta: { algorithm: 'aes', bit_length: 256 } (what to generate)",
      });
    }
    const doc = await this.client.decode('POST', '/orders', { json: body }, opts);
    return this.getOrder(doc.key('order_ref', 'string') as string, opts);
  }

  /** One order. */
  async getOrder(order: RefArg, opts: RequestOptions = {}): Promise<OrderResource> {
    const doc = await this.client.decode('GET', `/orders/${refSegment('order', order)}`, {}, opts);
    return entityOf(Order, this.client, doc, 'order_ref');
  }

  /** The caller's orders, lazily, page by page. */
  listOrders(
    query: ListQuery<(typeof Order)['query']> = {},
    opts: RequestOptions = {},
  ): ResourceList<OrderResource> {
    return listEntities(this.client, Order, 'order_ref', query, opts);
  }

  /** Delete an order (what it generated stays); `ignoreMissing` makes a 404 success. */
  async deleteOrder(order: RefArg, opts: DeleteOptions = {}): Promise<void> {
    await deletePath(this.client, `/orders/${refSegment('order', order)}`, opts);
  }

  /**
   * Wait until an order is `ACTIVE`; an order that goes to `ERROR` is a
   * {@link ResourceFailureError} whose message and `fault` carry barbican's `error_reason` and
   * `error_status_code`.
   */
  async waitForOrder(order: RefArg, opts: WaitOptions & RequestOptions = {}): Promise<OrderResource> {
    const seg = refSegment('order', order);
    const { intervalMs, timeoutMs, signal, onPoll, ...request } = opts;
    let last: OrderResource | undefined;
    try {
      return await waitForStatus(
        async (s) => {
          last = await this.getOrder(seg, { ...request, signal: s });
          return last;
        },
        'ACTIVE',
        { intervalMs: intervalMs ?? 1000, timeoutMs, signal, onPoll, failures: ['ERROR'] },
      );
    } catch (e) {
      const why = last ? orderFailure(last) : undefined;
      if (!(e instanceof ResourceFailureError) || !why || e.fault) throw e;
      throw new ResourceFailureError(`order ${decodeURIComponent(seg)} failed: ${why}`, e.status, why);
    }
  }
}
