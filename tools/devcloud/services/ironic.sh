# shellcheck shell=bash
# Bare metal (ironic v1) on the fake-hardware type: every interface is fake or noop, so nodes walk
# the whole provision state machine (manage, provide, inspect, deploy, rescue, undeploy) and power
# on and off without a BMC, a PXE server or an agent. RPC is json-rpc between ironic-api and
# ironic-conductor (127.0.0.1:8089): no rabbitmq needed, and the conductor registers itself as host
# 127.0.0.1 so that the API's json-rpc client reaches it by that name.

ironic_pkgs="python3-ironic python3-ironic-lib python3-ironicclient"
ironic_cors="ironic-api:6385:/v1/nodes"

ironic_configs() {
  mkdir -p "$D/etc/ironic" "$D/data/ironic/locks"
  cat > "$D/etc/ironic/ironic.conf" <<EOF
[DEFAULT]
auth_strategy = keystone
rpc_transport = json-rpc
host = 127.0.0.1
use_stderr = false
enabled_hardware_types = fake-hardware
enabled_bios_interfaces = fake,no-bios
enabled_boot_interfaces = fake
enabled_console_interfaces = fake,no-console
enabled_deploy_interfaces = fake
enabled_inspect_interfaces = fake,no-inspect
enabled_management_interfaces = fake
enabled_network_interfaces = noop
enabled_power_interfaces = fake
enabled_raid_interfaces = fake,no-raid
enabled_rescue_interfaces = fake,no-rescue
enabled_storage_interfaces = noop
enabled_vendor_interfaces = fake,no-vendor
default_network_interface = noop
[api]
host_ip = 127.0.0.1
port = 6385
api_workers = 1
[conductor]
# fake interfaces have no clean steps; without this, undeploy and provide would still pass
# through cleaning but need an agent for the default disk erase
automated_clean = false
[database]
connection = $(sqlite_url ironic/ironic)
[dhcp]
dhcp_provider = none
[json_rpc]
auth_strategy = noauth
host_ip = 127.0.0.1
port = 8089
[oslo_concurrency]
lock_path = $D/data/ironic/locks
$(authtoken ironic)
$(cors_section)
EOF
}

ironic_helpers() {
  mkentry ironic-api ironic.cmd.api:main
  mkentry ironic-conductor ironic.cmd.conductor:main
  mkentry ironic-dbsync ironic.cmd.dbsync:main
}

ironic_prep() {
  # create_schema builds the tables from the models and stamps alembic's head: the migrations
  # alter constraints, which sqlite cannot
  [ -e "$D/data/ironic/ironic.sqlite" ] ||
    quiet "$D/bin/ironic-dbsync" --config-file "$D/etc/ironic/ironic.conf" create_schema
  wal "$D/data/ironic/ironic.sqlite"
}

ironic_start() {
  start ironic-conductor "$D/log/ironic-conductor.out" "$D/bin/ironic-conductor" \
    --config-file "$D/etc/ironic/ironic.conf" --log-file "$D/log/ironic-conductor.log"
  start ironic-api "$D/log/ironic-api.out" "$D/bin/ironic-api" \
    --config-file "$D/etc/ironic/ironic.conf" --log-file "$D/log/ironic-api.log"
}
