#!/usr/bin/env bash
# Installs what is missing and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
# The calendar tests parse the ICS files with an independent parser (PyPI's icalendar).
python3 -c "import icalendar" 2>/dev/null || python3 -m pip install --quiet --disable-pip-version-check icalendar
# The data package is validated with the Frictionless tool (PyPI).
command -v frictionless >/dev/null 2>&1 || python3 -m pip install --quiet --disable-pip-version-check frictionless
swift build --build-tests
swift test --skip-build
