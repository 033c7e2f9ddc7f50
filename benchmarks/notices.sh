#!/usr/bin/env bash
# Benchmark of issue 16: 10,000 Markdown notices built by Terbuka and by Debian's Hugo, side
# by side in one run (alternated, RUNS each), both reading and writing on tmpfs.
# Goal (2 cores): Terbuka at most 0.5 × Hugo's wall time.
# Usage: benchmarks/notices.sh [NOTICES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
notices=${1:-10000}
runs=${2:-5}
folder=${NOTICES_SITE:-/dev/shm/terbuka-notices-$notices}
scripts/install-deps.sh >/dev/null
for tool in hugo time; do
  if ! command -v "$tool" >/dev/null && [ ! -x "/usr/bin/$tool" ]; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get install -y -qq "$tool" >/dev/null
  fi
done
# Terbuka as it is released (scripts/release-build.sh).
bin=$(scripts/release-build.sh)/terbuka
if [ ! -d "$folder/terbuka/content/announcements" ]; then
  python3 benchmarks/notices.py "$folder" --notices "$notices"
fi
echo "machine: $(nproc) cores, $(uname -m); $(hugo version | cut -d' ' -f1-2)"
echo "input: $notices notices, $(cat "$folder"/terbuka/content/announcements/*.md | wc -c) bytes of Markdown"
results=$(mktemp)
for run in $(seq "$runs"); do
  rm -rf "$folder/out-terbuka" "$folder/out-hugo"
  /usr/bin/time -f "terbuka %e %M" -a -o "$results" "$bin" build --quiet --no-cache \
    --site "$folder/terbuka" --output "$folder/out-terbuka" >/dev/null
  /usr/bin/time -f "hugo %e %M" -a -o "$results" hugo --quiet --source "$folder/hugo" \
    --destination "$folder/out-hugo" >/dev/null
done
python3 - "$results" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, wall, peak = line.split()
    runs.setdefault(name, []).append((float(wall), int(peak)))
for name, values in runs.items():
    walls = sorted(w for w, _ in values)
    peaks = sorted(p for _, p in values)
    print(f"{name}: wall median {statistics.median(walls):.2f} s (min {walls[0]:.2f}, max {walls[-1]:.2f}), "
          f"peak median {statistics.median(peaks) / 1024:.0f} MiB, runs: {' '.join(f'{w:.2f}' for w in walls)}")
if "terbuka" in runs and "hugo" in runs:
    ratio = statistics.median(w for w, _ in runs["terbuka"]) / statistics.median(w for w, _ in runs["hugo"])
    print(f"terbuka / hugo wall: {ratio:.2f}")
PY
rm -f "$results"
echo "largest Terbuka pages: $(find "$folder/out-terbuka" -name '*.html' -printf '%s %P\n' | sort -n | tail -3 | tr '\n' ';')"
