# shellcheck shell=bash
# CORS: every API answers browser requests from one page origin, $CORS_ORIGIN (lib/common.sh),
# so test/functional/runtimes/browser.test.ts can drive the SDK from a real Chromium page.
#
# The oslo.middleware services (keystone, placement, nova, neutron, glance, cinder) read a [cors]
# section (cors_section, appended by lib/configs.sh); swift's proxy has its own settings in
# [DEFAULT] (cors_allow_origin, cors_expose_headers). A running service only reads its config at
# start, so cors_reconcile asks each API a preflight and restarts, one at a time, only those that
# do not answer it: up.sh and ensure.sh call it, which makes an older, already running cloud
# pick the set-up up without a full restart.

# Request headers a browser may send (a preflight naming any other is refused by oslo.middleware).
CORS_ALLOW_HEADERS="X-Auth-Token, X-Subject-Token, X-Service-Token, Content-Type, Accept,
  OpenStack-API-Version, X-OpenStack-Nova-API-Version, X-OpenStack-Request-Id, User-Agent,
  If-Match, If-None-Match, Range, X-Image-Meta-Store"
# Response headers the page may read; without X-Subject-Token a browser cannot learn its token.
CORS_EXPOSE_HEADERS="X-Subject-Token, OpenStack-API-Version, X-OpenStack-Nova-API-Version,
  X-OpenStack-Request-Id, X-Compute-Request-Id, Location, ETag, Content-Length, Content-Type,
  Content-Range, Last-Modified, X-Timestamp, X-Trans-Id, Retry-After, Link,
  OpenStack-Image-Import-Methods, OpenStack-Image-Store-Ids"
CORS_ALLOW_METHODS="GET, PUT, POST, DELETE, PATCH, HEAD, OPTIONS"

flat() { echo "$*" | tr -s ' \n' ' '; }

cors_section() {  # the [cors] section of an oslo.middleware service
  cat <<EOF
[cors]
allowed_origin = $CORS_ORIGIN
allow_credentials = false
allow_methods = $(flat "$CORS_ALLOW_METHODS")
allow_headers = $(flat "$CORS_ALLOW_HEADERS")
expose_headers = $(flat "$CORS_EXPOSE_HEADERS")
max_age = 3600
EOF
}

swift_cors() {  # swift proxy-server.conf [DEFAULT] lines (it adds its own simple/meta headers)
  cat <<EOF
cors_allow_origin = $CORS_ORIGIN
cors_expose_headers = $(flat "$CORS_EXPOSE_HEADERS" | tr -d ' ')
strict_cors_mode = true
EOF
}

# <service in run/>:<port>:<path of a preflight the API answers>. Swift answers CORS on containers
# and objects only (not on the account), so its probe names a container that need not exist.
CORS_APIS="keystone:5000:/v3/auth/tokens placement:8778:/ nova-api:8774:/v2.1/servers
neutron-server:9696:/v2.0/networks glance-api:9292:/v2/images cinder-api:8776:/v3/volumes
swift-proxy:8080:/v1/AUTH_cors-probe/cors-probe"

cors_ok() {  # port path -> true if a preflight from $CORS_ORIGIN is allowed
  curl -s -o /dev/null -D - --max-time 10 -X OPTIONS "http://127.0.0.1:$1$2" \
    -H "Origin: $CORS_ORIGIN" -H 'Access-Control-Request-Method: GET' \
    -H 'Access-Control-Request-Headers: x-auth-token' 2>/dev/null |
    tr -d '\r' | grep -qix "access-control-allow-origin: $CORS_ORIGIN"
}

cors_missing() {  # prints the services whose API refuses the page origin
  local a n rest port path
  for a in $CORS_APIS $(plugins_cors); do
    n=${a%%:*} rest=${a#*:}
    port=${rest%%:*} path=${rest#*:}
    cors_ok "$port" "$path" || echo "$n"
  done
}

stop_one() {  # name: TERM its process group, KILL after 20 s
  local p i
  # a member may exit between the listing and the kill: that is not a failure (up.sh runs set -e)
  for p in $(group_members "$1"); do kill -TERM "$p" 2>/dev/null || true; done
  for ((i = 0; i < 100; i++)); do
    [ -z "$(group_members "$1")" ] && break
    sleep 0.2
  done
  p=$(group_members "$1")
  # shellcheck disable=SC2086  # one pid per word
  [ -z "$p" ] || kill -KILL $p 2>/dev/null || true
  rm -f "$D/run/$1.pid"
}

# Restart, one by one, the APIs that refuse the page origin (their config is already rewritten).
# Needs the lock (take_lock) and lib/services.sh.
cors_reconcile() {
  local missing n a port
  missing=$(cors_missing)
  if [ -z "$missing" ]; then
    log "CORS enabled for $CORS_ORIGIN on every API"
    return 0
  fi
  for n in $missing; do
    log "restarting $n to enable CORS for $CORS_ORIGIN"
    stop_one "$n"
    case "$n" in
      nova-api | neutron-server | cinder-api) start_rpc_services ;;
      keystone | placement | swift-* | glance-api) start_base_services ;;
      *) plugins_start ;;
    esac
    for a in $CORS_APIS $(plugins_cors); do [ "${a%%:*}" = "$n" ] && port=$(echo "$a" | cut -d: -f2); done
    wait_port "$port" "$n" 120
  done
  # a port opens before the app has loaded (nova, neutron): give each up to 2 minutes to answer
  for ((a = 0; a < 240; a++)); do
    missing=$(cors_missing)
    [ -z "$missing" ] && break
    sleep 0.5
  done
  [ -z "$missing" ] || die "CORS still refused by: $missing (configs in $D/etc; logs in $D/log)"
  log "CORS enabled for $CORS_ORIGIN on every API"
}
