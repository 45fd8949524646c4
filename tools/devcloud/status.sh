#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# devcloud status.sh - which devcloud processes run, and (with --logs) the
# log lines that matter: tails of dead services' logs, the setup logs, and
# the last errors of the running ones. Used by .ci/run when something fails.
#   bash tools/devcloud/status.sh [--logs]
set -uo pipefail

# shellcheck source=lib/common.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
LOGS=""
[ "${1:-}" = --logs ] && LOGS=1

[ -d "$D/run" ] || { echo "no devcloud in $D"; [ -z "$LOGS" ] || tail -n 30 /tmp/devcloud-apt.log 2>/dev/null; exit 0; }
dead=""
for f in "$D"/run/*.pid; do
  [ -e "$f" ] || continue
  n=$(basename "$f" .pid)
  if running "$n"; then
    printf '  up    %-24s pid %s\n' "$n" "$(cut -d' ' -f1 "$f")"
  else
    printf '  DEAD  %s\n' "$n"
    dead="$dead $n"
  fi
done
[ -n "$LOGS" ] || exit 0

for n in $dead; do
  for f in "$D/log/$n".*; do
    [ -s "$f" ] && { echo "===== tail $f"; tail -n 30 "$f"; }
  done
done
for f in "$D/log/setup.log" "$D/log/ks-setup.log" "$D/log/ensure.log"; do
  [ -s "$f" ] && { echo "===== tail $f"; tail -n 15 "$f"; }
done
for f in "$D"/log/*.log; do
  case "$f" in */setup.log | */ks-setup.log | */ensure.log | */ready.log) continue ;; esac
  if grep -qE ' (ERROR|CRITICAL) |Traceback' "$f"; then
    echo "===== last errors in $f"
    grep -E ' (ERROR|CRITICAL) ' "$f" | tail -n 8
  fi
done
# last, so that a truncated CI log still shows it: what the readiness wait saw
[ -s "$D/log/ready.log" ] && { echo "===== tail $D/log/ready.log (the readiness wait of up.sh)"; tail -n 12 "$D/log/ready.log"; }
exit 0
