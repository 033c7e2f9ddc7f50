#!/usr/bin/env bash
# Benchmark: build a site with a 1,000,000-row SKD table over 5,000 formations.
# Targets (2 cores): build ≤ 10 s wall and ≤ 1 GiB peak memory; check ≤ 3 s.
# Usage: benchmarks/run.sh [ROWS] [FORMATIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
formations=${2:-5000}
site=${BENCH_SITE:-/tmp/terbuka-bench17-$rows-$formations}
scripts/install-deps.sh
# Terbuka as it is released (scripts/release-build.sh).
bin=$(scripts/release-build.sh)/terbuka
if [ ! -f "$site/content/vacancies/bench/results/skd.csv" ]; then
  echo "generating $rows rows over $formations formations into $site"
  python3 benchmarks/generate.py "$site" --rows "$rows" --formations "$formations"
fi
if [ ! -x /usr/bin/time ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq time >/dev/null
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -m)"
echo "input: $(du -h "$site/content/vacancies/bench/results/skd.csv" | cut -f1) skd.csv"
rm -rf "$site/output" "$site/.output.cache"
/usr/bin/time -f "check: %e s wall, %U s user, %M KB peak" "$bin" check --site "$site" 2>&1 | tail -1
/usr/bin/time -f "build (new output): %e s wall, %U s user, %M KB peak" "$bin" build --no-cache --site "$site" 2>&1 | tail -1
/usr/bin/time -f "build (replacing the output): %e s wall, %U s user, %M KB peak" "$bin" build --no-cache --site "$site" 2>&1 | tail -1
/usr/bin/time -f "build (keeping a cache): %e s wall, %U s user, %M KB peak" "$bin" build --site "$site" 2>&1 | tail -1
/usr/bin/time -f "build (nothing changed): %e s wall, %U s user, %M KB peak" "$bin" build --site "$site" 2>&1 | tail -1
echo "output: $(du -sh "$site/output" | cut -f1) in $(find "$site/output" -type f | wc -l) files"
largest=$(find "$site/output/lowongan" -path '*/hasil/*' -name index.html -printf '%s %p\n' | sort -n | tail -1)
echo "largest result page: $largest bytes"
echo "largest lookup shard: $(find "$site/output/data" -path '*/cari/*' -name '*.js' -printf '%s %p\n' | sort -n | tail -1) bytes"
