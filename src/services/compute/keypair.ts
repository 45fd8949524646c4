import { defineResource, f } from '../../resource/index.js';

/**
 * SSH / x509 key pair (`/os-keypairs`). A key pair's id is its name, and it belongs to a user:
 * admins reach other users' key pairs with `userId` (2.10+).
 *
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 *
 * const publicKey = readFileSync(`${process.env.HOME}/.ssh/id_ed25519.pub`, 'utf8');
 * await conn.compute.createKeypair({ name: 'me', publicKey });
 * for await (const k of conn.compute.listKeypairs()) console.log(k.name, k.fingerprint);
 * await conn.compute.deleteKeypair('me');
 * ```
 */
export const Keypair = defineResource({
  name: 'keypair',
  basePath: '/os-keypairs',
  idField: 'name',
  fields: {
    name: f.string({ required: true, createOnly: true }).always(),
    /** Omit to have nova generate the pair (up to 2.91): the private key is then returned once. */
    publicKey: f.string({ api: 'public_key', createOnly: true }).always(),
    /** Only in the answer to a create that generated the key (2.91 and earlier). */
    privateKey: f.string({ api: 'private_key', readOnly: true }),
    fingerprint: f.string({ readOnly: true }).always(),
    /** From microversion 2.2. */
    type: f.enum(['ssh', 'x509'], { minVersion: '2.2' }),
    /** Owner; admins may create for another user (2.10+). */
    userId: f.string({ api: 'user_id', minVersion: '2.10', createOnly: true }),
    /** Nova's database id (show only). Not the key pair's id, which is its name. */
    internalId: f.integer({ api: 'id', readOnly: true }),
    createdAt: f.date({ api: 'created_at', readOnly: true }),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).returnsNull(),
    deletedAt: f.date({ api: 'deleted_at', readOnly: true }).returnsNull(),
    deleted: f.boolean({ readOnly: true }),
  },
  query: { userId: 'user_id' },
  allow: { commit: false },
  pagination: 'links',
});
