#!/usr/bin/env python3
"""Runs commands alternated, ABBA (A B, then B A, ...), so that this machine's drift (its
speed moves by a fifth within minutes) touches each alike; prints per command the median
wall time with its minimum, quartiles and maximum, and the median CPU time (user + system).

Usage: benchmarks/alternate.py RUNS NAME=PROGRAM... -- ARGUMENT...
Each PROGRAM is run with the same ARGUMENTs, RUNS times; its output is discarded and it
must succeed. E.g., with the binaries benchmarks/revisions.sh built (compare-million.sh):
  benchmarks/alternate.py 21 old=/tmp/terbuka-bench-9f6a112/.build/package/release/terbuka \\
      new=.build/package/release/terbuka -- check --quiet --site /tmp/terbuka-bench17-1000000-5000
"""
import resource
import statistics
import subprocess
import sys
import time


def main():
    runs = int(sys.argv[1])
    rest = sys.argv[2:]
    separator = rest.index("--")
    programs = [item.split("=", 1) for item in rest[:separator]]
    arguments = rest[separator + 1:]
    results = {name: [] for name, _ in programs}
    for run in range(runs):
        for name, program in programs if run % 2 == 0 else programs[::-1]:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([program] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            wall = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            results[name].append((wall, cpu))
    for name, values in results.items():
        walls = sorted(wall for wall, _ in values)
        quartiles = statistics.quantiles(walls, n=4) if len(walls) > 1 else [walls[0]] * 3
        print(
            f"{name}: wall median {statistics.median(walls):.3f} s (min {walls[0]:.3f}, "
            f"q1 {quartiles[0]:.3f}, q3 {quartiles[2]:.3f}, max {walls[-1]:.3f}); "
            f"CPU median {statistics.median(cpu for _, cpu in values):.3f} s; n={len(values)}")


if __name__ == "__main__":
    main()
