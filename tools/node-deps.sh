# shellcheck shell=bash
# Sourced (not run) by tools/devcloud/prepare.sh and tools/test.sh: installs the node
# dependencies when they are missing or older than package-lock.json, otherwise does nothing.
# Leaves the shell in the repository root.
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
declare -F say >/dev/null || say() { echo "[$(date +%H:%M:%S)] $*"; }
cd "$ROOT" || exit 1

if [ ! -e package-lock.json ]; then
  say "no package-lock.json: npm install"
  npm install --no-audit --no-fund
elif [ ! -e node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci (node_modules missing or older than package-lock.json)"
  npm ci --no-audit --no-fund
else
  say "node_modules up to date"
fi
