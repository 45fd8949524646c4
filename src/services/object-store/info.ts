import { defineResource, f, type Resource } from '../../resource/index.js';

export interface SwiftCoreInfo {
  version?: string;
  max_file_size?: number;
  max_object_name_length?: number;
  max_meta_count?: number;
  max_meta_value_length?: number;
  container_listing_limit?: number;
  account_listing_limit?: number;
  policies?: { name: string; default?: boolean; aliases?: string }[];
  [key: string]: unknown;
}

export interface SloInfo {
  max_manifest_segments?: number;
  max_manifest_size?: number;
  min_segment_size?: number;
  [key: string]: unknown;
}

export interface TempUrlInfo {
  methods?: string[];
  allowed_digests?: string[];
  deprecated_digests?: string[];
  [key: string]: unknown;
}

/**
 * Cluster capabilities (`GET /info` at the proxy root, not under `/v1/AUTH_`): one key per
 * enabled middleware with its limits. Declared keys are the ones the SDK reads; any other
 * middleware's entry stays available in `extra`.
 */
export const Capabilities = defineResource({
  name: 'capabilities',
  basePath: '/info',
  resourceKey: null,
  resourcesKey: null,
  pagination: 'none',
  allow: { create: false, fetch: true, commit: false, delete: false, list: false },
  fields: {
    swift: f.object<SwiftCoreInfo>().readOnly().always(),
    slo: f.object<SloInfo>().readOnly(),
    tempurl: f.object<TempUrlInfo>().readOnly(),
    bulkDelete: f
      .object<{ max_deletes_per_request?: number; max_failed_deletes?: number }>({ api: 'bulk_delete' })
      .readOnly(),
    bulkUpload: f.object({ api: 'bulk_upload' }).readOnly(),
    staticweb: f.object().readOnly(),
    formpost: f.object().readOnly(),
    symlink: f.object().readOnly(),
    versionedWrites: f.object<{ allowed_flags?: string[] }>({ api: 'versioned_writes' }).readOnly(),
    objectVersioning: f.object({ api: 'object_versioning' }).readOnly(),
    accountQuotas: f.object({ api: 'account_quotas' }).readOnly(),
    containerQuotas: f.object({ api: 'container_quotas' }).readOnly(),
  },
});

/** What the Swift cluster supports (`GET /info`): limits, middleware and their settings. */
export type CapabilitiesResource = Resource<(typeof Capabilities)['fields']>;
