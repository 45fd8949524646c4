/** Zone transfers between projects, the owner's side (`conn.dns`). */
import {
  type CreateAttributes,
  createResource,
  idSegment,
  instantiate,
  type RequestOptions,
  requireId,
  toRequest,
} from '../../resource/index.js';
import { readDocument } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import type {
  ZoneResource,
  ZoneTransferAcceptResource,
  ZoneTransferRequestResource,
} from './resource-types.js';
import { requireText } from './validate.js';
import { ZoneTransferAccept } from './zone-transfer-accept.js';
import { ZoneTransferRequest } from './zone-transfer-request.js';

/** What a transfer request is created with. */
export interface ZoneTransferRequestInput {
  /** Only this project may accept (default: any project that knows the id and key). */
  targetProjectId?: string;
  /** A note for the receiving project. */
  description?: string;
}

/** Zone transfer requests and accepts (a section of `conn.dns`, never constructed). */
export abstract class TransferSection extends ServiceProxy {
  /**
   * Offer a zone to another project. The answer carries the `key` the receiver needs with the
   * request's `id`; the zone stays the owner's until the receiver accepts.
   *
   * @example
   * ```ts
   * const zone = await conn.dns.findZone('example.org.');
   * const offer = await conn.dns.createZoneTransferRequest(zone, { targetProjectId: '0123456789abcdef0123456789abcdef' });
   * // the receiving project: await other.dns.acceptZoneTransferRequest(offer.id, offer.key!);
   * console.log(offer.id);
   * ```
   */
  async createZoneTransferRequest(
    zone: string | ZoneResource,
    attrs: ZoneTransferRequestInput = {},
    opts: RequestOptions = {},
  ): Promise<ZoneTransferRequestResource> {
    const path = `/zones/${idSegment('zone', zone)}/tasks/transfer_requests`;
    const json = toRequest(ZoneTransferRequest, { ...attrs }, 'create').body;
    const res = await this.client.request('POST', path, { json, buffer: true }, opts);
    const doc = await readDocument(res, opts);
    return instantiate(ZoneTransferRequest, this.client, doc.resource(null), res.headers);
  }

  /** Accept a transfer request with its id and key: the zone moves to the caller's project. */
  async acceptZoneTransferRequest(
    request: string | ZoneTransferRequestResource,
    key: string,
    opts: RequestOptions = {},
  ): Promise<ZoneTransferAcceptResource> {
    const zoneTransferRequestId = requireId('zone transfer request', request);
    requireText('key', key, "pass the transfer request's key, which its owner received on create");
    const attrs: CreateAttributes<(typeof ZoneTransferAccept)['fields']> = { zoneTransferRequestId, key };
    return createResource(this.client, ZoneTransferAccept, attrs, opts);
  }
}
