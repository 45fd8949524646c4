/**
 * Orders (`/v1/orders`): ask barbican to generate a secret (`key`: a symmetric key) or a key pair
 * (`asymmetric`: a container holding both keys). barbican-worker carries the order out; it goes
 * `PENDING` → `ACTIVE` (then `secretRef` or `containerRef` names the result) or `ERROR` (with
 * `errorStatusCode` and `errorReason`).
 */
import { defineResource, f } from '../../resource/index.js';

/** The kinds of order (`certificate` orders are deprecated in barbican and need a CA plugin). */
export const ORDER_TYPES = ['key', 'asymmetric', 'certificate'] as const;

/** An order's kind (one of {@link ORDER_TYPES}). */
export type OrderType = (typeof ORDER_TYPES)[number];

/** What to generate, as barbican spells it. */
export interface OrderMeta {
  /** The name of the secret (or container) to create. */
  name?: string;
  /** `aes` for key orders; `rsa` (or `dsa`, `ec`) for asymmetric ones. */
  algorithm?: string;
  /** Key length in bits (e.g. 256 for aes, 2048 for rsa). */
  bit_length?: number;
  /** Block cipher mode of a key (e.g. `cbc`). */
  mode?: string;
  /** The content type of the payload to generate: `application/octet-stream`. */
  payload_content_type?: string;
  /** ISO 8601 expiration of what is generated. */
  expiration?: string | null;
  /** A passphrase to protect an asymmetric private key with. */
  passphrase?: string;
  /** Anything else barbican accepts. */
  [key: string]: unknown;
}

/** A request to generate a key or key pair. */
export const Order = defineResource({
  name: 'order',
  basePath: '/orders',
  fields: {
    /** The uuid at the end of {@link orderRef} (barbican sends only the ref; the SDK derives it). */
    id: f.string({ readOnly: true }).always(),
    /** The order's URL: `http://.../v1/orders/<uuid>`. */
    orderRef: f.string({ api: 'order_ref', readOnly: true }).always(),
    type: f.enum(ORDER_TYPES).createOnly().always(),
    /** `PENDING`, `ACTIVE` or `ERROR`. */
    status: f.string({ readOnly: true }).always(),
    /** What to generate. */
    meta: f.object<OrderMeta>().createOnly().always(),
    /** The generated secret (key orders), once `ACTIVE`. */
    secretRef: f.string({ api: 'secret_ref', readOnly: true }),
    /** The generated container (asymmetric orders), once `ACTIVE`. */
    containerRef: f.string({ api: 'container_ref', readOnly: true }),
    /** The HTTP-like status code of a failed order. */
    errorStatusCode: f.string({ api: 'error_status_code', readOnly: true }),
    /** Why the order failed. */
    errorReason: f.string({ api: 'error_reason', readOnly: true }),
    /** Progress detail of the plugin carrying the order out. */
    subStatus: f.string({ api: 'sub_status', readOnly: true }),
    /** Message of {@link subStatus}. */
    subStatusMessage: f.string({ api: 'sub_status_message', readOnly: true }),
    /** The keystone user id of the creator. */
    creatorId: f.string({ api: 'creator_id', readOnly: true }).always(),
    created: f.date({ readOnly: true }).always(),
    updated: f.date({ readOnly: true }).always(),
  },
  query: {
    /** Page offset (barbican pages by offset and limit). */
    offset: 'offset',
  },
  allow: { commit: false },
});
