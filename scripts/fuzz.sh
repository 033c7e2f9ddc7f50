#!/usr/bin/env bash
# Fuzzes one parser (or all) with libFuzzer for SECONDS each.
# Usage: scripts/fuzz.sh TARGET|all SECONDS
# Targets: csv, xlsx, frontmatter, dates, markdown, ssh, cache (Fuzz/Sources/fuzz-TARGET).
# Seed corpora are made at each run from the demo content and ../shared/conformance (not
# kept in the repository); what libFuzzer learns stays in Fuzz/corpus/TARGET (ignored by
# git). A crash stops the run with exit status 1 and leaves its input in Fuzz/crashes/:
# make it a regression test, then delete it.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET|all SECONDS}
seconds=${2:?usage: scripts/fuzz.sh TARGET|all SECONDS}
all=(csv xlsx frontmatter dates markdown ssh cache)
[ "$target" = all ] && targets=("${all[@]}") || targets=("$target")

# Quiet when they succeed; when either fails, what it said is shown (CI has nothing else).
quietly() {
  local said
  if ! said=$("$@" 2>&1); then
    printf '%s\n' "$said" >&2
    echo "error: fuzz.sh: '$*' failed" >&2
    exit 1
  fi
}
quietly scripts/install-deps.sh
# The main package is a path dependency here: with the build description cached, SwiftPM
# did not see a file added to it since the last fuzz build ("cannot find 'NameTwins' in
# scope" in a reused clone), so the description is made again each time (a second or two).
quietly swift build --package-path Fuzz --scratch-path Fuzz/.build -Xswiftc -sanitize=fuzzer,address \
  --disable-build-manifest-caching
shared=../shared/conformance
mkdir -p Fuzz/crashes
# Known leaks of dependencies (Fuzz/lsan.supp); any other leak is a finding.
export LSAN_OPTIONS="suppressions=$(pwd)/Fuzz/lsan.supp:print_suppressions=0"

seed() {
  local name=$1 corpus=Fuzz/corpus/$1
  mkdir -p "$corpus"
  case $name in
    csv)
      find content -name '*.csv' -exec cp {} "$corpus/" \;
      if [ -d "$shared" ]; then
        for f in "$shared"/csv-spectrum/csvs/*.csv "$shared"/sscasn-2024/*/*.csv; do
          head -c 8192 "$f" > "$corpus/$(basename "$(dirname "$f")")-$(basename "$f")"; done
      fi ;;
    xlsx)
      find content -name '*.xlsx' -exec cp {} "$corpus/" \;
      python3 - "$corpus" <<'PY'
import sys, zipfile
for name in __import__("glob").glob("content/**/*.xlsx", recursive=True):
    with zipfile.ZipFile(name) as z:
        for part in z.namelist():
            if part.endswith(".xml"):
                open(f"{sys.argv[1]}/{part.replace('/', '_')}", "wb").write(z.read(part)[:16384])
PY
      ;;
    frontmatter)
      find content -name '*.md' -o -name '*.yml' | while read -r f; do cp "$f" "$corpus/$(echo "$f" | tr / _)"; done ;;
    dates)
      for d in "2024-08-19" "2024-08-20 08:00" "2024-10-16 08:00 WITA" "2024-10-16T08:00+09:00" "2024-02-29" \
               "2024-02-30" "2126-06-24" "2024-12-31 23:59 WIT" "2024-01-01T00:00Z" "2024-08-20 24:00"; do
        printf '%s' "$d" > "$corpus/$(echo "$d" | tr ' :+' '___')"; done ;;
    ssh)
      # Keys and signatures as ssh-keygen makes them, and the same signature cut short.
      local keys
      keys=$(mktemp -d)
      ssh-keygen -q -t ed25519 -N '' -C fuzz -f "$keys/key"
      printf 'fuzz\n' > "$keys/message"
      ssh-keygen -q -Y sign -f "$keys/key" -n file "$keys/message"
      cp "$keys/key" "$corpus/private-key"
      cp "$keys/key.pub" "$corpus/public-key"
      cp "$keys/message.sig" "$corpus/signature"
      head -c 200 "$keys/message.sig" > "$corpus/signature-cut"
      rm -rf "$keys" ;;
    cache)
      # The state files builds of the demo keep, whole and cut short: after a first build,
      # and after a second one with a notice edited (with the spare tree's records).
      local out notice
      out=$(mktemp -d)
      swift build --product terbuka >/dev/null
      cp -R content themes "$out/"
      "$(swift build --show-bin-path)/terbuka" build --quiet --site "$out" --output "$out/output" >/dev/null
      cp "$out/.output.cache/state" "$corpus/state"
      head -c 4096 "$out/.output.cache/state" > "$corpus/state-cut"
      notice=$(find "$out/content/announcements" -name '*.md' | sort | head -n 1)
      printf '\nParagraf baru.\n' >> "$notice"
      "$(swift build --show-bin-path)/terbuka" build --quiet --site "$out" --output "$out/output" >/dev/null
      cp "$out/.output.cache/state" "$corpus/state-second"
      rm -rf "$out" ;;
    markdown)
      find content -name '*.md' | while read -r f; do cp "$f" "$corpus/$(echo "$f" | tr / _)"; done
      if [ -d "$shared" ]; then
        python3 - "$shared/gfm-spec" "$corpus" <<'PY'
import re, sys
for source in ["spec.txt", "extensions.txt"]:
    text = open(f"{sys.argv[1]}/{source}", encoding="utf-8").read()
    for i, example in enumerate(re.findall(r"^`{32} example[^\n]*\n(.*?)^\.\n", text, re.M | re.S)):
        open(f"{sys.argv[2]}/{source}-{i}", "w", encoding="utf-8").write(example.replace("→", "\t"))
PY
      fi ;;
  esac
}

status=0
for name in "${targets[@]}"; do
  seed "$name"
  echo "fuzz-$name: $seconds s, corpus $(ls Fuzz/corpus/"$name" | wc -l) files"
  if ! Fuzz/.build/debug/fuzz-"$name" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=10 \
       -print_final_stats=1 -artifact_prefix=Fuzz/crashes/"$name"- Fuzz/corpus/"$name" > "Fuzz/crashes/$name.log" 2>&1; then
    echo "fuzz-$name: CRASH — see Fuzz/crashes/$name.log and the input beside it"
    tail -40 "Fuzz/crashes/$name.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb" "Fuzz/crashes/$name.log" | tr '\n' ' '
    echo "corpus now $(ls Fuzz/corpus/"$name" | wc -l) files"
    rm -f "Fuzz/crashes/$name.log"
  fi
done
exit $status
