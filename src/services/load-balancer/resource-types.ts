/**
 * The instance types of load balancer resources, as the proxy's methods return them
 * (re-exported by ./proxy.ts and ./index.ts).
 */
import type { Resource } from '../../resource/instance.js';
import type { Amphora } from './amphora.js';
import type { AvailabilityZone } from './availability-zone.js';
import type { AvailabilityZoneProfile } from './availability-zone-profile.js';
import type { Flavor } from './flavor.js';
import type { FlavorProfile } from './flavor-profile.js';
import type { HealthMonitor } from './health-monitor.js';
import type { L7Policy } from './l7-policy.js';
import type { L7Rule } from './l7-rule.js';
import type { Listener } from './listener.js';
import type { LoadBalancer } from './load-balancer.js';
import type { Member } from './member.js';
import type { Pool } from './pool.js';
import type { Provider } from './provider.js';
import type { Quota } from './quota.js';

/** A load balancer as the proxy returns it. */
export type LoadBalancerResource = Resource<(typeof LoadBalancer)['fields']>;
/** A listener as the proxy returns it. */
export type ListenerResource = Resource<(typeof Listener)['fields']>;
/** A pool as the proxy returns it. */
export type PoolResource = Resource<(typeof Pool)['fields']>;
/** A member as the proxy returns it. */
export type MemberResource = Resource<(typeof Member)['fields']>;
/** A health monitor as the proxy returns it. */
export type HealthMonitorResource = Resource<(typeof HealthMonitor)['fields']>;
/** An L7 policy as the proxy returns it. */
export type L7PolicyResource = Resource<(typeof L7Policy)['fields']>;
/** An L7 rule as the proxy returns it. */
export type L7RuleResource = Resource<(typeof L7Rule)['fields']>;
/** A quota as the proxy returns it. */
export type QuotaResource = Resource<(typeof Quota)['fields']>;
/** A provider as the proxy returns it. */
export type ProviderResource = Resource<(typeof Provider)['fields']>;
/** An octavia flavor as the proxy returns it. */
export type FlavorResource = Resource<(typeof Flavor)['fields']>;
/** A flavor profile as the proxy returns it. */
export type FlavorProfileResource = Resource<(typeof FlavorProfile)['fields']>;
/** An octavia availability zone as the proxy returns it. */
export type AvailabilityZoneResource = Resource<(typeof AvailabilityZone)['fields']>;
/** An availability zone profile as the proxy returns it. */
export type AvailabilityZoneProfileResource = Resource<(typeof AvailabilityZoneProfile)['fields']>;
/** An amphora as the proxy returns it. */
export type AmphoraResource = Resource<(typeof Amphora)['fields']>;
