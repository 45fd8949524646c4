#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# devcloud ensure.sh - make sure the dev cloud is up, as cheaply as possible.
#
# If $DEVCLOUD_DIR/clouds.yaml exists, keystone issues a token for the admin
# of cloud "devcloud" and every service answers (py/ready.py, short timeout),
# do nothing. Otherwise run up.sh (idempotent: it starts only what is missing).
set -euo pipefail

# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"

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
  "$PY" "$HERE/py/ready.py" "$KS" "${DEVCLOUD_ENSURE_TIMEOUT:-20}" "$D/run" > "$D/log/ensure.log" 2>&1 ||
    { log "not all services answer: $(tail -n 1 "$D/log/ensure.log")"; return 1; }
}

if healthy; then
  log "devcloud is up ($D/clouds.yaml: clouds devcloud, devcloud-demo)"
  exit 0
fi
log "bringing the devcloud up"
exec bash "$HERE/up.sh"
