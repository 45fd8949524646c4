/** Keystone v2.0 password auth, for legacy clouds that still only speak v2.0. */
import { ConfigError } from '../errors/errors.js';
import { decodeJson } from '../session/decode.js';
import type { HttpClient } from '../transport/http-client.js';
import type { AccessInfo } from './access-info.js';
import { catalogFromV2 } from './catalog.js';
import { identityEndpoint } from './identity-url.js';
import { type AuthRequestOptions, CachingAuthPlugin } from './plugin.js';
import type { V3AuthOptions } from './v3.js';

export class V2PasswordAuth extends CachingAuthPlugin {
  readonly authType = 'v2password';
  constructor(private readonly opts: V3AuthOptions) {
    super();
    if (!opts.auth_url)
      throw new ConfigError('missing identity endpoint', { field: 'auth.auth_url', fix: 'set auth_url' });
    if (!opts.username && !opts.user_id)
      throw new ConfigError('no user given', { field: 'auth.username', fix: 'set username or user_id' });
    if (!opts.password)
      throw new ConfigError('missing password', { field: 'auth.password', fix: 'set password' });
  }

  /** Authenticate with a password against identity v2.0 (`POST /tokens`). */
  protected async authenticate(http: HttpClient, opts: AuthRequestOptions): Promise<AccessInfo> {
    const o = this.opts;
    const base = await identityEndpoint(http, o.auth_url!, '2.0', opts);
    const auth: Record<string, unknown> = {
      passwordCredentials: {
        ...(o.user_id ? { userId: o.user_id } : { username: o.username }),
        password: o.password,
      },
    };
    const tenantId = o.project_id ?? o.tenant_id;
    const tenantName = o.project_name ?? o.tenant_name;
    if (tenantId) auth.tenantId = tenantId;
    else if (tenantName) auth.tenantName = tenantName;
    const res = await http.request({
      ...opts,
      method: 'POST',
      url: `${base}/tokens`,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ auth }),
      idempotent: true,
      buffer: true,
    });
    const doc = await decodeJson(res);
    const a = doc.key('access', 'object') as Record<string, any>;
    if (!a.token || typeof a.token !== 'object' || typeof a.token.id !== 'string' || !a.token.id)
      throw doc.fail('missing-key', 'no "access.token.id" in the token document');
    return {
      token: a.token.id,
      expiresAt: a.token?.expires ? new Date(a.token.expires) : undefined,
      ...(a.token?.issued_at ? { issuedAt: new Date(a.token.issued_at) } : {}),
      catalog: catalogFromV2(a.serviceCatalog, (detail) => doc.fail('wrong-type', detail)),
      userId: a.user?.id,
      userName: a.user?.name ?? a.user?.username,
      projectId: a.token?.tenant?.id,
      projectName: a.token?.tenant?.name,
      roles: Array.isArray(a.user?.roles) ? a.user.roles.map((r: any) => String(r.name)) : [],
      methods: ['password'],
      unscoped: !a.token?.tenant,
      raw: a,
    };
  }
}
