import { AddressGroup } from '../../../../src/services/network/address-group.js';
import { AddressScope } from '../../../../src/services/network/address-scope.js';
import { Agent } from '../../../../src/services/network/agent.js';
import { AvailabilityZone } from '../../../../src/services/network/availability-zone.js';
import { Extension } from '../../../../src/services/network/extension.js';
import { FloatingIp } from '../../../../src/services/network/floating-ip.js';
import { FloatingIpPool } from '../../../../src/services/network/floating-ip-pool.js';
import { Network } from '../../../../src/services/network/network.js';
import { NetworkIpAvailability } from '../../../../src/services/network/network-ip-availability.js';
import { Port } from '../../../../src/services/network/port.js';
import { QosBandwidthLimitRule } from '../../../../src/services/network/qos-bandwidth-limit-rule.js';
import { QosDscpMarkingRule } from '../../../../src/services/network/qos-dscp-marking-rule.js';
import { QosMinimumBandwidthRule } from '../../../../src/services/network/qos-minimum-bandwidth-rule.js';
import { QosMinimumPacketRateRule } from '../../../../src/services/network/qos-minimum-packet-rate-rule.js';
import { QosPacketRateLimitRule } from '../../../../src/services/network/qos-packet-rate-limit-rule.js';
import { QosPolicy } from '../../../../src/services/network/qos-policy.js';
import { QosRuleType } from '../../../../src/services/network/qos-rule-type.js';
import { Quota } from '../../../../src/services/network/quota.js';
import { QuotaDetails } from '../../../../src/services/network/quota-details.js';
import { RbacPolicy } from '../../../../src/services/network/rbac-policy.js';
import { Router } from '../../../../src/services/network/router.js';
import { RouterInterface } from '../../../../src/services/network/router-interface.js';
import { SecurityGroup } from '../../../../src/services/network/security-group.js';
import { SecurityGroupRule } from '../../../../src/services/network/security-group-rule.js';
import { Segment } from '../../../../src/services/network/segment.js';
import { Subnet } from '../../../../src/services/network/subnet.js';
import { SubnetPool } from '../../../../src/services/network/subnet-pool.js';
import type { SampleEntry } from '../../../support/api-samples.js';
import type { SampleBinding } from '../harness.js';

/** Neutron names its samples `<x>-create-request` / `<x>-update-request`: the verb picks the mode. */
const byVerb = (e: SampleEntry): 'create' | 'update' | 'skip' =>
  /-update-request|-disassociate-request|extraroutes-request/.test(e.path)
    ? 'update'
    : /create-request/.test(e.path)
      ? 'create'
      : 'skip';

export const bindings: SampleBinding[] = [
  {
    def: Network,
    service: 'network',
    hints: ['networks'],
    // version documents are not networks
    exclude: /versions?-(list|show)-response/,
    requestMode: byVerb,
  },
  // networks hosted by a DHCP agent are networks
  { def: Network, service: 'network', hints: ['agents'], include: /agent-dhcp-networks-list-response/ },
  {
    def: Subnet,
    service: 'network',
    hints: ['subnets'],
    // subnet-pool samples live in subnets/ upstream; onboarding answers with a bare body
    exclude: /subnetpool|subnets-onboard/,
    requestMode: byVerb,
  },
  {
    def: SubnetPool,
    service: 'network',
    hints: ['subnets'],
    // add/remove prefixes bodies are bare {prefixes} lists, not subnet pools
    include: /subnetpool-(create|show|update)|subnetpools-list/,
    requestMode: byVerb,
  },
  {
    def: Port,
    service: 'network',
    hints: ['ports'],
    // upstream's port-binding create example omits network_id, which neutron requires on create
    requestMode: (e) => (/port-bind-create-request/.test(e.path) ? 'skip' : byVerb(e)),
  },
  {
    def: Router,
    service: 'network',
    hints: ['routers'],
    exclude: /router-(add|remove)-interface/,
    // the extra-route actions answer with id, name and routes only (addExtraRoutes types that)
    partial: /router-(add|remove)-extraroutes-response/,
    // external_gateways is only changed by the add/update/remove_external_gateways actions
    requestMode: (e) => (/external-gateways-request/.test(e.path) ? 'skip' : byVerb(e)),
  },
  // routers hosted by an L3 agent are routers
  {
    def: Router,
    service: 'network',
    hints: ['agents'],
    include: /agent-l3-routers-list-response/,
    // the api-ref sample predates the standard attributes (created_at, updated_at) neutron now
    // reports on every router, in this listing too
    partial: /agent-l3-routers-list-response/,
  },
  {
    def: RouterInterface,
    service: 'network',
    hints: ['routers'],
    include: /router-(add|remove)-interface/,
    requestMode: () => 'create',
  },
  {
    def: FloatingIp,
    service: 'network',
    hints: ['floatingips'],
    exclude: /floating-ip-pools/,
    requestMode: byVerb,
  },
  { def: FloatingIpPool, service: 'network', hints: ['floatingips'], include: /floating-ip-pools/ },
  {
    def: SecurityGroup,
    service: 'network',
    hints: ['security-groups'],
    exclude: /security-group-rule/,
    requestMode: byVerb,
  },
  {
    def: SecurityGroupRule,
    service: 'network',
    hints: ['security-groups'],
    include: /security-group-rule/,
    requestMode: byVerb,
  },
  { def: AddressScope, service: 'network', hints: ['address-scopes'], requestMode: byVerb },
  {
    def: AddressGroup,
    service: 'network',
    hints: ['address-groups'],
    // add/remove_addresses requests are bare {addresses}; the show sample lacks the envelope
    // neutron sends ({"address_group": ...}), so it cannot be read as a response of GET
    exclude: /addresses-request|address-group-show-response/,
    requestMode: byVerb,
  },
  {
    def: Quota,
    service: 'network',
    hints: ['quotas'],
    requestMode: (e) => (/quotas-update-request/.test(e.path) ? 'update' : 'skip'),
  },
  { def: QuotaDetails, service: 'network', hints: ['quota_details'] },
  { def: Extension, service: 'network', hints: ['extensions'] },
  { def: AvailabilityZone, service: 'network', hints: ['availability-zones'] },
  {
    def: Agent,
    service: 'network',
    hints: ['agents'],
    // the scheduling requests are bare {network_id} / {router_id}; listed networks/routers are bound above
    exclude: /agent-dhcp-network|agent-l3-router/,
    requestMode: byVerb,
  },
  { def: Segment, service: 'network', hints: ['segments'], requestMode: byVerb },
  { def: RbacPolicy, service: 'network', hints: ['rbac_policy'], requestMode: byVerb },
  {
    def: QosPolicy,
    service: 'network',
    hints: ['qos'],
    include: /qos\/polic(y|ies)-/,
    requestMode: byVerb,
  },
  {
    def: QosBandwidthLimitRule,
    service: 'network',
    hints: ['qos'],
    include: /qos\/bandwidth_limit_rules?-/,
    requestMode: byVerb,
  },
  {
    def: QosDscpMarkingRule,
    service: 'network',
    hints: ['qos'],
    include: /qos\/dscp_marking_rules?-/,
    requestMode: byVerb,
  },
  {
    def: QosMinimumBandwidthRule,
    service: 'network',
    hints: ['qos'],
    include: /qos\/minimum_bandwidth_rules?-/,
    requestMode: byVerb,
  },
  {
    def: QosMinimumPacketRateRule,
    service: 'network',
    hints: ['qos'],
    include: /qos\/minimum_packet_rate_rules?-/,
    requestMode: byVerb,
  },
  {
    def: QosPacketRateLimitRule,
    service: 'network',
    hints: ['qos'],
    include: /qos\/packet_rate_limit_rules?-/,
    requestMode: byVerb,
  },
  {
    def: QosRuleType,
    service: 'network',
    hints: ['qos'],
    // the rule type details samples lack the {"rule_type": ...} envelope neutron sends
    include: /qos\/rule_types-list/,
  },
  { def: NetworkIpAvailability, service: 'network', hints: ['network-ip-availability'] },
];
