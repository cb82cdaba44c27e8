#!/usr/bin/env bash
# Benchmarks (not a test): installs what is missing, builds Release into build-release, runs the
# engine's Google Benchmark and the benchmarks in real headless Calc, and prints a report with
# the ratios. Results and their reading: docs/performance.md. Takes a few minutes.
#   bash scripts/bench.sh [calc_bench.py options, e.g. --cells 50000 --repeat 9]
set -euo pipefail
cd "$(dirname "$0")/.."
export PYTHONPATH="$PWD/python"
bash scripts/install-deps.sh
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DCASEWEIGHT_BUILD_BENCH=ON >/dev/null
cmake --build build-release -j"$(nproc)"
echo
echo "== Engine (Google Benchmark, one core): items_per_second = case rows scored a second"
build-release/bench/caseweight_engine_bench --benchmark_min_time=0.5 --benchmark_repetitions=3 \
  --benchmark_report_aggregates_only=true 2>&1 | grep -E "^(BM_|Run on|Load Average)|_median" \
  | grep -vE "_(mean|stddev|cv) "
echo
echo "== Headless Calc"
/usr/bin/python3 bench/calc_bench.py --oxt build-release/caseweight.oxt "$@"
echo
echo "== Command-line tools: caseweight-score and caseweight-share on 5k/20k/100k case rows"
/usr/bin/python3 bench/tools_bench.py --oxt build-release/caseweight.oxt
