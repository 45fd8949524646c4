#!/bin/sh
# One-time boot of the ossdk guest (busybox init's sysinit): mounts, drivers, DHCP, metadata
# (config drive first, then 169.254.169.254), the SSH key, the data disk, the user data script,
# and the boot-finished marker the tests wait for on the console.
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
say() { echo "ossdk-guest: [$(cut -d' ' -f1 /proc/uptime)] $*"; }

mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
mkdir -p /dev/pts /run /tmp /data /root/.ssh /var/log /etc/dropbear
mount -t devpts devpts /dev/pts
mount -t tmpfs run /run
mount -t tmpfs tmp /tmp
exec > /dev/console 2>&1
say "starting (kernel $(uname -r))"

# The drivers a nova/libvirt guest needs: virtio net/disk/rng, the IDE cdrom a config drive uses
# on the pc machine type, the filesystems of a config drive, and the ACPI power button.
for m in virtio_pci virtio_net virtio_blk virtio_scsi virtio-rng virtio_console ata_piix sr_mod \
         isofs vfat button evdev; do
  modprobe "$m" 2>/dev/null
done
sleep 0.3   # let the new devices appear in /sys before we look for them

hostname ossdk-guest
ip link set lo up

# --- network: DHCP on every ethernet interface, the first lease wins the default route --------
for dev in /sys/class/net/*; do
  n=${dev##*/}
  [ "$n" = lo ] && continue
  ip link set "$n" up
  if udhcpc -i "$n" -s /etc/ossdk/udhcpc.script -t 15 -T 2 -A 3 -n -q \
       -O staticroutes -O mtu -x hostname:ossdk-guest > /var/log/udhcpc-"$n".log 2>&1; then
    say "$n: $(ip -4 -o addr show dev "$n" | awk '{print $4}') mtu $(cat "$dev/mtu")"
  else
    say "$n: no DHCP answer"
  fi
done

# --- metadata: config drive (label config-2), else the metadata service ------------------------
MD=/run/metadata
mkdir -p "$MD"
found=
# (Debian's busybox has no blkid applet; findfs reads the same labels)
for d in $(findfs LABEL=config-2 2>/dev/null); do
  mkdir -p /mnt/config
  if mount -o ro "$d" /mnt/config 2>/dev/null; then
    cp /mnt/config/openstack/latest/meta_data.json "$MD/" 2>/dev/null
    cp /mnt/config/openstack/latest/user_data "$MD/" 2>/dev/null
    umount /mnt/config
    found="config drive $d"
    break
  fi
done
if [ -z "$found" ]; then
  base=http://169.254.169.254/openstack/latest
  i=0
  while [ $i -lt 20 ]; do
    # busybox-static 1.35's `wget -T` segfaults (seen on Debian 12): bound it with timeout instead
    if timeout 5 wget -q -O "$MD/meta_data.json" "$base/meta_data.json" 2>/dev/null; then
      found="metadata service"
      # a server without user data answers 404 here: that is not an error
      timeout 5 wget -q -O "$MD/user_data" "$base/user_data" 2>/dev/null || rm -f "$MD/user_data"
      break
    fi
    i=$((i + 1))
    sleep 1
  done
fi
if [ -n "$found" ]; then
  say "metadata from $found"
  # meta_data.json: pull "public_keys" values and "hostname" without a JSON parser (busybox has
  # none); the keys are single-line "ssh-..." strings, so a pattern match is enough.
  # (the same key is listed twice, under "public_keys" and "keys": keep one of each)
  grep -oE '"(ssh|ecdsa)-[a-z0-9-]+ [A-Za-z0-9+/=]+[^"]*"' "$MD/meta_data.json" | tr -d '"' \
    | sort -u > /root/.ssh/authorized_keys
  h=$(grep -o '"hostname": *"[^"]*"' "$MD/meta_data.json" | sed 's/.*: *"//; s/"$//; s/\..*//')
  [ -n "$h" ] && hostname "$h"
  say "$(wc -l < /root/.ssh/authorized_keys) public key(s) installed for root"
else
  say "no metadata (no config drive, no answer from 169.254.169.254)"
fi
chmod 700 /root/.ssh
chmod 600 /root/.ssh/authorized_keys 2>/dev/null

# --- data disk: the image's ext4 filesystem labelled ossdk-data, kept across snapshots ----------
d=$(findfs LABEL=ossdk-data 2>/dev/null)
if [ -n "$d" ] && mount -t ext4 "$d" /data; then
  say "data disk $d mounted on /data"
fi

# --- SSH host keys now, so their fingerprints are on the console (dropbear -R would make them
# only at the first connection). No RSA: generating it under TCG took 5-25 s. -----------------------
for t in ed25519 ecdsa; do
  k=/etc/dropbear/dropbear_${t}_host_key
  [ -f "$k" ] || dropbearkey -t "$t" -f "$k" > /dev/null 2>&1
  dropbearkey -y -f "$k" 2>/dev/null | grep -i fingerprint | sed "s/^/ossdk-guest: host key $t /"
done

# --- user data: a script (#!) runs in the background, its output on the console and in a log ----
if [ -s "$MD/user_data" ]; then
  if head -c 2 "$MD/user_data" | grep -q '^#!'; then
    cp "$MD/user_data" /run/user-data
    chmod 755 /run/user-data
    # the script's output goes to the console too, so `server console log` shows it
    setsid sh -c '/run/user-data 2>&1 | tee /var/log/user-data.log' < /dev/null &
    say "user data script started (pid $!)"
  else
    say "user data is not a script (no #!): ignored"
  fi
fi

up=$(cut -d' ' -f1 /proc/uptime)
# The marker's wording is fixed (tests grep "ossdk-guest: boot-finished"): no uptime prefix.
echo "ossdk-guest: boot-finished after ${up}s, ip $(cat /run/ossdk-ip 2>/dev/null || echo none)"
