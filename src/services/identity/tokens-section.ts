/** The identity proxy's token section: validate, check and revoke tokens (`/auth/tokens`). */
import { accessFromV3 } from '../../auth/v3.js';
import { instantiate, type RequestOptions } from '../../resource/index.js';
import { ServiceProxy } from '../service-proxy.js';
import { exists, send } from './requests.js';
import { Token, type TokenInfo } from './token.js';

/** The header naming the token a call is about (not the caller's own token). */
function subject(token: string): Record<string, string> {
  return { 'x-subject-token': token };
}

/** Options of {@link IdentityV3.validateToken}. */
export interface ValidateTokenOptions extends RequestOptions {
  /** Accept a token that has expired (within keystone's allowed window). */
  allowExpired?: boolean;
  /** Include the service catalog (default true). */
  includeCatalog?: boolean;
}

/** Tokens (a section of `IdentityV3`, `conn.identity`). */
export abstract class TokenSection extends ServiceProxy {
  /**
   * Validate a token (`GET /v3/auth/tokens` with `X-Subject-Token`) and return what it grants.
   * Throws NotFoundError when the token is invalid, expired or revoked.
   *
   * @example
   * ```ts
   * const info = await conn.identity.validateToken('TOKEN_TO_CHECK');
   * console.log(info.userId, info.projectId, info.expiresAt);
   * ```
   */
  async validateToken(token: string, opts: ValidateTokenOptions = {}): Promise<TokenInfo> {
    const doc = await this.client.decode(
      'GET',
      '/auth/tokens',
      {
        headers: subject(token),
        // keystone reads a present flag as true whatever its value: send them only when set
        query: {
          ...(opts.includeCatalog === false ? { nocatalog: '1' } : {}),
          ...(opts.allowExpired ? { allow_expired: '1' } : {}),
        },
      },
      opts,
    );
    doc.key('token', 'object');
    return tokenInfo(token, doc.value as { token: Record<string, unknown> }, (d) =>
      doc.fail('wrong-type', d),
    );
  }

  /** Whether a token is valid (`HEAD /v3/auth/tokens`). */
  checkToken(token: string, opts: RequestOptions & { allowExpired?: boolean } = {}): Promise<boolean> {
    const query = opts.allowExpired ? { allow_expired: '1' } : undefined;
    return exists(this.client, '/auth/tokens', { headers: subject(token), query }, opts);
  }

  /** Revoke a token (`DELETE /v3/auth/tokens`). */
  async revokeToken(token: string, opts: RequestOptions = {}): Promise<void> {
    await send(this.client, 'DELETE', '/auth/tokens', { headers: subject(token) }, opts);
  }
}

/** Parse a token document (`{ token: {...} }`) into {@link TokenInfo}. */
export function tokenInfo(
  token: string,
  doc: { token?: Record<string, unknown> } | undefined,
  fail?: (detail: string) => Error,
): TokenInfo {
  const access = accessFromV3(token, doc, fail);
  const t = instantiate(Token, undefined as never, doc?.token ?? {});
  const user = t.user;
  const project = t.project;
  return {
    ...access,
    issuedAt: t.issuedAt ? new Date(t.issuedAt) : undefined,
    auditIds: t.auditIds ?? [],
    userDomainId: user?.domain?.id,
    projectDomainId: project?.domain?.id,
    system: t.system,
    applicationCredentialId: t.applicationCredential?.id,
  };
}
