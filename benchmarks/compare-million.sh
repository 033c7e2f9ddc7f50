#!/usr/bin/env bash
# Issue 16's million-row site (benchmarks/generate.py: 1,000,000 SKD rows over 5,000
# formations), checked and built by each revision given, alternated in one run so that
# the machine's drift touches them all alike. Per revision: `check` and `build --no-cache`
# (into tmpfs), each with the median wall time, its minimum and maximum, the median CPU
# time (user + system), the median peak memory, and the median of each stage `--timings`
# reports. Then whether every revision wrote the same bytes as the first.
# Each revision is built (release) by benchmarks/revisions.sh.
# Usage: benchmarks/compare-million.sh RUNS REVISION...
#   e.g. benchmarks/compare-million.sh 5 5c08069 HEAD
set -euo pipefail
cd "$(dirname "$0")/.."
runs=$1
shift
rows=${ROWS:-1000000}
formations=${FORMATIONS:-5000}
site=${BENCH_SITE:-/tmp/terbuka-bench17-$rows-$formations}
outputs=${OUTPUTS:-/dev/shm}
scripts/install-deps.sh >/dev/null
if [ ! -f "$site/content/vacancies/bench/results/skd.csv" ]; then
  python3 benchmarks/generate.py "$site" --rows "$rows" --formations "$formations"
fi
if [ ! -x /usr/bin/time ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get install -y -qq time >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
names=()
source benchmarks/revisions.sh
build_revisions "$work" "$@"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
results="$work/results"
echo "machine: $(nproc) cores, $(uname -m); input: $rows rows over $formations formations"
for run in $(seq "$runs"); do
  for command in check build; do
    for name in "${names[@]}"; do
      options=(--site "$site")
      [ "$command" = build ] && options+=(--no-cache --output "$outputs/million-$name")
      /usr/bin/time -f "time %e %U %S %M" "$work/bin-$name" "$command" "${options[@]}" --timings \
        >"$work/out" 2>&1
      sed -n -e "s/^\([a-z+]*\): \([0-9.]*\) s$/$name $command \1 \2/p" \
        -e "s/^time \(.*\)$/$name $command time \1/p" "$work/out" >>"$results"
    done
  done
done
python3 - "$results" "${names[@]}" <<'PY'
import collections, statistics, sys
stages = collections.defaultdict(list)
times = collections.defaultdict(list)
for line in open(sys.argv[1]):
    name, command, what, *values = line.split()
    if what == "time":
        wall, user, system, peak = values
        times[(name, command)].append((float(wall), float(user) + float(system), int(peak) / 1024))
    else:
        stages[(name, command, what)].append(float(values[0]))
for command in ("check", "build"):
    for name in sys.argv[2:]:
        values = times[(name, command)]
        walls = sorted(v[0] for v in values)
        parts = ", ".join(f"{what} {statistics.median(v):.2f}" for (n, c, what), v in stages.items()
                          if n == name and c == command)
        print(f"{name} {command}: wall median {statistics.median(walls):.2f} s (min {walls[0]:.2f}, max {walls[-1]:.2f}); "
              f"CPU median {statistics.median(v[1] for v in values):.2f} s; "
              f"peak median {statistics.median(v[2] for v in values):.0f} MiB; n={len(values)}")
        print(f"    stages (median s): {parts}")
PY
first=${names[0]}
for name in "${names[@]:1}"; do
  if diff -r "$outputs/million-$first" "$outputs/million-$name" >/dev/null; then
    echo "$name: same output as $first"
  else
    echo "$name: output DIFFERS from $first"
  fi
done
for name in "${names[@]}"; do rm -rf "$outputs/million-$name" "$outputs/.million-$name.cache"; done
