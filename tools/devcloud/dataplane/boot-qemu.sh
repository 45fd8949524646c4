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
#   MEM=128 TIMEOUT=300 TCG_TB_MIB=32 ...                    # guest MiB, bound (s), TCG cache MiB
#   CONFIG_DRIVE=1 ...   # metadata on an iso9660 "config-2" cdrom (as nova makes it), no 169.254
#   FLOATING_IP=1 ...    # also reach the guest through a floating IP from an "external" namespace
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
RUN="$DP/run-qemu-$ACCEL${CONFIG_DRIVE:+-cd}"

log() { echo "[boot-qemu $(date +%T)] $*" >&2; }
die() { echo "boot-qemu: ERROR: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root (namespaces, taps)"
for c in qemu-system-x86_64 dnsmasq ssh ssh-keygen curl; do
  command -v "$c" > /dev/null || die "$c missing: apt-get install -y --no-install-recommends qemu-system-x86 dnsmasq-base openssh-client curl"
done

# shellcheck source=lib/testnet.sh
. "$HERE/lib/testnet.sh"
IMG=$(bash "$HERE/build-guest-image.sh")
rm -rf "$RUN" && mkdir -p "$RUN"
trap testnet_down EXIT   # also kills qemu: it is in TESTNET_PIDS
testnet_up tap0
testnet_metadata dp-qemu
cd_opts=()
if [ -n "${CONFIG_DRIVE:-}" ]; then
  command -v genisoimage > /dev/null || die "genisoimage missing: apt-get install -y --no-install-recommends genisoimage"
  # the options nova's configdrive builder gives genisoimage
  genisoimage -o "$RUN/config.iso" -ldots -allow-lowercase -allow-multidot -l -V config-2 -r -J \
    -quiet "$RUN/md"
  cd_opts=(-drive "file=$RUN/config.iso,media=cdrom,if=ide,readonly=on")
  testnet_services no-metadata
else
  testnet_services
fi

qemu-img create -q -f qcow2 -b "$IMG/disk.qcow2" -F qcow2 "$RUN/disk.qcow2"
accel_opts=(-machine pc -accel "$ACCEL")
# TCG_TB_MIB caps TCG's translation cache (qemu's default lets it grow to 1 GiB): the main term
# of a TCG guest's memory beside its RAM
[ "$ACCEL" = tcg ] && [ -n "${TCG_TB_MIB:-}" ] && accel_opts=(-machine pc -accel "tcg,tb-size=$TCG_TB_MIB")
[ "$ACCEL" = kvm ] && accel_opts+=(-cpu "${KVM_CPU:-qemu64}")
t0=$(date +%s.%N)
ip netns exec "$NS" nice -n 19 qemu-system-x86_64 "${accel_opts[@]}" -m "$MEM" -smp 1 -display none -no-user-config \
  -serial "file:$RUN/console.log" -monitor "unix:$RUN/monitor.sock,server,nowait" \
  -kernel "$IMG/vmlinuz" -initrd "$IMG/initrd.img" -append "$(. "$IMG/image.env"; echo "$KERNEL_CMDLINE")" \
  -drive "file=$RUN/disk.qcow2,if=virtio" \
  -netdev tap,id=n0,ifname=tap0,script=no,downscript=no -device "virtio-net-pci,netdev=n0,mac=$MAC" \
  "${cd_opts[@]}" -device virtio-rng-pci -pidfile "$RUN/qemu.pid" > "$RUN/qemu.out" 2>&1 &
qpid=$!
TESTNET_PIDS+=("$qpid")
if ! testnet_wait_guest "$t0" "$RUN/console.log" "$TIMEOUT" "$qpid"; then
  echo "--- console tail" >&2; tail -n 25 "$RUN/console.log" >&2 || true
  echo "--- qemu" >&2; cat "$RUN/qemu.out" >&2 || true
  exit 1
fi

ssh_out=$(sshg 'hostname; uname -r; ip -4 -o addr show eth0; ip route; free -m | sed -n 2p; grep /data /proc/mounts')
rss_kb=$(awk '/VmRSS/{print $2}' "/proc/$(cat "$RUN/qemu.pid")/status")
guest_line=$(grep 'boot-finished' "$RUN/console.log" | tr -d '\r')

fip_line=
if [ -n "${FLOATING_IP:-}" ]; then
  testnet_floating_ip
  fip_line="FLOATING_IP http=$FIP_HTTP ssh=$FIP_SSH 8080-rejected-without-rule=$FIP_BLOCKED 8080-after-rule=$FIP_REOPENED"
fi

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
TCG_TB_MIB=${TCG_TB_MIB:-default}
METADATA_FROM='$(grep -o 'metadata from .*' "$RUN/console.log" | tr -d '\r')'
BOOT_FINISHED_S=$T_MARKER
SSH_OK_S=$T_SSH
HTTP_8080_OK_S=$T_HTTP
HTTP_BODY='$(tr '\n' '|' < "$RUN/http.txt")'
GUEST_MARKER='$guest_line'
SSH_OUTPUT='$(echo "$ssh_out" | tr '\n' '|')'
QEMU_RSS_MIB=$((rss_kb / 1024))
ACPI_POWEROFF=$off after ${t_off}s
${fip_line}
EOF
