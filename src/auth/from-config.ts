import type { CloudConfig } from '../config/types.js';
import { ConfigError } from '../errors/errors.js';
import { type AuthPlugin, CachingAuthPlugin } from './plugin.js';
import { StaticTokenAuth } from './static-token.js';
import { type TokenStore, tokenCacheKey } from './token-store.js';
import { V2PasswordAuth } from './v2.js';
import { V3ApplicationCredentialAuth, V3PasswordAuth, V3TokenAuth } from './v3.js';

/** Options of {@link authFromConfig}. */
export interface AuthFromConfigOptions {
  /**
   * Keep the auth state in this store between processes (`cache: { auth: true }`), keyed by
   * `tokenCacheKey()` of the plugin's auth type and the cloud's `auth` fields. Ignored by
   * `admin_token` and `none`, which have nothing to cache.
   */
  tokenStore?: TokenStore;
}

/** Build the auth plugin a resolved cloud asks for. Config mistakes surface here, before any request. */
export function authFromConfig(cfg: CloudConfig, opts: AuthFromConfigOptions = {}): AuthPlugin {
  const plugin = buildPlugin(cfg);
  if (opts.tokenStore && plugin instanceof CachingAuthPlugin) {
    plugin.useTokenStore(opts.tokenStore, tokenCacheKey(plugin.authType, cfg.auth));
  }
  return plugin;
}

function buildPlugin(cfg: CloudConfig): AuthPlugin {
  const a = cfg.auth;
  try {
    switch (cfg.authType) {
      case 'password':
      case 'v3password':
        return cfg.identityApiVersion?.startsWith('2') ? new V2PasswordAuth(a) : new V3PasswordAuth(a);
      case 'v2password':
        return new V2PasswordAuth(a);
      case 'token':
      case 'v3token':
        return new V3TokenAuth(a);
      case 'v3applicationcredential':
      case 'application_credential':
        return new V3ApplicationCredentialAuth(a);
      case 'admin_token':
        return new StaticTokenAuth('admin_token', a.token ?? a.admin_token);
      case 'none':
        return new StaticTokenAuth('none');
      default:
        throw new ConfigError(`unknown auth type "${String(cfg.authType)}"`, { field: 'auth_type' });
    }
  } catch (e) {
    throw e instanceof ConfigError ? e.withCloud(cfg.name) : e;
  }
}
