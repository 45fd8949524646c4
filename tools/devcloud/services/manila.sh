# shellcheck shell=bash
# Manila (shared file systems, API v2 with microversions up to 2.73 in Zed) on 127.0.0.1:8786:
# manila-api, manila-scheduler and manila-share over rabbitmq. The share back end is manila's own
# dummy driver (manila.tests.share.drivers.dummy.DummyDriver, shipped by python3-manila): it
# keeps no data and answers every share, snapshot and access call at once, with fake export
# locations. LVM on a loop file would need loop devices, nfs-kernel-server and root on the
# host's kernel, which a shared CI machine or container does not grant; the dummy driver is what
# manila's own gate uses for API tests. driver_handles_share_servers is False, so no share
# servers (and no nova, neutron or cinder calls) are involved.
# shellcheck disable=SC2034  # read through pvar by lib/plugins.sh
manila_pkgs="python3-manila python3-manilaclient"
# shellcheck disable=SC2034
manila_cors="manila-api:8786:/v2/shares"

manila_configs() {
  mkdir -p "$D/etc/manila" "$D/data/manila/locks"
  cat > "$D/etc/manila/manila.conf" <<CONF
[DEFAULT]
host = devcloud
my_ip = 127.0.0.1
osapi_share_listen = 127.0.0.1
osapi_share_listen_port = 8786
osapi_share_workers = 1
auth_strategy = keystone
transport_url = $RABBIT_URL
api_paste_config = $D/etc/manila/api-paste.ini
state_path = $D/data/manila
enabled_share_backends = dummy
enabled_share_protocols = NFS,CIFS
default_share_type = default
use_stderr = false
# how often manila-share reports its pools to the scheduler (default 60 s), and the scheduler's
# log line for each report received: services/manila.py waits for that line before its first
# pools query (the host manager logs it at DEBUG; the rest keeps oslo.log's default levels)
periodic_interval = 10
default_log_levels = amqp=WARN,amqplib=WARN,boto=WARN,qpid=WARN,sqlalchemy=WARN,suds=INFO,oslo.messaging=INFO,oslo_messaging=INFO,iso8601=WARN,requests.packages.urllib3.connectionpool=WARN,urllib3.connectionpool=WARN,websocket=WARN,requests.packages.urllib3.util.retry=WARN,urllib3.util.retry=WARN,keystonemiddleware=WARN,routes.middleware=WARN,stevedore=WARN,taskflow=WARN,keystoneauth=WARN,oslo.cache=INFO,oslo_policy=INFO,dogpile.core.dogpile=INFO,manila.scheduler.host_manager=DEBUG
[database]
connection = $(sqlite_url manila/manila)
[oslo_concurrency]
lock_path = $D/data/manila/locks
[dummy]
share_driver = manila.tests.share.drivers.dummy.DummyDriver
share_backend_name = dummy
driver_handles_share_servers = False
# driver calls return at once (the defaults sleep up to 4 s), except share creation: half a
# second keeps "creating" observable, which the SDK's waiter tests need
dummy_driver_default_driver_method_delay = 0
dummy_driver_driver_methods_delays = create_share:0.5
$(authtoken manila)
$(cors_section)
CONF
  cp "$HERE/etc/manila-api-paste.ini" "$D/etc/manila/api-paste.ini"
}

manila_helpers() {
  local s
  install -m 644 "$HERE/services/manila_sqlite.py" "$D/lib/devcloud_manila_sqlite.py"
  for s in api scheduler share manage; do
    mkentry "manila-$s" "manila.cmd.$s:main"
    # after manila's module (which monkey-patches eventlet), before main() runs
    sed -i '/^from manila/a import devcloud_manila_sqlite  # noqa: E402,F401' "$D/bin/manila-$s"
  done
}

manila_prep() {
  local M=("$D/bin/manila-manage" --config-file "$D/etc/manila/manila.conf")
  if ! sqlite3 "$D/data/manila/manila.sqlite" 'select * from alembic_version' 2> /dev/null | grep -q .; then
    rm -f "$D/data/manila/manila.sqlite"
    "$PY" "$HERE/services/manila_schema.py" "$(sqlite_url manila/manila)"
    "${M[@]}" db stamp
  fi
  wal "$D/data/manila/manila.sqlite"
}

manila_start() {
  local s
  for s in scheduler share api; do
    start "manila-$s" "$D/log/manila-$s.out" \
      "$D/bin/manila-$s" --config-file "$D/etc/manila/manila.conf" --log-file "$D/log/manila-$s.log"
  done
}

# The share type every share without --share-type gets (default_share_type above).
manila_seed() {
  "$PY" "$HERE/services/manila_seed.py" "$KS" || die "seeding manila failed"
}
