#!/bin/sh
# Run by init before poweroff/reboot: flush the data disk so a snapshot taken after a stop holds
# what the guest wrote.
echo "ossdk-guest: shutting down" > /dev/console
sync
umount /data 2>/dev/null
exit 0
