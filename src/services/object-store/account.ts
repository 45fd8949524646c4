import { defineResource, f, type Resource } from '../../resource/index.js';
import { addMetadataAccessor } from './metadata-accessor.js';

/**
 * The Swift account (`HEAD /v1/AUTH_<project>`): counts, quotas and user metadata, all in
 * response headers. Temp URL keys are secrets: instances never hold them (see
 * `ObjectStoreV1.getTempUrlKeys`).
 */
export const Account = defineResource({
  name: 'account',
  basePath: '',
  resourceKey: null,
  resourcesKey: null,
  idField: 'name',
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: false, head: true },
  fields: {
    /** `AUTH_<project id>`, from the storage URL. */
    name: f.string({ readOnly: true }),
    containerCount: f.integer({ api: 'x-account-container-count', location: 'header', readOnly: true }),
    objectCount: f.integer({ api: 'x-account-object-count', location: 'header', readOnly: true }),
    bytesUsed: f.integer({ api: 'x-account-bytes-used', location: 'header', readOnly: true }),
    /** Account quota (set by a reseller admin), when the account_quotas middleware is on. */
    quotaBytes: f.integer({ api: 'x-account-meta-quota-bytes', location: 'header', readOnly: true }),
    quotaCount: f.integer({ api: 'x-account-meta-quota-count', location: 'header', readOnly: true }),
    timestamp: f.string({ api: 'x-timestamp', location: 'header', readOnly: true }),
    /** Whether the temp URL keys are set (their values are never stored on the instance). */
    hasTempUrlKey: f.boolean({ api: 'x-account-meta-temp-url-key', location: 'header', readOnly: true }),
    hasTempUrlKey2: f.boolean({ api: 'x-account-meta-temp-url-key-2', location: 'header', readOnly: true }),
  },
});
addMetadataAccessor(Account, 'account');

/** An account as returned by `getAccountMetadata()`. */
export type AccountResource = Resource<(typeof Account)['fields']> & {
  /** `X-Account-Meta-*` user metadata, keys lower-cased (temp URL keys left out). */
  readonly metadata: Record<string, string>;
};
