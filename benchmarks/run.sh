#!/usr/bin/env bash
# Benchmark: build a site with a 1,000,000-row SKD table over 5,000 formations.
# Targets (2 cores): build ≤ 10 s wall and ≤ 1 GiB peak memory; check ≤ 3 s.
# Usage: benchmarks/run.sh [ROWS] [FORMATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
formations=${2:-5000}
site=${BENCH_SITE:-/tmp/terbuka-bench-$rows-$formations}
scripts/install-deps.sh
swift build -c release --product terbuka >/dev/null
if [ ! -f "$site/content/vacancies/bench/results/skd.csv" ]; then
  echo "generating $rows rows over $formations formations into $site"
  python3 benchmarks/generate.py "$site" --rows "$rows" --formations "$formations"
fi
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (Debian package 'time')"; exit 1; }
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m)"
echo "input: $(du -h "$site/content/vacancies/bench/results/skd.csv" | cut -f1) skd.csv"
for command in check build; do
  /usr/bin/time -f "$command: %e s wall, %U s user, %M KB peak" .build/release/terbuka $command --site "$site" 2>&1 | tail -2
done
echo "output: $(du -sh "$site/output" | cut -f1) in $(find "$site/output" -type f | wc -l) files"
