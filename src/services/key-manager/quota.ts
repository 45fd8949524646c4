/**
 * Barbican's quotas: how many secrets, orders, containers, consumers and CAs a project may
 * have. `-1` is unlimited (the default), `0` forbids creating any. The caller's effective
 * quotas come from `/v1/quotas`; an admin reads and sets any project's from `/v1/project-quotas`.
 */

/** Barbican quota values; `-1` means unlimited. */
export interface KeyManagerQuotas {
  /** Secrets the project may hold. */
  secrets?: number;
  /** Orders the project may hold (finished ones count until deleted). */
  orders?: number;
  /** Containers the project may hold. */
  containers?: number;
  /** Consumer registrations on the project's containers. */
  consumers?: number;
  /** Certificate authorities (for certificate orders). */
  cas?: number;
}

/** A project's configured quotas, as the admin listing returns them. */
export interface ProjectQuotas {
  /** The keystone project id. */
  projectId: string;
  /** The values configured for it (what is not configured falls back to the defaults). */
  quotas: KeyManagerQuotas;
}

/** The quota names barbican knows. */
export const QUOTA_NAMES = ['secrets', 'orders', 'containers', 'consumers', 'cas'] as const;
