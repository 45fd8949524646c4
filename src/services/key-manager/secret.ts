/**
 * Secrets (`/v1/secrets`): an encrypted payload (a key, a passphrase, a certificate, ...) with
 * its description. The payload itself never travels in these documents: it is stored with the
 * create call (or later, once, with `putSecretPayload`) and read through its own endpoint,
 * `/v1/secrets/<uuid>/payload`, by `getSecretPayload`.
 */
import { defineResource, f } from '../../resource/index.js';

/** The kinds of secret barbican knows; `opaque` (the default) is any bytes. */
export const SECRET_TYPES = [
  'symmetric',
  'public',
  'private',
  'passphrase',
  'certificate',
  'opaque',
] as const;

/** A secret's kind (one of {@link SECRET_TYPES}). */
export type SecretType = (typeof SECRET_TYPES)[number];

/** A secret's description: what it is, who made it, when it expires; never its payload. */
export const Secret = defineResource({
  name: 'secret',
  basePath: '/secrets',
  fields: {
    /** The uuid at the end of {@link secretRef} (barbican sends only the ref; the SDK derives it). */
    id: f.string({ readOnly: true }).always(),
    /** The secret's URL: `http://.../v1/secrets/<uuid>`. */
    secretRef: f.string({ api: 'secret_ref', readOnly: true }).always(),
    /** A human name; several secrets may share one (or have none). */
    name: f.string({ createOnly: true }).returnsNull(),
    /** `ACTIVE` (also for a secret created without payload: `contentTypes` is then absent), or `ERROR`. */
    status: f.string({ readOnly: true }).always(),
    /** What the payload is (default `opaque`). */
    secretType: f.enum(SECRET_TYPES, { api: 'secret_type' }).createOnly().always(),
    /** Algorithm the payload is for (e.g. `aes`, `rsa`); descriptive only. */
    algorithm: f.string({ createOnly: true }).returnsNull(),
    /** Key length in bits; descriptive only. */
    bitLength: f.integer({ api: 'bit_length', createOnly: true }).returnsNull(),
    /** Block cipher mode (e.g. `cbc`); descriptive only. */
    mode: f.string({ createOnly: true }).returnsNull(),
    /** ISO 8601 time after which barbican refuses to hand the secret out; null: never. */
    expiration: f.string({ createOnly: true }).returnsNull(),
    /** The stored payload's content types, e.g. `{ default: 'text/plain' }`; absent before a payload is stored. */
    contentTypes: f.object<Record<string, string>>({ api: 'content_types' }).readOnly(),
    /** The keystone user id of the creator. */
    creatorId: f.string({ api: 'creator_id', readOnly: true }).always(),
    created: f.date({ readOnly: true }).always(),
    updated: f.date({ readOnly: true }).always(),
  },
  query: {
    name: 'name',
    /** Filter by algorithm. */
    algorithm: 'alg',
    /** Filter by mode. */
    mode: 'mode',
    /** Filter by bit length. */
    bitLength: 'bits',
    secretType: 'secret_type',
    /** Only the secrets the caller reaches through an ACL (`true`). */
    aclOnly: 'acl_only',
    /** Page offset (barbican pages by offset and limit). */
    offset: 'offset',
    /** e.g. `created:asc,name:desc`. */
    sort: 'sort',
    /** e.g. `gt:2026-01-01T00:00:00` (also `created`, `updated`). */
    expiration: 'expiration',
    created: 'created',
    updated: 'updated',
  },
  commitMethod: 'PUT',
  allow: { commit: false },
});
