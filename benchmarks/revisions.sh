# Sourced by the compare-*.sh benchmarks: builds each revision given as it is released (a
# release build with the standard library linked in: the flags of scripts/release-build.sh,
# written here so that revisions from before that script are built alike) and links
# its binary as $work/bin-<short name>, appending the names to the array `names`.
# "HEAD" is this checkout; any other revision is built in a git worktree under $TMPDIR.
build_revisions() {
  local work=$1 revision name bin tree
  local flags=(-c release --static-swift-stdlib --product terbuka --scratch-path .build/package)
  shift
  for revision in "$@"; do
    name=$(git rev-parse --short "$revision")
    if [ "$revision" = HEAD ]; then
      bin=$(swift build "${flags[@]}" >/dev/null && swift build "${flags[@]}" --show-bin-path)/terbuka
    else
      tree="${TMPDIR:-/tmp}/terbuka-bench-$name"
      [ -d "$tree" ] || git worktree add -q --detach "$tree" "$name"
      bin=$(cd "$tree" && swift build "${flags[@]}" >/dev/null && swift build "${flags[@]}" --show-bin-path)/terbuka
    fi
    ln -s "$bin" "$work/bin-$name"
    names+=("$name")
  done
}
