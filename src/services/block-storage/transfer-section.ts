/** The volume transfer methods of `conn.blockStorage` (3.55+). */
import {
  type CreateAttributes,
  createResource,
  type DeleteOptions,
  deleteResource,
  fetchResource,
  idSegment,
  type ListQuery,
  type PartialResource,
  type RequestOptions,
  type ResourceList,
  type VerbOptions,
} from '../../resource/index.js';
import { requestDocument, requireMicroversion } from '../service-documents.js';
import { ServiceProxy } from '../service-proxy.js';
import { type IdArg, listSince } from './internal.js';
import type { VolumeTransferResource } from './resource-types.js';
import { VolumeTransfer } from './volume-transfer.js';

/** Volume transfers between projects (a section of `conn.blockStorage`, never constructed). */
export abstract class TransferSection extends ServiceProxy {
  /**
   * Offer a volume to another project (3.55): the result carries the `authKey` the receiver
   * needs, shown only now. The volume waits in `awaiting-transfer`.
   *
   * @example
   * ```ts
   * const vol = await conn.blockStorage.findVolume('data');
   * const transfer = await conn.blockStorage.createVolumeTransfer({ volumeId: vol.id, name: 'handover' });
   * // give transfer.id and transfer.authKey to the receiving project, which calls:
   * // await other.blockStorage.acceptVolumeTransfer(transfer.id, authKey);
   * console.log(transfer.id);
   * ```
   */
  async createVolumeTransfer(
    attrs: CreateAttributes<(typeof VolumeTransfer)['fields']>,
    opts: VerbOptions = {},
  ): Promise<VolumeTransferResource> {
    await requireMicroversion(this.client, '3.55', 'createVolumeTransfer', opts);
    return createResource(this.client, VolumeTransfer, attrs, opts);
  }

  /** One transfer (3.55). */
  async getVolumeTransfer(transfer: IdArg, opts: VerbOptions = {}): Promise<VolumeTransferResource> {
    await requireMicroversion(this.client, '3.55', 'getVolumeTransfer', opts);
    return fetchResource(this.client, VolumeTransfer, transfer, opts);
  }

  /** Lazily list the project's transfers with details (3.55). */
  listVolumeTransfers(
    query: ListQuery<(typeof VolumeTransfer)['query']> = {},
    opts: VerbOptions = {},
  ): ResourceList<VolumeTransferResource> {
    return listSince(this.client, '3.55', 'listVolumeTransfers', VolumeTransfer, query, opts);
  }

  /**
   * Take over a volume offered by another project (3.55); the volume moves to the caller's
   * project. Cinder answers with id, name, volume_id and links only.
   */
  async acceptVolumeTransfer(
    transfer: IdArg,
    authKey: string,
    opts: RequestOptions = {},
  ): Promise<PartialResource<(typeof VolumeTransfer)['fields']>> {
    await requireMicroversion(this.client, '3.55', 'acceptVolumeTransfer', opts);
    const path = `/volume-transfers/${idSegment('volume transfer', transfer)}/accept`;
    const json = { accept: { auth_key: authKey } };
    return requestDocument(this.client, VolumeTransfer, 'POST', path, { json }, opts);
  }

  /** Cancel a transfer (3.55): the volume is `available` to its owner again. */
  async deleteVolumeTransfer(transfer: IdArg, opts: DeleteOptions = {}): Promise<void> {
    await requireMicroversion(this.client, '3.55', 'deleteVolumeTransfer', opts);
    await deleteResource(this.client, VolumeTransfer, transfer, opts);
  }
}
