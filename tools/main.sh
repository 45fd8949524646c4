#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# tools/main.sh - set up everything and show the SDK working: installs node
# deps and brings the dev cloud up if needed (see tools/devcloud/prepare.sh),
# builds, then runs the examples (examples/run-all.ts) against the cloud.
# Safe to re-run.
set -euo pipefail
# shellcheck source=devcloud/prepare.sh
. "$(dirname "${BASH_SOURCE[0]}")/devcloud/prepare.sh"

say "npm run build"
npm run build
say "npm run examples"
npm run examples
say "done"
