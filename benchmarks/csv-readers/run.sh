#!/usr/bin/env bash
# Compares Terbuka's CSV reader with yaslab/CSV.swift on the benchmark's SKD table
# (1,000,000 rows) and on ../shared/conformance/csv-spectrum.
# Usage: benchmarks/csv-readers/run.sh [CSV FILE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
file=${1:-/tmp/terbuka-bench17-1000000-5000/content/vacancies/bench/results/skd.csv}
if [ ! -f "$file" ]; then
  python3 "$root/benchmarks/generate.py" "$(dirname "$(dirname "$(dirname "$(dirname "$(dirname "$file")")")")")"
fi
cd "$here"
swift build -c release >/dev/null
for reader in terbuka csvswift; do
  /usr/bin/time -f "  $reader: %e s wall, %M KB peak" .build/release/csv-readers "$reader" "$file"
done
.build/release/csv-readers spectrum "$root/../shared/conformance/csv-spectrum"
