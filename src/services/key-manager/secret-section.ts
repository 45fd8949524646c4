/**
 * The secret methods of `conn.keyManager`: store (with or without a payload), read the
 * description, read the payload through its own endpoint, store a payload once later, list,
 * delete. A payload never enters a log line or an error (see ./payload-guard.ts) and never
 * sits in a {@link SecretResource}: only `getSecretPayload` returns it.
 */
import { ValidationError } from '../../errors/errors.js';
import type { CreateAttributes } from '../../resource/field.js';
import { type DeleteOptions, deletePath, type ListQuery } from '../../resource/operations.js';
import type { ResourceList } from '../../resource/pagination.js';
import { toRequest } from '../../resource/serialize.js';
import type { RequestOptions } from '../../session/request-options.js';
import { bytesToBase64, utf8Bytes, utf8Text } from '../../transport/bytes.js';
import { ServiceProxy } from '../service-proxy.js';
import { entityOf, listEntities } from './entities.js';
import { withoutPayloadInErrors } from './payload-guard.js';
import { type RefArg, refSegment } from './refs.js';
import type { SecretResource } from './resource-types.js';
import { Secret } from './secret.js';

/** What {@link SecretSection.createSecret} takes: the description and, optionally, the payload. */
export type SecretCreate = CreateAttributes<(typeof Secret)['fields']> & {
  /**
   * The secret itself. Text is stored as `text/plain` unless `payloadContentType` says
   * otherwise; bytes are sent base64-encoded as `application/octet-stream`. Leave it out to
   * create a `PENDING` secret and store the payload once later with `putSecretPayload`.
   */
  payload?: string | Uint8Array;
  /**
   * The payload's media type: `text/plain` (default for text), `application/octet-stream`
   * (default for bytes; a text payload with it must be base64 and say so in
   * `payloadContentEncoding`), `application/pkcs8`, `application/pkix-cert`.
   */
  payloadContentType?: string;
  /** `base64` when a text payload is base64-encoded binary. */
  payloadContentEncoding?: 'base64';
};

/** Options of {@link SecretSection.getSecretPayload}. */
export interface PayloadOptions extends RequestOptions {
  /**
   * The media type to ask for (the `Accept` header). Default: the type the payload was stored
   * with (`contentTypes.default`), which costs one more request to read.
   */
  accept?: string;
}

/** Options of {@link SecretSection.putSecretPayload}. */
export interface PutPayloadOptions extends RequestOptions {
  /** The payload's media type (default `text/plain` for text, `application/octet-stream` for bytes). */
  contentType?: string;
  /** `base64` when a text payload is base64-encoded binary. */
  contentEncoding?: 'base64';
}

const OCTETS = 'application/octet-stream';

/** The body keys of a payload, checked before anything is sent. */
function payloadBody(input: SecretCreate): Record<string, string> {
  const { payload, payloadContentType, payloadContentEncoding } = input;
  if (payload === undefined) {
    if (payloadContentType !== undefined || payloadContentEncoding !== undefined) {
      throw new ValidationError('is set without a payload', {
        field: payloadContentType !== undefined ? 'payloadContentType' : 'payloadContentEncoding',
        fix: 'pass the payload too, or leave the content type out (putSecretPayload sets it later)',
      });
    }
    return {};
  }
  if (typeof payload !== 'string' && !(payload instanceof Uint8Array)) {
    throw new ValidationError(`must be a string or a Uint8Array (got ${typeof payload})`, {
      field: 'payload',
      fix: 'pass text, or bytes as a Uint8Array (or Buffer)',
    });
  }
  if (payload.length === 0) {
    throw new ValidationError('is empty', {
      field: 'payload',
      fix: 'barbican refuses an empty payload: leave it out to create a PENDING secret',
    });
  }
  if (payload instanceof Uint8Array) {
    if (payloadContentEncoding !== undefined && payloadContentEncoding !== 'base64') {
      throw new ValidationError(`must be base64 for a bytes payload (got ${payloadContentEncoding})`, {
        field: 'payloadContentEncoding',
        fix: 'leave it out: the SDK base64-encodes bytes itself',
      });
    }
    return {
      payload: bytesToBase64(payload),
      payload_content_type: payloadContentType ?? OCTETS,
      payload_content_encoding: 'base64',
    };
  }
  const type = payloadContentType ?? 'text/plain';
  if (type !== 'text/plain' && !type.startsWith('text/plain;') && payloadContentEncoding !== 'base64') {
    throw new ValidationError(`${type} needs a base64 payload`, {
      field: 'payloadContentEncoding',
      fix: `set payloadContentEncoding: 'base64' (with a base64 payload), or pass the payload as a Uint8Array`,
    });
  }
  return {
    payload,
    payload_content_type: type,
    ...(payloadContentEncoding ? { payload_content_encoding: payloadContentEncoding } : {}),
  };
}

/** Secrets and their payloads (a section of `conn.keyManager`, never constructed). */
export abstract class SecretSection extends ServiceProxy {
  /**
   * Store a secret; returns its description (fetched again, so every field is there).
   *
   * @example
   * ```ts
   * const secret = await conn.keyManager.createSecret({ name: 'db-password', payload: 's3cr3t!' });
   * console.log(secret.id, secret.status); // ACTIVE
   * console.log(await conn.keyManager.getSecretPayloadText(secret)); // s3cr3t!
   * await conn.keyManager.deleteSecret(secret);
   * ```
   */
  async createSecret(input: SecretCreate, opts: RequestOptions = {}): Promise<SecretResource> {
    if (input === undefined || input === null || typeof input !== 'object') {
      throw new ValidationError(
        `the secret's attributes are required (got ${input === null ? 'null' : typeof input})`,
        {
          field: 'secret attributes',
          fix: 'pass an object, e.g. { name, payload }',
        },
      );
    }
    const { payload, payloadContentType, payloadContentEncoding, ...described } = input;
    const payloadKeys = payloadBody({ payload, payloadContentType, payloadContentEncoding });
    const body = {
      ...toRequest(Secret, described as Record<string, unknown>, 'create', this.client).body,
      ...payloadKeys,
    };
    const send = () => this.client.decode('POST', '/secrets', { json: body }, opts);
    const doc = payload === undefined ? await send() : await withoutPayloadInErrors(payload, send);
    const ref = doc.key('secret_ref', 'string') as string;
    return this.getSecret(ref, opts);
  }

  /** A secret's description (no payload: see {@link getSecretPayload}). */
  async getSecret(secret: RefArg, opts: RequestOptions = {}): Promise<SecretResource> {
    const doc = await this.client.decode('GET', `/secrets/${refSegment('secret', secret)}`, {}, opts);
    return entityOf(Secret, this.client, doc, 'secret_ref');
  }

  /**
   * The secrets the caller may see, lazily, page by page (`limit` sets the page size).
   *
   * @example
   * ```ts
   * for await (const s of conn.keyManager.listSecrets({ secretType: 'passphrase', limit: 50 })) {
   *   console.log(s.name, s.secretRef);
   * }
   * ```
   */
  listSecrets(
    query: ListQuery<(typeof Secret)['query']> = {},
    opts: RequestOptions = {},
  ): ResourceList<SecretResource> {
    return listEntities(this.client, Secret, 'secret_ref', query, opts);
  }

  /** Delete a secret (its payload with it); `ignoreMissing` makes a 404 success. */
  async deleteSecret(secret: RefArg, opts: DeleteOptions = {}): Promise<void> {
    await deletePath(this.client, `/secrets/${refSegment('secret', secret)}`, opts);
  }

  /**
   * The payload as bytes, from `/secrets/<uuid>/payload`. Ask for another `accept` type than
   * the stored one only where barbican converts (it does not, for most types).
   *
   * @example
   * ```ts
   * const key = await conn.keyManager.getSecretPayload('http://127.0.0.1:9311/v1/secrets/0b6c...');
   * console.log(key.byteLength);
   * ```
   */
  async getSecretPayload(secret: RefArg, opts: PayloadOptions = {}): Promise<Uint8Array> {
    const seg = refSegment('secret', secret);
    const { accept: wanted, ...rest } = opts;
    const accept = wanted ?? (await this.getSecret(secret, rest)).contentTypes?.default ?? OCTETS;
    const res = await this.client.request(
      'GET',
      `/secrets/${seg}/payload`,
      { headers: { accept }, logBody: false },
      rest,
    );
    return new Uint8Array(await res.bytes());
  }

  /** The payload as UTF-8 text (for `text/plain` secrets: passphrases, PEM documents). */
  async getSecretPayloadText(secret: RefArg, opts: PayloadOptions = {}): Promise<string> {
    return utf8Text(await this.getSecretPayload(secret, opts));
  }

  /**
   * Store the payload of a secret created without one (barbican refuses a second payload:
   * a `ConflictError`). The payload travels as the raw body, never logged.
   */
  async putSecretPayload(
    secret: RefArg,
    payload: string | Uint8Array,
    opts: PutPayloadOptions = {},
  ): Promise<void> {
    const seg = refSegment('secret', secret);
    if ((typeof payload !== 'string' && !(payload instanceof Uint8Array)) || payload.length === 0) {
      throw new ValidationError(
        typeof payload === 'string' || payload instanceof Uint8Array
          ? 'is empty'
          : `must be a string or a Uint8Array (got ${typeof payload})`,
        { field: 'payload', fix: 'pass the non-empty text or bytes to store' },
      );
    }
    const { contentType, contentEncoding, ...rest } = opts;
    const headers: Record<string, string> = {
      'content-type': contentType ?? (typeof payload === 'string' ? 'text/plain' : OCTETS),
    };
    if (contentEncoding) headers['content-encoding'] = contentEncoding;
    // bytes, not text: the transport logs a string body at debug level, never a byte one
    const body = typeof payload === 'string' ? utf8Bytes(payload) : payload;
    await withoutPayloadInErrors(payload, async () => {
      const res = await this.client.request(
        'PUT',
        `/secrets/${seg}`,
        { body, headers, logBody: false },
        rest,
      );
      await res.body.dump();
    });
  }
}
