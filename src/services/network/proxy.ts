/** The network v2.0 (neutron) proxy: `conn.network`. */
import {
  type CreateAttributes,
  type Fields,
  idSegment,
  installVerbs,
  instantiate,
  listResources,
  type PartialResource,
  READ_VERBS,
  type RequestOptions,
  type Resource,
  type ResourceBase,
  type ResourceDefinition,
  type ResourceList,
  requireId,
  TagsMixin,
  toRequest,
  type VerbOptions,
  type VerbsOfTable,
  verbRow,
} from '../../resource/index.js';
import type { Session } from '../../session/session.js';
import { type ProxyOptions, ServiceProxy } from '../service-proxy.js';
import { networkV2Spec } from '../specs.js';
import { AddressGroup } from './address-group.js';
import { AddressScope } from './address-scope.js';
import { Agent } from './agent.js';
import { AvailabilityZone } from './availability-zone.js';
import { Extension } from './extension.js';
import { FloatingIp } from './floating-ip.js';
import { FloatingIpPool } from './floating-ip-pool.js';
import { Network } from './network.js';
import { NetworkIpAvailability } from './network-ip-availability.js';
import { Port } from './port.js';
import { QosBandwidthLimitRule } from './qos-bandwidth-limit-rule.js';
import { QosDscpMarkingRule } from './qos-dscp-marking-rule.js';
import { QosMinimumBandwidthRule } from './qos-minimum-bandwidth-rule.js';
import { QosMinimumPacketRateRule } from './qos-minimum-packet-rate-rule.js';
import { QosPacketRateLimitRule } from './qos-packet-rate-limit-rule.js';
import { QosPolicy } from './qos-policy.js';
import { QosRuleType } from './qos-rule-type.js';
import { neutronVerbs } from './query.js';
import { Quota } from './quota.js';
import { QuotaDetails } from './quota-details.js';
import { RbacPolicy } from './rbac-policy.js';
import { type ExternalGateway, type ExternalGatewayInfo, Router, type RouterRoute } from './router.js';
import { RouterInterface } from './router-interface.js';
import { SecurityGroup } from './security-group.js';
import { SecurityGroupRule } from './security-group-rule.js';
import { Segment } from './segment.js';
import { Subnet } from './subnet.js';
import { SubnetPool } from './subnet-pool.js';
import { type TagCollection, type Taggable, tagTarget } from './tags.js';

/** A resource or its id. */
export type IdArg = string | ResourceBase<any>;

/** Which subnet or port a router interface is added by (exactly one). */
export type RouterInterfaceTarget =
  | { subnetId: string; portId?: never }
  | { portId: string; subnetId?: never };

const CRUD = ['list', 'get', 'find', 'create', 'update', 'delete'] as const;

/** The generated verbs of `conn.network`, one row per resource (singular → definition, plural, verbs). */
const networkVerbTable = {
  Network: verbRow(Network, 'Networks'),
  Subnet: verbRow(Subnet, 'Subnets', CRUD),
  SubnetPool: verbRow(SubnetPool, 'SubnetPools', CRUD),
  Port: verbRow(Port, 'Ports'),
  Router: verbRow(Router, 'Routers'),
  FloatingIp: verbRow(FloatingIp, 'FloatingIps'),
  FloatingIpPool: verbRow(FloatingIpPool, 'FloatingIpPools', ['list']),
  SecurityGroup: verbRow(SecurityGroup, 'SecurityGroups', CRUD),
  SecurityGroupRule: verbRow(SecurityGroupRule, 'SecurityGroupRules', [
    'list',
    'get',
    'find',
    'create',
    'delete',
  ]),
  AddressScope: verbRow(AddressScope, 'AddressScopes', CRUD),
  AddressGroup: verbRow(AddressGroup, 'AddressGroups', CRUD),
  Quota: verbRow(Quota, 'Quotas', ['list', 'update', 'delete']),
  Extension: verbRow(Extension, 'Extensions', READ_VERBS),
  AvailabilityZone: verbRow(AvailabilityZone, 'AvailabilityZones', ['list']),
  Agent: verbRow(Agent, 'Agents', ['list', 'get', 'find', 'update', 'delete']),
  Segment: verbRow(Segment, 'Segments', CRUD),
  RbacPolicy: verbRow(RbacPolicy, 'RbacPolicies', CRUD),
  QosPolicy: verbRow(QosPolicy, 'QosPolicies', CRUD),
  QosBandwidthLimitRule: verbRow(QosBandwidthLimitRule, 'QosBandwidthLimitRules', CRUD),
  QosDscpMarkingRule: verbRow(QosDscpMarkingRule, 'QosDscpMarkingRules', CRUD),
  QosMinimumBandwidthRule: verbRow(QosMinimumBandwidthRule, 'QosMinimumBandwidthRules', CRUD),
  QosMinimumPacketRateRule: verbRow(QosMinimumPacketRateRule, 'QosMinimumPacketRateRules', CRUD),
  QosPacketRateLimitRule: verbRow(QosPacketRateLimitRule, 'QosPacketRateLimitRules', CRUD),
  QosRuleType: verbRow(QosRuleType, 'QosRuleTypes', READ_VERBS),
  NetworkIpAvailability: verbRow(NetworkIpAvailability, 'NetworkIpAvailabilities', READ_VERBS),
} as const;

/** The verbs generated from {@link networkVerbTable}. */
export interface NetworkV2 extends VerbsOfTable<typeof networkVerbTable> {}

/**
 * Neutron: networks, subnets, subnet pools, ports, routers, floating IPs, security groups,
 * address scopes and groups, quotas, extensions, availability zones, agents, segments, RBAC
 * policies, QoS, tags. Listings follow `<resources>_links` pages; pass `limit` to set the page size.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: installVerbs defines every verb of the table in the constructor
export class NetworkV2 extends ServiceProxy {
  constructor(session: Session, opts: ProxyOptions = {}) {
    super(session, networkV2Spec, opts);
    installVerbs(this, this.client, networkVerbTable, neutronVerbs);
  }

  // ---------------------------------------------------------------- bulk create

  /** @internal POST one request with several bodies (`{"ports": [...]}`); neutron creates all or none. */
  private async bulkCreate<F extends Fields>(
    def: ResourceDefinition<F, any>,
    items: CreateAttributes<F>[],
    o: RequestOptions = {},
  ): Promise<Resource<F>[]> {
    await this.client.resolve(o.signal);
    const bodies = items.map((a) => toRequest(def, a as Record<string, unknown>, 'create', this.client).body);
    const key = def.resourcesKey!;
    const doc = await this.client.decode('POST', def.basePath, { json: { [key]: bodies } }, o);
    const rows = doc.rows(key);
    return rows.map((b) => instantiate(def, this.client, b));
  }

  /**
   * Create several networks in one request (all or none).
   *
   * @example
   * ```ts
   * // one request, all or nothing (createNetworks, createSubnets and createSecurityGroupRules alike)
   * const net = await conn.network.findNetwork('app-net');
   * const ports = await conn.network.createPorts([
   *   { networkId: net.id, name: 'vip-a' },
   *   { networkId: net.id, name: 'vip-b' },
   * ]);
   * console.log(ports.map((p) => p.id));
   * ```
   */
  createNetworks(items: CreateAttributes<typeof Network.fields>[], o?: RequestOptions) {
    return this.bulkCreate(Network, items, o);
  }

  /** Create several subnets in one request (all or none). */
  createSubnets(items: CreateAttributes<typeof Subnet.fields>[], o?: RequestOptions) {
    return this.bulkCreate(Subnet, items, o);
  }

  /** Create several ports in one request (all or none). */
  createPorts(items: CreateAttributes<typeof Port.fields>[], o?: RequestOptions) {
    return this.bulkCreate(Port, items, o);
  }

  /** Create several security group rules in one request (all or none). */
  createSecurityGroupRules(items: CreateAttributes<typeof SecurityGroupRule.fields>[], o?: RequestOptions) {
    return this.bulkCreate(SecurityGroupRule, items, o);
  }

  // ---------------------------------------------------------------- routers

  /**
   * Connect a subnet to a router (`PUT /routers/{id}/add_router_interface`): by subnet (neutron
   * creates a port with the subnet's gateway IP) or by an existing port.
   * @returns the interface: router id, port id, subnet id(s), network id.
   */
  async addRouterInterface(
    router: IdArg,
    target: RouterInterfaceTarget,
    o: RequestOptions = {},
  ): Promise<Resource<typeof RouterInterface.fields>> {
    return this.routerInterface('add_router_interface', router, target, o);
  }

  /** Disconnect a subnet or port from a router (`PUT /routers/{id}/remove_router_interface`). */
  async removeRouterInterface(
    router: IdArg,
    target: RouterInterfaceTarget,
    o: RequestOptions = {},
  ): Promise<Resource<typeof RouterInterface.fields>> {
    return this.routerInterface('remove_router_interface', router, target, o);
  }

  private async routerInterface(
    action: string,
    router: IdArg,
    target: RouterInterfaceTarget,
    o: RequestOptions,
  ): Promise<Resource<typeof RouterInterface.fields>> {
    const { body } = toRequest(RouterInterface, { ...target }, 'create');
    const path = `/routers/${idSegment('router', router, 'router')}/${action}`;
    const doc = await this.client.decode('PUT', path, { json: body }, o);
    return instantiate(
      RouterInterface,
      this.client,
      doc.object(),
      {},
      { router_id: requireId('router', router, 'router') },
    );
  }

  /**
   * Set (or replace) the router's gateway on an external network: an update of
   * `external_gateway_info`.
   *
   * @example
   * ```ts
   * const router = await conn.network.findRouter('app-router');
   * const ext = await conn.network.findNetwork('public');
   * await conn.network.setRouterGateway(router, { network_id: ext.id, enable_snat: true });
   * // later: take the router off the external network
   * await conn.network.clearRouterGateway(router);
   * ```
   */
  setRouterGateway(router: IdArg, gateway: ExternalGatewayInfo, o: VerbOptions = {}) {
    return this.updateRouter(router, { externalGatewayInfo: gateway }, o);
  }

  /** Remove the router's gateway (update with an empty `external_gateway_info`). */
  clearRouterGateway(router: IdArg, o: VerbOptions = {}) {
    return this.updateRouter(router, { externalGatewayInfo: {} }, o);
  }

  /**
   * Add static routes, keeping existing ones (`PUT /routers/{id}/add_extraroutes`, extraroute-atomic);
   * the answer carries id, name and routes only.
   *
   * @example
   * ```ts
   * // reach an on-premises range through a VPN appliance on one of the router's subnets
   * const router = await conn.network.findRouter('app-router');
   * await conn.network.addRouterExtraRoutes(router, [{ destination: '192.168.0.0/16', nexthop: '10.0.0.254' }]);
   * await conn.network.removeRouterExtraRoutes(router, [{ destination: '192.168.0.0/16', nexthop: '10.0.0.254' }]);
   * ```
   */
  addRouterExtraRoutes(
    router: IdArg,
    routes: RouterRoute[],
    o: RequestOptions = {},
  ): Promise<PartialResource<typeof Router.fields>> {
    // neutron answers with id, name and routes only
    return this.routerAction(router, 'add_extraroutes', { routes }, o);
  }

  /**
   * Remove these static routes (`PUT /routers/{id}/remove_extraroutes`, extraroute-atomic);
   * the answer carries id, name and routes only.
   */
  removeRouterExtraRoutes(
    router: IdArg,
    routes: RouterRoute[],
    o: RequestOptions = {},
  ): Promise<PartialResource<typeof Router.fields>> {
    return this.routerAction(router, 'remove_extraroutes', { routes }, o);
  }

  /**
   * Add gateways (`PUT /routers/{id}/add_external_gateways`, external-gateway-multihoming extension).
   *
   * @example
   * ```ts
   * // a second uplink (external-gateway-multihoming extension)
   * const router = await conn.network.findRouter('edge');
   * const backup = await conn.network.findNetwork('public-b');
   * await conn.network.addRouterExternalGateways(router, [{ network_id: backup.id, enable_snat: false }]);
   * await conn.network.removeRouterExternalGateways(router, [{ network_id: backup.id }]);
   * ```
   */
  addRouterExternalGateways(router: IdArg, gateways: ExternalGateway[], o: RequestOptions = {}) {
    return this.routerAction(router, 'add_external_gateways', { external_gateways: gateways }, o);
  }

  /** Update gateways (`PUT /routers/{id}/update_external_gateways`, external-gateway-multihoming). */
  updateRouterExternalGateways(router: IdArg, gateways: ExternalGateway[], o: RequestOptions = {}) {
    return this.routerAction(router, 'update_external_gateways', { external_gateways: gateways }, o);
  }

  /** Remove gateways (`PUT /routers/{id}/remove_external_gateways`, external-gateway-multihoming). */
  removeRouterExternalGateways(
    router: IdArg,
    gateways: Pick<ExternalGateway, 'network_id' | 'external_fixed_ips'>[],
    o: RequestOptions = {},
  ) {
    return this.routerAction(router, 'remove_external_gateways', { external_gateways: gateways }, o);
  }

  private async routerAction(
    router: IdArg,
    action: string,
    body: Record<string, unknown>,
    o: RequestOptions,
  ): Promise<Resource<typeof Router.fields>> {
    const path = `/routers/${idSegment('router', router, 'router')}/${action}`;
    const doc = await this.client.decode('PUT', path, { json: { router: body } }, o);
    return instantiate(Router, this.client, doc.key('router', 'object'));
  }

  // ---------------------------------------------------------------- floating IPs

  /** Associate a floating IP with a port (optionally one of its fixed IPs). */
  associateFloatingIp(
    floatingIp: IdArg,
    port: IdArg,
    o: VerbOptions & { fixedIpAddress?: string } = {},
  ): Promise<Resource<typeof FloatingIp.fields>> {
    const { fixedIpAddress, ...rest } = o;
    return this.updateFloatingIp(
      floatingIp,
      { portId: requireId('port', port, 'port'), ...(fixedIpAddress ? { fixedIpAddress } : {}) },
      rest,
    );
  }

  /** Disassociate a floating IP from its port (update with `port_id: null`). */
  disassociateFloatingIp(
    floatingIp: IdArg,
    o: VerbOptions = {},
  ): Promise<Resource<typeof FloatingIp.fields>> {
    return this.updateFloatingIp(floatingIp, { portId: null }, o);
  }

  // ---------------------------------------------------------------- subnet pools, address groups

  /**
   * Add prefixes to a subnet pool (`PUT /subnetpools/{id}/add_prefixes`); returns all its prefixes.
   *
   * @example
   * ```ts
   * const pool = await conn.network.findSubnetPool('corp-pool');
   * console.log(await conn.network.addSubnetPoolPrefixes(pool, ['10.20.0.0/16'])); // the pool's prefixes now
   * // bring a network's existing subnets under the pool
   * await conn.network.onboardNetworkSubnets(pool, await conn.network.findNetwork('legacy-net'));
   * ```
   */
  async addSubnetPoolPrefixes(pool: IdArg, prefixes: string[], o: RequestOptions = {}): Promise<string[]> {
    const path = `/subnetpools/${idSegment('subnet pool', pool, 'pool')}/add_prefixes`;
    const doc = await this.client.decode('PUT', path, { json: { prefixes } }, o);
    return doc.key('prefixes', 'array') as string[];
  }

  /** Remove unused prefixes from a subnet pool (`PUT /subnetpools/{id}/remove_prefixes`); returns the rest. */
  async removeSubnetPoolPrefixes(pool: IdArg, prefixes: string[], o: RequestOptions = {}): Promise<string[]> {
    const path = `/subnetpools/${idSegment('subnet pool', pool, 'pool')}/remove_prefixes`;
    const doc = await this.client.decode('PUT', path, { json: { prefixes } }, o);
    return doc.key('prefixes', 'array') as string[];
  }

  /** Move a network's existing subnets into a subnet pool (`onboard_network_subnets`). */
  async onboardNetworkSubnets(
    pool: IdArg,
    network: IdArg,
    o: RequestOptions = {},
  ): Promise<{ subnetpool_id: string; cidr: string }[]> {
    const path = `/subnetpools/${idSegment('subnet pool', pool, 'pool')}/onboard_network_subnets`;
    const doc = await this.client.decode(
      'PUT',
      path,
      { json: { network_id: requireId('network', network, 'network') } },
      o,
    );
    // neutron answers the onboarded subnets as a list (or one object): either way, objects
    if (doc.value === undefined) return [];
    return (Array.isArray(doc.value) ? doc.rows(null) : [doc.object()]) as {
      subnetpool_id: string;
      cidr: string;
    }[];
  }

  /** Add CIDRs to an address group (`PUT /address-groups/{id}/add_addresses`). */
  async addAddressGroupAddresses(group: IdArg, addresses: string[], o: RequestOptions = {}) {
    const path = `/address-groups/${idSegment('address group', group, 'group')}/add_addresses`;
    const doc = await this.client.decode('PUT', path, { json: { addresses } }, o);
    return instantiate(AddressGroup, this.client, doc.key('address_group', 'object'));
  }

  /** Remove CIDRs from an address group (`PUT /address-groups/{id}/remove_addresses`). */
  async removeAddressGroupAddresses(group: IdArg, addresses: string[], o: RequestOptions = {}) {
    const path = `/address-groups/${idSegment('address group', group, 'group')}/remove_addresses`;
    const doc = await this.client.decode('PUT', path, { json: { addresses } }, o);
    return instantiate(AddressGroup, this.client, doc.key('address_group', 'object'));
  }

  // ---------------------------------------------------------------- quotas

  /**
   * A project's quotas (`GET /quotas/{project_id}`); `projectId` is filled in.
   *
   * @example
   * ```ts
   * const project = await conn.identity.findProject('demo');
   * const [quota, defaults] = await Promise.all([conn.network.getQuota(project.id), conn.network.getQuotaDefault(project.id)]);
   * console.log(`ports: ${quota.port} (default ${defaults.port})`);
   * ```
   */
  async getQuota(projectId: string, o: RequestOptions = {}): Promise<Resource<typeof Quota.fields>> {
    return this.quotaDoc(`/quotas/${encodeURIComponent(projectId)}`, projectId, o);
  }

  /** The default quotas that apply to a project (`GET /quotas/{project_id}/default`). */
  async getQuotaDefault(projectId: string, o: RequestOptions = {}): Promise<Resource<typeof Quota.fields>> {
    return this.quotaDoc(`/quotas/${encodeURIComponent(projectId)}/default`, projectId, o);
  }

  /**
   * A project's quota usage: limit, used and reserved per resource (`GET /quotas/{project_id}/details.json`).
   *
   * @example
   * ```ts
   * const details = await conn.network.getQuotaDetails('PROJECT_ID');
   * console.log(details.port, details.floatingip);
   * ```
   */
  async getQuotaDetails(
    projectId: string,
    o: RequestOptions = {},
  ): Promise<Resource<typeof QuotaDetails.fields>> {
    const path = `/quotas/${encodeURIComponent(projectId)}/details.json`;
    const doc = await this.client.decode('GET', path, {}, o);
    return instantiate(QuotaDetails, this.client, doc.key('quota', 'object'), {}, { project_id: projectId });
  }

  private async quotaDoc(path: string, projectId: string, o: RequestOptions) {
    const doc = await this.client.decode('GET', path, {}, o);
    return instantiate(Quota, this.client, { project_id: projectId, ...doc.key('quota', 'object') });
  }

  // ---------------------------------------------------------------- agents and scheduling

  /**
   * DHCP agents hosting a network (`GET /networks/{id}/dhcp-agents`).
   *
   * @example
   * ```ts
   * // admin: move a network's DHCP service to another agent
   * const net = await conn.network.findNetwork('app-net');
   * const [current] = await conn.network.listNetworkDhcpAgents(net).toArray();
   * const [spare] = await conn.network.listAgents({ agentType: 'DHCP agent', host: 'network-2' }).toArray();
   * if (current && spare) {
   *   await conn.network.addNetworkToDhcpAgent(spare, net);
   *   await conn.network.removeNetworkFromDhcpAgent(current, net);
   * }
   * ```
   */
  listNetworkDhcpAgents(network: IdArg, o: VerbOptions = {}): ResourceList<Resource<typeof Agent.fields>> {
    const path = `/networks/${idSegment('network', network, 'network')}/dhcp-agents`;
    return listResources(this.client, Agent, {}, { ...o, path });
  }

  /**
   * L3 agents hosting a router (`GET /routers/{id}/l3-agents`).
   *
   * @example
   * ```ts
   * // admin: move a router to the L3 agent of another network node
   * const router = await conn.network.findRouter('app-router');
   * const [current] = await conn.network.listRouterL3Agents(router).toArray();
   * const [target] = await conn.network.listAgents({ agentType: 'L3 agent', host: 'network-2' }).toArray();
   * if (current && target) {
   *   await conn.network.removeRouterFromL3Agent(current, router);
   *   await conn.network.addRouterToL3Agent(target, router);
   * }
   * ```
   */
  listRouterL3Agents(router: IdArg, o: VerbOptions = {}): ResourceList<Resource<typeof Agent.fields>> {
    const path = `/routers/${idSegment('router', router, 'router')}/l3-agents`;
    return listResources(this.client, Agent, {}, { ...o, path });
  }

  /** Networks a DHCP agent hosts (`GET /agents/{id}/dhcp-networks`). */
  listDhcpAgentNetworks(agent: IdArg, o: VerbOptions = {}): ResourceList<Resource<typeof Network.fields>> {
    const path = `/agents/${idSegment('agent', agent, 'agent')}/dhcp-networks`;
    return listResources(this.client, Network, {}, { ...o, path });
  }

  /** Routers an L3 agent hosts (`GET /agents/{id}/l3-routers`). */
  listL3AgentRouters(agent: IdArg, o: VerbOptions = {}): ResourceList<Resource<typeof Router.fields>> {
    const path = `/agents/${idSegment('agent', agent, 'agent')}/l3-routers`;
    return listResources(this.client, Router, {}, { ...o, path });
  }

  /** Schedule a network to a DHCP agent (`POST /agents/{id}/dhcp-networks`). */
  async addNetworkToDhcpAgent(agent: IdArg, network: IdArg, o: RequestOptions = {}): Promise<void> {
    const path = `/agents/${idSegment('agent', agent, 'agent')}/dhcp-networks`;
    const res = await this.client.request(
      'POST',
      path,
      { json: { network_id: requireId('network', network, 'network') } },
      o,
    );
    await res.body.dump();
  }

  /** Remove a network from a DHCP agent (`DELETE /agents/{id}/dhcp-networks/{network_id}`). */
  async removeNetworkFromDhcpAgent(agent: IdArg, network: IdArg, o: RequestOptions = {}): Promise<void> {
    const path = `/agents/${idSegment('agent', agent, 'agent')}/dhcp-networks/${idSegment('network', network, 'network')}`;
    const res = await this.client.request('DELETE', path, {}, o);
    await res.body.dump();
  }

  /** Schedule a router to an L3 agent (`POST /agents/{id}/l3-routers`). */
  async addRouterToL3Agent(agent: IdArg, router: IdArg, o: RequestOptions = {}): Promise<void> {
    const path = `/agents/${idSegment('agent', agent, 'agent')}/l3-routers`;
    const res = await this.client.request(
      'POST',
      path,
      { json: { router_id: requireId('router', router, 'router') } },
      o,
    );
    await res.body.dump();
  }

  /** Remove a router from an L3 agent (`DELETE /agents/{id}/l3-routers/{router_id}`). */
  async removeRouterFromL3Agent(agent: IdArg, router: IdArg, o: RequestOptions = {}): Promise<void> {
    const path = `/agents/${idSegment('agent', agent, 'agent')}/l3-routers/${idSegment('router', router, 'router')}`;
    const res = await this.client.request('DELETE', path, {}, o);
    await res.body.dump();
  }

  // ---------------------------------------------------------------- extensions

  /**
   * Whether the cloud's neutron has an extension (by alias, e.g. `qos`, `segment`).
   *
   * @example
   * ```ts
   * if (await conn.network.hasExtension('qos')) {
   *   for await (const p of conn.network.listQosPolicies()) console.log(p.name);
   * }
   * ```
   */
  async hasExtension(alias: string, o: RequestOptions = {}): Promise<boolean> {
    for await (const e of this.listExtensions({}, o)) if (e.alias === alias) return true;
    return false;
  }

  // ---------------------------------------------------------------- tags

  /**
   * Tag operations on one collection by its tag path (`'/networks'`, `'/ports'`, `'/policies'` for QoS).
   *
   * @example
   * ```ts
   * // QoS policies keep their tags under /policies; other collections are found from the resource
   * const policy = await conn.network.findQosPolicy('bronze');
   * await conn.network.tagsFor('/policies').add(policy.id, 'tier-3');
   * ```
   */
  tagsFor(collection: TagCollection): TagsMixin {
    return new TagsMixin(this.client, collection);
  }

  /** A resource's tags (`GET /{collection}/{id}/tags`). */
  async listTags(resource: Taggable, o: RequestOptions = {}): Promise<string[]> {
    const t = tagTarget(resource);
    return this.tagsFor(t.collection).list(t.id, o);
  }

  /**
   * Replace all of a resource's tags (`PUT /{collection}/{id}/tags`); returns the new tags.
   *
   * @example
   * ```ts
   * const net = await conn.network.findNetwork('app-net');
   * await conn.network.setTags(net, ['env:prod', 'team:a']);
   * await conn.network.addTag(net, 'backup');
   * console.log(await conn.network.listTags(net));
   * const tagged = await conn.network.listNetworks({ tags: 'env:prod' }).toArray();
   * console.log(tagged.length);
   * ```
   */
  async setTags(resource: Taggable, tags: string[], o: RequestOptions = {}): Promise<string[]> {
    const t = tagTarget(resource);
    const out = await this.tagsFor(t.collection).set(t.id, tags, o);
    syncTags(resource, out);
    return out;
  }

  /** Add one tag (`PUT /{collection}/{id}/tags/{tag}`). */
  async addTag(resource: Taggable, tag: string, o: RequestOptions = {}): Promise<void> {
    const t = tagTarget(resource);
    await this.tagsFor(t.collection).add(t.id, tag, o);
    if ('_def' in resource) {
      const cur = (resource._body.tags as string[] | undefined) ?? [];
      if (!cur.includes(tag)) syncTags(resource, [...cur, tag]);
    }
  }

  /** Remove one tag (`DELETE /{collection}/{id}/tags/{tag}`); NotFoundError if it is not there. */
  async removeTag(resource: Taggable, tag: string, o: RequestOptions = {}): Promise<void> {
    const t = tagTarget(resource);
    await this.tagsFor(t.collection).remove(t.id, tag, o);
    if ('_def' in resource)
      syncTags(
        resource,
        ((resource._body.tags as string[]) ?? []).filter((x) => x !== tag),
      );
  }

  /** Whether a resource carries a tag (`GET /{collection}/{id}/tags/{tag}`). */
  async hasTag(resource: Taggable, tag: string, o: RequestOptions = {}): Promise<boolean> {
    const t = tagTarget(resource);
    return this.tagsFor(t.collection).has(t.id, tag, o);
  }

  /** Remove every tag (`DELETE /{collection}/{id}/tags`). */
  async clearTags(resource: Taggable, o: RequestOptions = {}): Promise<void> {
    const t = tagTarget(resource);
    await this.tagsFor(t.collection).clear(t.id, o);
    syncTags(resource, []);
  }
}

/** Keep a passed instance's `tags` in step with what the service now has. */
function syncTags(resource: Taggable, tags: string[]): void {
  if ('_def' in resource) resource._body.tags = [...tags];
}
