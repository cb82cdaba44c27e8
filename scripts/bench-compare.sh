#!/usr/bin/env bash
# Before and after in one run (not a test): builds the given earlier version (default: the
# last one with the schemes compiled in) in a git worktree, and this one, both Release, then
# runs bench/compare_versions.py over the two. Takes about 15 minutes.
#   bash scripts/bench-compare.sh [REF]
set -euo pipefail
cd "$(dirname "$0")/.."
ref="${1:-4e3582f}"
bash scripts/install-deps.sh
base="$PWD/build-base"
tree="$(mktemp -d)/source"
rm -rf "$base"
mkdir -p "$base"
git worktree add --detach "$tree" "$ref" >/dev/null
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || true' EXIT
cmake -S "$tree" -B "$base" -DCMAKE_BUILD_TYPE=Release -DCASEWEIGHT_BUILD_BENCH=ON >/dev/null
# Only the engine benchmark and the add-in package (without templates) are compared.
env -u PYTHONPATH cmake --build "$base" -j"$(nproc)" -- -k || true
test -f "$base/addin/caseweight-addin.oxt" && test -x "$base/bench/caseweight_engine_bench"
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DCASEWEIGHT_BUILD_BENCH=ON >/dev/null
cmake --build build-release -j"$(nproc)"
PYTHONPATH="$PWD/python" /usr/bin/python3 bench/compare_versions.py --before "$base" --after build-release "$@"
