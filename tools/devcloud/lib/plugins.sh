# shellcheck shell=bash
# Service plugins: every OpenStack service beyond the core seven lives in its own file,
# tools/devcloud/services/<name>.sh, so adding one touches no shared script. A plugin file is
# sourced by up.sh and ensure.sh; it sets and defines (NAME = the file's base name,
# with "-" turned into "_"):
#
#   NAME_pkgs="..."      Debian packages (python3-* libraries, never the systemd-unit packages)
#   NAME_cors="proc:port:path ..."   APIs that must answer a CORS preflight (lib/cors.sh)
#   NAME_configs()       writes $D/etc/<name>/... and makes its $D/data dirs   (always run)
#   NAME_helpers()       launchers in $D/bin (mkentry) and files in $D/lib      (always run)
#   NAME_prep()          database syncs, keys; idempotent; runs in parallel with the others
#                        while rabbitmq starts, skipped when its stamp matches (see below)
#   NAME_start()         start the processes (start() is a no-op for one that runs);
#                        keystone, rabbitmq and the core services are up by then
#   NAME_seed()          optional: idempotent content once every service answers (pools, flavors)
#   NAME_down()          optional: run by down.sh once every process has stopped, to remove what
#                        they left outside $D (network namespaces, bridges, guests)
#
# and may ship next to it:
#   services/<name>.spec   keystone lines (users, services, endpoints) in etc/keystone.spec's format
#   services/<name>.py     readiness checks for py/ready.py: def checks(adm, ep, up, logged) -> {name: fn}
#
# DEVCLOUD_SERVICES (space separated, default: every file in services/) picks the plugins; "none"
# brings up the core seven only.

PLUGIN_DIR="$HERE/services"

plugins() {  # the enabled plugin names
  local f n
  if [ -n "${DEVCLOUD_SERVICES:-}" ]; then
    [ "$DEVCLOUD_SERVICES" = none ] || echo "$DEVCLOUD_SERVICES"
    return 0
  fi
  for f in "$PLUGIN_DIR"/*.sh; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .sh)
    echo "$n"
  done
}

pvar() { echo "${1//-/_}_$2"; }   # plugin name, suffix -> variable/function name

load_plugins() {
  local n
  for n in $(plugins); do
    [ -f "$PLUGIN_DIR/$n.sh" ] || die "DEVCLOUD_SERVICES names $n, but $PLUGIN_DIR/$n.sh does not exist"
    # shellcheck disable=SC1090
    . "$PLUGIN_DIR/$n.sh"
  done
}

plugin_hook() {  # plugin hook -> run NAME_hook if the plugin defines it
  local f
  f=$(pvar "$1" "$2")
  if declare -F "$f" > /dev/null; then "$f"; fi
}

plugins_pkgs() {
  local n v
  for n in $(plugins); do v=$(pvar "$n" pkgs); echo "${!v:-}"; done
}

plugins_cors() {
  local n v
  for n in $(plugins); do v=$(pvar "$n" cors); echo "${!v:-}"; done
}

plugins_configs() { local n; for n in $(plugins); do plugin_hook "$n" configs; done; }
plugins_helpers() { local n; for n in $(plugins); do plugin_hook "$n" helpers; done; }
plugins_start() { local n; for n in $(plugins); do plugin_hook "$n" start; done; }
plugins_seed() { local n; for n in $(plugins); do plugin_hook "$n" seed; done; }
plugins_down() { local n; for n in $(plugins); do plugin_hook "$n" down; done; }

# The keystone lines of the enabled plugins (appended to etc/keystone.spec by register_keystone).
plugins_spec() {
  local n
  for n in $(plugins); do
    [ -f "$PLUGIN_DIR/$n.spec" ] && cat "$PLUGIN_DIR/$n.spec"
  done
  return 0
}

# The readiness files of the enabled plugins, for py/ready.py.
plugins_ready_files() {
  local n
  for n in $(plugins); do
    [ -f "$PLUGIN_DIR/$n.py" ] && echo "$PLUGIN_DIR/$n.py"
  done
  return 0
}

# A plugin's preparation is stamped apart from the core's: adding or changing one plugin re-runs
# only its own database syncs.
plugin_stamp() {  # name -> versions of its packages + checksum of its file
  local v
  v=$(pvar "$1" pkgs)
  # shellcheck disable=SC2086  # word splitting of the list is intended
  echo "$(dpkg-query -W -f='${Package}=${Version}\n' ${!v:-} 2>/dev/null | sort | md5sum | cut -c1-12) $(md5sum < "$PLUGIN_DIR/$1.sh" | cut -c1-12)"
}

PLUGIN_PREP_PIDS=()
PLUGIN_PREP_NAMES=()
plugins_prep_start() {
  local n
  PLUGIN_PREP_PIDS=()
  PLUGIN_PREP_NAMES=()
  for n in $(plugins); do
    declare -F "$(pvar "$n" prep)" > /dev/null || continue
    [ "$(cat "$D/data/.prepared-$n" 2>/dev/null)" = "$(plugin_stamp "$n")" ] && continue
    rm -f "$D/data/.prepared-$n"
    log "preparing $n"
    ( set -e; "$(pvar "$n" prep)" >> "$D/log/setup-$n.log" 2>&1 ) & PLUGIN_PREP_PIDS+=($!)
    PLUGIN_PREP_NAMES+=("$n")
  done
}

plugins_prep_wait() {
  local i n
  for i in "${!PLUGIN_PREP_PIDS[@]}"; do
    n=${PLUGIN_PREP_NAMES[$i]}
    wait "${PLUGIN_PREP_PIDS[$i]}" || { tail -n 40 "$D/log/setup-$n.log"; die "preparing $n failed (see $D/log/setup-$n.log)"; }
    plugin_stamp "$n" > "$D/data/.prepared-$n"
  done
  return 0
}
