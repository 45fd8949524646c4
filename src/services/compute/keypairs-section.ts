/**
 * The compute proxy's key pair section: key pairs are named, owned by a user and listed in
 * wrapped rows, so their verbs are written in `keypair-ops.ts` rather than generated.
 */
import {
  type CreateAttributes,
  type RequestOptions,
  type ResourceList,
  requireId,
} from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import type { Keypair } from './keypair.js';
import {
  createKeypair,
  deleteKeypair,
  findKeypair,
  getKeypair,
  type KeypairListQuery,
  type KeypairOptions,
  type KeypairResource,
  listKeypairs,
} from './keypair-ops.js';
import type { FieldsOf } from './section-types.js';

/** Key pairs (a section of `ComputeV2`, `conn.compute`). */
export abstract class KeypairSection extends ServiceProxy {
  /** Key pairs of the caller (or of `userId`, admin, 2.10+); `limit`/`marker` need 2.35. */
  listKeypairs(query: KeypairListQuery = {}, opts: RequestOptions = {}): ResourceList<KeypairResource> {
    return listKeypairs(this.client, query, opts);
  }

  /** A key pair by name (`userId`: admin, another user's). */
  async getKeypair(name: string | KeypairResource, opts: KeypairOptions = {}): Promise<KeypairResource> {
    return getKeypair(this.client, requireId('keypair', name, 'keypair.name', 'name'), opts);
  }

  /** A key pair by name; `ResourceNotFoundError`, or undefined with `ignoreMissing`. */
  findKeypair(
    name: string,
    opts: KeypairOptions & { ignoreMissing: true },
  ): Promise<KeypairResource | undefined>;
  findKeypair(name: string, opts?: KeypairOptions & { ignoreMissing?: boolean }): Promise<KeypairResource>;
  async findKeypair(
    name: string,
    opts: KeypairOptions & { ignoreMissing?: boolean } = {},
  ): Promise<KeypairResource | undefined> {
    return findKeypair(this.client, name, opts);
  }

  /**
   * Create a key pair. With `publicKey` it imports it; without, nova generates the pair and
   * returns `privateKey` in this answer only (up to 2.91; from 2.92 a `ValidationError` is
   * raised before sending).
   *
   * @example
   * ```ts
   * import { writeFileSync } from 'node:fs';
   *
   * // up to 2.91 nova can generate the pair: the private key is in this answer only
   * const kp = await conn.compute.createKeypair({ name: 'ci-runner' }, { microversion: '2.2' });
   * writeFileSync('ci-runner.pem', kp.privateKey as string, { mode: 0o600 });
   * ```
   */
  async createKeypair(
    attrs: CreateAttributes<FieldsOf<typeof Keypair>>,
    opts: RequestOptions = {},
  ): Promise<KeypairResource> {
    return createKeypair(this.client, attrs, opts);
  }

  /** Delete a key pair by name (`userId`: admin, another user's). */
  async deleteKeypair(
    name: string | KeypairResource,
    opts: KeypairOptions & { ignoreMissing?: boolean } = {},
  ): Promise<void> {
    return deleteKeypair(this.client, requireId('keypair', name, 'keypair.name', 'name'), opts);
  }
}
