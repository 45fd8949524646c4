#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# devcloud up.sh - bring up a small, REAL OpenStack (Zed, from Debian 12
# "bookworm" packages) on 127.0.0.1, as plain background processes:
#
#   Keystone, Placement (uwsgi) | Swift proxy/account/container/object
#   (+ container-updater) | Glance | Nova api/conductor/scheduler/compute
#   (fake virt driver) | Neutron server (ML2, agent-less) | Cinder
#   api/scheduler/volume (fake driver) | RabbitMQ
#   + the service plugins in services/ (lib/plugins.sh; DEVCLOUD_SERVICES picks them)
#   Every API allows CORS from one page origin, http://127.0.0.1:8799 (lib/cors.sh).
#
# All state lives in $DEVCLOUD_DIR (default /tmp/devcloud): etc/ configs,
# data/ sqlite databases and blobs, log/ logs, run/ pid files, bin/ + lib/
# the launchers the services run from. See README.md in this directory.
#
# Usage (as root, Debian 12):  bash tools/devcloud/up.sh
#   Idempotent: a re-run starts only what is not running and re-checks the
#   rest. Exits 0 once every API answers with a token and nova-compute,
#   the hypervisor and cinder-volume are up; non-zero with log tails otherwise.
# Env: DEVCLOUD_DIR, DEVCLOUD_TIMEOUT (seconds to wait for the services, 300)
set -euo pipefail

# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/packages.sh
. "$HERE/lib/packages.sh"
# shellcheck source=lib/configs.sh
. "$HERE/lib/configs.sh"
# shellcheck source=lib/state.sh
. "$HERE/lib/state.sh"
# shellcheck source=lib/services.sh
. "$HERE/lib/services.sh"
# shellcheck source=lib/plugins.sh
. "$HERE/lib/plugins.sh"
load_plugins
# shellcheck source=lib/cors.sh
. "$HERE/lib/cors.sh"

TIMEOUT="${DEVCLOUD_TIMEOUT:-300}"
[ "$(id -u)" = 0 ] || die "run as root (apt-get, and the services run as root)"

take_lock
log "devcloud up (dir $D)"

# 1. packages (the only step that needs the network)
install_packages
install_browser

# 2. launchers and configuration files (always rewritten; state is kept)
make_dirs
cd "$D"
install_helpers
write_configs

# 3. databases, rings and keys, in parallel with rabbitmq's start-up
prepare_state_start
plugins_prep_start
start_rabbitmq
prepare_state_wait
plugins_prep_wait

# 4. services: keystone & co first, register users, then the RPC services
start_base_services
wait_port 5000 keystone 60
register_keystone
wait_port 5672 rabbitmq 90
wait_port 8778 placement 60   # nova-conductor/-scheduler exit if placement is unreachable
log "keystone, placement and rabbitmq up; starting nova, neutron, cinder"
start_rpc_services
log "starting the service plugins: $(plugins | tr '\n' ' ')"
plugins_start

# 5. wait until everything answers, then seed flavors/image/networks
log "waiting for all services (timeout ${TIMEOUT}s)"
# kept in log/ready.log: status.sh --logs ends with its verdict (what was not ready)
# shellcheck disable=SC2046  # one file per word
ready_rc=0
"$PY" "$HERE/py/ready.py" "$KS" "$TIMEOUT" "$D/run" $(plugins_ready_files) 2>&1 | tee "$D/log/ready.log" || ready_rc=$?
if [ "$ready_rc" -ne 0 ]; then
  for f in "$D"/run/*.pid; do
    n=$(basename "$f" .pid)
    running "$n" || { echo "--- DEAD: $n; tail of $D/log/$n*:"; tail -n 15 "$D/log/$n"* 2>/dev/null || true; }
  done
  die "devcloud not ready (bash $HERE/status.sh shows what runs; logs in $D/log)"
fi
"$PY" "$HERE/py/seed.py" "$KS" || die "seeding failed"
plugins_seed
# services that were already running kept their old config: restart those that refuse CORS
cors_reconcile

log "devcloud is up (dir $D). Total: $(el)s"
cat <<EOF
  export OS_CLIENT_CONFIG_FILE=$D/clouds.yaml
  openstack --os-cloud devcloud server list       # admin
  openstack --os-cloud devcloud-demo server list  # demo (member of project demo)
  . $D/openrc-demo && swift list  # swiftclient
EOF
