"""neutron-server's DHCP and L3 schedulers for the dev cloud's data plane (services/dataplane.sh).

The data plane's agents serve only the networks and routers that ask for a zone
(availability_zone_hints, e.g. ["dataplane"]); every other one stays on the fast agent-less
path the rest of the dev cloud and its tests rely on (no DHCP port appears on a network, no
namespace is made for a router). neutron's own zone-aware schedulers place a resource without
hints in any zone, its default_availability_zones must name a zone some agent serves, and
network_auto_schedule = false would stop the scheduling of hinted networks too, so no setting
alone leaves resources without hints unscheduled.
"""
from neutron_lib.api.definitions import availability_zone as az_def
from neutron_lib.plugins import directory

from neutron.scheduler import dhcp_agent_scheduler
from neutron.scheduler import l3_agent_scheduler


def _asks_for_zone(resource):
    return bool(resource.get(az_def.AZ_HINTS))


class ZoneOnlyDhcpFilter(dhcp_agent_scheduler.DhcpFilter):
    """No DHCP agent can host a network created without availability_zone_hints."""

    def _get_network_hostable_dhcp_agents(self, plugin, context, network):
        if not _asks_for_zone(network):
            return {'n_agents': 0, 'hostable_agents': [], 'hosted_agents': []}
        return super()._get_network_hostable_dhcp_agents(plugin, context, network)

    # an agent that (re)starts asks for every network without one (auto_schedule_networks),
    # which binds them here without the check above
    def bind(self, context, agents, network_id, force_scheduling=False):
        network = directory.get_plugin().get_network(context.elevated(), network_id)
        if not _asks_for_zone(network):
            return
        return super().bind(context, agents, network_id, force_scheduling)


class ZoneOnlyDhcpScheduler(dhcp_agent_scheduler.AZAwareWeightScheduler):
    """DHCP agents for networks created with availability_zone_hints only."""

    def __init__(self):
        super().__init__()
        self.resource_filter = ZoneOnlyDhcpFilter()


class ZoneOnlyL3Scheduler(l3_agent_scheduler.AZLeastRoutersScheduler):
    """L3 agents for routers created with availability_zone_hints only."""

    def _get_candidates(self, plugin, context, sync_router):
        if not _asks_for_zone(sync_router):
            return []
        return super()._get_candidates(plugin, context, sync_router)

    def _get_routers_can_schedule(self, plugin, context, routers, l3_agent):
        wanted = [r for r in routers if _asks_for_zone(r)]
        if not wanted:
            return []
        return super()._get_routers_can_schedule(plugin, context, wanted, l3_agent)
