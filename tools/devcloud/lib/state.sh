# shellcheck shell=bash
# State under $D: the launchers and python files the services run from, and
# the one-time preparation of databases, swift rings and keys.

# Directories up.sh needs (all under $D; nothing is written elsewhere except
# /tmp/devcloud-apt.log and, during apt-get, /usr/sbin/policy-rc.d).
make_dirs() {
  mkdir -p "$D"/{bin,etc,data,log/rabbitmq,run,lib} \
    "$D"/data/keystone "$D"/data/swift/d1 "$D"/data/swift/recon \
    "$D"/data/glance/{images,staging,tasks,locks} "$D"/data/placement \
    "$D"/data/nova/{instances,locks} "$D"/data/neutron/locks \
    "$D"/data/cinder/locks "$D"/data/rabbitmq
}

# Console entry points as tiny launchers (the *-api/*-common packages that
# would ship them also ship systemd units, which we do not want).
mkentry() {  # name module:function
  cat > "$D/bin/$1" <<EOF
#!$PY
import sys
sys.path.insert(0, '$D/lib')
import devcloud_sqlite  # noqa: F401  (lock errors retried, see py/devcloud_sqlite.py)
from ${2%:*} import ${2#*:} as _main
sys.argv[0] = '$1'
sys.exit(_main())
EOF
  chmod 755 "$D/bin/$1"
}

# Everything a running service executes is copied into $D, so the cloud keeps
# working if this checkout moves or changes.
install_helpers() {
  local s
  mkentry keystone-manage    keystone.cmd.manage:main
  mkentry glance-manage      glance.cmd.manage:main
  mkentry glance-api         glance.cmd.api:main
  mkentry placement-manage   placement.cmd.manage:main
  for s in api conductor scheduler compute manage; do mkentry "nova-$s" "nova.cmd.$s:main"; done
  # after nova's command module (which monkey-patches eventlet), before main() runs
  install -m 644 "$HERE/py/devcloud_nova_retry.py" "$D/lib/devcloud_nova_retry.py"
  sed -i '/^from nova.cmd.conductor/a import devcloud_nova_retry  # noqa: E402,F401' "$D/bin/nova-conductor"
  mkentry neutron-db-manage  neutron.db.migration.cli:main
  mkentry neutron-server     neutron.cmd.eventlet.server:main
  for s in api scheduler volume manage; do mkentry "cinder-$s" "cinder.cmd.$s:main"; done
  install -m 644 "$HERE/py/devcloud_cinder_retry.py" "$D/lib/devcloud_cinder_retry.py"
  sed -i '/^from cinder.cmd.volume/a import devcloud_cinder_retry  # noqa: E402,F401' "$D/bin/cinder-volume"
  mkentry swift-ring-builder swift.cli.ringbuilder:main

  install -m 644 "$HERE/py/devcloud_sqlite.py" "$D/lib/devcloud_sqlite.py"
  install -m 644 "$HERE/py/keystone_wsgi.py"  "$D/bin/keystone-wsgi.py"
  install -m 644 "$HERE/py/placement_wsgi.py" "$D/bin/placement-wsgi.py"
  install -m 755 "$HERE/py/swift_launch.py"   "$D/bin/swift-launch"
  # agent-less ML2 driver, found by neutron-server through its entry point
  mkdir -p "$D/lib/devcloud_ml2-1.0.dist-info"
  install -m 644 "$HERE/py/devcloud_ml2.py" "$D/lib/devcloud_ml2.py"
  printf 'Metadata-Version: 2.1\nName: devcloud-ml2\nVersion: 1.0\n' \
    > "$D/lib/devcloud_ml2-1.0.dist-info/METADATA"
  printf '[neutron.ml2.mechanism_drivers]\ndevcloud = devcloud_ml2:DevcloudMechanismDriver\n' \
    > "$D/lib/devcloud_ml2-1.0.dist-info/entry_points.txt"
  plugins_helpers
}

wal() { sqlite3 "$1" 'PRAGMA journal_mode=WAL;' > /dev/null; }
quiet() { "$@" >> "$D/log/setup.log" 2>&1; }   # db tools print eventlet noise at exit

prep_keystone() {
  local K=("$D/bin/keystone-manage" --config-file "$D/etc/keystone/keystone.conf")
  quiet "${K[@]}" db_sync
  wal "$D/data/keystone/keystone.sqlite"
  [ -e "$D/data/keystone/fernet-keys/0" ] ||
    quiet "${K[@]}" fernet_setup --keystone-user root --keystone-group root
  [ -e "$D/data/keystone/credential-keys/0" ] ||
    quiet "${K[@]}" credential_setup --keystone-user root --keystone-group root
  quiet "${K[@]}" bootstrap \
    --bootstrap-password admin --bootstrap-username admin --bootstrap-project-name admin \
    --bootstrap-role-name admin --bootstrap-service-name keystone --bootstrap-region-id RegionOne \
    --bootstrap-admin-url "$KS/v3" --bootstrap-internal-url "$KS/v3" --bootstrap-public-url "$KS/v3"
}

prep_glance_placement_cinder() {
  quiet "$D/bin/glance-manage" --config-file "$D/etc/glance/glance-api.conf" db_sync
  wal "$D/data/glance/glance.sqlite"
  quiet "$D/bin/placement-manage" --config-file "$D/etc/placement/placement.conf" db sync
  wal "$D/data/placement/placement.sqlite"
  quiet "$D/bin/cinder-manage" --config-file "$D/etc/cinder/cinder.conf" db sync
  wal "$D/data/cinder/cinder.sqlite"
}

prep_nova() {
  local N=("$D/bin/nova-manage" --config-file "$D/etc/nova/nova.conf") cells f
  quiet "${N[@]}" api_db sync
  quiet "${N[@]}" cell_v2 map_cell0 --database_connection "$(sqlite_url nova/nova_cell0)"
  cells=$("${N[@]}" cell_v2 list_cells 2>/dev/null || true)
  [[ "$cells" == *" cell1 "* ]] ||
    quiet "${N[@]}" cell_v2 create_cell --name cell1 \
      --database_connection "$(sqlite_url nova/nova_cell1)" --transport-url "$RABBIT_URL"
  quiet "${N[@]}" db sync
  for f in nova_api nova_cell0 nova_cell1; do wal "$D/data/nova/$f.sqlite"; done
}

prep_neutron_swift() {
  local S="$D/etc/swift" t n p
  if ! sqlite3 "$D/data/neutron/neutron.sqlite" 'select * from alembic_version' > /dev/null 2>&1; then
    rm -f "$D/data/neutron/neutron.sqlite"
    quiet "$PY" "$HERE/py/neutron_sqlite_schema.py" "$(sqlite_url neutron/neutron)"
    quiet "$D/bin/neutron-db-manage" --config-file "$D/etc/neutron/neutron.conf" \
      --config-file "$D/etc/neutron/ml2_conf.ini" stamp heads
  fi
  wal "$D/data/neutron/neutron.sqlite"
  for t in $SWIFT_RINGS; do
    n=${t%%:*} p=${t##*:}
    [ -s "$S/$n.ring.gz" ] && continue
    rm -f "$S/$n.builder"
    (
      cd "$S" &&
        quiet "$D/bin/swift-ring-builder" "$n.builder" create 10 1 1 &&
        quiet "$D/bin/swift-ring-builder" "$n.builder" add --region 1 --zone 1 \
          --ip 127.0.0.1 --port "$p" --device d1 --weight 100 &&
        { quiet "$D/bin/swift-ring-builder" "$n.builder" rebalance || true; }
    )
    [ -s "$S/$n.ring.gz" ] || return 1
  done
}

# The four preparation groups run in parallel (each step is idempotent) while
# rabbitmq starts. A stamp holding the package versions (and this file's
# checksum) lets a re-run skip the ~30 s of db syncs; upgrading the packages
# or changing this file invalidates it.
prep_stamp() { echo "$(package_versions) $(md5sum < "$HERE/lib/state.sh" | cut -c1-12)"; }

PREP_PIDS=()
prepare_state_start() {
  PREP_PIDS=()
  if [ "$(cat "$D/data/.prepared" 2>/dev/null)" = "$(prep_stamp)" ]; then
    log "databases, swift rings and keys already prepared"
    return 0
  fi
  log "preparing databases, swift rings and keys"
  rm -f "$D/data/.prepared"
  : > "$D/log/setup.log"
  ( set -e; prep_keystone ) & PREP_PIDS+=($!)
  ( set -e; prep_glance_placement_cinder ) & PREP_PIDS+=($!)
  ( set -e; prep_nova ) & PREP_PIDS+=($!)
  ( set -e; prep_neutron_swift ) & PREP_PIDS+=($!)
}

prepare_state_wait() {
  local p
  [ "${#PREP_PIDS[@]}" -gt 0 ] || return 0
  for p in "${PREP_PIDS[@]}"; do
    wait "$p" || { tail -n 40 "$D/log/setup.log"; die "database/ring preparation failed (see $D/log/setup.log)"; }
  done
  prep_stamp > "$D/data/.prepared"
  log "databases ready"
}
