# shellcheck shell=bash
# Configuration files under $D/etc, plus clouds.yaml and openrc files.
# Always rewritten by up.sh (cheap, and keeps them in step with this
# checkout); state under $D/data is never touched here. Static paste
# pipelines are copied from ../etc/*.ini. Every API gets the CORS set-up of
# lib/cors.sh (cors_section, swift_cors).

authtoken() {  # service-user -> [keystone_authtoken] section
  cat <<EOF
[keystone_authtoken]
www_authenticate_uri = $KS
auth_url = $KS
auth_type = password
project_domain_id = default
user_domain_id = default
project_name = service
username = $1
password = $1
EOF
}

svcauth() {  # section service-user -> keystoneauth section for service-to-service calls
  cat <<EOF
[$1]
auth_type = password
auth_url = $KS
project_domain_id = default
user_domain_id = default
project_name = service
username = $2
password = $2
region_name = RegionOne
EOF
}

conf_keystone() {
  cat > "$D/etc/keystone/keystone.conf" <<EOF
[DEFAULT]
log_file = $D/log/keystone.log
use_stderr = false
[database]
connection = $(sqlite_url keystone/keystone)
[token]
provider = fernet
expiration = 86400
[fernet_tokens]
key_repository = $D/data/keystone/fernet-keys
[fernet_receipts]
key_repository = $D/data/keystone/fernet-keys
[credential]
key_repository = $D/data/keystone/credential-keys
[cache]
# in-process cache: without it every authenticated call costs ~250 ms
enabled = true
backend = dogpile.cache.memory
$(cors_section)
EOF
}

conf_rabbitmq() {
  cat > "$D/etc/rabbitmq/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:5672
log.console = false
log.file.level = info
EOF
  : > "$D/etc/rabbitmq/rabbitmq-env.conf"
  echo '[].' > "$D/etc/rabbitmq/enabled_plugins"
  cat > "$D/etc/rabbitmq/env.sh" <<EOF
export HOME=$D/data/rabbitmq
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_EPMD_PORT=4369
export RABBITMQ_CONF_ENV_FILE=$D/etc/rabbitmq/rabbitmq-env.conf
export RABBITMQ_CONFIG_FILE=$D/etc/rabbitmq/rabbitmq.conf
export RABBITMQ_ENABLED_PLUGINS_FILE=$D/etc/rabbitmq/enabled_plugins
export RABBITMQ_MNESIA_BASE=$D/data/rabbitmq/mnesia
export RABBITMQ_LOG_BASE=$D/log/rabbitmq
export RABBITMQ_PID_FILE=$D/data/rabbitmq/rabbit.pid
export RABBITMQ_NODENAME=rabbit@localhost
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=5672
export RABBITMQ_DIST_PORT=25672
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
EOF
}

conf_swift() {
  local S="$D/etc/swift" t n p
  cat > "$S/swift.conf" <<EOF
[swift-hash]
swift_hash_path_prefix = devcloud
swift_hash_path_suffix = devcloud

[storage-policy:0]
name = Policy-0
default = yes
EOF
  for t in $SWIFT_RINGS; do
    n=${t%%:*} p=${t##*:}
    cat > "$S/$n-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = $p
workers = 0
user = root
swift_dir = $S
devices = $D/data/swift
mount_check = false
log_level = INFO

[pipeline:main]
pipeline = healthcheck recon $n-server

[app:$n-server]
use = egg:swift#$n

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:recon]
use = egg:swift#recon
recon_cache_path = $D/data/swift/recon

[$n-replicator]
[$n-auditor]
[$n-updater]
interval = 5
recon_cache_path = $D/data/swift/recon
EOF
  done
  cat > "$S/proxy-server.conf" <<EOF
[DEFAULT]
bind_ip = 127.0.0.1
bind_port = 8080
workers = 0
user = root
swift_dir = $S
log_level = INFO
$(swift_cors)

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging listing_formats bulk tempurl formpost authtoken keystoneauth staticweb copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
www_authenticate_uri = $KS
auth_url = $KS
auth_type = password
project_domain_id = default
user_domain_id = default
project_name = service
username = swift
password = swift
delay_auth_decision = True

[filter:keystoneauth]
use = egg:swift#keystoneauth
operator_roles = admin, member
reseller_admin_role = ResellerAdmin

[filter:catch_errors]
use = egg:swift#catch_errors
[filter:gatekeeper]
use = egg:swift#gatekeeper
[filter:healthcheck]
use = egg:swift#healthcheck
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:bulk]
use = egg:swift#bulk
[filter:tempurl]
use = egg:swift#tempurl
[filter:formpost]
use = egg:swift#formpost
[filter:staticweb]
use = egg:swift#staticweb
[filter:copy]
use = egg:swift#copy
[filter:container-quotas]
use = egg:swift#container_quotas
[filter:account-quotas]
use = egg:swift#account_quotas
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
[filter:versioned_writes]
use = egg:swift#versioned_writes
allow_versioned_writes = true
allow_object_versioning = true
[filter:symlink]
use = egg:swift#symlink
EOF
}

conf_glance() {
  cat > "$D/etc/glance/glance-api.conf" <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = 9292
workers = 0
log_file = $D/log/glance-api.log
use_stderr = false
enabled_backends = fs:file
[database]
connection = $(sqlite_url glance/glance)
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $D/data/glance/images
[os_glance_staging_store]
filesystem_store_datadir = $D/data/glance/staging
[os_glance_tasks_store]
filesystem_store_datadir = $D/data/glance/tasks
[paste_deploy]
flavor = keystone
config_file = $D/etc/glance/glance-api-paste.ini
[oslo_concurrency]
lock_path = $D/data/glance/locks
$(authtoken glance)
$(cors_section)
EOF
  cp "$HERE/etc/glance-api-paste.ini" "$D/etc/glance/glance-api-paste.ini"
}

conf_placement() {
  cat > "$D/etc/placement/placement.conf" <<EOF
[DEFAULT]
log_file = $D/log/placement.log
use_stderr = false
[placement_database]
connection = $(sqlite_url placement/placement)
[api]
auth_strategy = keystone
$(authtoken placement)
$(cors_section)
EOF
}

conf_nova() {
  cat > "$D/etc/nova/nova.conf" <<EOF
[DEFAULT]
host = devcloud
my_ip = 127.0.0.1
state_path = $D/data/nova
instances_path = $D/data/nova/instances
transport_url = $RABBIT_URL
compute_driver = fake.FakeDriver
enabled_apis = osapi_compute
osapi_compute_listen = 127.0.0.1
osapi_compute_listen_port = 8774
osapi_compute_workers = 1
metadata_workers = 1
vif_plugging_is_fatal = false
vif_plugging_timeout = 0
use_stderr = false
[api]
auth_strategy = keystone
[wsgi]
api_paste_config = $D/etc/nova/api-paste.ini
[api_database]
connection = $(sqlite_url nova/nova_api)
[database]
connection = $(sqlite_url nova/nova_cell1)
[conductor]
workers = 1
[scheduler]
workers = 1
discover_hosts_in_cells_interval = 5
[oslo_concurrency]
lock_path = $D/data/nova/locks
$(svcauth service_user nova)
# cinder lets only a request that carries a service token delete an attachment in use (since
# OSSA-2023-003): without it, detaching a volume from a real guest fails with a 409
send_service_user_token = true
$(svcauth placement nova)
valid_interfaces = public
$(svcauth neutron nova)
valid_interfaces = public
[glance]
region_name = RegionOne
valid_interfaces = public
[cinder]
os_region_name = RegionOne
[vnc]
enabled = false
[spice]
enabled = false
[serial_console]
enabled = false
$(authtoken nova)
$(cors_section)
EOF
  # nova-compute gets no database access (as in a real deployment)
  awk '/^\[(database|api_database)\]/{skip=1; next} /^\[/{skip=0} !skip' \
    "$D/etc/nova/nova.conf" > "$D/etc/nova/nova-compute.conf"
  cp "$HERE/etc/nova-api-paste.ini" "$D/etc/nova/api-paste.ini"
}

conf_neutron() {
  cat > "$D/etc/neutron/neutron.conf" <<EOF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = 9696
core_plugin = ml2
service_plugins = router,qos
auth_strategy = keystone
transport_url = $RABBIT_URL
api_workers = 0
rpc_workers = 1
rpc_state_report_workers = 0
allow_overlapping_ips = true
dhcp_agent_notification = false
notify_nova_on_port_status_changes = true
notify_nova_on_port_data_changes = true
api_paste_config = $D/etc/neutron/api-paste.ini
state_path = $D/data/neutron
log_file = $D/log/neutron-server.log
use_stderr = false
[database]
connection = $(sqlite_url neutron/neutron)
[oslo_concurrency]
lock_path = $D/data/neutron/locks
$(svcauth nova nova)
endpoint_type = public
$(authtoken neutron)
$(cors_section)
EOF
  cat > "$D/etc/neutron/ml2_conf.ini" <<EOF
[ml2]
type_drivers = flat,vlan,vxlan
tenant_network_types = vxlan
mechanism_drivers = devcloud
extension_drivers = port_security,qos
[ml2_type_flat]
flat_networks = *
[ml2_type_vlan]
network_vlan_ranges = physnet1:1000:1999
[ml2_type_vxlan]
vni_ranges = 1:10000
[securitygroup]
enable_security_group = true
EOF
  cp "$HERE/etc/neutron-api-paste.ini" "$D/etc/neutron/api-paste.ini"
}

conf_cinder() {
  cat > "$D/etc/cinder/cinder.conf" <<EOF
[DEFAULT]
host = devcloud
my_ip = 127.0.0.1
osapi_volume_listen = 127.0.0.1
osapi_volume_listen_port = 8776
osapi_volume_workers = 1
auth_strategy = keystone
transport_url = $RABBIT_URL
api_paste_config = $D/etc/cinder/api-paste.ini
state_path = $D/data/cinder
enabled_backends = fake
default_volume_type = __DEFAULT__
use_stderr = false
[database]
connection = $(sqlite_url cinder/cinder)
[oslo_concurrency]
lock_path = $D/data/cinder/locks
[fake]
volume_driver = cinder.tests.fake_driver.FakeLoggingVolumeDriver
volume_backend_name = fake
$(svcauth nova nova)
interface = public
$(authtoken cinder)
$(cors_section)
EOF
  cp "$HERE/etc/cinder-api-paste.ini" "$D/etc/cinder/api-paste.ini"
}

# Client side: clouds.yaml (clouds "devcloud" = admin, "devcloud-demo" = demo)
# and openrc-<user> for the env-var based clients (swift, curl scripts).
conf_clients() {
  local u
  {
    echo "# Generated by tools/devcloud/up.sh; rewritten on every run."
    echo "clouds:"
    for u in admin demo; do
      local name=devcloud
      [ "$u" = admin ] || name="devcloud-$u"
      cat <<EOF
  $name:
    auth:
      auth_url: $KS/v3
      username: $u
      password: $u
      project_name: $u
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    identity_api_version: 3
    interface: public
EOF
    done
  } > "$D/clouds.yaml.tmp"
  mv "$D/clouds.yaml.tmp" "$D/clouds.yaml"   # atomic: readers never see half a file
  for u in admin demo; do
    cat > "$D/openrc-$u" <<EOF
export OS_AUTH_URL=$KS/v3
export OS_USERNAME=$u
export OS_PASSWORD=$u
export OS_PROJECT_NAME=$u
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=RegionOne
export OS_IDENTITY_API_VERSION=3
export OS_AUTH_VERSION=3
EOF
  done
}

write_configs() {
  mkdir -p "$D"/etc/{keystone,swift,glance,placement,nova,neutron,cinder,rabbitmq}
  conf_keystone
  conf_rabbitmq
  conf_swift
  conf_glance
  conf_placement
  conf_nova
  conf_neutron
  conf_cinder
  conf_clients
  plugins_configs
}
