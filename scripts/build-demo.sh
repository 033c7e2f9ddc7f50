#!/usr/bin/env bash
# Installs what is missing, builds Terbuka, and builds the demo site from content/ into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# Terbuka as it is released (scripts/release-build.sh), so that the release archive made by
# the test command (scripts/package.sh) reuses this build.
bin=$(scripts/release-build.sh)
"$bin/terbuka" build "$@"
