#!/usr/bin/env bash
# Installs what is missing and runs every test: the Swift tests, then the browser tests on
# the built demo site.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
swift build --build-tests
swift test --skip-build
TERBUKA_BIN="$(swift build --show-bin-path)/terbuka" python3 -m pytest -q -p no:cacheprovider Tests/browser
