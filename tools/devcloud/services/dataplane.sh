# shellcheck shell=bash
# The real data plane (issue #15): a second compute host whose servers really boot, and the
# neutron agents that really wire their networks. Next to the fake compute host "devcloud", which
# stays the default for every server, this plugin adds:
#
#   nova-compute-real   nova's libvirt driver (virt_type qemu: TCG, which always works; KVM is not
#                       usable on this machine kind, see dataplane/FINDINGS.md), host "devcloud-real",
#                       in host aggregate and availability zone "dataplane"
#   libvirtd, virtlogd  started by us (there is no systemd)
#   neutron-linuxbridge-agent, -dhcp-agent, -l3-agent, -metadata-agent   on host "devcloud-real",
#                       the DHCP and L3 agents in network availability zone "dataplane"
#   nova-api-metadata   127.0.0.1:8775, behind the metadata agent's proxies
#   netns devcloud-ext  the external network: the public subnet's gateway 172.24.4.1 lives there,
#                       on a veth whose other end (dc-ext0) is the "public" physical network
#   images ossdk-guest(-kernel|-ramdisk)  the guest dataplane/build-guest-image.sh builds from
#                       Debian packages: DHCP, metadata, SSH (dropbear) with the injected key,
#                       user data run at every boot, a boot-finished marker on the console
#
# Opting in is per resource, as on a real cloud with several zones: a server gets real hardware
# with availability_zone "dataplane"; a network gets DHCP and a router gets a real namespace with
# availability_zone_hints ["dataplane"]. Everything else keeps the fast fake path: neutron's
# schedulers here (dataplane_schedulers.py) give agents only to what asks for a zone, so no other
# network grows a DHCP port and no other router a namespace. Floating IPs are reached only
# through devcloud-ext (the host routes 172.24.4.0/24 there; see dataplane_extnet): that
# namespace has no route anywhere else, so no guest traffic leaves the machine.
#
# Plugin contract: lib/plugins.sh. Stopped and cleaned by dataplane_down (down.sh).

# shellcheck disable=SC2034  # read through pvar by lib/plugins.sh
dataplane_pkgs="qemu-system-x86 qemu-utils libvirt-daemon-system libvirt-clients python3-libvirt
dnsmasq-base haproxy iptables ipset ebtables conntrack sudo busybox-static dropbear-bin
genisoimage e2fsprogs kmod bc openssh-client"

DP_HOST=devcloud-real
DP_AZ=dataplane
DP_NS=${DEVCLOUD_EXT_NS:-devcloud-ext}
DP_GW=172.24.4.1/24       # the public subnet's gateway (py/seed.py), inside $DP_NS
DP_LINK=172.24.5.0/30     # the host's link into $DP_NS: .1 here, .2 there

dataplane_configs() {
  local N="$D/etc/neutron" secret
  mkdir -p "$D/data/dataplane" "$D/data/nova/instances-real" "$D/data/nova-real"
  # libvirt runs qemu as libvirt-qemu, which must reach the instance files under $D
  chmod 755 "$D" "$D/data" "$D/data/nova" "$D/data/nova/instances-real"
  # the metadata proxy's shared secret: made once, 0600, only ever read into the two configs
  if [ ! -s "$D/data/dataplane/metadata-secret" ]; then
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$D/data/dataplane/metadata-secret")
  fi
  secret=$(cat "$D/data/dataplane/metadata-secret")

  # neutron-server: the linuxbridge mechanism driver first (it binds ports of hosts with a live
  # agent; devcloud binds the rest), DHCP notifications on, zone-aware schedulers
  sed -i 's/^mechanism_drivers = devcloud$/mechanism_drivers = linuxbridge,l2population,devcloud/' "$N/ml2_conf.ini"
  sed -i 's/^dhcp_agent_notification = false$/dhcp_agent_notification = true/' "$N/neutron.conf"
  cat >> "$N/neutron.conf" <<EOF
[experimental]
# neutron 21 (Zed) marks the linuxbridge driver experimental; openvswitch needs a kernel
# datapath this machine kind lacks (dataplane/FINDINGS.md)
linuxbridge = true
EOF
  # only networks and routers created with availability_zone_hints get agents (the schedulers
  # are in services/dataplane_schedulers.py, on neutron-server's PYTHONPATH)
  sed -i "s/^\[DEFAULT\]$/[DEFAULT]\nnetwork_scheduler_driver = devcloud_schedulers.ZoneOnlyDhcpScheduler\nrouter_scheduler_driver = devcloud_schedulers.ZoneOnlyL3Scheduler/" "$N/neutron.conf"

  # the agents read neutron.conf, then their own file (whose [DEFAULT] host wins)
  cat > "$N/dataplane-agents.ini" <<EOF
[DEFAULT]
host = $DP_HOST
interface_driver = linuxbridge
[agent]
availability_zone = $DP_AZ
EOF
  cat > "$N/linuxbridge_agent.ini" <<EOF
[linux_bridge]
physical_interface_mappings = public:dc-ext0
[vxlan]
# one node: the VXLAN devices exist for the tenant networks' segments, no packet crosses them.
# With l2_population they get no multicast group: a group on lo loops every flooded frame back
# into the bridge, which then learns the guest's MAC on the VXLAN port and sends its DHCP
# replies there
enable_vxlan = true
local_ip = 127.0.0.1
l2_population = true
[securitygroup]
enable_security_group = true
firewall_driver = iptables
[agent]
polling_interval = 1
EOF
  cat > "$N/dhcp_agent.ini" <<EOF
[DEFAULT]
enable_isolated_metadata = true
# no upstream DNS servers: guests' lookups never leave the machine
dnsmasq_local_resolv = false
EOF
  cat > "$N/metadata_agent.ini" <<EOF
[DEFAULT]
nova_metadata_host = 127.0.0.1
nova_metadata_port = 8775
metadata_proxy_shared_secret = $secret
metadata_workers = 1
EOF

  # a server that names no zone stays on the fake host (zone "nova"); one host per zone means
  # resizes stay on it. Zed's scheduler leaves zones to placement's aggregate prefilter, which can
  # name the hosts of "dataplane" but not those of the default zone, so a resize of a fake server
  # could land on the libvirt host: the AvailabilityZoneFilter keeps each server in its zone.
  sed -i "s/^\[DEFAULT\]$/[DEFAULT]\ndefault_schedule_zone = nova\nallow_resize_to_same_host = true/" "$D/etc/nova/nova.conf"
  cat >> "$D/etc/nova/nova.conf" <<EOF
[filter_scheduler]
enabled_filters = ComputeFilter,ComputeCapabilitiesFilter,ImagePropertiesFilter,ServerGroupAntiAffinityFilter,ServerGroupAffinityFilter,AvailabilityZoneFilter
EOF

  # volumes a guest really sees: cinder backend "files" (services/dataplane_cinder_files.py) in
  # zone "dataplane", next to the fake backend of zone "nova". A volume lands in a zone's backend
  # by its availability zone; nova then keeps servers and their volumes in the same zone (and
  # creates a boot volume in the server's zone), as on a cloud with per-zone storage.
  sed -i 's/^enabled_backends = fake$/enabled_backends = fake,files/' "$D/etc/cinder/cinder.conf"
  cat >> "$D/etc/cinder/cinder.conf" <<EOF
[files]
volume_driver = devcloud_cinder_files.LoopFileDriver
volume_backend_name = files
backend_availability_zone = $DP_AZ
files_volume_dir = $D/data/cinder/files
EOF
  sed -i 's/^\[cinder\]$/[cinder]\ncross_az_attach = false/' "$D/etc/nova/nova.conf" "$D/etc/nova/nova-compute.conf"

  # nova-compute on the real host: the fake host's config with the libvirt driver
  sed -e "s/^host = devcloud$/host = $DP_HOST/" \
    -e 's/^compute_driver = fake.FakeDriver$/compute_driver = libvirt.LibvirtDriver/' \
    -e "s#^state_path = .*#state_path = $D/data/nova-real#" \
    -e "s#^instances_path = .*#instances_path = $D/data/nova/instances-real#" \
    -e 's/^vif_plugging_is_fatal = false$/vif_plugging_is_fatal = true/' \
    -e 's/^vif_plugging_timeout = 0$/vif_plugging_timeout = 120/' \
    -e 's/^\[DEFAULT\]$/[DEFAULT]\nallow_resize_to_same_host = true/' \
    "$D/etc/nova/nova-compute.conf" > "$D/etc/nova/nova-compute-real.conf"
  cat >> "$D/etc/nova/nova-compute-real.conf" <<EOF
[libvirt]
# TCG: KVM here is a PVM host that Debian's guest kernels cannot run on (dataplane/FINDINGS.md)
virt_type = qemu
cpu_mode = none
images_type = qcow2
EOF
  # nova's privileged helpers: started directly (we are root; Debian's nova-rootwrap comes with
  # nova-common, which would bring the systemd units)
  for s in nova_sys_admin vif_plug_linux_bridge_privileged vif_plug_ovs_privileged privsep_osbrick; do
    printf '[%s]\nhelper_command = privsep-helper --config-file %s\n' \
      "$s" "$D/etc/nova/nova-compute-real.conf" >> "$D/etc/nova/nova-compute-real.conf"
  done
  # keep the image's qcow2 as the backing file instead of a raw copy per image
  sed -i "s/^\[DEFAULT\]$/[DEFAULT]\nforce_raw_images = false\nuse_cow_images = true/" "$D/etc/nova/nova-compute-real.conf"
  cat > "$D/etc/nova/metadata.conf" <<EOF
[DEFAULT]
metadata_listen = 127.0.0.1
metadata_listen_port = 8775
[wsgi]
api_paste_config = $D/etc/nova/metadata-paste.ini
[neutron]
service_metadata_proxy = true
metadata_proxy_shared_secret = $secret
EOF
  cat > "$D/etc/nova/metadata-paste.ini" <<'EOF'
# nova's metadata API (nova-api-metadata), reached only through neutron's metadata proxies
[composite:metadata]
use = call:nova.api.openstack.urlmap:urlmap_factory
/: meta

[pipeline:meta]
pipeline = http_proxy_to_wsgi metaapp

[app:metaapp]
paste.app_factory = nova.api.metadata.handler:MetadataRequestHandler.factory

[filter:http_proxy_to_wsgi]
paste.filter_factory = oslo_middleware.http_proxy_to_wsgi:HTTPProxyToWSGI.factory
EOF
}

dataplane_helpers() {
  install -m 644 "$HERE/services/dataplane_schedulers.py" "$D/lib/devcloud_schedulers.py"
  install -m 644 "$HERE/services/dataplane_cinder_files.py" "$D/lib/devcloud_cinder_files.py"
  mkentry neutron-linuxbridge-agent neutron.cmd.eventlet.plugins.linuxbridge_neutron_agent:main
  mkentry neutron-dhcp-agent neutron.cmd.eventlet.agents.dhcp:main
  mkentry neutron-l3-agent neutron.cmd.eventlet.agents.l3:main
  mkentry neutron-metadata-agent neutron.cmd.eventlet.agents.metadata:main
  mkentry nova-api-metadata nova.cmd.api_metadata:main
}

# The guest image, built from Debian packages (cached by its inputs' checksum).
dataplane_prep() {
  OSSDK_DP_DIR="$D/data/dataplane" bash "$HERE/dataplane/build-guest-image.sh"
}

# The external network's namespace, its two links and the host's one route; idempotent.
#   dc-ext0 (host) <-> dc-ext1 (ns, 172.24.4.1/24): the "public" physical network, which the
#       linuxbridge agent puts in the public network's bridge; routers' gateways live behind it
#   dc-host0 (host, 172.24.5.1/30) <-> dc-host1 (ns, .2): the host's way in. The host routes
#       172.24.4.0/24 (floating IPs) through the namespace, which forwards between its two links
#       and has no default route: guests answer the host, and nothing leaves the machine.
dataplane_extnet() {
  # a name left without its namespace (a reboot, another mount namespace) is made again
  if ! ip netns exec "$DP_NS" true 2> /dev/null; then
    ip netns delete "$DP_NS" 2> /dev/null || true
    ip netns add "$DP_NS"
  fi
  ip link show dc-ext0 > /dev/null 2>&1 || ip link add dc-ext0 type veth peer name dc-ext1 netns "$DP_NS"
  ip link show dc-host0 > /dev/null 2>&1 || ip link add dc-host0 type veth peer name dc-host1 netns "$DP_NS"
  ip link set dc-ext0 up
  ip addr replace "${DP_LINK%.0/30}.1/30" dev dc-host0
  ip link set dc-host0 up
  ip netns exec "$DP_NS" sh -e -c "
    ip link set lo up
    ip addr replace $DP_GW dev dc-ext1
    ip link set dc-ext1 up
    ip addr replace ${DP_LINK%.0/30}.2/30 dev dc-host1
    ip link set dc-host1 up
    sysctl -qw net.ipv4.ip_forward=1"
  ip route replace "${DP_GW%.1/24}.0/24" via "${DP_LINK%.0/30}.2" dev dc-host0
}

# dataplane_wait_rpc SECONDS QUEUE...: wait until each rabbitmq QUEUE has a consumer
dataplane_wait_rpc() {
  local deadline=$((SECONDS + $1)) t0=$SECONDS q queues missing
  shift
  while :; do
    # rabbitmqctl itself, not Debian's wrapper (which switches to the rabbitmq user and its cookie)
    # shellcheck disable=SC1091
    queues=$(. "$D/etc/rabbitmq/env.sh" && /usr/lib/rabbitmq/bin/rabbitmqctl -q list_queues name consumers 2> /dev/null)
    missing=""
    for q in "$@"; do
      echo "$queues" | awk -v q="$q" '$1 == q && $2 > 0 {f=1} END {exit !f}' || missing="$missing $q"
    done
    [ -z "$missing" ] && { log "neutron-server consumes$(printf ' %s' "$@") after $((SECONDS - t0))s"; return 0; }
    [ "$SECONDS" -ge "$deadline" ] && break
    sleep 1
  done
  log "ERROR: neutron-server still does not consume$missing after $((SECONDS - t0))s"
  return 1
}

dataplane_start_agents() {
  local N="$D/etc/neutron" a
  for a in linuxbridge dhcp l3 metadata; do
    local extra=()
    case $a in
      linuxbridge) extra=(--config-file "$N/linuxbridge_agent.ini") ;;
      dhcp) extra=(--config-file "$N/dhcp_agent.ini") ;;
      metadata) extra=(--config-file "$N/metadata_agent.ini") ;;
    esac
    start "neutron-$a-agent" "$D/log/neutron-$a-agent.out" "$D/bin/neutron-$a-agent" \
      --config-file "$N/neutron.conf" --config-file "$N/dataplane-agents.ini" "${extra[@]}" \
      --log-file "$D/log/neutron-$a-agent.log"
  done
}

dataplane_start() {
  local i
  dataplane_extnet
  if ! running libvirtd && [ -S /run/libvirt/libvirt-sock ] && virsh -c qemu:///system version > /dev/null 2>&1; then
    die "a libvirtd the dev cloud did not start is running: stop it first (the dataplane plugin runs its own)"
  fi
  start virtlogd "$D/log/virtlogd.out" /usr/sbin/virtlogd
  LIBVIRT_LOG_OUTPUTS="3:file:$D/log/libvirtd.log" start libvirtd "$D/log/libvirtd.out" /usr/sbin/libvirtd
  for i in $(seq 1 150); do
    virsh -c qemu:///system version > /dev/null 2>&1 && break
    [ "$i" = 150 ] && die "libvirtd did not answer within 30 s (log: $D/log/libvirtd.log)"
    sleep 0.2
  done
  # the agents' first RPC calls go to neutron-server's queues, which its RPC worker declares only
  # once it runs: a call sent before is dropped and the agent waits out rpc_response_timeout
  # (60 s) and a back-off before it retries (the L3 agent's start took 2-3 minutes so). They are
  # started once those queues have consumers, in the background like nova-api-metadata below.
  if ! running neutron-linuxbridge-agent || ! running neutron-dhcp-agent ||
    ! running neutron-l3-agent || ! running neutron-metadata-agent; then
    (
      dataplane_wait_rpc 180 q-plugin q-l3-plugin q-reports-plugin && dataplane_start_agents
    ) >> "$D/log/setup-dataplane.log" 2>&1 &
  fi
  # nova-api-metadata reads everything through nova-conductor and exits when that does not
  # answer within a minute at its start: start it once the conductor reports up (in the
  # background, so the other plugins start meanwhile; ready.py waits for it)
  if ! running nova-api-metadata; then
    (
      "$PY" "$HERE/services/dataplane_seed.py" "$KS" --wait-conductor 180 &&
        start nova-api-metadata "$D/log/nova-api-metadata.out" "$D/bin/nova-api-metadata" \
          --config-file "$D/etc/nova/nova.conf" --config-file "$D/etc/nova/metadata.conf" \
          --log-file "$D/log/nova-api-metadata.log"
    ) >> "$D/log/setup-dataplane.log" 2>&1 &
  fi
  start nova-compute-real "$D/log/nova-compute-real.out" "$D/bin/nova-compute" \
    --config-file "$D/etc/nova/nova-compute-real.conf" --log-file "$D/log/nova-compute-real.log"
}

# The zone, the guest's images and its flavor.
dataplane_seed() {
  "$PY" "$HERE/services/dataplane_seed.py" "$KS" "$D/data/dataplane/image" "$DP_HOST" "$DP_AZ" ||
    die "seeding the data plane failed"
}

# down.sh: after the processes stop, remove what they left in the kernel (guests, namespaces,
# bridges, firewall chains) so the next up.sh starts clean.
dataplane_down() {
  local p n d
  # guests: qemu processes libvirtd started for our instances outlive it
  for p in $(pgrep -f "qemu-system-x86_64.*$D/data/nova/instances-real" || true); do
    kill -TERM "$p" 2> /dev/null || true
  done
  # the domains nova defined stay in libvirt's own config (/etc/libvirt/qemu) after libvirtd
  # stops; a later dev cloud's nova would reuse their names (instance-00000001...) and fail
  for d in /etc/libvirt/qemu/instance-*.xml /run/libvirt/qemu/instance-*.xml; do
    [ -f "$d" ] && grep -q "$D/data/nova/instances-real" "$d" && rm -f "$d"
  done
  # loop devices the "files" volume backend attached (they outlive cinder-volume)
  losetup -nO NAME,BACK-FILE 2> /dev/null | awk -v dir="$D/data/cinder/files/" 'index($2, dir) == 1 {print $1}' |
    while read -r d; do losetup -d "$d" 2> /dev/null || true; done
  # dnsmasq and haproxy the DHCP and L3 agents started (pid files under neutron's state path)
  for p in "$D"/data/neutron/external/pids/* "$D"/data/neutron/dhcp/*/pid; do
    [ -s "$p" ] && kill -TERM "$(cat "$p")" 2> /dev/null
  done
  for n in $(ip netns list | awk '/^(qrouter|qdhcp)-/{print $1}'); do ip netns delete "$n"; done
  for d in $(ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//' | grep -E '^(brq|vxlan-|tap)' || true); do
    ip link delete "$d" 2> /dev/null || true
  done
  ip link delete dc-ext0 2> /dev/null || true
  ip link delete dc-host0 2> /dev/null || true
  ip netns list | grep -qw "$DP_NS" && ip netns delete "$DP_NS"
  # the linuxbridge agent's firewall chains
  for t in filter nat raw mangle; do
    iptables-save -t "$t" 2> /dev/null | grep -q neutron- || continue
    iptables-save -t "$t" | grep -v -- '-j neutron-\|^-A neutron-\|^:neutron-' | iptables-restore -T "$t" 2> /dev/null || true
  done
  return 0
}
