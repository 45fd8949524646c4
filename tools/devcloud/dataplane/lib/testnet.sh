# shellcheck shell=bash
# What OpenStack gives a guest, rebuilt in a network namespace of our own so a boot test needs
# neither neutron nor nova: a bridge with the gateway address (which also answers as
# 169.254.169.254), dnsmasq for DHCP as neutron's DHCP agent runs it (MTU 1450 and the metadata
# route as option 121), and busybox httpd serving the files nova's metadata API serves.
# Sourced by boot-qemu.sh and boot-libvirt.sh; they set NS, RUN, GW, IP, MAC and call, in order:
#   testnet_up; testnet_metadata NAME; testnet_services; ... ; testnet_down (from their EXIT trap)

TESTNET_PIDS=()

nsx() { ip netns exec "$NS" "$@"; }

testnet_up() {  # the namespace, its bridge br0 and (if $1 is given) a tap of that name on it
  ip netns del "$NS" 2> /dev/null || true   # a previous run killed before its trap
  ip netns add "$NS"
  nsx ip link set lo up
  nsx ip link add br0 type bridge
  nsx ip addr add "$GW/24" dev br0
  nsx ip addr add 169.254.169.254/32 dev br0
  if [ -n "${1:-}" ]; then
    nsx ip tuntap add dev "$1" mode tap
    nsx ip link set "$1" master br0
    nsx ip link set "$1" up
  fi
  nsx ip link set br0 up
}

testnet_metadata() {  # name -> $RUN/id_ed25519 (the key pair) and $RUN/md (meta_data.json, user_data)
  mkdir -p "$RUN/md/openstack/latest"
  rm -f "$RUN/id_ed25519" "$RUN/id_ed25519.pub"
  ssh-keygen -q -t ed25519 -N '' -C ossdk-dp-test -f "$RUN/id_ed25519"
  local pub
  pub=$(cat "$RUN/id_ed25519.pub")
  cat > "$RUN/md/openstack/latest/meta_data.json" <<JSON
{"uuid": "00000000-0000-4000-8000-000000007711", "name": "$1", "hostname": "$1.novalocal",
 "public_keys": {"ossdk-dp": "$pub"}, "keys": [{"name": "ossdk-dp", "type": "ssh", "data": "$pub"}],
 "launch_index": 0, "availability_zone": "nova", "project_id": "dp"}
JSON
  # The Jenkins stand-in: a page on 8080 that also shows the data disk is mounted.
  cat > "$RUN/md/openstack/latest/user_data" <<'SH'
#!/bin/sh
mkdir -p /srv/www
{ echo "hello from $(hostname)"; cat /data/www/index.html; } > /srv/www/index.html
echo "user-data: serving /srv/www on 8080"
exec httpd -f -p 8080 -h /srv/www
SH
}

testnet_services() {  # DHCP server and (unless $1 is "no-metadata") metadata responder
  # `ip netns exec` (not the nsx function, which would fork a subshell) execs the command, so
  # $! is the server itself and testnet_down's kill reaches it
  if [ "${1:-}" != no-metadata ]; then
    ip netns exec "$NS" busybox httpd -f -p 169.254.169.254:80 -h "$RUN/md" &
    TESTNET_PIDS+=($!)
  fi
  ip netns exec "$NS" dnsmasq --keep-in-foreground --conf-file=/dev/null --port=0 --user=root \
    --interface=br0 --bind-interfaces --dhcp-authoritative \
    --dhcp-range="${GW%.*}.10,${GW%.*}.50,255.255.255.0,1h" --dhcp-host="$MAC,$IP" \
    --dhcp-option=3,"$GW" --dhcp-option=26,1450 \
    --dhcp-option=121,169.254.169.254/32,"$GW",0.0.0.0/0,"$GW" \
    --dhcp-leasefile="$RUN/leases" --log-dhcp --log-facility="$RUN/dnsmasq.log" &
  TESTNET_PIDS+=($!)
}

testnet_down() {  # stops what testnet_services started, deletes the namespace
  local p
  for p in "${TESTNET_PIDS[@]}"; do kill "$p" 2> /dev/null || true; done
  sleep 0.5
  for p in "${TESTNET_PIDS[@]}"; do kill -9 "$p" 2> /dev/null || true; done
  ip netns del "$NS" 2> /dev/null || true
  ip netns del "$NS-ext" 2> /dev/null || true   # testnet_floating_ip's, if it stopped half-way
}

sshg() {  # ssh to the guest with the injected key; bounded, a guest that accepts TCP may hang
  timeout 15 ip netns exec "$NS" ssh -i "$RUN/id_ed25519" -o StrictHostKeyChecking=no \
    -o UserKnownHostsFile=/dev/null -o ConnectTimeout=3 -o BatchMode=yes -o LogLevel=ERROR \
    "root@$IP" "$@"
}

# Polls until the console shows the boot-finished marker, SSH runs a command and 8080 answers.
# Sets T_MARKER, T_SSH, T_HTTP (seconds since $1, an epoch with decimals); false on timeout.
# $2: console log, $3: timeout (s), $4: pid that must stay alive (the hypervisor).
testnet_wait_guest() {
  local t0=$1 console=$2 limit=$3 alive=$4 deadline
  T_MARKER= T_SSH= T_HTTP=
  deadline=$(($(date +%s) + limit))
  since() { echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f'; }
  while [ -z "$T_MARKER" ] || [ -z "$T_SSH" ] || [ -z "$T_HTTP" ]; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "timeout after ${limit}s (marker=${T_MARKER:-no} ssh=${T_SSH:-no} http=${T_HTTP:-no})" >&2
      return 1
    fi
    kill -0 "$alive" 2> /dev/null || { echo "the hypervisor process $alive exited" >&2; return 1; }
    if grep -q 'Kernel panic' "$console" 2> /dev/null; then
      echo "the guest kernel panicked: $(grep -o 'Kernel panic.*' "$console" | head -1)" >&2
      return 1
    fi
    [ -z "$T_MARKER" ] && grep -q 'ossdk-guest: boot-finished' "$console" 2> /dev/null && T_MARKER=$(since)
    [ -z "$T_SSH" ] && sshg true 2> /dev/null && T_SSH=$(since)
    [ -z "$T_HTTP" ] && nsx curl -sf --max-time 3 "http://$IP:8080/" > "$RUN/http.txt" 2> /dev/null \
      && T_HTTP=$(since)
    sleep 0.5
  done
}

# What neutron's L3 agent does for a floating IP, by hand: the test namespace plays the router
# (qrouter-*), a second namespace $NS-ext plays the external network. A veth pair joins them
# (router side 172.24.99.2/24 plus the floating IP 172.24.99.20, external side 172.24.99.1/24);
# iptables-nft DNAT/SNAT maps the floating IP to the guest. Then, from the external namespace only:
# HTTP and SSH to the floating IP, and a FORWARD rule (a security group without 8080) refuses
# 8080 until it is removed. Sets FIP_HTTP, FIP_SSH, FIP_BLOCKED, FIP_REOPENED (ok/failed).
testnet_floating_ip() {
  local ext="$NS-ext" fip=172.24.99.20
  ip netns del "$ext" 2> /dev/null || true
  ip netns add "$ext"
  ip link add dpqg0 netns "$NS" type veth peer name dpext0 netns "$ext"
  ip -n "$ext" link set lo up
  ip -n "$ext" addr add 172.24.99.1/24 dev dpext0
  ip -n "$ext" link set dpext0 up
  nsx ip addr add 172.24.99.2/24 dev dpqg0
  nsx ip addr add "$fip/32" dev dpqg0
  nsx ip link set dpqg0 up
  nsx sysctl -qw net.ipv4.ip_forward=1
  nsx iptables-nft -t nat -A PREROUTING -d "$fip/32" -j DNAT --to-destination "$IP"
  nsx iptables-nft -t nat -A POSTROUTING -s "$IP/32" -j SNAT --to-source "$fip"
  local exx=(timeout 15 ip netns exec "$ext")
  FIP_HTTP=failed FIP_SSH=failed FIP_BLOCKED=failed FIP_REOPENED=failed
  "${exx[@]}" curl -sf --max-time 5 "http://$fip:8080/" > /dev/null && FIP_HTTP=ok
  "${exx[@]}" ssh -i "$RUN/id_ed25519" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o ConnectTimeout=3 -o BatchMode=yes -o LogLevel=ERROR "root@$fip" true && FIP_SSH=ok
  # the security group: new connections to 8080 rejected, as a port without that rule would be
  nsx iptables-nft -I FORWARD -d "$IP/32" -p tcp --dport 8080 -m state --state NEW -j REJECT
  "${exx[@]}" curl -sf --max-time 5 "http://$fip:8080/" > /dev/null || FIP_BLOCKED=ok
  nsx iptables-nft -D FORWARD -d "$IP/32" -p tcp --dport 8080 -m state --state NEW -j REJECT
  "${exx[@]}" curl -sf --max-time 5 "http://$fip:8080/" > /dev/null && FIP_REOPENED=ok
  ip netns del "$ext"
}
