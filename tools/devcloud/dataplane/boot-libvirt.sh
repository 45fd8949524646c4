#!/usr/bin/env bash
# Boots the ossdk guest through libvirt the way nova's libvirt driver does with virt_type=qemu
# (direct kernel boot from an image's kernel_id/ramdisk_id, virtio disk and NIC, a tap on a Linux
# bridge as the linuxbridge agent makes them, the serial console logged to a file), with libvirtd
# and virtlogd started by hand (no systemd) INSIDE a namespace of our own, so that nothing libvirt
# sets up (taps, firewall probes) touches the host's network. Then the same proofs as
# boot-qemu.sh, plus what nova asks libvirt for later: ACPI shutdown, start again, destroy.
# Before the boot, nova_libvirt_probe.py starts nova's own libvirt driver against this libvirtd.
#
#   bash tools/devcloud/dataplane/boot-libvirt.sh      # TIMEOUT=300 bounds each wait
#
# Every libvirt error is printed verbatim and kept in $OSSDK_DP_DIR/run-libvirt/.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DP="${OSSDK_DP_DIR:-/tmp/ossdk-dp}"
TIMEOUT="${TIMEOUT:-300}"
NS=ossdk-dp-lv
GW=10.78.0.1
IP=10.78.0.11
MAC=fa:16:3e:00:78:11
RUN="$DP/run-libvirt"
DOM=ossdk-dp-lv
URI=qemu:///system

log() { echo "[boot-libvirt $(date +%T)] $*" >&2; }
die() { echo "boot-libvirt: ERROR: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "run as root"
for c in libvirtd virtlogd virsh qemu-system-x86_64 dnsmasq ssh curl; do
  command -v "$c" > /dev/null || die "$c missing: apt-get install -y --no-install-recommends libvirt-daemon-system libvirt-clients qemu-system-x86 dnsmasq-base"
done
[ -S /run/libvirt/libvirt-sock ] && die "a libvirtd already runs on this machine (/run/libvirt/libvirt-sock): not ours to use"

# shellcheck source=lib/testnet.sh
. "$HERE/lib/testnet.sh"
IMG=$(bash "$HERE/build-guest-image.sh")
rm -rf "$RUN" && mkdir -p "$RUN"
chmod 755 "$DP" "$RUN" "$IMG"   # qemu runs as libvirt-qemu and must reach the kernel and disk

stop_libvirt() {
  virsh -c "$URI" destroy "$DOM" > /dev/null 2>&1 || true
  virsh -c "$URI" undefine "$DOM" > /dev/null 2>&1 || true
  local f p
  for f in "$RUN/libvirtd.pid" "$RUN/virtlogd.pid"; do
    [ -s "$f" ] || continue
    p=$(cat "$f")
    kill "$p" 2> /dev/null || true
    for _ in $(seq 1 20); do kill -0 "$p" 2> /dev/null || break; sleep 0.5; done
    kill -9 "$p" 2> /dev/null || true
  done
}
trap 'stop_libvirt; testnet_down' EXIT
testnet_up          # no tap: libvirt makes it (vnet0) and puts it on br0, as nova asks it to
testnet_metadata dp-libvirt
testnet_services

log "virtlogd, libvirtd (in $NS)"
# warnings and errors of both daemons into files (they log to syslog, absent here, by default)
LIBVIRT_LOG_OUTPUTS="3:file:$RUN/virtlogd.log" ip netns exec "$NS" virtlogd -d -p "$RUN/virtlogd.pid"
LIBVIRT_LOG_OUTPUTS="3:file:$RUN/libvirtd.log" ip netns exec "$NS" libvirtd -d -p "$RUN/libvirtd.pid" \
  2> "$RUN/libvirtd.err"
for _ in $(seq 1 60); do [ -S /run/libvirt/libvirt-sock ] && break; sleep 0.5; done
[ -S /run/libvirt/libvirt-sock ] || { cat "$RUN/libvirtd.err" >&2; die "libvirtd did not open its socket in 30s"; }
virsh -c "$URI" version 2>&1 | tee "$RUN/version.txt" >&2
virsh -c "$URI" domcapabilities --virttype qemu 2>&1 | grep -E '<domain>|<machine>|<arch>' | head -5 > "$RUN/domcaps.txt" || true
virsh -c "$URI" domcapabilities --virttype kvm > "$RUN/domcaps-kvm.txt" 2>&1 || true

# nova's own libvirt driver against this libvirtd: init_host + the resource report (no DB, no
# queue); a failure is recorded, not fatal, since the boot below does not depend on it
log "nova libvirt driver probe"
mkdir -p "$RUN/nova-instances"
if timeout 180 nice -n 10 /usr/bin/python3 "$HERE/nova_libvirt_probe.py" "$RUN/nova-instances" \
     > "$RUN/nova-probe.txt" 2>&1; then
  nova_probe=ok
else
  nova_probe="failed (rc $?)"
fi
tail -n 12 "$RUN/nova-probe.txt" >&2

qemu-img create -q -f qcow2 -b "$IMG/disk.qcow2" -F qcow2 "$RUN/disk.qcow2"
# The domain nova's libvirt driver writes for such an image (the cmdline is the image's
# os_command_line property, which replaces nova's default "root=/dev/vda console=tty0 console=ttyS0") (trimmed of what has no effect here:
# sysinfo, metadata, cputune). cache='none' is nova's default when the disk's filesystem takes
# O_DIRECT, which ext4 does.
cat > "$RUN/domain.xml" <<EOF
<domain type='qemu'>
  <name>$DOM</name>
  <memory unit='MiB'>128</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <kernel>$IMG/vmlinuz</kernel>
    <initrd>$IMG/initrd.img</initrd>
    <cmdline>$(. "$IMG/image.env"; echo "$KERNEL_CMDLINE")</cmdline>
  </os>
  <features><acpi/><apic/></features>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none'/>
      <source file='$RUN/disk.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <interface type='bridge'>
      <mac address='$MAC'/>
      <source bridge='br0'/>
      <model type='virtio'/>
      <target dev='tapossdkdp0'/>
    </interface>
    <serial type='pty'>
      <log file='$RUN/console.log' append='off'/>
    </serial>
    <console type='pty'/>
    <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>
    <memballoon model='virtio'/>
  </devices>
</domain>
EOF
virsh -c "$URI" define "$RUN/domain.xml" 2>&1 | tee -a "$RUN/virsh.log" >&2
t0=$(date +%s.%N)
if ! virsh -c "$URI" start "$DOM" > "$RUN/start.log" 2>&1; then
  cat "$RUN/start.log" >&2
  die "virsh start failed (above, verbatim)"
fi
qpid=$(cat "/run/libvirt/qemu/$DOM.pid")
log "started, qemu pid $qpid"
if ! testnet_wait_guest "$t0" "$RUN/console.log" "$TIMEOUT" "$qpid"; then
  echo "--- console tail" >&2; tail -n 25 "$RUN/console.log" >&2 || true
  echo "--- /var/log/libvirt/qemu/$DOM.log" >&2; tail -n 20 "/var/log/libvirt/qemu/$DOM.log" >&2 || true
  exit 1
fi
rss_kb=$(awk '/VmRSS/{print $2}' "/proc/$qpid/status")
ssh_out=$(sshg 'hostname; grep /data /proc/mounts; cat /proc/cmdline')
qemu_cmd=$(tr '\0' ' ' < "/proc/$qpid/cmdline")

# nova stop = libvirt shutdown (ACPI), then destroy after clean_shutdown_timeout
t1=$(date +%s.%N)
virsh -c "$URI" shutdown "$DOM" >> "$RUN/virsh.log" 2>&1
off=no
for _ in $(seq 1 120); do
  virsh -c "$URI" domstate "$DOM" 2> /dev/null | grep -q 'shut off' && { off=yes; break; }
  sleep 0.5
done
t_off=$(echo "$(date +%s.%N) - $t1" | bc | xargs printf '%.1f')

# nova start: the same domain again; the service must come back (user data runs at every boot)
t2=$(date +%s.%N)
virsh -c "$URI" start "$DOM" >> "$RUN/virsh.log" 2>&1 || { cat "$RUN/virsh.log" >&2; die "second start failed"; }
qpid=$(cat "/run/libvirt/qemu/$DOM.pid")
restart=ok
testnet_wait_guest "$t2" "$RUN/console.log" "$TIMEOUT" "$qpid" || restart=failed
t_restart_http=$T_HTTP

cat <<EOF | tee "$RUN/result.env"
LIBVIRT='$(head -3 "$RUN/version.txt" | tr '\n' '|')'
NOVA_DRIVER_PROBE='$nova_probe: $(grep -E '^(init_host|get_available|cpu_info)' "$RUN/nova-probe.txt" | tr '\n' '|')'
BOOT_FINISHED_S=$T_MARKER
SSH_OK_S=$T_SSH
HTTP_8080_OK_S=$T_HTTP
HTTP_BODY='$(tr '\n' '|' < "$RUN/http.txt")'
SSH_OUTPUT='$(echo "$ssh_out" | tr '\n' '|')'
QEMU_RSS_MIB=$((rss_kb / 1024))
ACPI_SHUTDOWN=$off after ${t_off}s
RESTART=$restart, 8080 again after ${t_restart_http}s
QEMU_CMDLINE='$qemu_cmd'
EOF
