export type { AccessInfo } from './access-info.js';
export { type AuthFromConfigOptions, authFromConfig } from './from-config.js';
export { type AuthPlugin, CachingAuthPlugin, EXPIRY_MARGIN_MS } from './plugin.js';
export { StaticTokenAuth } from './static-token.js';
export {
  defaultTokenCacheDir,
  FileTokenStore,
  type FileTokenStoreOptions,
  type TokenStore,
  tokenCacheKey,
} from './token-store.js';
export { V2PasswordAuth } from './v2.js';
export {
  V3ApplicationCredentialAuth,
  type V3AuthOptions,
  V3PasswordAuth,
  V3TokenAuth,
  v3Scope,
} from './v3.js';
