import { defineResource, f } from '../../resource/index.js';

/** A link ironic attaches to a resource (`self`, `bookmark`). */
export interface BaremetalLink {
  /** `self` or `bookmark`. */
  rel: string;
  /** The URL. */
  href: string;
}

/**
 * The provision states of a node, as ironic spells them. Stable ones (a wait can end there):
 * `enroll`, `manageable`, `available`, `active`, `rescue`, and the failures; the others are
 * transitions a conductor is working through.
 */
export const NODE_PROVISION_STATES = [
  'enroll',
  'verifying',
  'manageable',
  'inspecting',
  'inspect wait',
  'inspect failed',
  'cleaning',
  'clean wait',
  'clean failed',
  'available',
  'deploying',
  'wait call-back',
  'deploy failed',
  'active',
  'deleting',
  'error',
  'adopting',
  'adopt failed',
  'rescuing',
  'rescue wait',
  'rescue failed',
  'rescue',
  'unrescuing',
  'unrescue failed',
  'rebuild',
  'servicing',
] as const;
/** A node's provision state. */
export type NodeProvisionState = (typeof NODE_PROVISION_STATES)[number];

/**
 * Bare metal node (`/nodes`): one physical machine ironic manages, with its driver, the
 * interfaces that driver uses, its power and provision states. Listings use `/nodes/detail` so
 * every row is a full node. Updates are JSON Patch (`application/json`): a value adds or replaces
 * the field, and `null` removes it (ironic has no null values to set).
 *
 * @example
 * ```ts
 * const node = await conn.baremetal.createNode({ name: 'rack1-n01', driver: 'fake-hardware' });
 * await conn.baremetal.manageNode(node, { wait: true });
 * await conn.baremetal.provideNode(node, { wait: true });
 * for await (const n of conn.baremetal.listNodes({ provisionState: 'available' })) console.log(n.name);
 * await conn.baremetal.deleteNode(node);
 * ```
 */
export const Node = defineResource({
  name: 'baremetal node',
  basePath: '/nodes',
  listPath: '/nodes/detail',
  resourceKey: null,
  resourcesKey: 'nodes',
  fields: {
    uuid: f.string({ createOnly: true }).always(),
    /** A logical name (1.5+ for lookups by name); unique among nodes. */
    name: f.string({ returnsNull: true }).always(),
    /** The hardware type, e.g. `fake-hardware`, `ipmi`, `redfish`. */
    driver: f.string({ required: true }).always(),
    /** What the driver needs to reach the machine (BMC address, credentials: ironic masks passwords). */
    driverInfo: f.object<Record<string, unknown>>({ api: 'driver_info' }).always(),
    /** What the conductor keeps for itself between steps. */
    driverInternalInfo: f.object<Record<string, unknown>>({ api: 'driver_internal_info' }).readOnly(),
    /** The machine's properties (cpus, memory_mb, local_gb, capabilities, ...). */
    properties: f.object<Record<string, unknown>>().always(),
    /** What the deployment uses (image_source, root_gb, ...), set by nova or the user. */
    instanceInfo: f.object<Record<string, unknown>>({ api: 'instance_info' }).always(),
    /** The nova instance (or any consumer) that owns the node. */
    instanceUuid: f.string({ api: 'instance_uuid', returnsNull: true }).always(),
    /** Free-form metadata. */
    extras: f.object<Record<string, unknown>>({ api: 'extra' }).always(),
    chassisUuid: f.string({ api: 'chassis_uuid', returnsNull: true }),
    /** See {@link NODE_PROVISION_STATES}; changed only through the provision actions. */
    provisionState: f.string({ api: 'provision_state', readOnly: true }).always(),
    /** The state the node is moving to, `null` when stable. */
    targetProvisionState: f.string({ api: 'target_provision_state', readOnly: true }).returnsNull(),
    /** `power on`, `power off` or `null` when unknown (changed through the power actions). */
    powerState: f.string({ api: 'power_state', readOnly: true }).always().returnsNull(),
    /** The power state being set, `null` when none. */
    targetPowerState: f.string({ api: 'target_power_state', readOnly: true }).returnsNull(),
    /** Set through setNodeMaintenance / unsetNodeMaintenance. */
    maintenance: f.boolean({ readOnly: true }).always(),
    maintenanceReason: f.string({ api: 'maintenance_reason', readOnly: true }).returnsNull(),
    /** Why the node went into maintenance by itself (1.42+): `power failure`, `clean failure`, ... */
    fault: f.string({ readOnly: true, minVersion: '1.42' }).returnsNull(),
    /** The error of the last failed action: what waiters report when a node fails. */
    lastError: f.string({ api: 'last_error', readOnly: true }).returnsNull(),
    /** The conductor holding the node's lock, `null` when none. */
    reservation: f.string({ readOnly: true }).returnsNull(),
    consoleEnabled: f.boolean({ api: 'console_enabled', readOnly: true }),
    /** The step cleaning runs now (1.7+). */
    cleanStep: f.object<Record<string, unknown>>({ api: 'clean_step', minVersion: '1.7' }).readOnly(),
    /** The step deployment runs now (1.44+). */
    deployStep: f.object<Record<string, unknown>>({ api: 'deploy_step', minVersion: '1.44' }).readOnly(),
    raidConfig: f.object<Record<string, unknown>>({ api: 'raid_config' }).readOnly(),
    targetRaidConfig: f.object<Record<string, unknown>>({ api: 'target_raid_config' }).readOnly(),
    /** The class nova's flavors match the node by (1.21+). */
    resourceClass: f.string({ api: 'resource_class', returnsNull: true, minVersion: '1.21' }),
    /** BIOS interface (1.40+). */
    biosInterface: f.string({ api: 'bios_interface', minVersion: '1.40' }),
    /** Boot interface (1.31+). */
    bootInterface: f.string({ api: 'boot_interface', minVersion: '1.31' }),
    /** Console interface (1.31+). */
    consoleInterface: f.string({ api: 'console_interface', minVersion: '1.31' }),
    /** Deploy interface (1.31+). */
    deployInterface: f.string({ api: 'deploy_interface', minVersion: '1.31' }),
    /** Inspect interface (1.31+). */
    inspectInterface: f.string({ api: 'inspect_interface', minVersion: '1.31' }),
    /** Management interface (1.31+). */
    managementInterface: f.string({ api: 'management_interface', minVersion: '1.31' }),
    /** Network interface: `noop`, `flat`, `neutron` (1.20+). */
    networkInterface: f.string({ api: 'network_interface', minVersion: '1.20' }),
    /** Power interface (1.31+). */
    powerInterface: f.string({ api: 'power_interface', minVersion: '1.31' }),
    /** RAID interface (1.31+). */
    raidInterface: f.string({ api: 'raid_interface', minVersion: '1.31' }),
    /** Rescue interface (1.38+). */
    rescueInterface: f.string({ api: 'rescue_interface', minVersion: '1.38' }),
    /** Storage interface (1.33+). */
    storageInterface: f.string({ api: 'storage_interface', minVersion: '1.33' }),
    /** Vendor interface (1.31+). */
    vendorInterface: f.string({ api: 'vendor_interface', minVersion: '1.31' }),
    /** The node's traits (1.37+); changed with setNodeTraits / addNodeTrait / removeNodeTrait. */
    traits: f.array<string>({ minVersion: '1.37' }).readOnly(),
    /** Conductors of this group manage the node (1.46+); empty for any. */
    conductorGroup: f.string({ api: 'conductor_group', minVersion: '1.46' }),
    /** Overrides the conductor's automated_clean for this node (1.47+). */
    automatedClean: f.boolean({ api: 'automated_clean', returnsNull: true, minVersion: '1.47' }),
    /** An active node that must not be undeployed, rebuilt or deleted (1.48+). */
    protected: f.boolean({ minVersion: '1.48' }),
    /** Why the node is protected (1.48+). */
    protectedReason: f.string({ api: 'protected_reason', returnsNull: true, minVersion: '1.48' }),
    /** The conductor serving the node (1.49+). */
    conductor: f.string({ readOnly: true, minVersion: '1.49' }),
    /** The project owning the node (1.50+). */
    owner: f.string({ returnsNull: true, minVersion: '1.50' }),
    /** Free text (1.51+). */
    description: f.string({ returnsNull: true, minVersion: '1.51' }),
    /** The allocation holding the node (1.52+). */
    allocationUuid: f.string({ api: 'allocation_uuid', readOnly: true, minVersion: '1.52' }),
    /** Marked for retirement: cannot be provided again (1.61+). */
    retired: f.boolean({ minVersion: '1.61' }),
    /** Why the node is retired (1.61+). */
    retiredReason: f.string({ api: 'retired_reason', returnsNull: true, minVersion: '1.61' }),
    /** A project that may use the node (1.65+). */
    lessee: f.string({ returnsNull: true, minVersion: '1.65' }),
    /** Static network configuration for the instance (1.66+). */
    networkData: f.object<Record<string, unknown>>({ api: 'network_data', minVersion: '1.66' }),
    /** `uefi` or `bios`, as the node last booted (1.75+). */
    bootMode: f.string({ api: 'boot_mode', readOnly: true, minVersion: '1.75' }),
    /** Whether UEFI secure boot is on (1.75+). */
    secureBoot: f.boolean({ api: 'secure_boot', readOnly: true, minVersion: '1.75' }),
    createdAt: f.date({ api: 'created_at', readOnly: true }).always(),
    updatedAt: f.date({ api: 'updated_at', readOnly: true }).returnsNull(),
    provisionUpdatedAt: f.date({ api: 'provision_updated_at', readOnly: true }).returnsNull(),
    inspectionStartedAt: f.date({ api: 'inspection_started_at', readOnly: true }).returnsNull(),
    inspectionFinishedAt: f.date({ api: 'inspection_finished_at', readOnly: true }).returnsNull(),
    links: f.array<BaremetalLink>().readOnly(),
    /** Links to the node's sub-collections. */
    ports: f.array<BaremetalLink>().readOnly(),
    /** Links to the node's sub-collections. */
    portgroups: f.array<BaremetalLink>().readOnly(),
    /** Links to the node's state endpoints. */
    states: f.array<BaremetalLink>().readOnly(),
    /** Links to the node's volume connectors and targets. */
    volume: f.array<BaremetalLink>().readOnly(),
  },
  query: {
    associated: 'associated',
    maintenance: 'maintenance',
    /** 1.9+. */
    provisionState: 'provision_state',
    /** 1.16+. */
    driver: 'driver',
    /** 1.21+. */
    resourceClass: 'resource_class',
    /** 1.46+. */
    conductorGroup: 'conductor_group',
    /** 1.49+. */
    conductor: 'conductor',
    /** 1.50+. */
    owner: 'owner',
    /** 1.51+: nodes whose description contains this text. */
    descriptionContains: 'description_contains',
    /** 1.65+. */
    lessee: 'lessee',
    /** 1.61+. */
    retired: 'retired',
    chassisUuid: 'chassis_uuid',
    instanceUuid: 'instance_uuid',
    fault: 'fault',
    sortKey: 'sort_key',
    sortDir: 'sort_dir',
  },
  idField: 'uuid',
  commitMethod: 'JSON_PATCH',
  jsonPatchContentType: 'application/json',
  statusField: 'provisionState',
});
