#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tools/test.sh - everything CI checks, from any checkout (CI runs it through .ci/run):
#   1. node deps (tools/node-deps.sh: `npm ci` when needed)
#   2. the static checks (tools/ci-checks.sh: build, typecheck, lint, API reference, docs blocks,
#      API report, package contents), in the background from here on, logged and printed at the end
#   3. the dev cloud, brought up if needed (tools/devcloud/prepare.sh), or your cloud if
#      OS_CLIENT_CONFIG_FILE points at another clouds.yaml
#   4. `npm test`: unit, then functional against the cloud
#   5. the docs blocks marked `ts run`, against the cloud (node tools/check-docs.mjs --run)
#   6. a quick benchmark run as a smoke test (npm run bench -- --quick): every workload must run
#      and the report must be written (bench/results/latest-partial.md); no timing is asserted
# Every stage runs even when an earlier one failed (except those that need the cloud when it could
# not be brought up); prints a timing line per stage and a summary; exits 1 if any stage failed.
# Safe to re-run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { echo "[$(date +%H:%M:%S)] $*"; }
cd "$ROOT"

summary=()
failed=0
current=""
checks_pid=""
took() { printf '%dm%02ds' $(((SECONDS - $1) / 60)) $(((SECONDS - $1) % 60)); }
# record NAME RC START: one timing line now, one summary line at the end
record() {
  local verdict="ok"
  [ "$2" -eq 0 ] || { verdict="FAILED (exit $2)"; failed=1; }
  summary+=("$(printf '%-8s %s' "$(took "$3")" "$1: $verdict")")
  say "[ci] $1: $verdict in $(took "$3")"
}

# collect_checks: wait for the background static checks, show their log, record them (once)
build_ok=0
collect_checks() {
  [ -n "$checks_pid" ] || return 0
  local rc=0
  wait "$checks_pid" || rc=$?
  checks_pid=""
  echo "::group::static checks (tools/ci-checks.sh, started at $checks_clock)"
  cat "$checks_log"
  echo "::endgroup::"
  if grep -q '^\[check\] build: ok' "$checks_log"; then build_ok=1; fi
  rm -f "$checks_log"
  record "static checks" "$rc" "$checks_t0"
}

# Runs on every exit, also when set -e stops the script in the set-up: the static checks started
# in the background are always waited for and shown, so a set-up failure does not hide theirs.
finish() {
  local rc=$?
  set +e
  if [ -n "$current" ]; then
    record "$current" "$rc" "$current_t0"
    summary+=("         (the stages after $current did not run: they need it)")
  fi
  collect_checks
  say "[ci] summary, $(took 0) in all:"
  printf '  %s\n' "${summary[@]}"
  [ "$failed" -eq 0 ] && [ "$rc" -eq 0 ] && exit 0
  exit 1
}
trap finish EXIT

current="node deps" current_t0=$SECONDS
# shellcheck source=node-deps.sh
. "$ROOT/tools/node-deps.sh"
record "$current" 0 "$current_t0"
current=""

# one core for the static checks, the other for the cloud's bring-up and the tests
checks_log="$(mktemp -t ossdk-checks.XXXXXX)"
checks_t0=$SECONDS checks_clock="$(date +%H:%M:%S)"
say "[ci] static checks started in the background (bash tools/ci-checks.sh)"
# bounded: a hung check must not stall CI (they take 1-3 minutes)
timeout 1200 bash tools/ci-checks.sh >"$checks_log" 2>&1 </dev/null &
checks_pid=$!

current="dev cloud" current_t0=$SECONDS
# shellcheck source=devcloud/prepare.sh
. "$ROOT/tools/devcloud/prepare.sh"
record "$current" 0 "$current_t0"
current=""

set +e
t0=$SECONDS
say "npm test"
npm test
record "unit + functional tests (npm test)" $? "$t0"

# the run blocks need the built package: wait for the static checks, which build it first
collect_checks

t0=$SECONDS
if [ "$build_ok" -eq 1 ]; then
  say "node tools/check-docs.mjs --run"
  node tools/check-docs.mjs --run
  record "docs blocks against the cloud" $? "$t0"
else
  record "docs blocks against the cloud (not run: the build failed)" 1 "$t0"
fi

# the bench measures the built dist/ (the static checks built it): a smoke run, bounded
t0=$SECONDS
if [ "$build_ok" -eq 1 ]; then
  say "npm run bench -- --quick --no-build"
  timeout 600 npm run bench -- --quick --no-build
  record "bench smoke (npm run bench -- --quick)" $? "$t0"
else
  record "bench smoke (not run: the build failed)" 1 "$t0"
fi
exit "$failed"
