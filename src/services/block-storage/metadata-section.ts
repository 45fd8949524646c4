/**
 * The metadata methods of `conn.blockStorage`: volumes and snapshots keep `{"metadata": {...}}`
 * documents beside them, read and written through the shared {@link MetadataMixin}.
 */
import { MetadataMixin, type RequestOptions, requireId } from '../../resource/index.js';
import type { ServiceClient } from '../../session/service-client.js';
import { ServiceProxy } from '../service-proxy.js';
import type { IdArg } from './internal.js';

/** The metadata documents of a collection's resources. */
const metadataOf = (client: ServiceClient, collection: '/volumes' | '/snapshots') =>
  new MetadataMixin(client, collection);

/** Volume and snapshot metadata (a section of `conn.blockStorage`, never constructed). */
export abstract class MetadataSection extends ServiceProxy {
  /** A volume's metadata. */
  async getVolumeMetadata(volume: IdArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    return metadataOf(this.client, '/volumes').get(requireId('volume', volume), opts);
  }

  /**
   * Add or change metadata keys of a volume (other keys are kept); returns all metadata.
   *
   * @example
   * ```ts
   * const vol = await conn.blockStorage.findVolume('data');
   * await conn.blockStorage.setVolumeMetadata(vol, { backup: 'nightly' });
   * console.log(await conn.blockStorage.getVolumeMetadata(vol));
   * ```
   */
  async setVolumeMetadata(
    volume: IdArg,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return metadataOf(this.client, '/volumes').update(requireId('volume', volume), metadata, opts);
  }

  /** Replace all metadata of a volume. */
  async replaceVolumeMetadata(
    volume: IdArg,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return metadataOf(this.client, '/volumes').replace(requireId('volume', volume), metadata, opts);
  }

  /**
   * One metadata value of a volume (NotFoundError when the key is absent).
   *
   * @example
   * ```ts
   * const vol = await conn.blockStorage.findVolume('data');
   * await conn.blockStorage.setVolumeMetadataItem(vol, 'owner', 'team-a');
   * console.log(await conn.blockStorage.getVolumeMetadataItem(vol, 'owner')); // 'team-a'
   * await conn.blockStorage.deleteVolumeMetadataItem(vol, 'owner');
   * ```
   */
  async getVolumeMetadataItem(volume: IdArg, key: string, opts: RequestOptions = {}): Promise<string> {
    return metadataOf(this.client, '/volumes').getItem(requireId('volume', volume), key, opts);
  }

  /** Set one metadata value of a volume. */
  async setVolumeMetadataItem(
    volume: IdArg,
    key: string,
    value: string,
    opts: RequestOptions = {},
  ): Promise<string> {
    return metadataOf(this.client, '/volumes').setItem(requireId('volume', volume), key, value, opts);
  }

  /** Remove one metadata key of a volume. */
  async deleteVolumeMetadataItem(volume: IdArg, key: string, opts: RequestOptions = {}): Promise<void> {
    await metadataOf(this.client, '/volumes').deleteItem(requireId('volume', volume), key, opts);
  }

  /**
   * A snapshot's metadata.
   *
   * @example
   * ```ts
   * const snap = await conn.blockStorage.findSnapshot('nightly-0412');
   * await conn.blockStorage.setSnapshotMetadata(snap, { retention: '30d' });
   * await conn.blockStorage.setSnapshotMetadataItem(snap, 'verified', 'yes');
   * console.log(await conn.blockStorage.getSnapshotMetadata(snap)); // { retention: '30d', verified: 'yes' }
   * ```
   */
  async getSnapshotMetadata(snapshot: IdArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    return metadataOf(this.client, '/snapshots').get(requireId('snapshot', snapshot), opts);
  }

  /** Add or change metadata keys of a snapshot; returns all metadata. */
  async setSnapshotMetadata(
    snapshot: IdArg,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return metadataOf(this.client, '/snapshots').update(requireId('snapshot', snapshot), metadata, opts);
  }

  /** Replace all metadata of a snapshot. */
  async replaceSnapshotMetadata(
    snapshot: IdArg,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    return metadataOf(this.client, '/snapshots').replace(requireId('snapshot', snapshot), metadata, opts);
  }

  /** One metadata value of a snapshot. */
  async getSnapshotMetadataItem(snapshot: IdArg, key: string, opts: RequestOptions = {}): Promise<string> {
    return metadataOf(this.client, '/snapshots').getItem(requireId('snapshot', snapshot), key, opts);
  }

  /** Set one metadata value of a snapshot. */
  async setSnapshotMetadataItem(
    snapshot: IdArg,
    key: string,
    value: string,
    opts: RequestOptions = {},
  ): Promise<string> {
    return metadataOf(this.client, '/snapshots').setItem(requireId('snapshot', snapshot), key, value, opts);
  }

  /** Remove one metadata key of a snapshot. */
  async deleteSnapshotMetadataItem(snapshot: IdArg, key: string, opts: RequestOptions = {}): Promise<void> {
    await metadataOf(this.client, '/snapshots').deleteItem(requireId('snapshot', snapshot), key, opts);
  }
}
