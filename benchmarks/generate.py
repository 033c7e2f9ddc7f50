#!/usr/bin/env python3
"""Generates a large synthetic site for benchmarks: one CPNS vacancy with N formations and
an SKD table of R rows (default 1,000,000 rows over 5,000 formations), fixed seed.
Participant numbers have SSCASN's 17 digits: each is then a string of its own in memory, as
a real table's are (numbers of 14 digits, as this generator first wrote, fit inside a Swift
string and hid that cost: the million-row build took 12 % more with 17; BENCHMARKS.md,
twentieth session).

Usage: benchmarks/generate.py OUT_DIR [--rows R] [--formations F] [--seed S] [--xlsx]
With --xlsx the SKD table is an Excel workbook (results/skd.xlsx) holding the same rows,
written as Excel writes one: text in shared strings, scores as number cells, deflated.
The site uses the built-in theme.
"""
import argparse
import os
import random
import zipfile
from xml.sax.saxutils import escape

parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--rows", type=int, default=1_000_000)
parser.add_argument("--formations", type=int, default=5_000)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--xlsx", action="store_true")
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
            "  - stage: skd\n    file: results/skd." + ("xlsx" if args.xlsx else "csv") + "\n    published: 2024-11-01 10:00\n    objection_until: 2024-11-04\n---\nBenchmark.\n")

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

def skd_rows():
    """The table's rows, the same for CSV and workbook: the generator draws in one order."""
    for i in range(args.rows):
        number = f"{24300000000000000 + i}"
        name = f"{rng.choice(first)} {rng.choice(last)} {i % 1000}"
        code = codes[i % len(codes)]
        if rng.random() < 0.02:
            yield [number, name, code, None, None, None, "TH"]
        else:
            yield [number, name, code, 5 * rng.randint(8, 30), 5 * rng.randint(8, 35), rng.randint(110, 225), None]


header = ["participant", "name", "formation", "twk", "tiu", "tkp", "status"]
if not args.xlsx:
    with open(os.path.join(vacancy, "results", "skd.csv"), "w") as f:
        f.write(",".join(header) + "\n")
        lines = []
        for row in skd_rows():
            lines.append(",".join("" if v is None else str(v) for v in row) + "\n")
            if len(lines) >= 100_000:
                f.writelines(lines)
                lines = []
        f.writelines(lines)
else:
    def column(n):
        letters = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            letters = chr(65 + r) + letters
        return letters

    shared, index = [], {}

    def text_cell(ref, value):
        if value not in index:
            index[value] = len(shared)
            shared.append(value)
        return f'<c r="{ref}" t="s"><v>{index[value]}</v></c>'

    with zipfile.ZipFile(os.path.join(vacancy, "results", "skd.xlsx"), "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Hasil SKD" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            parts = ['<row r="1">' + "".join(text_cell(f"{column(c + 1)}1", h) for c, h in enumerate(header)) + "</row>"]
            for r, row in enumerate(skd_rows(), start=2):
                cells = []
                for c, value in enumerate(row):
                    ref = f"{column(c + 1)}{r}"
                    if value is None:
                        continue
                    cells.append(f'<c r="{ref}"><v>{value}</v></c>' if isinstance(value, int) else text_cell(ref, escape(value)))
                parts.append(f'<row r="{r}">' + "".join(cells) + "</row>")
                if len(parts) >= 50_000:
                    sheet.write("".join(parts).encode())
                    parts = []
            sheet.write(("".join(parts) + "</sheetData></worksheet>").encode())
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as strings:
            strings.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(shared)}" uniqueCount="{len(shared)}">'.encode())
            for start in range(0, len(shared), 50_000):
                strings.write("".join(f"<si><t>{v}</t></si>" for v in shared[start:start + 50_000]).encode())
            strings.write(b"</sst>")
