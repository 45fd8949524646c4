import { defineResource, f } from '../../resource/index.js';

/** The compute service of a hypervisor. */
export interface HypervisorService {
  /** The compute host's name. */
  host: string;
  /** Integer up to 2.52, UUID from 2.53. */
  id: string | number;
  /** Why the service is disabled, when it is. */
  disabled_reason: string | null;
}

/**
 * Hypervisor (`/os-hypervisors`, admin). Ids are integers up to 2.52 and UUIDs from 2.53;
 * from 2.88 the resource counters are gone (read them from placement) and `uptime` is shown.
 *
 * @example
 * ```ts
 * // admin: capacity per compute host
 * for await (const h of conn.compute.listHypervisors()) console.log(h.hypervisorHostname, h.state, h.status);
 * ```
 */
export const Hypervisor = defineResource({
  name: 'hypervisor',
  basePath: '/os-hypervisors',
  listPath: '/os-hypervisors/detail',
  nameField: 'hypervisorHostname',
  fields: {
    /** Integer up to 2.52, UUID from 2.53. */
    id: f.any<string | number>().readOnly().always(),
    hypervisorHostname: f.string({ api: 'hypervisor_hostname', readOnly: true }).always(),
    /** `up` or `down`. */
    state: f.string({ readOnly: true }).always(),
    /** `enabled` or `disabled`. */
    status: f.string({ readOnly: true }).always(),
    hostIp: f.string({ api: 'host_ip', readOnly: true }).always(),
    hypervisorType: f.string({ api: 'hypervisor_type', readOnly: true }).always(),
    hypervisorVersion: f.integer({ api: 'hypervisor_version', readOnly: true }).always(),
    service: f.object<HypervisorService>().readOnly().always(),
    /** Servers on the hypervisor (2.53+, with `withServers`). */
    servers: f.array<{ uuid: string; name: string }>().readOnly(),
    /** 2.88+ */
    uptime: f.string({ readOnly: true, nullable: true }),
    /** A JSON string before 2.28, an object after; gone at 2.88. */
    cpuInfo: f.any<string | Record<string, unknown>>({ api: 'cpu_info' }).readOnly(),
    currentWorkload: f.integer({ api: 'current_workload', readOnly: true }),
    diskAvailableLeast: f.integer({ api: 'disk_available_least', readOnly: true }),
    freeDiskGb: f.integer({ api: 'free_disk_gb', readOnly: true }),
    freeRamMb: f.integer({ api: 'free_ram_mb', readOnly: true }),
    localGb: f.integer({ api: 'local_gb', readOnly: true }),
    localGbUsed: f.integer({ api: 'local_gb_used', readOnly: true }),
    memoryMb: f.integer({ api: 'memory_mb', readOnly: true }),
    memoryMbUsed: f.integer({ api: 'memory_mb_used', readOnly: true }),
    runningVms: f.integer({ api: 'running_vms', readOnly: true }),
    vcpus: f.integer({ readOnly: true }),
    vcpusUsed: f.integer({ api: 'vcpus_used', readOnly: true }),
  },
  query: {
    /** 2.53+ */
    hypervisorHostnamePattern: 'hypervisor_hostname_pattern',
    /** 2.53+ */
    withServers: 'with_servers',
  },
  allow: { create: false, commit: false, delete: false },
  pagination: 'links',
});
