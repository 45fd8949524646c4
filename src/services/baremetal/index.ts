export { Allocation } from './allocation.js';
export { Chassis } from './chassis.js';
export { DeployTemplate, type DeployTemplateStep } from './deploy-template.js';
export { Driver } from './driver.js';
export type { DriverSection } from './driver-section.js';
export type { IdArg } from './internal.js';
export { type BaremetalLink, NODE_PROVISION_STATES, Node, type NodeProvisionState } from './node.js';
export type { InterfaceValidation, NodeInfoSection } from './node-info-section.js';
export {
  NodePowerSection,
  POWER_TARGETS,
  type PowerOptions,
  type PowerTarget,
} from './node-power-section.js';
export {
  NodeProvisionSection,
  PROVISION_TARGETS,
  type ProvisionBody,
  type ProvisionOptions,
  type ProvisionTarget,
} from './node-provision-section.js';
export { Port } from './port.js';
export { PortGroup } from './port-group.js';
export {
  type AllocationResource,
  BaremetalV1,
  type ChassisResource,
  type DeployTemplateResource,
  type DriverResource,
  type NodeResource,
  type PortGroupResource,
  type PortResource,
} from './proxy.js';
export type { NodeWaitOptions } from './waits.js';
