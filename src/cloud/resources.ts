/** Resource instance types the cloud layer hands back (aliases over the service definitions). */
import type { Resource } from '../resource/instance.js';
import type { Snapshot } from '../services/block-storage/snapshot.js';
import type { Volume } from '../services/block-storage/volume.js';
import type { Flavor } from '../services/compute/flavor.js';
import type { ServerResource } from '../services/compute/index.js';
import type { KeypairResource } from '../services/compute/keypair-ops.js';
import type { Image } from '../services/image/image.js';
import type { FloatingIp } from '../services/network/floating-ip.js';
import type { Network } from '../services/network/network.js';
import type { Port } from '../services/network/port.js';
import type { Router } from '../services/network/router.js';
import type { SecurityGroup } from '../services/network/security-group.js';
import type { SecurityGroupRule } from '../services/network/security-group-rule.js';
import type { Subnet } from '../services/network/subnet.js';

export type { KeypairResource, ServerResource };
/** A compute flavor as the cloud layer returns it. */
export type FlavorResource = Resource<(typeof Flavor)['fields']>;
/** An image as the cloud layer returns it. */
export type ImageResource = Resource<(typeof Image)['fields']>;
/** A network as the cloud layer returns it. */
export type NetworkResource = Resource<(typeof Network)['fields']>;
/** A subnet as the cloud layer returns it. */
export type SubnetResource = Resource<(typeof Subnet)['fields']>;
/** A port as the cloud layer returns it. */
export type PortResource = Resource<(typeof Port)['fields']>;
/** A router as the cloud layer returns it. */
export type RouterResource = Resource<(typeof Router)['fields']>;
/** A floating IP as the cloud layer returns it. */
export type FloatingIpResource = Resource<(typeof FloatingIp)['fields']>;
/** A security group as the cloud layer returns it. */
export type SecurityGroupResource = Resource<(typeof SecurityGroup)['fields']>;
/** A security group rule as the cloud layer returns it. */
export type SecurityGroupRuleResource = Resource<(typeof SecurityGroupRule)['fields']>;
/** A volume as the cloud layer returns it. */
export type VolumeResource = Resource<(typeof Volume)['fields']>;
/** A volume snapshot as the cloud layer returns it. */
export type SnapshotResource = Resource<(typeof Snapshot)['fields']>;
