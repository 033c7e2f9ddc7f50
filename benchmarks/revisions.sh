# Sourced by the compare-*.sh benchmarks: builds each revision given as it is released
# (this checkout's scripts/release-build.sh, also for revisions from before it) and links
# its binary as $work/bin-<short name>, appending the names to the array `names`.
# "HEAD" is this checkout; any other revision is built in a git worktree under $TMPDIR.
build_revisions() {
  local work=$1 revision name bin tree
  shift
  for revision in "$@"; do
    name=$(git rev-parse --short "$revision")
    if [ "$revision" = HEAD ]; then
      bin=$(scripts/release-build.sh)/terbuka
    else
      tree="${TMPDIR:-/tmp}/terbuka-bench-$name"
      [ -d "$tree" ] || git worktree add -q --detach "$tree" "$name"
      bin=$(scripts/release-build.sh "$tree")/terbuka
    fi
    ln -s "$bin" "$work/bin-$name"
    names+=("$name")
  done
}
