#!/usr/bin/env bash
# Installs what is missing, builds Terbuka, and builds the demo site from content/ into output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product terbuka
.build/release/terbuka build "$@"
