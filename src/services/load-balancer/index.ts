export type { AdminSection, AmphoraStats, QuotaDefaults } from './admin-section.js';
export { Amphora } from './amphora.js';
export { AvailabilityZone } from './availability-zone.js';
export { AvailabilityZoneProfile } from './availability-zone-profile.js';
export {
  baseFields,
  baseQuery,
  type IdRef,
  PENDING_STATUSES,
  PROVISIONING_STATUSES,
  statusFields,
} from './common.js';
export { Flavor } from './flavor.js';
export { FlavorProfile } from './flavor-profile.js';
export { HealthMonitor } from './health-monitor.js';
export { L7Policy } from './l7-policy.js';
export { L7Rule } from './l7-rule.js';
export { Listener } from './listener.js';
export {
  type AdditionalVip,
  LoadBalancer,
  type LoadBalancerStats,
  type StatusNode,
} from './load-balancer.js';
export type { DeleteLoadBalancerOptions, LoadBalancerSection } from './load-balancer-section.js';
export { Member } from './member.js';
export { Pool, type SessionPersistence } from './pool.js';
export { Provider, type ProviderCapability } from './provider.js';
export { LoadBalancerV2 } from './proxy.js';
export { Quota } from './quota.js';
export type * from './resource-types.js';
