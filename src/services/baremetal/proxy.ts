/**
 * The bare metal v1 (ironic) proxy: `conn.baremetal`. Requests carry
 * `OpenStack-API-Version: baremetal 1.x` and ironic's own `X-OpenStack-Ironic-API-Version`
 * (the pinned microversion, else the SDK default, 1.78). Ironic bodies are bare JSON documents;
 * updates are JSON Patch.
 *
 * The class holds the generated verbs (one table) and is assembled from one section per
 * family (provision states, power and maintenance, validation and traits, drivers and
 * allocations) by {@link mixSections}.
 */
import { installVerbs, READ_VERBS, type VerbsOfTable, verbRow } from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { mixSections } from '../proxy-sections.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { baremetalV1Spec } from '../specs.js';
import { Allocation } from './allocation.js';
import { Chassis } from './chassis.js';
import { DeployTemplate } from './deploy-template.js';
import { Driver } from './driver.js';
import { DriverSection } from './driver-section.js';
import { Node } from './node.js';
import { NodeInfoSection } from './node-info-section.js';
import { NodePowerSection } from './node-power-section.js';
import { NodeProvisionSection } from './node-provision-section.js';
import { Port } from './port.js';
import { PortGroup } from './port-group.js';

export type {
  AllocationResource,
  ChassisResource,
  DeployTemplateResource,
  DriverResource,
  NodeResource,
  PortGroupResource,
  PortResource,
} from './resource-types.js';

const CRUD = ['list', 'get', 'find', 'create', 'update', 'delete'] as const;

/** The generated verbs of `conn.baremetal`, one row per resource (singular → definition, plural, verbs). */
const baremetalVerbTable = {
  Node: verbRow(Node, 'Nodes', CRUD),
  Port: verbRow(Port, 'Ports', CRUD),
  PortGroup: verbRow(PortGroup, 'PortGroups', CRUD),
  Chassis: verbRow(Chassis, 'Chassis', CRUD),
  // waitForAllocation is written by hand (DriverSection): it knows the target and the failure
  Allocation: verbRow(Allocation, 'Allocations', CRUD),
  Driver: verbRow(Driver, 'Drivers', READ_VERBS),
  DeployTemplate: verbRow(DeployTemplate, 'DeployTemplates', CRUD),
} as const;

/** The verbs generated from {@link baremetalVerbTable} and the methods of every section. */
export interface BaremetalV1
  extends VerbsOfTable<typeof baremetalVerbTable>,
    NodeProvisionSection,
    NodePowerSection,
    NodeInfoSection,
    DriverSection {}

/**
 * Ironic: nodes with their provision state machine, power, maintenance, validation and traits;
 * ports, port groups, chassis, drivers, allocations and deploy templates.
 */
export class BaremetalV1 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, baremetalV1Spec, opts);
    installVerbs(this, this.client, baremetalVerbTable);
  }
}

mixSections(BaremetalV1, [NodeProvisionSection, NodePowerSection, NodeInfoSection, DriverSection]);
