# shellcheck shell=bash
# Octavia (load-balancer v2) on 9876: octavia-api (uwsgi) + octavia-worker (rpc over rabbitmq).
# The "amphora" provider runs its real taskflow flows in the worker, but with the noop amphora,
# compute and network drivers: no VM, port or haproxy exists, yet every object goes through
# PENDING_* to ACTIVE (the "noop_driver" provider never leaves PENDING_CREATE: nothing calls back).
# Jobboard is off, so the worker needs no redis/zookeeper. The schema comes from the models
# (octavia's migrations ALTER constraints, which SQLite cannot), then octavia-db-manage stamps alembic at head.
# The contract of these hooks is at the top of lib/plugins.sh.

octavia_pkgs="python3-octavia python3-octavia-lib python3-octaviaclient"
octavia_cors="octavia-api:9876:/v2/lbaas/loadbalancers"

octavia_configs() {
  mkdir -p "$D/etc/octavia" "$D/data/octavia/locks" "$D/data/octavia/certs"
  cat > "$D/etc/octavia/octavia.conf" <<CONF
[DEFAULT]
transport_url = $RABBIT_URL
host = devcloud
use_stderr = false
[api_settings]
bind_host = 127.0.0.1
bind_port = 9876
auth_strategy = keystone
api_base_uri = http://127.0.0.1:9876
default_provider_driver = amphora
enabled_provider_drivers = amphora:The Octavia Amphora driver (noop compute/network/amphora drivers on the dev cloud).
[database]
connection = $(sqlite_url octavia/octavia)
[controller_worker]
workers = 1
amphora_driver = amphora_noop_driver
compute_driver = compute_noop_driver
network_driver = network_noop_driver
volume_driver = volume_noop_driver
image_driver = image_noop_driver
amp_image_tag = amphora
amp_flavor_id = 42
amp_boot_network_list = 00000000-0000-0000-0000-00000000a0a0
loadbalancer_topology = SINGLE
client_ca = $D/data/octavia/certs/ca.pem
# the noop drivers answer at once: no need to wait between retries
amp_active_wait_sec = 1
[task_flow]
jobboard_enabled = false
[oslo_messaging]
topic = octavia_prov
[oslo_messaging_notifications]
driver = noop
[health_manager]
heartbeat_key = devcloud
bind_ip = 127.0.0.1
[certificates]
cert_generator = local_cert_generator
ca_certificate = $D/data/octavia/certs/ca.pem
ca_private_key = $D/data/octavia/certs/ca.key
[haproxy_amphora]
server_ca = $D/data/octavia/certs/ca.pem
client_cert = $D/data/octavia/certs/client.pem
[oslo_concurrency]
lock_path = $D/data/octavia/locks
$(svcauth service_auth octavia)
$(authtoken octavia)
$(cors_section)
CONF
  # uwsgi entry point (octavia-api's own server is wsgiref: one request at a time)
  cat > "$D/etc/octavia/octavia-wsgi.py" <<PY
import sys
sys.path.insert(0, '$D/lib')
import devcloud_sqlite  # noqa: F401  (lock errors retried, see py/devcloud_sqlite.py)
from octavia.api.app import setup_app
# octavia-api retries none of its transactions; a lost WAL race fails the request
application = devcloud_sqlite.retried_on_lost_race(setup_app(
    argv=['octavia-api', '--config-file', '$D/etc/octavia/octavia.conf', '--log-file', '$D/log/octavia-api.log']))
PY
}

octavia_helpers() {
  mkentry octavia-worker octavia.cmd.octavia_worker:main
  mkentry octavia-db-manage octavia.db.migration.cli:main
}

octavia_prep() {
  local C="$D/data/octavia/certs"
  # the local certificate generator signs (fake) amphora certificates with this CA
  if [ ! -s "$C/ca.pem" ]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=devcloud-octavia-ca \
      -keyout "$C/ca.key" -out "$C/ca.pem"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj /CN=devcloud-octavia-client \
      -keyout "$C/client.key" -out "$C/client.crt"
    cat "$C/client.crt" "$C/client.key" > "$C/client.pem"
  fi
  if ! sqlite3 "$D/data/octavia/octavia.sqlite" 'select * from alembic_version' 2>/dev/null | grep -q .; then
    rm -f "$D/data/octavia/octavia.sqlite"
    "$PY" -W ignore::Warning - "$D/etc/octavia/octavia.conf" <<'PY'
import sys

from oslo_config import cfg
from oslo_db.sqlalchemy import enginefacade
from octavia.common import constants
from octavia.db import base_models, models

cfg.CONF(['--config-file', sys.argv[1]], project='octavia')
# importing octavia's option modules registers [database]
from octavia.common import config  # noqa: E402,F401

engine = enginefacade.writer.get_engine()
base_models.BASE.metadata.create_all(engine)

# the lookup tables the migrations fill: model -> the names octavia accepts
lookups = {
    models.ProvisioningStatus: constants.SUPPORTED_PROVISIONING_STATUSES,
    models.OperatingStatus: constants.SUPPORTED_OPERATING_STATUSES,
    models.HealthMonitorType: constants.SUPPORTED_HEALTH_MONITOR_TYPES,
    models.Algorithm: constants.SUPPORTED_LB_ALGORITHMS,
    models.Protocol: constants.SUPPORTED_PROTOCOLS,
    models.SessionPersistenceType: constants.SUPPORTED_SP_TYPES,
    models.AmphoraRoles: constants.SUPPORTED_AMPHORA_ROLES,
    models.LBTopology: constants.SUPPORTED_LB_TOPOLOGIES,
    models.VRRPAuthMethod: constants.SUPPORTED_VRRP_AUTH,
    models.L7RuleType: constants.SUPPORTED_L7RULE_TYPES,
    models.L7RuleCompareType: constants.SUPPORTED_L7RULE_COMPARE_TYPES,
    models.L7PolicyAction: constants.SUPPORTED_L7POLICY_ACTIONS,
    models.ClientAuthenticationMode: constants.SUPPORTED_CLIENT_AUTH_MODES,
}
session = enginefacade.writer.get_sessionmaker()()
with session.begin():
    for model, names in lookups.items():
        for name in names:
            session.merge(model(name=name))
    # rows the API points deleted load balancers' flavor / availability zone at
    session.merge(models.FlavorProfile(id=constants.NIL_UUID, name='DELETED-PLACEHOLDER',
                                       provider_name=constants.DELETED, flavor_data='{}'))
    session.flush()
    session.merge(models.Flavor(id=constants.NIL_UUID, flavor_profile_id=constants.NIL_UUID,
                                name='DELETED-PLACEHOLDER', enabled=False))
    session.merge(models.AvailabilityZoneProfile(
        id=constants.NIL_UUID, name='DELETED-PLACEHOLDER', provider_name=constants.DELETED,
        availability_zone_data='{}'))
    session.flush()
    session.merge(models.AvailabilityZone(availability_zone_profile_id=constants.NIL_UUID,
                                          name=constants.NIL_UUID, enabled=False))

PY
    quiet "$D/bin/octavia-db-manage" --config-file "$D/etc/octavia/octavia.conf" stamp head
  fi
  wal "$D/data/octavia/octavia.sqlite"
}

octavia_start() {
  start octavia-worker "$D/log/octavia-worker.out" \
    "$D/bin/octavia-worker" --config-file "$D/etc/octavia/octavia.conf" --log-file "$D/log/octavia-worker.log"
  start octavia-api "$D/log/octavia-api-uwsgi.log" \
    "${UWSGI[@]}" --http-socket 127.0.0.1:9876 --wsgi-file "$D/etc/octavia/octavia-wsgi.py"
}
