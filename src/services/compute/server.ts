import { defineResource, f, type PartialResource, type Resource } from '../../resource/index.js';

/** One address of a server on one network (`addresses.<network>[]`). */
export interface ServerAddress {
  /** The IP address. */
  addr: string;
  /** IPv4 or IPv6. */
  version: 4 | 6;
  /** `fixed` (on the port) or `floating` (a floating IP mapped to it). */
  'OS-EXT-IPS:type'?: 'fixed' | 'floating';
  /** The MAC address of the port. */
  'OS-EXT-IPS-MAC:mac_addr'?: string;
}

/** One network request of `networks` at create. */
export interface ServerNetworkRequest {
  /** Network id. */
  uuid?: string;
  /** Existing port id. */
  port?: string;
  /** Fixed IP to request on `uuid`. */
  fixed_ip?: string;
  /** Device role tag (2.32, and again from 2.42). */
  tag?: string;
}

/** One block device mapping (`block_device_mapping_v2[]`). */
export interface BlockDeviceMapping {
  /** Boot order: `0` is the boot disk; `null` or `-1` for a disk that is not bootable. */
  boot_index?: number | string | null;
  /** The id of the source (image, snapshot or volume); none for `blank`. */
  uuid?: string;
  /** What the disk is made from. */
  source_type?: 'blank' | 'image' | 'snapshot' | 'volume';
  /** `volume` (a cinder volume) or `local` (the hypervisor's disk). */
  destination_type?: 'local' | 'volume';
  /** Size in GiB of a volume created for the mapping. */
  volume_size?: number;
  /** Delete the volume with the server. */
  delete_on_termination?: boolean;
  /** The device name asked for (e.g. `vdb`); hypervisors may ignore it. */
  device_name?: string;
  /** `disk`, `cdrom`, ... */
  device_type?: string;
  /** `virtio`, `scsi`, `ide`, ... */
  disk_bus?: string;
  /** Filesystem for a blank local disk (`swap` for swap). */
  guest_format?: string;
  /** Suppress a device the flavor would add. */
  no_device?: boolean;
  /** Device role tag (2.32+). */
  tag?: string;
  /** Volume type of a created volume (2.67+). */
  volume_type?: string;
  [key: string]: unknown;
}

/** A file injected at create or rebuild (`personality[]`, removed at 2.57). */
export interface Personality {
  /** Where the file goes in the guest. */
  path: string;
  /** Base64-encoded contents. */
  contents: string;
}

/** The flavor of a server: `{ id, links }` before 2.47, the flavor's values from 2.47. */
export interface ServerFlavor {
  /** The flavor id (before 2.47). */
  id?: string;
  /** Links to the flavor (before 2.47). */
  links?: { rel: string; href: string }[];
  /** The flavor's name when the server was created (2.47+). */
  original_name?: string;
  /** Virtual CPUs (2.47+). */
  vcpus?: number;
  /** Memory in MiB (2.47+). */
  ram?: number;
  /** Root disk in GiB (2.47+). */
  disk?: number;
  /** Ephemeral disk in GiB (2.47+). */
  ephemeral?: number;
  /** Swap in MiB (2.47+). */
  swap?: number;
  /** The flavor's extra specs (2.47+; admin or policy permitting). */
  extra_specs?: Record<string, string>;
}

/** The image of a server (`""` when it boots from a volume). */
export interface ServerImage {
  /** The image id. */
  id: string;
  /** Links to the image. */
  links?: { rel: string; href: string }[];
  /** Image properties (2.98+). */
  properties?: Record<string, string>;
}

/** Why a server went to ERROR. */
export interface ServerFault {
  /** The HTTP-style code of the failure (e.g. 500). */
  code: number;
  /** What went wrong, in nova's words. */
  message: string;
  /** A traceback, for admins. */
  details?: string;
  /** When the fault was recorded (ISO 8601). */
  created: string;
}

/** Scheduler hints sent beside the server at create (`os:scheduler_hints`). */
export interface SchedulerHints {
  /** A server group id: its policy (affinity, anti-affinity) applies. */
  group?: string;
  /** Servers (ids) to keep away from: land on another host. */
  different_host?: string | string[];
  /** Servers (ids) to join: land on the same host. */
  same_host?: string | string[];
  /** A JSON filter expression over host state (JsonFilter). */
  query?: string | unknown[];
  /** A cell name to build in (cells v1 style hint). */
  target_cell?: string;
  /** Cells to avoid. */
  different_cell?: string | string[];
  /** Land near this host IP (with `cidr`). */
  build_near_host_ip?: string;
  /** The network prefix for `build_near_host_ip`, e.g. `/24`. */
  cidr?: string;
  [key: string]: unknown;
}

/**
 * Compute server (`/servers`). Field names follow nova's API reference; the microversion
 * ranges are those of its parameters.yaml (`min_version` / `max_version`).
 *
 * Nova uses one key for a request and another for the value it reports back in a few places.
 * The plain TypeScript name goes to the side programs use most:
 *
 * | you send (create/update)                          | nova reports                                             |
 * | ------------------------------------------------- | -------------------------------------------------------- |
 * | `availabilityZone` (`availability_zone`)          | `currentAvailabilityZone` (`OS-EXT-AZ:availability_zone`) |
 * | `userData` (`user_data`)                          | `currentUserData` (`OS-EXT-SRV-ATTR:user_data`, 2.3+)     |
 * | `hostname` (`hostname`, 2.90+)                    | `currentHostname` (`OS-EXT-SRV-ATTR:hostname`, 2.3+)      |
 * | `requestedHost` (`host`, 2.74+, admin)            | `host` (`OS-EXT-SRV-ATTR:host`)                          |
 * | `requestedHypervisorHostname` (`hypervisor_hostname`, 2.74+) | `hypervisorHostname` (`OS-EXT-SRV-ATTR:hypervisor_hostname`) |
 *
 * The read type promises the fields nova puts in every full server (get, list, update and
 * rebuild answers): id, name, status, links, created, updated, projectId, userId, flavor,
 * image, addresses, metadata, accessIpv4/6 and hostId. Two answers carry less: the create
 * answer (`createServer` returns a {@link PartialServerResource}) and, from 2.69, a server in a
 * cell nova cannot reach (status `UNKNOWN`, only id, status, links, created, projectId and a
 * few more): check `status !== 'UNKNOWN'` before trusting other fields when cells may be down.
 *
 * @example
 * ```ts
 * const image = await conn.image.findImage('cirros');
 * const flavor = await conn.compute.findFlavor('m1.small');
 * const net = await conn.network.findNetwork('private');
 * const server = await conn.compute.createServer({
 *   name: 'web1',
 *   imageRef: image.id,
 *   flavorRef: flavor.id,
 *   networks: [{ uuid: net.id }],
 *   keyName: 'me',
 * });
 * const active = await conn.compute.waitForServer(server, 'ACTIVE', { timeoutMs: 300_000 });
 * await conn.compute.updateServer(active, { name: 'web1-renamed' });
 * for await (const s of conn.compute.listServers({ status: 'ACTIVE' })) console.log(s.id, s.name);
 * await conn.compute.deleteServer(active);
 * await conn.compute.waitForServerDelete(active);
 * ```
 */
export const Server = defineResource({
  name: 'server',
  basePath: '/servers',
  listPath: '/servers/detail',
  fields: {
    id: f.string({ readOnly: true }).always(),
    name: f.string({ required: true }).always(),
    status: f.string({ readOnly: true }).always(),
    // --- create
    imageRef: f.string({ createOnly: true }),
    flavorRef: f.string({ required: true, createOnly: true }),
    /** Networks to attach at create: `'auto'`, `'none'` or a list (required from 2.37). */
    networks: f.any<'auto' | 'none' | ServerNetworkRequest[]>().createOnly(),
    keyName: f.string({ api: 'key_name', createOnly: true }).returnsNull(),
    adminPass: f.string({ createOnly: true }),
    /** Base64 text (see `ComputeV2.createServer` for how plain text and bytes are handled). */
    userData: f.string({ api: 'user_data', createOnly: true }),
    metadata: f.object<Record<string, string>>().createOnly().always(),
    securityGroups: f.array<{ name: string }>({ api: 'security_groups' }).createOnly(),
    availabilityZone: f.string({ api: 'availability_zone', createOnly: true }),
    blockDeviceMappingV2: f.array<BlockDeviceMapping>({ api: 'block_device_mapping_v2' }).createOnly(),
    /** `true` at create; nova reports `"True"` or `""`. */
    configDrive: f.any<boolean | string>({ api: 'config_drive' }).createOnly(),
    /** Up to microversion 2.56. */
    personality: f.array<Personality>({ maxVersion: '2.56' }).createOnly(),
    minCount: f.integer({ api: 'min_count', createOnly: true }),
    maxCount: f.integer({ api: 'max_count', createOnly: true }),
    returnReservationId: f.boolean({ api: 'return_reservation_id', createOnly: true }),
    /** From microversion 2.52. */
    tags: f.array<string>({ minVersion: '2.52' }).createOnly(),
    /** From microversion 2.63. */
    trustedImageCertificates: f
      .array<string>({ api: 'trusted_image_certificates', minVersion: '2.63', nullable: true })
      .createOnly(),
    /** From microversion 2.74. */
    requestedHost: f.string({ api: 'host', minVersion: '2.74', createOnly: true }),
    /** From microversion 2.74. */
    requestedHypervisorHostname: f.string({
      api: 'hypervisor_hostname',
      minVersion: '2.74',
      createOnly: true,
    }),
    // --- create and update
    /** From microversion 2.90. */
    hostname: f.string({ minVersion: '2.90' }),
    /** From microversion 2.19. */
    description: f.string({ minVersion: '2.19', nullable: true }),
    accessIpv4: f.string({ api: 'accessIPv4' }).always(),
    accessIpv6: f.string({ api: 'accessIPv6' }).always(),
    diskConfig: f.enum(['AUTO', 'MANUAL'], { api: 'OS-DCF:diskConfig' }),
    /** Unpin with null, re-pin to the current zone (2.104+; read from 2.96). */
    pinnedAvailabilityZone: f.string({
      api: 'pinned_availability_zone',
      minVersion: '2.104',
      nullable: true,
    }),
    // --- reported by nova
    addresses: f.object<Record<string, ServerAddress[]>>().readOnly().always(),
    flavor: f.object<ServerFlavor>().readOnly().always(),
    image: f.any<ServerImage | ''>().readOnly().always(),
    created: f.date({ readOnly: true }).always(),
    updated: f.date({ readOnly: true }).always(),
    hostId: f.string({ readOnly: true }).always(),
    hostStatus: f.string({ api: 'host_status', readOnly: true }),
    userId: f.string({ api: 'user_id', readOnly: true }).always(),
    projectId: f.string({ api: 'tenant_id', readOnly: true }).always(),
    progress: f.integer({ readOnly: true }),
    fault: f.object<ServerFault>().readOnly().returnsNull(),
    locked: f.boolean({ readOnly: true }),
    lockedReason: f.string({ api: 'locked_reason', readOnly: true }).returnsNull(),
    powerState: f.integer({ api: 'OS-EXT-STS:power_state', readOnly: true }),
    taskState: f.string({ api: 'OS-EXT-STS:task_state', readOnly: true }).returnsNull(),
    vmState: f.string({ api: 'OS-EXT-STS:vm_state', readOnly: true }),
    launchedAt: f.date({ api: 'OS-SRV-USG:launched_at', readOnly: true }).returnsNull(),
    terminatedAt: f.date({ api: 'OS-SRV-USG:terminated_at', readOnly: true }).returnsNull(),
    attachedVolumes: f
      .array<{ id: string; delete_on_termination?: boolean }>({
        api: 'os-extended-volumes:volumes_attached',
      })
      .readOnly(),
    currentAvailabilityZone: f.string({ api: 'OS-EXT-AZ:availability_zone', readOnly: true }),
    host: f.string({ api: 'OS-EXT-SRV-ATTR:host', readOnly: true }).returnsNull(),
    hypervisorHostname: f
      .string({ api: 'OS-EXT-SRV-ATTR:hypervisor_hostname', readOnly: true })
      .returnsNull(),
    instanceName: f.string({ api: 'OS-EXT-SRV-ATTR:instance_name', readOnly: true }).returnsNull(),
    currentHostname: f.string({ api: 'OS-EXT-SRV-ATTR:hostname', readOnly: true }).returnsNull(),
    currentUserData: f.string({ api: 'OS-EXT-SRV-ATTR:user_data', readOnly: true }).returnsNull(),
    kernelId: f.string({ api: 'OS-EXT-SRV-ATTR:kernel_id', readOnly: true }).returnsNull(),
    ramdiskId: f.string({ api: 'OS-EXT-SRV-ATTR:ramdisk_id', readOnly: true }).returnsNull(),
    launchIndex: f.integer({ api: 'OS-EXT-SRV-ATTR:launch_index', readOnly: true }),
    reservationId: f.string({ api: 'OS-EXT-SRV-ATTR:reservation_id', readOnly: true }),
    rootDeviceName: f.string({ api: 'OS-EXT-SRV-ATTR:root_device_name', readOnly: true }).returnsNull(),
    serverGroups: f.array<string>({ api: 'server_groups' }).readOnly(),
    schedulerHints: f.object<SchedulerHints>({ api: 'scheduler_hints' }).readOnly(),
    links: f.array<{ rel: string; href: string }>().readOnly().always(),
  },
  query: {
    /** A regular expression (nova searches names with it); `findServer` escapes and anchors. */
    name: 'name',
    status: 'status',
    image: 'image',
    flavor: 'flavor',
    host: 'host',
    node: 'node',
    hostname: 'hostname',
    ip: 'ip',
    ip6: 'ip6',
    uuid: 'uuid',
    description: 'description',
    keyName: 'key_name',
    accessIpv4: 'access_ip_v4',
    accessIpv6: 'access_ip_v6',
    allTenants: 'all_tenants',
    projectId: 'project_id',
    userId: 'user_id',
    changesSince: 'changes-since',
    changesBefore: 'changes-before',
    createdAt: 'created_at',
    launchedAt: 'launched_at',
    terminatedAt: 'terminated_at',
    tags: 'tags',
    tagsAny: 'tags-any',
    notTags: 'not-tags',
    notTagsAny: 'not-tags-any',
    locked: 'locked',
    lockedBy: 'locked_by',
    availabilityZone: 'availability_zone',
    vmState: 'vm_state',
    taskState: 'task_state',
    powerState: 'power_state',
    configDrive: 'config_drive',
    diskConfig: 'auto_disk_config',
    kernelId: 'kernel_id',
    ramdiskId: 'ramdisk_id',
    launchIndex: 'launch_index',
    progress: 'progress',
    rootDeviceName: 'root_device_name',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
    deleted: 'deleted',
    softDeleted: 'soft_deleted',
    reservationId: 'reservation_id',
  },
});

/** A server as the SDK returns it. */
export type ServerResource = Resource<(typeof Server)['fields']>;

/**
 * The server `createServer` returns: nova's create answer carries only id, links, adminPass and
 * security groups (merged over what was sent), so no other field is promised until
 * `getServer` or `waitForServer` reads the whole server.
 */
export type PartialServerResource = PartialResource<(typeof Server)['fields']>;
