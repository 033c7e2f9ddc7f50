#!/usr/bin/env bash
# Issue 16's incremental builds, side by side: the 10,000-notice site (benchmarks/notices.py)
# built by each revision given, alternated in one run so that the machine's drift touches
# them all alike. Per revision and per build (full, nothing changed, one notice edited):
# the median wall time with its minimum and maximum, and the median CPU time (user +
# system), which drifts less than the wall time on a shared machine.
# Each revision is built (release) by benchmarks/revisions.sh.
# Usage: benchmarks/compare-incremental.sh RUNS REVISION...
#   e.g. benchmarks/compare-incremental.sh 7 c1571d3 HEAD
set -euo pipefail
cd "$(dirname "$0")/.."
runs=$1
shift
notices=${NOTICES:-10000}
folder=${NOTICES_SITE:-/dev/shm/terbuka-notices-$notices}
scripts/install-deps.sh >/dev/null
if [ ! -d "$folder/terbuka/content/announcements" ]; then
  python3 benchmarks/notices.py "$folder" --notices "$notices"
fi
site="$folder/terbuka"
notice="$site/content/announcements/$(ls "$site/content/announcements" | sort | sed -n "$((notices / 2 + 1))p")"
work=$(mktemp -d)
saved="$work/saved.md"
cp "$notice" "$saved"
trap 'cp "$saved" "$notice"; rm -rf "$work"' EXIT
names=()
source benchmarks/revisions.sh
build_revisions "$work" "$@"
for name in "${names[@]}"; do
  rm -rf "$folder/out-$name" "$folder/.out-$name.cache"
  "$work/bin-$name" build --quiet --site "$site" --output "$folder/out-$name"
done
results="$work/results"
echo "machine: $(nproc) cores, $(uname -m); input: $notices notices; edited: ${notice#$site/}"
for run in $(seq "$runs"); do
  for name in "${names[@]}"; do
    rm -rf "$folder/full-$name" "$folder/.full-$name.cache"
    /usr/bin/time -f "$name full %e %U %S" -a -o "$results" "$work/bin-$name" build --quiet --no-cache \
      --site "$site" --output "$folder/full-$name"
  done
  printf '\nKalimat tambahan %s.\n' "$run" >>"$notice"
  for name in "${names[@]}"; do
    /usr/bin/time -f "$name one-edit %e %U %S" -a -o "$results" "$work/bin-$name" build --quiet \
      --site "$site" --output "$folder/out-$name"
  done
  for name in "${names[@]}"; do
    /usr/bin/time -f "$name unchanged %e %U %S" -a -o "$results" "$work/bin-$name" build --quiet \
      --site "$site" --output "$folder/out-$name"
  done
done
python3 - "$results" "${names[@]}" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    name, kind, wall, user, system = line.split()
    runs.setdefault((name, kind), []).append((float(wall), float(user) + float(system)))
for name in sys.argv[2:]:
    full = statistics.median(w for w, _ in runs[(name, "full")])
    for kind in ("full", "unchanged", "one-edit"):
        values = runs[(name, kind)]
        walls = sorted(w for w, _ in values)
        cpu = statistics.median(c for _, c in values)
        print(f"{name} {kind:9s}: wall median {statistics.median(walls):.3f} s (min {walls[0]:.3f}, "
              f"max {walls[-1]:.3f}), {100 * statistics.median(walls) / full:.1f} % of full; "
              f"CPU median {cpu:.2f} s; n={len(values)}")
PY
for name in "${names[@]}"; do
  rm -rf "$folder/full-$name"
  "$work/bin-$name" build --quiet --no-cache --site "$site" --output "$folder/full-$name"
  diff -r "$folder/out-$name" "$folder/full-$name" >/dev/null && echo "$name: incremental output = full output"
  rm -rf "$folder/full-$name" "$folder/.full-$name.cache"
done
