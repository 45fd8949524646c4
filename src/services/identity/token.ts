import type { AccessInfo } from '../../auth/access-info.js';
import { defineResource, f } from '../../resource/index.js';
import type { NamedRef } from './types.js';

/**
 * A keystone token body (`token` of `POST/GET /v3/auth/tokens`), read-only. The proxy's
 * `validateToken` returns it parsed as {@link TokenInfo}.
 */
export const Token = defineResource({
  name: 'token',
  basePath: '/auth/tokens',
  resourcesKey: null,
  fields: {
    methods: f.array<string>().readOnly().always(),
    user: f.object<NamedRef & { password_expires_at?: string | null }>().readOnly().always(),
    project: f.object<NamedRef>().readOnly(),
    domain: f.object<NamedRef>().readOnly(),
    system: f.object<Record<string, boolean>>().readOnly(),
    roles: f.array<NamedRef>().readOnly(),
    catalog: f.array<Record<string, unknown>>().readOnly(),
    expiresAt: f.date({ api: 'expires_at', readOnly: true }).always(),
    issuedAt: f.date({ api: 'issued_at', readOnly: true }).always(),
    auditIds: f.array<string>({ api: 'audit_ids' }).readOnly().always(),
    isDomain: f.boolean({ api: 'is_domain', readOnly: true }),
    applicationCredential: f
      .object<{ id: string; name?: string; restricted?: boolean }>({ api: 'application_credential' })
      .readOnly(),
  },
  allow: { create: false, fetch: false, commit: false, delete: false, list: false },
  pagination: 'none',
});

/** What token validation yields: the {@link AccessInfo} view plus the token's own metadata. */
export interface TokenInfo extends AccessInfo {
  /** When the token was issued. */
  issuedAt?: Date;
  /** Audit ids: the token's own first, then the chain it was rescoped from. */
  auditIds: string[];
  /** The domain of the token's user. */
  userDomainId?: string;
  /** The domain of the token's project. */
  projectDomainId?: string;
  /** Set for system-scoped tokens, e.g. `{ all: true }`. */
  system?: Record<string, boolean>;
  /** The application credential that issued the token, if any. */
  applicationCredentialId?: string;
}
