#!/bin/sh
# Writes the list of message codes into docs/panduan.md (between the kode-pesan markers)
# from the program's catalogue: `terbuka explain` prints it. MessageCatalogueTests fails
# when the guide and the catalogue differ; run this after changing a message.
set -eu
cd "$(dirname "$0")/.."
swift build --product terbuka >/dev/null
list=$(mktemp)
"$(swift build --show-bin-path)/terbuka" explain > "$list"
python3 - "$list" <<'PY'
import sys
start, end = "<!-- kode-pesan:mulai -->\n", "<!-- kode-pesan:selesai -->"
guide = open("docs/panduan.md", encoding="utf-8").read()
a = guide.index(start) + len(start)
b = guide.index(end)
generated = open(sys.argv[1], encoding="utf-8").read()
open("docs/panduan.md", "w", encoding="utf-8").write(guide[:a] + "\n" + generated + guide[b:])
PY
rm -f "$list"
echo "docs/panduan.md: message codes updated"
