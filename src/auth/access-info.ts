import type { CatalogService } from './catalog.js';

/** What a successful authentication yields: the token, its scope and the catalog. */
export interface AccessInfo {
  /** The token (secret: never log it). */
  token: string;
  /** When the token expires; the SDK re-authenticates shortly before. */
  expiresAt?: Date;
  /** When the identity service issued the token (its own clock, like expiresAt): gives the lifetime. */
  issuedAt?: Date;
  /** The service catalog: every service's endpoints. */
  catalog: CatalogService[];
  /** The authenticated user's id. */
  userId?: string;
  /** The authenticated user's name. */
  userName?: string;
  /** The project the token is scoped to. */
  projectId?: string;
  /** That project's name. */
  projectName?: string;
  /** The domain of a domain-scoped token. */
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
