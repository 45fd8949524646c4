# shellcheck shell=bash
# Starting the services (each start is a no-op when that service is already
# running, see start() in common.sh). Logs: $D/log/<name>.out (stdout/stderr)
# and, for services with their own log file, $D/log/<name>.log.

UWSGI=(/usr/bin/uwsgi-core --plugin python3 --master --processes 1 --threads 4
  --enable-threads --die-on-term --need-app --buffer-size 65535
  --add-header Connection:close)

# epmd first, bound to loopback, so erl does not spawn its own on 0.0.0.0
start_rabbitmq() {
  if ! running epmd; then
    start epmd "$D/log/epmd.out" /usr/bin/epmd -address 127.0.0.1
    sleep 0.3
  fi
  (
    # shellcheck disable=SC1091
    . "$D/etc/rabbitmq/env.sh"
    start rabbitmq "$D/log/rabbitmq.out" /usr/lib/rabbitmq/bin/rabbitmq-server
  )
}

# keystone, placement, swift, glance: nothing else needed at start-up
start_base_services() {
  local n S="$D/etc/swift"
  OS_KEYSTONE_CONFIG_DIR="$D/etc/keystone" start keystone "$D/log/keystone-uwsgi.log" \
    "${UWSGI[@]}" --http-socket 127.0.0.1:5000 --wsgi-file "$D/bin/keystone-wsgi.py"
  OS_PLACEMENT_CONFIG_DIR="$D/etc/placement" start placement "$D/log/placement-uwsgi.log" \
    "${UWSGI[@]}" --http-socket 127.0.0.1:8778 --wsgi-file "$D/bin/placement-wsgi.py"
  for n in object container account proxy; do
    start "swift-$n" "$D/log/swift-$n.out" \
      "$D/bin/swift-launch" "$S" "$n-server" "$S/$n-server.conf" "$D/log/swift-$n.log"
  done
  start swift-container-updater "$D/log/swift-container-updater.out" \
    "$D/bin/swift-launch" "$S" container-updater "$S/container-server.conf" "$D/log/swift-container-updater.log"
  start glance-api "$D/log/glance-api.out" "$D/bin/glance-api" --config-file "$D/etc/glance/glance-api.conf"
}

# Projects, users, roles, services and endpoints (etc/keystone.spec). Must run
# before nova starts: nova-conductor and nova-scheduler authenticate to
# placement as user "nova" while initialising and exit if it does not exist.
register_keystone() {
  { cat "$HERE/etc/keystone.spec"; plugins_spec; } | "$PY" "$HERE/py/ks_setup.py" "$KS/v3" > "$D/log/ks-setup.log" 2>&1 ||
    { tail -n 20 "$D/log/ks-setup.log"; die "keystone setup failed (see $D/log/ks-setup.log)"; }
  log "keystone users, services and endpoints registered"
}

# nova, neutron, cinder: need rabbitmq and the keystone users
start_rpc_services() {
  local s c
  for s in conductor scheduler compute api; do
    c=nova.conf
    [ "$s" = compute ] && c=nova-compute.conf
    start "nova-$s" "$D/log/nova-$s.out" \
      "$D/bin/nova-$s" --config-file "$D/etc/nova/$c" --log-file "$D/log/nova-$s.log"
  done
  PYTHONPATH="$D/lib" start neutron-server "$D/log/neutron-server.out" "$D/bin/neutron-server" \
    --config-file "$D/etc/neutron/neutron.conf" --config-file "$D/etc/neutron/ml2_conf.ini"
  # $D/lib: volume drivers a plugin adds (services/dataplane.sh)
  for s in scheduler volume api; do
    PYTHONPATH="$D/lib" start "cinder-$s" "$D/log/cinder-$s.out" \
      "$D/bin/cinder-$s" --config-file "$D/etc/cinder/cinder.conf" --log-file "$D/log/cinder-$s.log"
  done
}
