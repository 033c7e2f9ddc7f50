#!/usr/bin/env bash
# Checks that the Swift sources are formatted as .swift-format says (swift-format comes
# with the Swift toolchain). `scripts/lint.sh --fix` formats them in place.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v swift-format >/dev/null; then
  echo "error: swift-format not found; it comes with the Swift toolchain (6.0 or later)" >&2
  exit 1
fi
paths=(Package.swift Sources Tests Fuzz/Package.swift Fuzz/Sources)
if [ "${1:-}" = "--fix" ]; then
  python3 scripts/update-view-lookups.py
  swift-format format --in-place --recursive --parallel "${paths[@]}"
else
  # The templates' lookups are generated from the view structs: they must match them.
  python3 scripts/update-view-lookups.py --check
  swift-format lint --strict --recursive --parallel "${paths[@]}"
fi
