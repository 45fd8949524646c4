#!/usr/bin/env bash
# Builds the ossdk test guest from Debian packages only: the kernel of linux-image-cloud-amd64
# (downloaded and unpacked, never installed: its postinst would touch /boot and the bootloader),
# an initramfs made of busybox-static, dropbear and our boot scripts (guest/), and a small qcow2
# data disk (ext4 labelled ossdk-data) that nova boots as the root disk with kernel_id/ramdisk_id.
#
#   bash tools/devcloud/dataplane/build-guest-image.sh        # prints the output directory
#   OSSDK_DP_DIR=/somewhere bash ...                           # default /tmp/ossdk-dp
#
# Output in $OSSDK_DP_DIR/image: vmlinuz, initrd.img, disk.qcow2, image.env (versions, sizes and
# the glance properties). A second run with the same inputs (scripts, package versions) does
# nothing; any change rebuilds into a temporary directory that replaces the old one at the end.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DP="${OSSDK_DP_DIR:-/tmp/ossdk-dp}"
CACHE="$DP/cache"
OUT="$DP/image"
T0=$(date +%s.%N)
log() { printf '[build-guest +%.1fs] %s\n' "$(echo "$(date +%s.%N) - $T0" | bc)" "$*" >&2; }
die() { echo "build-guest-image: ERROR: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (apt-get and the initramfs' root-owned files need it)"

# Host tools, all from Debian. busybox-static and dropbear-bin are copied into the guest.
need=(busybox-static dropbear-bin qemu-utils e2fsprogs kmod bc)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  timeout 600 apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends "${missing[@]}" \
    > "$DP.apt.log" 2>&1 || die "apt-get install ${missing[*]} failed, see $DP.apt.log"
fi

# The versioned kernel package the metapackage points at, e.g. linux-image-6.1.0-57-cloud-amd64.
kpkg=$(apt-cache depends linux-image-cloud-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
[ -n "$kpkg" ] || die "apt-cache knows no linux-image-cloud-amd64 (run apt-get update once)"
kver=${kpkg#linux-image-}
kdebver=$(apt-cache policy "$kpkg" | awk '/Candidate:/{print $2}')
bbver=$(dpkg-query -W -f='${Version}' busybox-static)
dbver=$(dpkg-query -W -f='${Version}' dropbear-bin)

# Everything the output depends on; the same key means the cached output is still right.
key=$( { echo "$kpkg $kdebver $bbver $dbver"; cat "$0" "$HERE"/guest/*; } | sha256sum | cut -c1-16)
if [ -f "$OUT/image.env" ] && grep -qx "OSSDK_GUEST_KEY=$key" "$OUT/image.env"; then
  log "up to date ($OUT, key $key)"
  echo "$OUT"
  exit 0
fi

mkdir -p "$CACHE/debs"
kdeb=$(ls "$CACHE/debs/${kpkg}_"*.deb 2>/dev/null | head -1 || true)
if [ -z "$kdeb" ]; then
  log "apt-get download $kpkg ($kdebver)"
  # apt's _apt user cannot write under a root-owned /tmp dir; root downloading is fine here.
  (cd "$CACHE/debs" && timeout 300 apt-get download "$kpkg" > /dev/null 2>&1) \
    || die "apt-get download $kpkg failed"
  kdeb=$(ls "$CACHE/debs/${kpkg}_"*.deb | head -1)
fi
kroot="$CACHE/$kpkg"
if [ ! -f "$kroot/boot/vmlinuz-$kver" ]; then
  log "unpacking $(basename "$kdeb")"
  rm -rf "$kroot" && mkdir -p "$kroot"
  dpkg-deb -x "$kdeb" "$kroot"
fi

WORK=$(mktemp -d "$DP/build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
R="$WORK/root"
mkdir -p "$R"/{bin,dev,proc,sys,run,tmp,root,mnt,data,var/log,usr/sbin,usr/bin,etc/ossdk,etc/acpi/PWRF}
ln -s bin "$R/sbin"

# busybox and a link per applet; /init is busybox's init (it reads /etc/inittab).
cp /bin/busybox "$R/bin/busybox"
for a in $(/bin/busybox --list); do
  [ "$a" = busybox ] || ln -sf busybox "$R/bin/$a"
done
ln -s bin/busybox "$R/init"

# dropbear is linked dynamically: copy it with the exact libraries it resolves to.
cp /usr/sbin/dropbear "$R/usr/sbin/"
cp /usr/bin/dropbearkey "$R/usr/bin/"
for lib in $(for b in /usr/sbin/dropbear /usr/bin/dropbearkey; do
               ldd "$b" | awk '/=> \//{print $3} /^[[:space:]]\//{print $1}'
             done | sort -u); do
  mkdir -p "$R$(dirname "$lib")"
  cp -L "$lib" "$R$lib"
done

# Kernel modules: the drivers boot.sh loads, plus what they depend on.
mods=(virtio_pci virtio_net virtio_blk virtio_scsi virtio-rng virtio_console ata_piix sr_mod isofs vfat button evdev)
kmods="$kroot/lib/modules/$kver"
declare -A seen=()
add_mod() {
  local name=$1 f dep
  [ -n "${seen[$name]:-}" ] && return 0
  seen[$name]=1
  f=$(find "$kmods/kernel" -name "$name.ko" -o -name "${name//_/-}.ko" -o -name "${name//-/_}.ko" | head -1)
  [ -n "$f" ] || return 0   # built into the kernel (modules.builtin), nothing to copy
  mkdir -p "$R/lib/modules/$kver/$(dirname "${f#"$kmods"/}")"
  cp "$f" "$R/lib/modules/$kver/${f#"$kmods"/}"
  for dep in $(modinfo -F depends "$f" | tr ',' ' '); do add_mod "$dep"; done
}
for m in "${mods[@]}"; do add_mod "$m"; done
cp "$kmods"/modules.order "$kmods"/modules.builtin "$kmods"/modules.builtin.modinfo "$R/lib/modules/$kver/"
depmod -b "$R" "$kver"

# Configuration and the boot scripts.
cp "$HERE/guest/inittab" "$R/etc/inittab"
cp "$HERE/guest/boot.sh" "$HERE/guest/udhcpc.script" "$HERE/guest/shutdown.sh" "$R/etc/ossdk/"
cp "$HERE/guest/power-button.sh" "$R/etc/acpi/PWRF/00000080"
# '*' (not '!') as root's password: no password login, but dropbear does not see a locked account.
echo 'root:*:0:0:root:/root:/bin/sh' > "$R/etc/passwd"
echo 'root:x:0:' > "$R/etc/group"
echo /bin/sh > "$R/etc/shells"
echo ossdk-guest > "$R/etc/hostname"
chmod 700 "$R/root"

log "initramfs"
(cd "$R" && find . | /bin/busybox cpio -o -H newc 2>/dev/null) | gzip -6 > "$WORK/initrd.img"
cp "$kroot/boot/vmlinuz-$kver" "$WORK/vmlinuz"

# The data disk: a small ext4 filesystem built from a directory (no mount needed). The guest
# mounts it on /data; what a server writes there survives a snapshot.
log "data disk"
mkdir -p "$WORK/data/www"
echo "ossdk guest data disk, built $(date -u +%FT%TZ)" > "$WORK/data/README"
echo "ossdk-guest" > "$WORK/data/www/index.html"
truncate -s 64M "$WORK/disk.raw"
mkfs.ext4 -q -F -L ossdk-data -m 0 -E root_owner=0:0 -d "$WORK/data" "$WORK/disk.raw"
qemu-img convert -q -f raw -O qcow2 "$WORK/disk.raw" "$WORK/disk.qcow2"
rm -f "$WORK/disk.raw"

cat > "$WORK/image.env" <<EOF
OSSDK_GUEST_KEY=$key
KERNEL_PACKAGE=$kpkg
KERNEL_PACKAGE_VERSION=$kdebver
KERNEL_VERSION=$kver
BUSYBOX_VERSION=$bbver
DROPBEAR_VERSION=$dbver
VMLINUZ_BYTES=$(stat -c %s "$WORK/vmlinuz")
INITRD_BYTES=$(stat -c %s "$WORK/initrd.img")
DISK_BYTES=$(stat -c %s "$WORK/disk.qcow2")
# glance: vmlinuz as aki/aki, initrd.img as ari/ari, disk.qcow2 as qcow2/bare with
#   kernel_id=<aki id> ramdisk_id=<ari id> os_command_line="\$KERNEL_CMDLINE"
# nova's libvirt driver then boots the kernel directly with the disk as /dev/vda.
# no_timer_check: under TCG on a busy host the kernel's IO-APIC timer check fails and it panics
# ("IO-APIC + timer doesn't work!"), seen here with two cores shared by several jobs.
KERNEL_CMDLINE='console=ttyS0 no_timer_check'
EOF

mkdir -p "$OUT"
for f in vmlinuz initrd.img disk.qcow2 image.env; do mv -f "$WORK/$f" "$OUT/$f"; done
log "built $OUT: initrd $(du -h "$OUT/initrd.img" | cut -f1), disk $(du -h "$OUT/disk.qcow2" | cut -f1), key $key"
echo "$OUT"
