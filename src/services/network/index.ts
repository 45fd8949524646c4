export { AddressGroup } from './address-group.js';
export { AddressScope } from './address-scope.js';
export { Agent } from './agent.js';
export { AvailabilityZone } from './availability-zone.js';
export { baseQuery, type Link, ownerFields, standardFields, standardQuery } from './common.js';
export { Extension } from './extension.js';
export { FloatingIp, type FloatingIpPortDetails } from './floating-ip.js';
export { FloatingIpPool } from './floating-ip-pool.js';
export { Network, type NetworkSegmentSpec } from './network.js';
export {
  type IpAvailabilityDetails,
  NetworkIpAvailability,
  type SubnetIpAvailability,
} from './network-ip-availability.js';
export {
  type AllowedAddressPair,
  type DnsAssignment,
  type ExtraDhcpOpt,
  type FixedIp,
  Port,
} from './port.js';
export { type IdArg, NetworkV2, type RouterInterfaceTarget } from './proxy.js';
export { QosBandwidthLimitRule } from './qos-bandwidth-limit-rule.js';
export { QosDscpMarkingRule } from './qos-dscp-marking-rule.js';
export { QosMinimumBandwidthRule } from './qos-minimum-bandwidth-rule.js';
export { QosMinimumPacketRateRule } from './qos-minimum-packet-rate-rule.js';
export { QosPacketRateLimitRule } from './qos-packet-rate-limit-rule.js';
export { QosPolicy, type QosRuleSummary } from './qos-policy.js';
export { QosRuleType, type QosRuleTypeDriver } from './qos-rule-type.js';
export { Quota } from './quota.js';
export { QuotaDetails, type QuotaUsage } from './quota-details.js';
export { RbacPolicy } from './rbac-policy.js';
export {
  type ExternalGateway,
  type ExternalGatewayInfo,
  Router,
  type RouterRoute,
} from './router.js';
export { RouterInterface } from './router-interface.js';
export { SecurityGroup } from './security-group.js';
export { SecurityGroupRule } from './security-group-rule.js';
export { Segment } from './segment.js';
export { type AllocationPool, type HostRoute, IPV6_MODES, Subnet } from './subnet.js';
export { SubnetPool } from './subnet-pool.js';
export { TAG_COLLECTIONS, type TagCollection, type Taggable, tagTarget } from './tags.js';
