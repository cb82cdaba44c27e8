#!/usr/bin/env bash
# Before and after in one run (not a test): the template build time and a filled sheet's
# recalculation time of an earlier version (default: the last with the templates written per
# scheme at build time, headings fixed) and of this one, both Release builds; see
# bench/templates_compare.py. Takes about 15 minutes.
#   bash scripts/bench-templates.sh [REF] [--rounds N] [--recalcs N]
set -euo pipefail
cd "$(dirname "$0")/.."
ref=f600387
if [[ -n "${1:-}" && "${1:-}" != --* ]]; then
  ref=$1
  shift
fi
bash scripts/install-deps.sh
base="$PWD/build-base-templates"
tree="$(mktemp -d)/source"
chmod 755 "$(dirname "$tree")" # the office reads the guide's picture from it
rm -rf "$base"
mkdir -p "$base"
git worktree add --detach "$tree" "$ref" >/dev/null
trap 'git worktree remove --force "$tree" >/dev/null 2>&1 || true' EXIT
cmake -S "$tree" -B "$base" -DCMAKE_BUILD_TYPE=Release >/dev/null
env -u PYTHONPATH cmake --build "$base" -j"$(nproc)"
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build-release -j"$(nproc)"
PYTHONPATH="$PWD/python" /usr/bin/python3 bench/templates_compare.py --before "$base" \
  --before-source "$tree" --after build-release "$@"
