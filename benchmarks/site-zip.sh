#!/usr/bin/env bash
# The site's ZIP (situs.zip), two Terbuka binaries side by side on the same sites: builds
# alternated RUNS times each, wall time and peak memory per build, then the ZIP's size.
# Usage: benchmarks/site-zip.sh OLD-BINARY NEW-BINARY SITE... (RUNS=3)
# Each SITE is a folder with content/; outputs go to SITE/out-old and SITE/out-new.
set -euo pipefail
old=${1:?usage: benchmarks/site-zip.sh OLD NEW SITE...}
new=${2:?usage: benchmarks/site-zip.sh OLD NEW SITE...}
shift 2
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1795000000}
for site in "$@"; do
  for _ in $(seq "${RUNS:-3}"); do
    for which in old new; do
      binary=$old
      [ "$which" = new ] && binary=$new
      # Full builds: no cache (the folder an incremental build keeps beside its output).
      rm -rf "$site/out-$which" "$site/.out-$which.cache"
      /usr/bin/time -f "$which $(basename "$site"): %e s wall, %M KB peak" \
        "$binary" build --quiet --site "$site" -o "$site/out-$which" 2>&1 | tail -1
    done
  done
  for which in old new; do
    echo "$which $(basename "$site"): situs.zip $(stat -c %s "$site/out-$which/situs.zip") bytes," \
      "site $(du -sb --exclude=situs.zip "$site/out-$which" | cut -f1) bytes"
  done
  unzip -tq "$site/out-new/situs.zip"
done
