#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# devcloud down.sh - stop exactly the processes that up.sh started.
#
#   bash tools/devcloud/down.sh           stop; keep the state (next up.sh is fast)
#   bash tools/devcloud/down.sh --purge   stop and delete $DEVCLOUD_DIR (fresh start)
#
# up.sh starts every service in its own session/process group (setsid) and
# writes $DEVCLOUD_DIR/run/<name>.pid = "PID STARTTIME". We signal only the
# members of that process group, and only if the group leader is gone or is
# still the very process we started (same start time), so an unrelated process
# that reused the pid is never touched: SIGTERM first, SIGKILL after a grace
# period (DEVCLOUD_STOP_GRACE, 20 s). RPC/API services go first, rabbitmq and
# epmd last.
set -uo pipefail

# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
# shellcheck source=lib/plugins.sh
. "$HERE/lib/plugins.sh"
load_plugins
GRACE="${DEVCLOUD_STOP_GRACE:-20}"
PURGE=""
case "${1:-}" in
  --purge) PURGE=1 ;;
  "") ;;
  *) die "usage: down.sh [--purge]" ;;
esac

if [ ! -d "$D/run" ]; then
  echo "nothing to stop ($D/run missing)"
else
  take_lock
  stop_wave() {  # names...
    local n p left i
    for n in "$@"; do
      [ -e "$D/run/$n.pid" ] || continue
      for p in $(group_members "$n"); do kill -TERM "$p" 2>/dev/null; done
    done
    for ((i = 0; i < GRACE * 5; i++)); do
      left=""
      for n in "$@"; do [ -n "$(group_members "$n")" ] && left="$left $n"; done
      [ -z "$left" ] && break
      sleep 0.2
    done
    for n in "$@"; do
      [ -e "$D/run/$n.pid" ] || continue
      p=$(group_members "$n")
      if [ -n "$p" ]; then
        echo "killing $n ($p)"
        # shellcheck disable=SC2086  # one pid per word
        kill -KILL $p 2>/dev/null
        sleep 0.2
      fi
      rm -f "$D/run/$n.pid"
      echo "stopped $n"
    done
  }

  # anything with a pid file that is not in the known list goes with the first wave
  others=""
  for f in "$D"/run/*.pid; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .pid)
    case " ${SERVICES//$'\n'/ } rabbitmq epmd " in *" $n "*) ;; *) others="$others $n" ;; esac
  done
  # shellcheck disable=SC2086
  stop_wave $SERVICES $others
  stop_wave rabbitmq
  stop_wave epmd
  plugins_down
  log "devcloud stopped"
fi

if [ -n "$PURGE" ] && [ -d "$D" ]; then
  # refuse anything that does not look like a devcloud directory
  [ -d "$D/etc/keystone" ] || [ -d "$D/run" ] || die "$D does not look like a devcloud dir; not deleting"
  rm -rf "$D"
  log "deleted $D"
fi
exit 0
