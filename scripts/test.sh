#!/usr/bin/env bash
# Installs what is missing and runs every test: the formatting check (swift-format), the
# Swift tests, each fuzz target for a short while (TERBUKA_FUZZ_SECONDS, default 30; 0 skips), then the browser tests on the
# built demo site and the tests of the release archive (scripts/package.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
scripts/lint.sh
swift build --build-tests
swift test --skip-build
seconds=${TERBUKA_FUZZ_SECONDS:-30}
if [ "$seconds" -gt 0 ]; then
  scripts/fuzz.sh all "$seconds"
fi
# The release archive the pipelines of `terbuka init` install (a static release build).
archive=$(scripts/package.sh .build/dist | tail -1)
TERBUKA_BIN="$(swift build --show-bin-path)/terbuka" TERBUKA_ARCHIVE="$archive" \
  python3 -m pytest -q -p no:cacheprovider Tests/browser Tests/package
