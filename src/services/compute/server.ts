/** Compute server (`/servers`). Field names follow nova's API reference; microversions from its parameters.yaml. */
import { defineResource, f } from '../../resource/index.js';

export interface ServerAddress {
  addr: string;
  version: 4 | 6;
  'OS-EXT-IPS:type'?: 'fixed' | 'floating';
  'OS-EXT-IPS-MAC:mac_addr'?: string;
}

export interface ServerNetworkRequest {
  uuid?: string;
  port?: string;
  fixed_ip?: string;
  tag?: string;
}

export interface BlockDeviceMapping {
  boot_index?: number | string | null;
  uuid?: string;
  source_type?: 'blank' | 'image' | 'snapshot' | 'volume';
  destination_type?: 'local' | 'volume';
  volume_size?: number;
  delete_on_termination?: boolean;
  device_name?: string;
  volume_type?: string;
  tag?: string;
  [key: string]: unknown;
}

export const Server = defineResource({
  name: 'server',
  basePath: '/servers',
  listPath: '/servers/detail',
  fields: {
    id: f.string({ readOnly: true }),
    name: f.string({ required: true }),
    status: f.string({ readOnly: true }),
    imageRef: f.string({ createOnly: true }),
    flavorRef: f.string({ createOnly: true }),
    /** Networks to attach at create: `'auto'`, `'none'` or a list. */
    networks: f.any<'auto' | 'none' | ServerNetworkRequest[]>().createOnly(),
    keyName: f.string({ api: 'key_name', createOnly: true }),
    adminPass: f.string({ createOnly: true }),
    userData: f.string({ api: 'user_data', createOnly: true }),
    metadata: f.object<Record<string, string>>().createOnly(),
    securityGroups: f.array<{ name: string }>({ api: 'security_groups' }).createOnly(),
    availabilityZone: f.string({ api: 'availability_zone', createOnly: true }),
    blockDeviceMappingV2: f.array<BlockDeviceMapping>({ api: 'block_device_mapping_v2' }).createOnly(),
    configDrive: f.boolean({ api: 'config_drive', createOnly: true }),
    minCount: f.integer({ api: 'min_count', createOnly: true }),
    maxCount: f.integer({ api: 'max_count', createOnly: true }),
    tags: f.array<string>({ minVersion: '2.52' }).createOnly(),
    hostname: f.string({ minVersion: '2.90' }),
    description: f.string({ minVersion: '2.19', nullable: true }),
    accessIpv4: f.string({ api: 'accessIPv4' }),
    accessIpv6: f.string({ api: 'accessIPv6' }),
    diskConfig: f.enum(['AUTO', 'MANUAL'], { api: 'OS-DCF:diskConfig' }),
    addresses: f.object<Record<string, ServerAddress[]>>().readOnly(),
    flavor: f.object<Record<string, unknown>>().readOnly(),
    image: f.any<{ id: string } | ''>().readOnly(),
    created: f.date({ readOnly: true }),
    updated: f.date({ readOnly: true }),
    hostId: f.string({ readOnly: true }),
    userId: f.string({ api: 'user_id', readOnly: true }),
    projectId: f.string({ api: 'tenant_id', readOnly: true }),
    progress: f.integer({ readOnly: true }),
    fault: f.object<{ code: number; message: string; details?: string; created: string }>().readOnly(),
    locked: f.boolean({ readOnly: true, minVersion: '2.9' }),
    lockedReason: f.string({ api: 'locked_reason', readOnly: true, minVersion: '2.73' }),
    powerState: f.integer({ api: 'OS-EXT-STS:power_state', readOnly: true }),
    taskState: f.string({ api: 'OS-EXT-STS:task_state', readOnly: true }),
    vmState: f.string({ api: 'OS-EXT-STS:vm_state', readOnly: true }),
    launchedAt: f.date({ api: 'OS-SRV-USG:launched_at', readOnly: true }),
    terminatedAt: f.date({ api: 'OS-SRV-USG:terminated_at', readOnly: true }),
    attachedVolumes: f
      .array<{ id: string; delete_on_termination?: boolean }>({
        api: 'os-extended-volumes:volumes_attached',
      })
      .readOnly(),
    host: f.string({ api: 'OS-EXT-SRV-ATTR:host', readOnly: true }),
    hypervisorHostname: f.string({ api: 'OS-EXT-SRV-ATTR:hypervisor_hostname', readOnly: true }),
    instanceName: f.string({ api: 'OS-EXT-SRV-ATTR:instance_name', readOnly: true }),
    serverGroups: f.array<string>({ api: 'server_groups', minVersion: '2.71' }).readOnly(),
    trustedImageCertificates: f.array<string>({
      api: 'trusted_image_certificates',
      minVersion: '2.63',
      nullable: true,
    }),
    links: f.array<{ rel: string; href: string }>().readOnly(),
  },
  query: {
    name: 'name',
    status: 'status',
    image: 'image',
    flavor: 'flavor',
    host: 'host',
    ip: 'ip',
    ip6: 'ip6',
    allTenants: 'all_tenants',
    projectId: 'project_id',
    userId: 'user_id',
    changesSince: 'changes-since',
    changesBefore: 'changes-before',
    tags: 'tags',
    tagsAny: 'tags-any',
    notTags: 'not-tags',
    notTagsAny: 'not-tags-any',
    locked: 'locked',
    availabilityZone: 'availability_zone',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
    deleted: 'deleted',
    reservationId: 'reservation_id',
  },
});
