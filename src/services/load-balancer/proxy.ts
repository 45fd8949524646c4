/**
 * The load balancer v2 proxy: `conn.loadBalancer` (octavia). No microversions: octavia's
 * API is one v2 whose minor versions only add fields.
 *
 * Everything under a load balancer is provisioned asynchronously: a create, update or delete
 * of the load balancer or of any listener, pool, member, health monitor, L7 policy or rule
 * answers at once with `provisioningStatus` `PENDING_*` and puts the load balancer in
 * `PENDING_UPDATE`; octavia answers 409 to the next change until it is `ACTIVE` again. Wait
 * (`waitForLoadBalancer(lb, 'ACTIVE')`, which fails on `ERROR`) between steps.
 */
import { installVerbs, READ_VERBS, type VerbsOfTable, verbRow } from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { mixSections } from '../proxy-sections.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { loadBalancerV2Spec } from '../specs.js';
import { AdminSection } from './admin-section.js';
import { Amphora } from './amphora.js';
import { AvailabilityZone } from './availability-zone.js';
import { AvailabilityZoneProfile } from './availability-zone-profile.js';
import { Flavor } from './flavor.js';
import { FlavorProfile } from './flavor-profile.js';
import { HealthMonitor } from './health-monitor.js';
import { L7Policy } from './l7-policy.js';
import { L7Rule } from './l7-rule.js';
import { Listener } from './listener.js';
import { LoadBalancer } from './load-balancer.js';
import { LoadBalancerSection } from './load-balancer-section.js';
import { Member } from './member.js';
import { Pool } from './pool.js';
import { Provider } from './provider.js';
import { Quota } from './quota.js';

export type * from './resource-types.js';

const CRUD = ['list', 'get', 'find', 'create', 'update', 'delete'] as const;

/** The generated verbs of `conn.loadBalancer`, one row per resource (singular → definition, plural, verbs). */
const loadBalancerVerbTable = {
  // deleteLoadBalancer is hand-written (cascade): the row leaves it out
  LoadBalancer: verbRow(LoadBalancer, 'LoadBalancers', ['list', 'get', 'find', 'create', 'update', 'wait']),
  Listener: verbRow(Listener, 'Listeners'),
  Pool: verbRow(Pool, 'Pools'),
  Member: verbRow(Member, 'Members'),
  HealthMonitor: verbRow(HealthMonitor, 'HealthMonitors'),
  L7Policy: verbRow(L7Policy, 'L7Policies'),
  L7Rule: verbRow(L7Rule, 'L7Rules'),
  Quota: verbRow(Quota, 'Quotas', ['list', 'get', 'update', 'delete']),
  Provider: verbRow(Provider, 'Providers', ['list']),
  Flavor: verbRow(Flavor, 'Flavors', CRUD),
  FlavorProfile: verbRow(FlavorProfile, 'FlavorProfiles', CRUD),
  AvailabilityZone: verbRow(AvailabilityZone, 'AvailabilityZones', CRUD),
  AvailabilityZoneProfile: verbRow(AvailabilityZoneProfile, 'AvailabilityZoneProfiles', CRUD),
  Amphora: verbRow(Amphora, 'Amphorae', READ_VERBS),
} as const;

/** The verbs generated from {@link loadBalancerVerbTable} and the methods of every section. */
export interface LoadBalancerV2
  extends VerbsOfTable<typeof loadBalancerVerbTable>,
    LoadBalancerSection,
    AdminSection {}

/**
 * Load balancing (octavia v2): load balancers, listeners, pools, members, health monitors, L7
 * policies and rules, quotas, providers, flavors and flavor profiles, availability zones and
 * their profiles, amphorae.
 */
export class LoadBalancerV2 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, loadBalancerV2Spec, opts);
    installVerbs(this, this.client, loadBalancerVerbTable);
  }
}

mixSections(LoadBalancerV2, [LoadBalancerSection, AdminSection]);
