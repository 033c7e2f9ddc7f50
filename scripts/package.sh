#!/usr/bin/env bash
# Makes the release archive that the pipelines of `terbuka init` install Terbuka from:
#
#   dist/terbuka-VERSION-linux-ARCH.tar.gz   and   dist/terbuka-VERSION-linux-ARCH.tar.gz.sha256
#
# The archive holds one folder with the terbuka binary (a release build with the Swift
# standard library and Foundation linked in: --static-swift-stdlib), its resources (the
# built-in theme and the guide, which the binary finds beside itself), the cmark-gfm
# libraries it loads from beside itself (its RUNPATH is $ORIGIN), and a README.txt. It runs on
# a Linux machine without Swift: glibc, libstdc++ and zlib are all it takes from the system
# (libdeflate travels beside the binary, like cmark-gfm).
# The archive is reproducible: files sorted, owners and times fixed (SOURCE_DATE_EPOCH, else
# the time of the last commit), gzip without a name or time.
#
# Usage: scripts/package.sh [OUTPUT-FOLDER]   (default: dist)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mkdir -p "${1:-dist}" && cd "${1:-dist}" && pwd)
scripts/install-deps.sh

bin=$(scripts/release-build.sh)
version=$("$bin/terbuka" --version)
name="terbuka-$version-linux-$(uname -m)"
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
folder="$stage/$name"
mkdir "$folder"
cp "$bin/terbuka" "$folder/"
strip "$folder/terbuka"
cp -R "$bin"/terbuka_*.resources "$folder/"
# The libraries the binary needs that a machine without Terbuka's build tools lacks.
ldd "$bin/terbuka" | awk '$1 ~ /^(libcmark-gfm|libdeflate)/ { print $3 }' | while read -r library; do
  cp -L "$library" "$folder/"
done
missing=$(cd "$folder" && ldd ./terbuka | grep -c "not found" || true)
if [ "$missing" != "0" ]; then
  echo "error: the packaged binary misses libraries:" >&2
  (cd "$folder" && ldd ./terbuka | grep "not found") >&2
  exit 1
fi

cat >"$folder/README.txt" <<EOF
Terbuka $version: publishes ASN recruitment (CPNS, PPPK) openly as a static site.

This folder runs as it is on Linux ($(uname -m)) without Swift. Keep its files together: the
binary finds its theme, its guide (terbuka_*.resources) and the cmark-gfm and libdeflate
libraries beside it.

  ./terbuka init my-site     a new site, with its guide in my-site/docs/panduan.md
  ./terbuka build --site my-site
  ./terbuka check --format json --site my-site
  ./terbuka --help

The pipelines that 'terbuka init' writes (.github/workflows/terbuka.yml, .gitlab-ci.yml)
download this archive from the address in the CI variable TERBUKA_RELEASE_URL and check it
against TERBUKA_SHA256, the first word of $name.tar.gz.sha256.
EOF

find "$folder" -exec touch -h -d "@$epoch" {} +
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$stage" -cf - "$name" \
  | gzip -n -9 >"$out/$name.tar.gz"
(cd "$out" && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")
echo "$out/$name.tar.gz"
