/**
 * A secret's user metadata (`/secrets/<uuid>/metadata`): string keys and values of the
 * user's own, beside the secret and never encrypted (never put secrets there). Barbican
 * lower-cases keys.
 */
import { ValidationError } from '../../errors/errors.js';
import { deletePath } from '../../resource/operations.js';
import type { RequestOptions } from '../../session/request-options.js';
import { ServiceProxy } from '../service-proxy.js';
import { type RefArg, refSegment } from './refs.js';

/** A metadata key, checked before anything is sent. */
function keySegment(key: unknown): string {
  if (typeof key !== 'string' || key === '') {
    throw new ValidationError(`is required (got ${key === '' ? 'an empty string' : typeof key})`, {
      field: 'metadata key',
      fix: 'pass the non-empty name of the metadata key',
    });
  }
  return encodeURIComponent(key);
}

/** The metadata map, checked: string keys with string values. */
function checkedMetadata(metadata: unknown): Record<string, string> {
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new ValidationError('must be an object of string values', {
      field: 'metadata',
      fix: "pass e.g. { owner: 'team-a' }",
    });
  }
  for (const [k, v] of Object.entries(metadata)) {
    if (typeof v !== 'string') {
      throw new ValidationError(`must be a string (got ${typeof v})`, {
        field: `metadata.${k}`,
        fix: 'barbican keeps string values only: convert it with String()',
      });
    }
  }
  return metadata as Record<string, string>;
}

/** Secret user metadata (a section of `conn.keyManager`, never constructed). */
export abstract class SecretMetadataSection extends ServiceProxy {
  /** All user metadata of a secret. */
  async getSecretMetadata(secret: RefArg, opts: RequestOptions = {}): Promise<Record<string, string>> {
    const doc = await this.client.decode(
      'GET',
      `/secrets/${refSegment('secret', secret)}/metadata`,
      {},
      opts,
    );
    return doc.key('metadata', 'object') as Record<string, string>;
  }

  /**
   * Replace all user metadata of a secret (keys left out are removed); returns what is stored.
   *
   * @example
   * ```ts
   * const secret = await conn.keyManager.createSecret({ name: 'tls-key', payload: 'k3y-m4t3r14l' });
   * await conn.keyManager.setSecretMetadata(secret, { owner: 'team-a', rotation: 'yearly' });
   * await conn.keyManager.setSecretMetadataItem(secret, 'rotation', 'monthly');
   * console.log(await conn.keyManager.getSecretMetadata(secret)); // { owner: 'team-a', rotation: 'monthly' }
   * await conn.keyManager.deleteSecret(secret);
   * ```
   */
  async setSecretMetadata(
    secret: RefArg,
    metadata: Record<string, string>,
    opts: RequestOptions = {},
  ): Promise<Record<string, string>> {
    const seg = refSegment('secret', secret);
    const json = { metadata: checkedMetadata(metadata) };
    await this.client.decode('PUT', `/secrets/${seg}/metadata`, { json }, opts);
    return this.getSecretMetadata(seg, opts);
  }

  /** One metadata value of a secret (a `NotFoundError` when the key is absent). */
  async getSecretMetadataItem(secret: RefArg, key: string, opts: RequestOptions = {}): Promise<string> {
    const path = `/secrets/${refSegment('secret', secret)}/metadata/${keySegment(key)}`;
    const doc = await this.client.decode('GET', path, {}, opts);
    return doc.key('value', 'string') as string;
  }

  /**
   * Set one metadata value: added when the key is new (POST), changed when it exists (PUT),
   * as barbican has one call for each.
   */
  async setSecretMetadataItem(
    secret: RefArg,
    key: string,
    value: string,
    opts: RequestOptions = {},
  ): Promise<void> {
    const seg = refSegment('secret', secret);
    const item = keySegment(key);
    checkedMetadata({ [key]: value });
    const existing = await this.getSecretMetadata(seg, opts);
    const json = { key, value };
    if (key.toLowerCase() in existing)
      await this.client.decode('PUT', `/secrets/${seg}/metadata/${item}`, { json }, opts);
    else await this.client.decode('POST', `/secrets/${seg}/metadata`, { json }, opts);
  }

  /** Remove one metadata key of a secret. */
  async deleteSecretMetadataItem(secret: RefArg, key: string, opts: RequestOptions = {}): Promise<void> {
    const path = `/secrets/${refSegment('secret', secret)}/metadata/${keySegment(key)}`;
    await deletePath(this.client, path, opts);
  }
}
