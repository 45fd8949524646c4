import { defineResource, f } from '../../resource/index.js';

/** Absolute limits and usage; `-1` means unlimited. Keys vanish with the microversion that dropped them. */
export interface AbsoluteLimits {
  /** Metadata items per server. */
  maxServerMeta: number;
  /** vCPUs in the project. */
  maxTotalCores: number;
  /** Servers in the project. */
  maxTotalInstances: number;
  /** Key pairs per user. */
  maxTotalKeypairs: number;
  /** RAM in the project (MiB). */
  maxTotalRAMSize: number;
  /** Server groups in the project. */
  maxServerGroups: number;
  /** Servers per server group. */
  maxServerGroupMembers: number;
  /** vCPUs in use. */
  totalCoresUsed: number;
  /** Servers in use. */
  totalInstancesUsed: number;
  /** RAM in use (MiB). */
  totalRAMUsed: number;
  /** Server groups in use. */
  totalServerGroupsUsed: number;
  /** Up to 2.35. */
  maxSecurityGroupRules?: number;
  /** Up to 2.35. */
  maxSecurityGroups?: number;
  /** Up to 2.35. */
  maxTotalFloatingIps?: number;
  /** Up to 2.35. */
  totalFloatingIpsUsed?: number;
  /** Up to 2.35. */
  totalSecurityGroupsUsed?: number;
  /** Up to 2.38. */
  maxImageMeta?: number;
  /** Up to 2.56. */
  maxPersonality?: number;
  /** Up to 2.56. */
  maxPersonalitySize?: number;
  [key: string]: number | undefined;
}

/** Rate and absolute limits of a project (`GET /limits`). */
export const Limits = defineResource({
  name: 'limits',
  basePath: '/limits',
  resourceKey: 'limits',
  resourcesKey: null,
  idField: 'absolute',
  fields: {
    absolute: f.object<AbsoluteLimits>().readOnly().always(),
    /** Always empty since nova dropped rate limits. */
    rate: f.array<unknown>().readOnly().always(),
  },
  pagination: 'none',
  allow: { create: false, fetch: false, commit: false, delete: false, list: false },
});
