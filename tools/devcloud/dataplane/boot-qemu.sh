#!/usr/bin/env bash
# Boots the ossdk guest with qemu directly, on a bridge inside a network namespace of its own,
# with the two things OpenStack would give it: a DHCP server (dnsmasq, as neutron's DHCP agent
# runs it) and a metadata service on 169.254.169.254 (busybox httpd serving the same files nova's
# metadata API serves: openstack/latest/meta_data.json and user_data). Then proves the guest works
# from the outside: SSH with the injected key, an HTTP GET to the service its user data started,
# and a clean ACPI poweroff. Prints the timings and the memory qemu used.
#
#   bash tools/devcloud/dataplane/boot-qemu.sh              # TCG (software emulation)
#   ACCEL=kvm bash tools/devcloud/dataplane/boot-qemu.sh    # try KVM
#   MEM=128 TIMEOUT=300 ...                                  # guest MiB, overall bound (s)
#
# Nothing leaves the namespace ossdk-dp-qemu (deleted at exit, as are the processes started here).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DP="${OSSDK_DP_DIR:-/tmp/ossdk-dp}"
ACCEL="${ACCEL:-tcg}"
MEM="${MEM:-128}"
TIMEOUT="${TIMEOUT:-300}"
NS=ossdk-dp-qemu
GW=10.77.0.1
IP=10.77.0.11
MAC=fa:16:3e:00:77:11
RUN="$DP/run-qemu-$ACCEL"

log() { echo "[boot-qemu $(date +%T)] $*" >&2; }
die() { echo "boot-qemu: ERROR: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (namespaces, taps)"
for c in qemu-system-x86_64 dnsmasq ssh ssh-keygen curl; do
  command -v "$c" > /dev/null || die "$c missing: apt-get install -y --no-install-recommends qemu-system-x86 dnsmasq-base openssh-client curl"
done

IMG=$(bash "$HERE/build-guest-image.sh")
rm -rf "$RUN" && mkdir -p "$RUN/md/openstack/latest"

pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2> /dev/null || true; done
  sleep 0.5
  for p in "${pids[@]}"; do kill -9 "$p" 2> /dev/null || true; done
  ip netns del "$NS" 2> /dev/null || true
}
trap cleanup EXIT
ip netns del "$NS" 2> /dev/null || true   # a previous run killed before its trap

# --- the network: bridge + tap in the namespace, the gateway also answers as 169.254.169.254 ---
ip netns add "$NS"
nsx() { ip netns exec "$NS" "$@"; }
nsx ip link set lo up
nsx ip link add br0 type bridge
nsx ip addr add "$GW/24" dev br0
nsx ip addr add 169.254.169.254/32 dev br0
nsx ip tuntap add dev tap0 mode tap
nsx ip link set tap0 master br0
nsx ip link set tap0 up
nsx ip link set br0 up

# --- metadata: what nova's metadata API would answer for this server ----------------------------
ssh-keygen -q -t ed25519 -N '' -C ossdk-dp-test -f "$RUN/id_ed25519"
pub=$(cat "$RUN/id_ed25519.pub")
cat > "$RUN/md/openstack/latest/meta_data.json" <<EOF
{"uuid": "00000000-0000-4000-8000-000000007711", "name": "dp-qemu", "hostname": "dp-qemu.novalocal",
 "public_keys": {"ossdk-dp": "$pub"}, "keys": [{"name": "ossdk-dp", "type": "ssh", "data": "$pub"}],
 "launch_index": 0, "availability_zone": "nova", "project_id": "dp"}
EOF
# The Jenkins stand-in: a page on 8080 that also shows the data disk is mounted.
cat > "$RUN/md/openstack/latest/user_data" <<'EOF'
#!/bin/sh
mkdir -p /srv/www
{ echo "hello from $(hostname)"; cat /data/www/index.html; } > /srv/www/index.html
echo "user-data: serving /srv/www on 8080"
exec httpd -f -p 8080 -h /srv/www
EOF
nsx busybox httpd -f -p 169.254.169.254:80 -h "$RUN/md" &
pids+=($!)
nsx dnsmasq --keep-in-foreground --conf-file=/dev/null --port=0 --user=root \
  --interface=br0 --bind-interfaces --dhcp-authoritative \
  --dhcp-range="10.77.0.10,10.77.0.50,255.255.255.0,1h" --dhcp-host="$MAC,$IP" \
  --dhcp-option=3,"$GW" --dhcp-option=26,1450 \
  --dhcp-option=121,169.254.169.254/32,"$GW",0.0.0.0/0,"$GW" \
  --dhcp-leasefile="$RUN/leases" --log-dhcp --log-facility="$RUN/dnsmasq.log" &
pids+=($!)

# --- the guest ------------------------------------------------------------------------------------
qemu-img create -q -f qcow2 -b "$IMG/disk.qcow2" -F qcow2 "$RUN/disk.qcow2"
accel_opts=(-machine "pc,accel=$ACCEL")
[ "$ACCEL" = kvm ] && accel_opts+=(-cpu "${KVM_CPU:-qemu64}")
t0=$(date +%s.%N)
nsx nice -n 19 qemu-system-x86_64 "${accel_opts[@]}" -m "$MEM" -smp 1 -display none -no-user-config \
  -serial "file:$RUN/console.log" -monitor "unix:$RUN/monitor.sock,server,nowait" \
  -kernel "$IMG/vmlinuz" -initrd "$IMG/initrd.img" -append "console=ttyS0" \
  -drive "file=$RUN/disk.qcow2,if=virtio" \
  -netdev tap,id=n0,ifname=tap0,script=no,downscript=no -device "virtio-net-pci,netdev=n0,mac=$MAC" \
  -device virtio-rng-pci -pidfile "$RUN/qemu.pid" > "$RUN/qemu.out" 2>&1 &
qpid=$!
pids+=("$qpid")
since() { echo "$(date +%s.%N) - $t0" | bc | xargs printf '%.1f'; }

sshg() {  # bounded: a guest that accepts TCP but never answers must not hang us
  timeout 15 ip netns exec "$NS" ssh -i "$RUN/id_ed25519" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o ConnectTimeout=3 -o BatchMode=yes -o LogLevel=ERROR "root@$IP" "$@"
}
t_marker= t_ssh= t_http=
deadline=$(($(date +%s) + TIMEOUT))
while [ -z "$t_marker" ] || [ -z "$t_ssh" ] || [ -z "$t_http" ]; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    log "timeout after ${TIMEOUT}s (marker=${t_marker:-no} ssh=${t_ssh:-no} http=${t_http:-no}); console tail:"
    tail -n 25 "$RUN/console.log" >&2 || true
    cat "$RUN/qemu.out" >&2 || true
    exit 1
  fi
  kill -0 "$qpid" 2> /dev/null || { cat "$RUN/qemu.out" >&2; die "qemu exited"; }
  [ -z "$t_marker" ] && grep -q 'ossdk-guest: boot-finished' "$RUN/console.log" 2> /dev/null && t_marker=$(since)
  [ -z "$t_ssh" ] && sshg true 2> /dev/null && t_ssh=$(since)
  [ -z "$t_http" ] && nsx curl -sf --max-time 3 "http://$IP:8080/" > "$RUN/http.txt" 2> /dev/null && t_http=$(since)
  sleep 0.5
done

ssh_out=$(sshg 'hostname; uname -r; ip -4 -o addr show eth0; ip route; free -m | sed -n 2p; grep /data /proc/mounts')
rss_kb=$(awk '/VmRSS/{print $2}' "/proc/$(cat "$RUN/qemu.pid")/status")
guest_line=$(grep 'boot-finished' "$RUN/console.log" | tr -d '\r')

# --- clean poweroff through ACPI, as libvirt's shutdown (nova stop) does ------------------------
t_off0=$(date +%s.%N)
/usr/bin/python3 -c 'import socket,sys,time
s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); time.sleep(0.2); s.recv(4096)
s.sendall(b"system_powerdown\n"); time.sleep(0.2)' "$RUN/monitor.sock"
off=no
for _ in $(seq 1 120); do
  kill -0 "$qpid" 2> /dev/null || { off=yes; break; }
  # qemu stays up after an ACPI poweroff only when -no-shutdown is given; it is not here
  sleep 0.5
done
t_off=$(echo "$(date +%s.%N) - $t_off0" | bc | xargs printf '%.1f')

cat <<EOF | tee "$RUN/result.env"
ACCEL=$ACCEL
MEM_MIB=$MEM
BOOT_FINISHED_S=$t_marker
SSH_OK_S=$t_ssh
HTTP_8080_OK_S=$t_http
HTTP_BODY='$(tr '\n' '|' < "$RUN/http.txt")'
GUEST_MARKER='$guest_line'
SSH_OUTPUT='$(echo "$ssh_out" | tr '\n' '|')'
QEMU_RSS_MIB=$((rss_kb / 1024))
ACPI_POWEROFF=$off after ${t_off}s
EOF
