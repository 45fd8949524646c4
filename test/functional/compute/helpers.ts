/**
 * Helpers of the compute functional tests. Other services are reached with raw requests
 * through their proxies so these tests depend on nothing but compute's own SDK surface.
 */
import { generateKeyPairSync } from 'node:crypto';
import { type Connection, ServerError } from '../../../src/index.js';

async function json<T>(res: { text(): Promise<string> }): Promise<T> {
  const t = await res.text();
  return (t ? JSON.parse(t) : {}) as T;
}

/** The id of a network by name, as seen by `conn`. */
export async function networkId(conn: Connection, name: string): Promise<string> {
  const doc = await json<{ networks: { id: string }[] }>(
    await conn.network.request('GET', '/networks', { query: { name } }),
  );
  const id = doc.networks[0]?.id;
  if (!id) throw new Error(`network ${name} not found: is the dev cloud seeded?`);
  return id;
}

/** The id of an image by name. */
export async function imageId(conn: Connection, name: string): Promise<string> {
  const doc = await json<{ images: { id: string }[] }>(
    await conn.image.request('GET', '/images', { query: { name } }),
  );
  const id = doc.images[0]?.id;
  if (!id) throw new Error(`image ${name} not found: is the dev cloud seeded?`);
  return id;
}

/** An image record from glance, or undefined when it does not exist. */
export async function getImage(conn: Connection, id: string): Promise<Record<string, unknown> | undefined> {
  const res = await conn.image.request('GET', `/images/${id}`, { okStatuses: [200, 404] });
  if (res.status === 404) {
    await res.body.dump();
    return undefined;
  }
  return json(res);
}

/** Delete an image, quietly when already gone. */
export async function deleteImage(conn: Connection, id: string): Promise<void> {
  const res = await conn.image.request('DELETE', `/images/${id}`, { okStatuses: [204, 404] });
  await res.body.dump();
}

/** A fresh ed25519 public key in OpenSSH format (`ssh-ed25519 AAAA... comment`). */
export function sshPublicKey(comment = 'ossdk-test'): string {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  const field = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length, 0);
    return Buffer.concat([len, b]);
  };
  const blob = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]);
  return `ssh-ed25519 ${blob.toString('base64')} ${comment}`;
}

/** The user id of a connection's token. */
export async function userIdOf(conn: Connection): Promise<string> {
  return (await conn.session.getAccess()).userId as string;
}

/** The project id of a connection's token. */
export async function projectIdOf(conn: Connection): Promise<string> {
  return (await conn.session.getAccess()).projectId as string;
}

/**
 * The dev cloud runs nova on SQLite: a write racing nova-compute's own writes sometimes fails
 * with "database is locked", answered as a 500 naming sqlalchemy's OperationalError (nothing
 * was changed). Retry exactly that failure; anything else is thrown at once. Cinder answers
 * the same failure with a generic 500: `anyServerError` retries any 5xx (use it for cinder only).
 */
export async function retryLocked<T>(
  fn: () => Promise<T>,
  opts: { attempts?: number; anyServerError?: boolean } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 4;
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      const locked =
        e instanceof ServerError &&
        (opts.anyServerError || /OperationalError|DBDeadlock|database is locked/.test(e.message));
      if (!locked || i >= attempts) throw e;
      await new Promise((r) => setTimeout(r, 500 * i));
    }
  }
}

/** Connection options for these tests: idempotent requests (PUT/DELETE/GET) also retry a 500. */
export const sqliteTolerant = { retry: { retryStatuses: [500, 502, 503, 504] } } as const;
