#!/usr/bin/env bash
# The same 1,000,000-row SKD table as CSV and as an Excel workbook (benchmarks/generate.py,
# same seed): `terbuka check` of each, run alternately, then both built and their
# published data/bench/skd.csv compared byte for byte.
# Target (issue 10): the workbook in at most 2 × the CSV's time, at most 1 GiB.
# Usage: benchmarks/xlsx.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
csv=/tmp/terbuka-bench17-1000000-5000
xlsx=/tmp/terbuka-bench17-xlsx-1000000-5000
scripts/install-deps.sh
# Terbuka as it is released (scripts/release-build.sh).
bin=$(scripts/release-build.sh)/terbuka
[ -f "$csv/content/vacancies/bench/results/skd.csv" ] || python3 benchmarks/generate.py "$csv"
[ -f "$xlsx/content/vacancies/bench/results/skd.xlsx" ] || python3 benchmarks/generate.py "$xlsx" --xlsx
echo "input: $(du -h "$csv/content/vacancies/bench/results/skd.csv" | cut -f1) skd.csv, $(du -h "$xlsx/content/vacancies/bench/results/skd.xlsx" | cut -f1) skd.xlsx"
times=$(mktemp)
for i in $(seq "$runs"); do
  for kind in csv xlsx; do
    site=$csv; [ "$kind" = xlsx ] && site=$xlsx
    /usr/bin/time -f "$kind %e %M" -a -o "$times" "$bin" check --quiet --site "$site"
  done
done
python3 - "$times" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    kind, wall, peak = line.split()
    runs.setdefault(kind, []).append((float(wall), int(peak)))
for kind, values in runs.items():
    walls = sorted(w for w, _ in values)
    print(f"check {kind}: median {statistics.median(walls):.2f} s (min {walls[0]:.2f}, max {walls[-1]:.2f}, {len(walls)} runs), "
          f"peak {max(p for _, p in values) // 1024} MB")
print(f"ratio of medians xlsx/csv: {statistics.median(w for w, _ in runs['xlsx']) / statistics.median(w for w, _ in runs['csv']):.2f}")
PY
rm -f "$times"
"$bin" build --quiet --site "$csv" --output /tmp/terbuka-out-csv
"$bin" build --quiet --site "$xlsx" --output /tmp/terbuka-out-xlsx
cmp /tmp/terbuka-out-csv/data/bench/skd.csv /tmp/terbuka-out-xlsx/data/bench/skd.csv && echo "published skd.csv: identical from CSV and from the workbook"
rm -rf /tmp/terbuka-out-csv /tmp/terbuka-out-xlsx
