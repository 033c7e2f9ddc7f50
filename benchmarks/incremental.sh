#!/usr/bin/env bash
# Benchmark of issue 16's incremental builds, on the 10,000-notice site (benchmarks/notices.py),
# on tmpfs, alternated in one run, RUNS each:
#   full       a full build (--no-cache) into a removed output
#   unchanged  a build with nothing changed since the previous one (goal: at most 5 % of full)
#   one-edit   a build after one notice was edited (goal: at most 20 % of full)
# At the end the incremental output is compared with a full build of the same content.
# Usage: benchmarks/incremental.sh [NOTICES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
notices=${1:-10000}
runs=${2:-5}
folder=${NOTICES_SITE:-/dev/shm/terbuka-notices-$notices}
scripts/install-deps.sh >/dev/null
# Terbuka as it is released (scripts/release-build.sh).
bin=$(scripts/release-build.sh)/terbuka
if [ ! -d "$folder/terbuka/content/announcements" ]; then
  python3 benchmarks/notices.py "$folder" --notices "$notices"
fi
site="$folder/terbuka"
notice="$site/content/announcements/$(ls "$site/content/announcements" | sort | sed -n "$((notices / 2 + 1))p")"
saved=$(mktemp)
cp "$notice" "$saved"
results=$(mktemp)
trap 'cp "$saved" "$notice"; rm -f "$saved" "$results"' EXIT
rm -rf "$folder/out-incremental" "$folder/.out-incremental.cache"
"$bin" build --quiet --site "$site" --output "$folder/out-incremental"
echo "machine: $(nproc) cores, $(uname -m); $(git rev-parse --short HEAD)"
echo "input: $notices notices; the edited one: ${notice#$site/}"
for run in $(seq "$runs"); do
  rm -rf "$folder/out-full" "$folder/.out-full.cache"
  /usr/bin/time -f "full %e %M" -a -o "$results" "$bin" build --quiet --no-cache --site "$site" \
    --output "$folder/out-full"
  /usr/bin/time -f "unchanged %e %M" -a -o "$results" "$bin" build --quiet --site "$site" \
    --output "$folder/out-incremental"
  printf '\nKalimat tambahan %s.\n' "$run" >> "$notice"
  /usr/bin/time -f "one-edit %e %M" -a -o "$results" "$bin" build --quiet --site "$site" \
    --output "$folder/out-incremental"
done
python3 - "$results" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, wall, peak = line.split()
    runs.setdefault(name, []).append((float(wall), int(peak)))
full = statistics.median(w for w, _ in runs["full"])
for name, values in runs.items():
    walls = sorted(w for w, _ in values)
    peaks = sorted(p for _, p in values)
    print(f"{name}: wall median {statistics.median(walls):.3f} s (min {walls[0]:.3f}, max {walls[-1]:.3f}), "
          f"{100 * statistics.median(walls) / full:.1f} % of full, peak median {statistics.median(peaks) / 1024:.0f} MiB")
PY
rm -rf "$folder/out-full"
"$bin" build --quiet --no-cache --site "$site" --output "$folder/out-full"
diff -r "$folder/out-incremental" "$folder/out-full" >/dev/null && echo "incremental output = full output: yes"
