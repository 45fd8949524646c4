import type { CatalogService } from '../session/catalog.js';

/** What a successful authentication yields: the token, its scope and the catalog. */
export interface AccessInfo {
  /** The token (secret: never log it). */
  token: string;
  expiresAt?: Date;
  /** When the identity service issued the token (its own clock, like expiresAt): gives the lifetime. */
  issuedAt?: Date;
  catalog: CatalogService[];
  userId?: string;
  userName?: string;
  projectId?: string;
  projectName?: string;
  domainId?: string;
  /** Role names in the scope. */
  roles: string[];
  /** Auth methods used (v3), e.g. ['password']. */
  methods: string[];
  /** True when the token carries no project/domain/system scope. */
  unscoped: boolean;
  /** The token body exactly as the identity service returned it. */
  raw: Record<string, unknown>;
}
