/**
 * Keystone v3 auth plugins: password, token, application credential. Each builds the
 * `identity` part of a `POST /v3/auth/tokens` body; scope and the response are shared.
 */
import { ConfigError } from '../errors/errors.js';
import { decodeJson } from '../session/decode.js';
import type { HttpClient } from '../transport/http-client.js';
import type { AccessInfo } from './access-info.js';
import { type CatalogFailure, catalogFromV3 } from './catalog.js';
import { identityEndpoint } from './identity-url.js';
import { type AuthRequestOptions, CachingAuthPlugin } from './plugin.js';

/** The `auth:` keys of clouds.yaml that v3 plugins read (snake_case, as every OpenStack tool). */
export type V3AuthOptions = Partial<
  Record<
    | 'auth_url'
    | 'username'
    | 'user_id'
    | 'password'
    | 'user_domain_name'
    | 'user_domain_id'
    | 'project_name'
    | 'project_id'
    | 'project_domain_name'
    | 'project_domain_id'
    | 'domain_name'
    | 'domain_id'
    | 'default_domain_id'
    | 'default_domain_name'
    | 'system_scope'
    | 'token'
    | 'application_credential_id'
    | 'application_credential_name'
    | 'application_credential_secret'
    | 'tenant_name'
    | 'tenant_id'
    | 'unscoped',
    string
  >
>;

type Json = Record<string, unknown>;

function domainRef(id?: string, name?: string): Json | undefined {
  if (id) return { id };
  if (name) return { name };
  return undefined;
}

/** Build the `scope` of a v3 auth request; undefined means unscoped. */
export function v3Scope(o: V3AuthOptions): Json | string | undefined {
  // keystone scopes to the user's default project unless asked explicitly for no scope
  if (o.unscoped === 'true') return 'unscoped';
  const projectId = o.project_id ?? o.tenant_id;
  const projectName = o.project_name ?? o.tenant_name;
  if (projectId) return { project: { id: projectId } };
  if (projectName) {
    const domain =
      domainRef(o.project_domain_id, o.project_domain_name) ??
      domainRef(o.default_domain_id, o.default_domain_name);
    if (!domain) {
      throw new ConfigError("project_name needs the project's domain", {
        field: 'auth.project_domain_name',
        fix: 'set project_domain_name (e.g. Default) or project_domain_id, or use project_id',
      });
    }
    return { project: { name: projectName, domain } };
  }
  const domain = domainRef(o.domain_id, o.domain_name);
  if (domain) return { domain };
  if (o.system_scope) return { system: { [o.system_scope]: true } };
  return undefined;
}

function userRef(o: V3AuthOptions): Json {
  if (o.user_id) return { id: o.user_id };
  if (!o.username) {
    throw new ConfigError('no user given', {
      field: 'auth.username',
      fix: 'set username (with user_domain_name) or user_id',
    });
  }
  const domain =
    domainRef(o.user_domain_id, o.user_domain_name) ?? domainRef(o.default_domain_id, o.default_domain_name);
  if (!domain) {
    throw new ConfigError("username needs the user's domain", {
      field: 'auth.user_domain_name',
      fix: 'set user_domain_name (e.g. Default) or user_domain_id, or use user_id',
    });
  }
  return { name: o.username, domain };
}

/** Parse a v3 token response into {@link AccessInfo}. */
export function accessFromV3(token: string, body: any, fail?: CatalogFailure): AccessInfo {
  const t = (body?.token ?? {}) as Record<string, any>;
  return {
    token,
    expiresAt: t.expires_at ? new Date(t.expires_at) : undefined,
    ...(t.issued_at ? { issuedAt: new Date(t.issued_at) } : {}),
    catalog: catalogFromV3(t.catalog, fail),
    userId: t.user?.id,
    userName: t.user?.name,
    projectId: t.project?.id,
    projectName: t.project?.name,
    domainId: t.domain?.id,
    roles: Array.isArray(t.roles) ? t.roles.map((r: any) => String(r.name)) : [],
    methods: Array.isArray(t.methods) ? t.methods : [],
    unscoped: !t.project && !t.domain && !t.system,
    raw: t,
  };
}

abstract class V3Plugin extends CachingAuthPlugin {
  constructor(protected readonly opts: V3AuthOptions) {
    super();
    if (!opts.auth_url) {
      throw new ConfigError('missing identity endpoint', {
        field: 'auth.auth_url',
        fix: 'set auth_url (e.g. https://keystone.example.com:5000/v3) or OS_AUTH_URL',
      });
    }
  }

  /** The `identity` object of the auth request. */
  protected abstract identity(): Json;

  /** Whether this plugin sends a scope (application credentials carry their own). */
  protected scope(): Json | string | undefined {
    return v3Scope(this.opts);
  }

  /** Authenticate against identity v3 (`POST /auth/tokens`) with this plugin's method and scope. */
  protected async authenticate(http: HttpClient, opts: AuthRequestOptions): Promise<AccessInfo> {
    const base = await identityEndpoint(http, this.opts.auth_url!, '3', opts);
    const scope = this.scope();
    const body = JSON.stringify({ auth: { identity: this.identity(), ...(scope ? { scope } : {}) } });
    const res = await http.request({
      ...opts,
      method: 'POST',
      url: `${base}/auth/tokens`,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
      // a token request has no side effects worth guarding; retrying it is safe
      idempotent: true,
      buffer: true,
    });
    const token = res.headers['x-subject-token'];
    // HTML from a portal, a truncated or empty body: a typed error naming the token request
    const doc = await decodeJson(res);
    const t = doc.key('token', 'object') as Record<string, unknown>;
    if (!token) throw doc.fail('missing-key', 'no X-Subject-Token header beside the token document');
    if (t.expires_at !== undefined && Number.isNaN(new Date(String(t.expires_at)).getTime()))
      throw doc.fail('wrong-type', `token.expires_at "${String(t.expires_at).slice(0, 40)}" is not a date`);
    return accessFromV3(token, doc.value, (detail) => doc.fail('wrong-type', detail));
  }
}

/** `auth_type: password` (v3). */
export class V3PasswordAuth extends V3Plugin {
  /** `password` */
  readonly authType = 'password';
  constructor(opts: V3AuthOptions) {
    super(opts);
    if (!opts.password) {
      throw new ConfigError('missing password', {
        field: 'auth.password',
        fix: 'set password (secure.yaml) or OS_PASSWORD',
      });
    }
    userRef(opts);
    v3Scope(opts);
  }
  protected identity(): Json {
    return {
      methods: ['password'],
      password: { user: { ...userRef(this.opts), password: this.opts.password } },
    };
  }
}

/** `auth_type: token` (v3): exchange an existing token, e.g. to scope an unscoped one. */
export class V3TokenAuth extends V3Plugin {
  /** `token` */
  readonly authType = 'token';
  constructor(opts: V3AuthOptions) {
    super(opts);
    if (!opts.token)
      throw new ConfigError('missing token', { field: 'auth.token', fix: 'set token or OS_TOKEN' });
    v3Scope(opts);
  }
  protected identity(): Json {
    return { methods: ['token'], token: { id: this.opts.token } };
  }
}

/** `auth_type: v3applicationcredential`: by id, or by name with the owning user. */
export class V3ApplicationCredentialAuth extends V3Plugin {
  /** `v3applicationcredential` */
  readonly authType = 'v3applicationcredential';
  constructor(opts: V3AuthOptions) {
    super(opts);
    if (!opts.application_credential_secret) {
      throw new ConfigError('missing application credential secret', {
        field: 'auth.application_credential_secret',
        fix: 'set application_credential_secret or OS_APPLICATION_CREDENTIAL_SECRET',
      });
    }
    if (!opts.application_credential_id && !opts.application_credential_name) {
      throw new ConfigError('missing application credential id or name', {
        field: 'auth.application_credential_id',
        fix: 'set application_credential_id, or application_credential_name with username/user_id',
      });
    }
    if (!opts.application_credential_id) userRef(opts);
  }
  protected override scope(): Json | string | undefined {
    return undefined;
  }
  protected identity(): Json {
    const o = this.opts;
    const cred: Json = o.application_credential_id
      ? { id: o.application_credential_id, secret: o.application_credential_secret }
      : { name: o.application_credential_name, secret: o.application_credential_secret, user: userRef(o) };
    return { methods: ['application_credential'], application_credential: cred };
  }
}
