# shellcheck shell=bash
# Shared by up.sh, down.sh, ensure.sh and status.sh: settings, logging, and the
# pid-file helpers that let us recognise exactly the processes we started.

# shellcheck disable=SC2034  # the variables below are used by the sourcing scripts
DEVCLOUD_DIR="${DEVCLOUD_DIR:-/tmp/devcloud}"
D="$DEVCLOUD_DIR"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"   # tools/devcloud
PY=/usr/bin/python3        # Debian's python: the OpenStack libraries live there
KS=http://127.0.0.1:5000   # keystone (the only URL clients need)
RABBIT_URL="rabbit://guest:guest@127.0.0.1:5672/"
# The one browser origin every API answers CORS requests from (lib/cors.sh): the page server of
# test/functional/runtimes/ listens there. No dev cloud service uses this port.
CORS_ORIGIN=http://127.0.0.1:8799
# Every service keeps its state in SQLite. A writer that finds the database locked by another
# process waits up to this long (SQLAlchemy passes `timeout` to sqlite3) instead of answering a
# 500 after python's default 5 s; parallel test runs hit that limit on cinder and nova.
sqlite_url() { echo "sqlite:///$D/data/$1.sqlite?timeout=20"; }

unset PYTHONPATH PYTHONHOME || true
export no_proxy=127.0.0.1,localhost NO_PROXY=127.0.0.1,localhost
export LC_ALL=C.UTF-8

T0=$(date +%s.%N)
ts() { date +%H:%M:%S; }
el() { awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}'; }
log() { echo "[$(ts) +$(el)s] $*"; }
die() { echo "[$(ts) +$(el)s] ERROR: $*" >&2; exit 1; }

# Serialise up.sh/down.sh runs (several people or test runs may call ensure.sh
# at once). fd 9 holds the lock; start() closes it for the services.
take_lock() {
  mkdir -p "$D"
  exec 9> "$D/.lock"
  flock -w "${DEVCLOUD_LOCK_WAIT:-1800}" 9 || die "another up.sh/down.sh holds $D/.lock"
}

# ---------------------------------------------------------------------------
# Process bookkeeping. Each service runs in its own session/process group
# (setsid); $D/run/<name>.pid holds "PID STARTTIME" (STARTTIME = field 22 of
# /proc/PID/stat), so a reused pid is never mistaken for ours. (/proc/PID/environ
# is no good for that: services using setproctitle, e.g. neutron, overwrite it.)
# ---------------------------------------------------------------------------
starttime() {  # pid -> kernel start time of that process
  local s fields
  s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  s=${s##*) }                 # drop "pid (comm) "; the comm may contain spaces
  read -r -a fields <<< "$s"
  echo "${fields[19]}"        # field 22 overall
}

group_members() {  # name -> live pids of the process group up.sh started for it
  local pid st cur
  read -r pid st < "$D/run/$1.pid" 2>/dev/null || return 0
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  if cur=$(starttime "$pid"); then
    [ "$cur" = "$st" ] || return 0   # pid reused by another process: not ours
  fi
  # the kernel does not hand out a pid while a process group of that id
  # exists, so the members are ours even when the leader has already exited
  ps -o pid=,stat= -g "$pid" 2>/dev/null | awk '$2 !~ /^Z/ {print $1}'
}

running() {  # name -> true if the process we started for it is alive
  local f="$D/run/$1.pid" pid st
  [ -s "$f" ] || return 1
  read -r pid st < "$f" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ "$(starttime "$pid")" = "$st" ] || return 1
  ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null
}

start() {  # name logfile command... ; no-op if already running
  local name=$1 out=$2
  shift 2
  if running "$name"; then return 0; fi
  # shellcheck disable=SC2016  # expanded by the inner sh, on purpose
  DEVCLOUD_PIDFILE="$D/run/$name.pid" setsid sh -c \
    'l=$(cat /proc/$$/stat); l=${l##*) }; st=$(set -- $l; echo "${20}"); echo "$$ $st" > "$DEVCLOUD_PIDFILE"; exec "$0" "$@"' \
    "$@" >> "$out" 2>&1 < /dev/null 9>&- &
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {  # port name timeout_seconds
  local i=0
  until port_open "$1"; do
    i=$((i + 1))
    if [ "$i" -gt $(($3 * 5)) ]; then
      tail -n 20 "$D/log/$2"* 2>/dev/null
      die "$2 did not open port $1 within $3s"
    fi
    sleep 0.2
  done
}

# Every service up.sh manages, in stop order (API front-ends first, then
# workers, storage and identity; rabbitmq and epmd are stopped last).
# shellcheck disable=SC2034
SERVICES="nova-api nova-compute nova-scheduler nova-conductor
cinder-api cinder-volume cinder-scheduler neutron-server glance-api placement
swift-proxy swift-container-updater swift-object swift-container swift-account
keystone"

# Swift rings: <ring>:<port of its server>
# shellcheck disable=SC2034
SWIFT_RINGS="object:6200 container:6201 account:6202"
