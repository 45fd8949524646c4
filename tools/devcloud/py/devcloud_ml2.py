"""Minimal ML2 mechanism driver for an agent-less devcloud.

Binds every port that gets a host (nova) with vif_type ovs and marks it
ACTIVE, so servers boot without any L2 agent; hosts that run a real Linux
bridge agent are left to the linuxbridge driver. Registered as the ML2
mechanism driver "devcloud" through an entry point (up.sh installs this file
and a dist-info into $DEVCLOUD_DIR/lib, which is neutron-server's PYTHONPATH).
"""
from neutron_lib.api.definitions import portbindings
from neutron_lib import constants
from neutron_lib.plugins.ml2 import api


class DevcloudMechanismDriver(api.MechanismDriver):

    def initialize(self):
        pass

    def bind_port(self, context):
        # a host with a real L2 agent (the data plane's, services/dataplane.sh) is that agent's
        # driver's to bind: a fake binding there would leave the guest unplugged
        if context.host_agents(constants.AGENT_TYPE_LINUXBRIDGE):
            return
        for segment in context.segments_to_bind:
            context.set_binding(
                segment[api.ID], portbindings.VIF_TYPE_OVS,
                {portbindings.CAP_PORT_FILTER: True,
                 portbindings.OVS_HYBRID_PLUG: False},
                status=constants.PORT_STATUS_ACTIVE)
            return
