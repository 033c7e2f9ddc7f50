#!/usr/bin/env bash
# Builds Terbuka as it is released and prints the folder holding the binary and its
# resources: a release build with the Swift standard library and Foundation linked in
# (--static-swift-stdlib), in a scratch folder of its own (.build/package). The release
# archive carries this binary (scripts/package.sh), the demo is built with it
# (scripts/build-demo.sh), and the benchmarks time it: linked in, the million-row build took
# 11 % less CPU than with the libraries loaded at start (BENCHMARKS.md, sixteenth session).
# The build's own messages go to stderr; the folder is the one line on stdout.
# Usage: scripts/release-build.sh [PACKAGE-FOLDER]   (default: this repository)
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
flags=(-c release --static-swift-stdlib --product terbuka --scratch-path .build/package)
swift build "${flags[@]}" >&2
swift build "${flags[@]}" --show-bin-path | tail -1
