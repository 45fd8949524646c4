#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tools/test.sh - run the whole test suite (unit + functional against the dev
# cloud) from any checkout: installs node deps and brings the dev cloud up if
# needed (see tools/devcloud/prepare.sh), then `npm test`; exits with its
# status. Safe to re-run. Uses your cloud instead if OS_CLIENT_CONFIG_FILE
# points at another clouds.yaml.
set -euo pipefail
# shellcheck source=devcloud/prepare.sh
. "$(dirname "${BASH_SOURCE[0]}")/devcloud/prepare.sh"

say "npm test"
rc=0
npm test || rc=$?
say "npm test exited $rc"
exit "$rc"
