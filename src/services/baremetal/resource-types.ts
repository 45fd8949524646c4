/**
 * The instance types of bare metal resources, as the proxy's methods return them (re-exported
 * by ./proxy.ts, where callers import them from).
 */
import type { Resource } from '../../resource/instance.js';
import type { Allocation } from './allocation.js';
import type { Chassis } from './chassis.js';
import type { DeployTemplate } from './deploy-template.js';
import type { Driver } from './driver.js';
import type { Node } from './node.js';
import type { Port } from './port.js';
import type { PortGroup } from './port-group.js';

/** A bare metal node. */
export type NodeResource = Resource<(typeof Node)['fields']>;
/** A bare metal port. */
export type PortResource = Resource<(typeof Port)['fields']>;
/** A bare metal port group. */
export type PortGroupResource = Resource<(typeof PortGroup)['fields']>;
/** A bare metal chassis. */
export type ChassisResource = Resource<(typeof Chassis)['fields']>;
/** A bare metal allocation. */
export type AllocationResource = Resource<(typeof Allocation)['fields']>;
/** A bare metal driver (hardware type). */
export type DriverResource = Resource<(typeof Driver)['fields']>;
/** A bare metal deploy template. */
export type DeployTemplateResource = Resource<(typeof DeployTemplate)['fields']>;
