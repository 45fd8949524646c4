export type { AccessInfo } from './access-info.js';
export {
  type CatalogEndpoint,
  type CatalogFailure,
  type CatalogService,
  catalogFromV2,
  catalogFromV3,
  selectEndpoint,
} from './catalog.js';
export { type AuthFromConfigOptions, authFromConfig } from './from-config.js';
export { MemoryTokenStore } from './memory-token-store.js';
export {
  type AuthPlugin,
  type AuthRequestOptions,
  CachingAuthPlugin,
  EXPIRY_MARGIN_FRACTION,
  EXPIRY_MARGIN_MS,
  refreshMarginMs,
} from './plugin.js';
export { officialServiceType, serviceTypeNames } from './service-types.js';
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
export {
  type WebStorageLike,
  WebStorageTokenStore,
  type WebStorageTokenStoreOptions,
} from './web-storage-token-store.js';
