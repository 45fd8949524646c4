#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# devcloud ensure.sh - make sure the dev cloud is up, as cheaply as possible.
#
# If $DEVCLOUD_DIR/clouds.yaml exists, keystone issues a token for the admin
# of cloud "devcloud" and every service answers (py/ready.py, short timeout),
# only make sure every API allows CORS from the page origin (lib/cors.sh: a cloud
# brought up by an older checkout gets its configs rewritten and those APIs
# restarted, one by one) and the browser is installed. Otherwise run up.sh
# (idempotent: it starts only what is missing).
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

token_ok() {  # the admin of cloud "devcloud" gets a token
  command -v curl > /dev/null || return 1
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 \
    -H 'Content-Type: application/json' -X POST "$KS/v3/auth/tokens" -d '{"auth": {
      "identity": {"methods": ["password"], "password": {"user": {
        "name": "admin", "domain": {"id": "default"}, "password": "admin"}}},
      "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}') || return 1
  [ "$code" = 201 ]
}

healthy() {
  [ -s "$D/clouds.yaml" ] || { log "no $D/clouds.yaml"; return 1; }
  token_ok || { log "keystone gives no token for cloud devcloud"; return 1; }
  # shellcheck disable=SC2046  # one file per word
  "$PY" "$HERE/py/ready.py" "$KS" "${DEVCLOUD_ENSURE_TIMEOUT:-20}" "$D/run" $(plugins_ready_files) > "$D/log/ensure.log" 2>&1 ||
    { log "not all services answer: $(tail -n 1 "$D/log/ensure.log")"; return 1; }
}

if healthy; then
  install_browser
  if [ -n "$(cors_missing)" ]; then
    take_lock
    install_helpers
    write_configs
    cors_reconcile
    # shellcheck disable=SC2046  # one file per word
    "$PY" "$HERE/py/ready.py" "$KS" 120 "$D/run" $(plugins_ready_files) > "$D/log/ensure.log" 2>&1 ||
      die "not all services answer after the CORS restarts: $(tail -n 1 "$D/log/ensure.log")"
  fi
  log "devcloud is up ($D/clouds.yaml: clouds devcloud, devcloud-demo; CORS for $CORS_ORIGIN)"
  exit 0
fi
log "bringing the devcloud up"
exec bash "$HERE/up.sh"
