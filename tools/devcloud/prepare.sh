# shellcheck shell=bash
# Sourced by tools/test.sh and tools/main.sh (not run on its own): brings a
# checkout to the point where tests and examples can run, idempotently.
#   1. node deps: `npm ci` when node_modules is missing or package-lock.json
#      is newer than npm's record of the last install
#   2. the cloud: `bash tools/devcloud/ensure.sh`, unless OS_CLIENT_CONFIG_FILE
#      already points at another clouds.yaml (then that cloud is used as is;
#      set OSSDK_TEST_CLOUD / OSSDK_TEST_DEMO_CLOUD to its cloud names)
#   3. exports OS_CLIENT_CONFIG_FILE, OSSDK_TEST_CLOUD (devcloud),
#      OSSDK_TEST_DEMO_CLOUD (devcloud-demo)
# Leaves the shell in the repository root.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
say() { echo "[$(date +%H:%M:%S)] $*"; }
cd "$ROOT" || exit 1

# shellcheck source=../node-deps.sh
. "$ROOT/tools/node-deps.sh"

DEVCLOUD_DIR="${DEVCLOUD_DIR:-/tmp/devcloud}"
export DEVCLOUD_DIR
if [ -n "${OS_CLIENT_CONFIG_FILE:-}" ] && [ "$OS_CLIENT_CONFIG_FILE" != "$DEVCLOUD_DIR/clouds.yaml" ]; then
  [ -r "$OS_CLIENT_CONFIG_FILE" ] || { say "ERROR: OS_CLIENT_CONFIG_FILE=$OS_CLIENT_CONFIG_FILE is not readable"; exit 1; }
  say "using your OS_CLIENT_CONFIG_FILE=$OS_CLIENT_CONFIG_FILE (dev cloud not touched)"
else
  say "bash tools/devcloud/ensure.sh"
  bash tools/devcloud/ensure.sh
  OS_CLIENT_CONFIG_FILE="$DEVCLOUD_DIR/clouds.yaml"
fi
export OS_CLIENT_CONFIG_FILE
export OSSDK_TEST_CLOUD="${OSSDK_TEST_CLOUD:-devcloud}"
export OSSDK_TEST_DEMO_CLOUD="${OSSDK_TEST_DEMO_CLOUD:-devcloud-demo}"
say "OS_CLIENT_CONFIG_FILE=$OS_CLIENT_CONFIG_FILE OSSDK_TEST_CLOUD=$OSSDK_TEST_CLOUD OSSDK_TEST_DEMO_CLOUD=$OSSDK_TEST_DEMO_CLOUD"
