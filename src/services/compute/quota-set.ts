/**
 * Compute quotas of a project, or of a user in a project (`/os-quota-sets/{project_id}`).
 * `QuotaSet` holds limits (`-1`: unlimited); `QuotaSetDetail` (`/detail`) holds
 * `{ limit, in_use, reserved }` per resource.
 */
import { defineResource, f } from '../../resource/index.js';

/** One resource of a detailed quota set. */
export interface QuotaUsage {
  /** The limit (`-1`: unlimited). */
  limit: number;
  /** Used now. */
  in_use: number;
  /** Held by operations in progress. */
  reserved: number;
}

/** Compute quota limits of a project (or a user in it); `-1` means unlimited. */
export const QuotaSet = defineResource({
  name: 'quota set',
  basePath: '/os-quota-sets',
  resourcesKey: null,
  fields: {
    /** The project (or user) the quotas belong to; not in update answers. */
    id: f.string({ readOnly: true }),
    cores: f.integer().always(),
    instances: f.integer().always(),
    keyPairs: f.integer({ api: 'key_pairs' }).always(),
    metadataItems: f.integer({ api: 'metadata_items' }).always(),
    ram: f.integer().always(),
    serverGroups: f.integer({ api: 'server_groups' }).always(),
    serverGroupMembers: f.integer({ api: 'server_group_members' }).always(),
    /** Up to microversion 2.35. */
    fixedIps: f.integer({ api: 'fixed_ips', maxVersion: '2.35' }),
    /** Up to microversion 2.35. */
    floatingIps: f.integer({ api: 'floating_ips', maxVersion: '2.35' }),
    /** Up to microversion 2.35. */
    networks: f.integer({ maxVersion: '2.35' }),
    /** Up to microversion 2.35. */
    securityGroups: f.integer({ api: 'security_groups', maxVersion: '2.35' }),
    /** Up to microversion 2.35. */
    securityGroupRules: f.integer({ api: 'security_group_rules', maxVersion: '2.35' }),
    /** Up to microversion 2.56. */
    injectedFiles: f.integer({ api: 'injected_files', maxVersion: '2.56' }),
    /** Up to microversion 2.56. */
    injectedFileContentBytes: f.integer({ api: 'injected_file_content_bytes', maxVersion: '2.56' }),
    /** Up to microversion 2.56. */
    injectedFilePathBytes: f.integer({ api: 'injected_file_path_bytes', maxVersion: '2.56' }),
    /** Update only: set limits below the current usage. Nova also takes "True"/"False". */
    force: f.any<boolean | string>(),
  },
  pagination: 'none',
  allow: { create: false, list: false },
});

/** Compute quotas with usage: `{ limit, in_use, reserved }` per resource. */
export const QuotaSetDetail = defineResource({
  name: 'quota set',
  basePath: '/os-quota-sets',
  resourcesKey: null,
  fields: {
    id: f.string({ readOnly: true }).always(),
    cores: f.object<QuotaUsage>().readOnly().always(),
    instances: f.object<QuotaUsage>().readOnly().always(),
    keyPairs: f.object<QuotaUsage>({ api: 'key_pairs' }).readOnly().always(),
    metadataItems: f.object<QuotaUsage>({ api: 'metadata_items' }).readOnly().always(),
    ram: f.object<QuotaUsage>().readOnly().always(),
    serverGroups: f.object<QuotaUsage>({ api: 'server_groups' }).readOnly().always(),
    serverGroupMembers: f.object<QuotaUsage>({ api: 'server_group_members' }).readOnly().always(),
    fixedIps: f.object<QuotaUsage>({ api: 'fixed_ips' }).readOnly(),
    floatingIps: f.object<QuotaUsage>({ api: 'floating_ips' }).readOnly(),
    networks: f.object<QuotaUsage>().readOnly(),
    securityGroups: f.object<QuotaUsage>({ api: 'security_groups' }).readOnly(),
    securityGroupRules: f.object<QuotaUsage>({ api: 'security_group_rules' }).readOnly(),
    injectedFiles: f.object<QuotaUsage>({ api: 'injected_files' }).readOnly(),
    injectedFileContentBytes: f.object<QuotaUsage>({ api: 'injected_file_content_bytes' }).readOnly(),
    injectedFilePathBytes: f.object<QuotaUsage>({ api: 'injected_file_path_bytes' }).readOnly(),
  },
  pagination: 'none',
  allow: { create: false, commit: false, delete: false, list: false },
});
