#!/usr/bin/env bash
# Times Foundation's XMLParser over the sheet of the 1,000,000-row benchmark workbook,
# beside `terbuka check` of the whole site built on that workbook.
# Usage: benchmarks/xml-parser/run.sh [SITE]  (default: made by benchmarks/generate.py --xlsx)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
site=${1:-/tmp/terbuka-bench17-xlsx-1000000-5000}
[ -f "$site/content/vacancies/bench/results/skd.xlsx" ] || python3 "$root/benchmarks/generate.py" "$site" --xlsx
sheet="$(mktemp -d)/sheet1.xml"
python3 -c "import sys, zipfile; open(sys.argv[2], 'wb').write(zipfile.ZipFile(sys.argv[1]).read('xl/worksheets/sheet1.xml'))" \
  "$site/content/vacancies/bench/results/skd.xlsx" "$sheet"
echo "sheet XML: $(du -h "$sheet" | cut -f1)"
(cd "$here" && swift build -c release >/dev/null)
# Terbuka as it is released (scripts/release-build.sh).
terbuka=$("$root/scripts/release-build.sh")/terbuka
/usr/bin/time -f "  XMLParser alone: %e s wall, %M KB peak" "$here/.build/release/xml-parser" "$sheet"
/usr/bin/time -f "  terbuka check (unzip, shared strings, sheet, every check): %e s wall, %M KB peak" \
  "$terbuka" check --quiet --site "$site"
rm -f "$sheet"
