/**
 * Key pair requests the generic verbs cannot express: listings wrap every item
 * (`{ keypairs: [{ keypair: {...} }] }`) and get/delete take the owner as `?user_id=`.
 */
import { NotFoundError, ResourceNotFoundError, ValidationError } from '../../errors/errors.js';
import {
  type CreateAttributes,
  createResource,
  deletePath,
  idSegment,
  instantiate,
  nextLink,
  PageCycleGuard,
  type RequestOptions,
  type Resource,
  ResourceList,
  setQueryParam,
} from '../../resource/index.js';
import { decodeJson } from '../../session/decode.js';
import type { QueryValue, ServiceClient } from '../../session/service-client.js';
import { Keypair } from './keypair.js';

type KeypairFields = (typeof Keypair)['fields'];
/** A key pair as compute returns it (`privateKey` only when nova generated it). */
export type KeypairResource = Resource<KeypairFields>;

/** Filters of `listKeypairs`. */
export interface KeypairListQuery {
  /** Admin: another user's key pairs (2.10+). */
  userId?: string;
  /** Page size (2.35+; the listing still yields every page). */
  limit?: number;
  /** Start after this key pair name (2.35+). */
  marker?: string;
}

/** Options of key pair get/delete. */
export interface KeypairOptions extends RequestOptions {
  /** Admin: the owner, when not the caller (2.10+). */
  userId?: string;
}

function minVersion(client: ServiceClient, field: string, min: string): void {
  if (!client.supports(min)) {
    throw new ValidationError(
      `needs compute microversion ${min}; this connection uses ${client.microversion}`,
      {
        field,
        fix: `pin compute_api_version to ${min} or later`,
      },
    );
  }
}

function path(name: string): string {
  return `/os-keypairs/${idSegment('keypair', name, 'keypair.name', 'name')}`;
}

export function listKeypairs(
  client: ServiceClient,
  q: KeypairListQuery = {},
  opts: RequestOptions = {},
): ResourceList<KeypairResource> {
  return new ResourceList(async function* () {
    await client.resolve(opts.signal);
    if (q.userId !== undefined) minVersion(client, 'keypair.userId', '2.10');
    if (q.limit !== undefined || q.marker !== undefined) minVersion(client, 'keypair.limit', '2.35');
    const query: Record<string, QueryValue> = { user_id: q.userId, limit: q.limit, marker: q.marker };
    let url: string | undefined = await client.url('/os-keypairs', query, opts.signal);
    const cycle = new PageCycleGuard();
    if (url) cycle.start(url);
    while (url) {
      // buffered: the transport holds the body to the caller's maxBodyBytes
      const doc = await decodeJson(await client.request('GET', url, { buffer: true }, opts));
      // nova wraps each row: { keypairs: [{ keypair: {...} }] }
      const rows = doc.rows('keypairs').map((w, i) => {
        const k = w.keypair;
        if (typeof k !== 'object' || k === null || Array.isArray(k))
          throw doc.fail('wrong-type', `row ${i} of "keypairs" has no "keypair" object`);
        return k as Record<string, unknown>;
      });
      cycle.page(doc, rows, 'name');
      yield rows.map((b) => instantiate(Keypair, client, b));
      let next = nextLink(doc.value, 'keypairs', await client.baseUrl());
      if (!next && q.limit && rows.length >= q.limit && rows.length > 0) {
        next = setQueryParam(url, 'marker', String(rows[rows.length - 1]?.name));
      }
      if (next) cycle.follow(next, doc);
      url = next;
    }
  });
}

export async function getKeypair(
  client: ServiceClient,
  name: string,
  opts: KeypairOptions = {},
): Promise<KeypairResource> {
  const { userId } = opts;
  await client.resolve(opts.signal);
  if (userId !== undefined) minVersion(client, 'keypair.userId', '2.10');
  const doc = await client.decode('GET', path(name), { query: { user_id: userId } }, opts);
  return instantiate(Keypair, client, doc.resource('keypair'));
}

export async function findKeypair(
  client: ServiceClient,
  name: string,
  opts: KeypairOptions & { ignoreMissing?: boolean } = {},
): Promise<KeypairResource | undefined> {
  const { ignoreMissing, ...o } = opts;
  try {
    return await getKeypair(client, name, o);
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    if (ignoreMissing) return undefined;
    throw new ResourceNotFoundError(`no keypair named "${name}"`);
  }
}

export async function createKeypair(
  client: ServiceClient,
  attrs: CreateAttributes<KeypairFields>,
  opts: RequestOptions = {},
): Promise<KeypairResource> {
  await client.resolve(opts.signal);
  if (attrs.publicKey === undefined && !client.supports(undefined, '2.91')) {
    throw new ValidationError(
      `nova generates key pairs only up to microversion 2.91; this connection uses ${client.microversion}`,
      {
        field: 'keypair.publicKey',
        fix: 'generate the key locally (e.g. crypto.generateKeyPairSync) and pass its public key',
      },
    );
  }
  return createResource(client, Keypair, attrs, opts);
}

export async function deleteKeypair(
  client: ServiceClient,
  name: string,
  opts: KeypairOptions & { ignoreMissing?: boolean } = {},
): Promise<void> {
  await client.resolve(opts.signal);
  if (opts.userId !== undefined) minVersion(client, 'keypair.userId', '2.10');
  await deletePath(client, path(name), opts, { user_id: opts.userId });
}
