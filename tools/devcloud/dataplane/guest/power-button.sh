#!/bin/sh
# busybox acpid runs this for the ACPI power button (libvirt's "shutdown", nova stop).
echo "ossdk-guest: power button pressed, powering off" > /dev/console
exec /bin/poweroff
