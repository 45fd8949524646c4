#!/usr/bin/env bash
# tools/ci-checks.sh - the static checks (no cloud needed), `npm run check`:
#   build, typecheck, type tests (test/types, expect-type), lint, dependency rules (no cycles,
#   layers; .dependency-cruiser.cjs), API reference (TypeDoc), docs blocks compile, docs examples
#   (if the package has a docs:examples script), public API report, package contents.
# Every stage runs even when an earlier one failed (one failure must not hide another); the ones
# that read dist/ are reported as failed without running when the build failed. Prints a timing
# line per stage and a summary; exits 1 if any stage failed. Needs node_modules (npm ci).
# CI runs it from tools/test.sh, in the background while the dev cloud comes up and the tests run;
# it runs its stages one at a time so that it takes one core, not both.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

results=()
failed=0
built=0
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# stage NAME CMD...: run it, print its output, then one result line
stage() {
  local name="$1" t0 rc
  shift
  echo "::group::[check] $name: $*"
  t0=$(now)
  "$@"
  rc=$?
  echo "::endgroup::"
  local took
  took=$(secs "$t0" "$(now)")
  if [ "$rc" -eq 0 ]; then
    results+=("$(printf '%-7s %7s  %s' ok "$took s" "$name")")
    echo "[check] $name: ok in ${took} s"
  else
    failed=1
    results+=("$(printf '%-7s %7s  %s' FAILED "$took s" "$name (exit $rc)")")
    echo "[check] $name: FAILED (exit $rc) in ${took} s"
  fi
  return "$rc"
}

# needs_build NAME CMD...: a stage that reads dist/
needs_build() {
  if [ "$built" -eq 1 ]; then
    stage "$@"
  else
    failed=1
    results+=("$(printf '%-7s %7s  %s' FAILED '-' "$1 (not run: the build failed)")")
    echo "[check] $1: not run: the build failed"
  fi
}

has_script() { node -e "process.exit(require('./package.json').scripts?.['$1'] ? 0 : 1)"; }

t_all=$(now)
stage build npm run --silent build && built=1
stage typecheck npm run --silent typecheck
stage "type tests" npm run --silent test:types
stage lint npm run --silent lint
stage "dependency rules" npm run --silent lint:deps
stage "API reference" npm run --silent docs
needs_build "docs blocks compile" node tools/check-docs.mjs
if has_script docs:examples; then
  stage "docs examples" npm run --silent docs:examples
fi
needs_build "API report" node tools/api-report.mjs check --no-build
needs_build "package contents" node tools/check-pack.mjs
needs_build "package lint" npm run --silent pack:lint
needs_build "package consumers" node tools/check-consumers.mjs

echo "[check] summary ($(secs "$t_all" "$(now)") s):"
printf '  %s\n' "${results[@]}"
exit "$failed"
