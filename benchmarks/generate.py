#!/usr/bin/env python3
"""Generates a large synthetic site for benchmarks: one CPNS vacancy with N formations and
an SKD table of R rows (default 1,000,000 rows over 5,000 formations), fixed seed.

Usage: benchmarks/generate.py OUT_DIR [--rows R] [--formations F] [--seed S]
The site uses the built-in theme.
"""
import argparse
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--rows", type=int, default=1_000_000)
parser.add_argument("--formations", type=int, default=5_000)
parser.add_argument("--seed", type=int, default=1)
args = parser.parse_args()
rng = random.Random(args.seed)
repo = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))

content = os.path.join(args.out, "content")
vacancy = os.path.join(content, "vacancies", "bench")
os.makedirs(os.path.join(vacancy, "results"), exist_ok=True)

with open(os.path.join(content, "site.yml"), "w") as f:
    f.write("title: Benchmark\nagency: BKPSDM Benchmark\ntimezone: Asia/Jakarta\n")
with open(os.path.join(vacancy, "index.md"), "w") as f:
    f.write("---\ntitle: Benchmark CPNS\nkind: cpns\npublished: 2024-08-19\nresults:\n"
            "  - stage: skd\n    file: results/skd.csv\n    published: 2024-11-01 10:00\n    objection_until: 2024-11-04\n---\nBenchmark.\n")

kinds = ["umum"] * 8 + ["cumlaude", "disabilitas"]
codes = []
with open(os.path.join(vacancy, "formations.csv"), "w") as f:
    f.write("code,position,unit,kind,quota\n")
    for i in range(args.formations):
        code = f"F{i:05d}"
        codes.append(code)
        f.write(f"{code},JABATAN FUNGSIONAL {i % 97},UNIT KERJA {i % 311} | BIDANG {i % 7},{rng.choice(kinds)},{rng.randint(1, 5)}\n")

first = ["AGUS", "SITI", "BUDI", "DEWI", "MUHAMMAD", "NUR", "PUTU", "MADE", "YOSEF", "MARIA", "RIAN", "INTAN", "ANDI", "FITRI"]
last = ["SAPUTRA", "LESTARI", "PRATAMA", "WULANDARI", "SIREGAR", "NASUTION", "MANAFE", "TEFA", "HIDAYAT", "KUSUMA", "RAHMAN"]
with open(os.path.join(vacancy, "results", "skd.csv"), "w") as f:
    f.write("participant,name,formation,twk,tiu,tkp,status\n")
    lines = []
    for i in range(args.rows):
        number = f"{24000000000000 + i}"
        name = f"{rng.choice(first)} {rng.choice(last)} {i % 1000}"
        code = codes[i % len(codes)]
        if rng.random() < 0.02:
            lines.append(f"{number},{name},{code},,,,TH\n")
        else:
            lines.append(f"{number},{name},{code},{5 * rng.randint(8, 30)},{5 * rng.randint(8, 35)},{rng.randint(110, 225)},\n")
        if len(lines) >= 100_000:
            f.writelines(lines)
            lines = []
    f.writelines(lines)
