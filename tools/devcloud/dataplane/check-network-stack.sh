#!/usr/bin/env bash
# What the neutron agents need from the kernel and userspace, tried for real inside a network
# namespace of our own (ossdk-dp-chk, deleted at exit): bridges, veth, VLAN and VXLAN devices,
# iptables (legacy and nft) with the matches and targets the linuxbridge/iptables firewall uses,
# nftables, ebtables, ipset, conntrack, the br_netfilter sysctls, and Open vSwitch with
# ovsdb-server/ovs-vswitchd started by hand (kernel datapath, then the userspace "netdev" one).
#
#   bash tools/devcloud/dataplane/check-network-stack.sh     # one line per check: ok/FAIL + message
#
# The kernel has no loadable modules here (CONFIG_MODULES is off), so what is not built in is
# simply absent: a FAIL line quotes the tool's own message.
set -uo pipefail

DP="${OSSDK_DP_DIR:-/tmp/ossdk-dp}"
NS=ossdk-dp-chk
RUN="$DP/run-netcheck"
OUT="$RUN/result.txt"
[ "$(id -u)" = 0 ] || { echo "run as root" >&2; exit 1; }
for c in iptables-legacy iptables-nft nft ebtables ipset conntrack ovs-vsctl ovsdb-server ovs-vswitchd; do
  command -v "$c" > /dev/null || {
    echo "$c missing: apt-get install -y --no-install-recommends iptables nftables ebtables ipset conntrack openvswitch-switch" >&2
    exit 1
  }
done
rm -rf "$RUN" && mkdir -p "$RUN"
: > "$OUT"

ovs_pids=()   # started with `ip netns exec` directly (it execs), so these are the daemons' pids
cleanup() {
  local p
  for p in "${ovs_pids[@]}"; do kill "$p" 2> /dev/null || true; done
  sleep 0.5
  for p in "${ovs_pids[@]}"; do kill -9 "$p" 2> /dev/null || true; done
  ip netns del "$NS" 2> /dev/null || true
}
trap cleanup EXIT
ip netns del "$NS" 2> /dev/null || true
ip netns add "$NS"
nsx() { ip netns exec "$NS" "$@"; }
nsx ip link set lo up

check() {  # name command... -> one result line; the command runs in the namespace
  local name=$1 msg
  shift
  if msg=$(nsx timeout 20 "$@" 2>&1); then
    printf 'ok    %-34s %s\n' "$name" "$(echo "$msg" | head -1 | cut -c1-110)" | tee -a "$OUT"
  else
    printf 'FAIL  %-34s %s\n' "$name" "$(echo "$msg" | tr '\n' ' ' | cut -c1-200)" | tee -a "$OUT"
  fi
}

# --- devices -----------------------------------------------------------------------------------
check "bridge" ip link add brchk type bridge
check "veth" ip link add vchk0 type veth peer name vchk1
check "veth on bridge" ip link set vchk0 master brchk
check "tap (tun/tap)" ip tuntap add dev tapchk mode tap
check "vlan 802.1q (linuxbridge vlan)" ip link add link vchk1 name vchk1.10 type vlan id 10
check "vxlan (linuxbridge/ovs tunnels)" ip link add vxchk type vxlan id 42 dstport 4789 local 127.0.0.1 dev lo
check "gre" ip link add grechk type gre local 127.0.0.1 remote 127.0.0.2
check "geneve (ovn)" ip link add genchk type geneve id 42 remote 127.0.0.2
check "macvlan" ip link add link vchk1 name mvchk type macvlan
check "nested netns (qrouter/qdhcp)" sh -c 'ip netns add ossdk-dp-chk-inner && ip netns del ossdk-dp-chk-inner'
check "ip_forward sysctl" sysctl -w net.ipv4.ip_forward=1
check "bridge-nf-call-iptables" sysctl -w net.bridge.bridge-nf-call-iptables=1
check "bridge-nf-call-ip6tables" sysctl -w net.bridge.bridge-nf-call-ip6tables=1

# --- iptables, as neutron's iptables firewall and L3 agent use them -----------------------------
for ipt in iptables-legacy iptables-nft; do
  check "$ipt filter + new chain" sh -c "$ipt -N neutron-chk && $ipt -A FORWARD -j neutron-chk"
  check "$ipt -m physdev" "$ipt" -A neutron-chk -m physdev --physdev-out tapchk --physdev-is-bridged -j ACCEPT
  check "$ipt -m conntrack" "$ipt" -A neutron-chk -m state --state RELATED,ESTABLISHED -j RETURN
  check "$ipt -m comment" "$ipt" -A neutron-chk -m comment --comment chk -j RETURN
  check "$ipt -m mac" "$ipt" -A neutron-chk -m mac --mac-source fa:16:3e:00:00:01 -j RETURN
  check "$ipt raw CT zone" "$ipt" -t raw -A PREROUTING -i brchk -j CT --zone 4097
  check "$ipt nat SNAT/DNAT (floating IP)" sh -c "$ipt -t nat -A PREROUTING -d 172.24.4.10/32 -j DNAT --to-destination 10.0.0.5 && $ipt -t nat -A POSTROUTING -s 10.0.0.5/32 -j SNAT --to-source 172.24.4.10"
  check "$ipt mangle MARK" "$ipt" -t mangle -A PREROUTING -j MARK --set-xmark 0x1/0xffff
  check "ip6tables (${ipt%-*}6${ipt#iptables})" "ip6tables-${ipt#iptables-}" -A INPUT -p ipv6-icmp -j RETURN
done
check "ipset hash:net" ipset create NIPv4chk hash:net family inet
check "iptables -m set" iptables-legacy -A neutron-chk -m set --match-set NIPv4chk src -j RETURN
check "ipset hash:net,net (absent: SKIP ok)" ipset create NIPv4chk2 hash:net,net family inet
check "nft table + chain" sh -c 'nft add table inet chk && nft add chain inet chk c "{ type filter hook forward priority 0; }"'
check "nft ct state" nft add rule inet chk c ct state established,related accept
check "ebtables (nft backend)" ebtables -A FORWARD -p ARP --arp-ip-src 10.0.0.5 -j ACCEPT
check "ebtables-legacy" ebtables-legacy -t nat -L
check "conntrack -L" conntrack -L
check "conntrack -D (by zone)" sh -c 'conntrack -D -w 4097 2>&1; true'
check "tc qdisc htb (qos)" tc qdisc add dev vchk1 root handle 1: htb
check "tc ingress police (qos min bw)" sh -c 'tc qdisc add dev vchk0 ingress && tc filter add dev vchk0 parent ffff: protocol all u32 match u32 0 0 police rate 1mbit burst 10k drop'

# --- Open vSwitch, daemons started by hand in the namespace -------------------------------------
export OVS_RUNDIR="$RUN/ovs" OVS_DBDIR="$RUN/ovs" OVS_LOGDIR="$RUN/ovs" OVS_SYSCONFDIR="$RUN/ovs"
mkdir -p "$OVS_RUNDIR"
DB="unix:$OVS_RUNDIR/db.sock"
ovsdb-tool create "$OVS_DBDIR/conf.db" /usr/share/openvswitch/vswitch.ovsschema
ip netns exec "$NS" ovsdb-server "$OVS_DBDIR/conf.db" --remote="punix:$OVS_RUNDIR/db.sock" \
  --pidfile="$OVS_RUNDIR/ovsdb-server.pid" --log-file="$OVS_LOGDIR/ovsdb-server.log" \
  > /dev/null 2>&1 &
ovs_pids+=($!)
for _ in $(seq 1 20); do [ -S "$OVS_RUNDIR/db.sock" ] && break; sleep 0.5; done
check "ovsdb-server + ovs-vsctl init" ovs-vsctl --db="$DB" --no-wait init
ip netns exec "$NS" ovs-vswitchd "$DB" --pidfile="$OVS_RUNDIR/ovs-vswitchd.pid" \
  --log-file="$OVS_LOGDIR/ovs-vswitchd.log" > /dev/null 2>&1 &
ovs_pids+=($!)
sleep 2
# ovs-vsctl exits 0 even when vswitchd cannot create the bridge: its message tells
check "ovs kernel datapath (add-br)" sh -c "out=\$(ovs-vsctl --db='$DB' --timeout=10 add-br br-int 2>&1); echo \"\$out\"; ! echo \"\$out\" | grep -q Error"
check "ovs kernel datapath port up" sh -c "ip link show br-int"
check "ovs userspace datapath add-br" ovs-vsctl --db="$DB" --timeout=10 add-br br-ud -- set bridge br-ud datapath_type=netdev
check "ovs userspace datapath port up" ip link show br-ud
check "ovs userspace: tap as port" ovs-vsctl --db="$DB" --timeout=10 add-port br-ud tapchk
check "ovs userspace: vxlan port" ovs-vsctl --db="$DB" --timeout=10 add-port br-ud vx0 -- set interface vx0 type=vxlan options:remote_ip=127.0.0.2
check "ovs-ofctl dump-flows" ovs-ofctl dump-flows br-ud
grep -E 'ERR|WARN|dpif' "$OVS_LOGDIR/ovs-vswitchd.log" | head -8 | sed 's/^/ovs-vswitchd.log: /' | tee -a "$OUT"
echo "results in $OUT" >&2
