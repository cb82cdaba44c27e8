#!/usr/bin/env bash
# Every test: install what is missing, build, then unit tests, the integration tests in real
# headless LibreOffice (each file starts and always stops its own soffice; files run side by
# side, one per core) and the real-window tests under Xvfb (screenshots in build/screenshots/);
# beside them, at the lowest priority, the unit tests again under AddressSanitizer +
# UndefinedBehaviorSanitizer and bounded libFuzzer runs over the engine and the scheme reader,
# both in build-asan (clang, no add-in).
# The time of each part and the slowest tests are printed at the end.
#
#   bash scripts/test.sh          everything (CI runs this)
#   bash scripts/test.sh --fast   the inner loop: build, unit tests, format checks, the
#                                 office-free Python tests and one short office smoke test
set -euo pipefail
cd "$(dirname "$0")/.."

fast=0
case "${1:-}" in
  --fast) fast=1 ;;
  "") ;;
  *) echo "usage: bash scripts/test.sh [--fast]" >&2; exit 2 ;;
esac
jobs=$(nproc)
# Office tests side by side, one per core (CASEWEIGHT_OFFICE_JOBS to try another number).
office_jobs=${CASEWEIGHT_OFFICE_JOBS:-$jobs}
parts=()
reports=()

part() { # part NAME COMMAND...: runs the command and notes how long it took
  local name=$1 start=$SECONDS status=0
  shift
  "$@" || status=$?
  parts+=("$(printf '  %-44s %4d s%s' "$name" $((SECONDS - start)) \
    "$([ $status -eq 0 ] || echo "  (failed: $status)")")")
  return $status
}

summary() { # summary [STATUS]: the times, then exit with the run's status
  local status=${1:-$?}
  echo
  echo "Time of each part:"
  printf '%s\n' "${parts[@]}"
  if ((${#reports[@]})); then
    /usr/bin/python3 tests/slowest_tests.py "${reports[@]}" || true
  fi
  exit $status
}
trap summary EXIT

ctest_run() { # ctest_run BUILD_DIR REPORT [ctest arguments...]
  local dir=$1 report=$2
  shift 2
  reports+=("$report")
  (cd "$dir" && ctest --output-on-failure --output-junit "$report" "$@")
}

if ((fast)); then
  part "packages" bash scripts/install-deps.sh
  part "build" bash scripts/build.sh
  part "unit, format and office-free tests" \
    ctest_run build "$PWD/build/fast-unit.xml" -j"$jobs" -LE 'integration|gui'
  part "office smoke test" \
    ctest_run build "$PWD/build/fast-smoke.xml" -R '^integration\.test_first_hour$'
  exit 0
fi

part "packages" bash scripts/install-deps.sh --gui
part "configure" cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASEWEIGHT_GUI_TESTS=ON \
  >/dev/null
part "build" bash scripts/build.sh
# The sanitizer build: line tables only, enough for a report to name file and line.
part "configure build-asan" cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER=clang++ \
  -DCASEWEIGHT_BUILD_ADDIN=OFF -DCASEWEIGHT_FUZZ=ON \
  "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -gline-tables-only -DNDEBUG" \
  >/dev/null
# The sanitizer build, its unit tests and the fuzzers run at the lowest priority beside the
# office tests, which leave a core idle while an office starts, a tool waits or the real window
# settles; the fuzzers do a set number of runs (fuzz/CMakeLists.txt), so sharing the CPU makes
# them take longer, never do less. What is left when the office tests end runs at full speed.
# setsid starts a new session, and with the kernel's autogroups a session shares the CPU
# equally with the tests' session whatever its processes' nice value: the new session lowers
# its own group, from inside (its autogroup exists only once setsid has run).
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1
reports+=("$PWD/build-asan/unit.xml" "$PWD/build-asan/fuzz.xml")
setsid bash -c 'echo 19 >/proc/self/autogroup 2>/dev/null; exec nice -n 19 "$@"' - \
  bash -c 'cmake --build build-asan -j"$1" >build-asan/build.log 2>&1 || exit 3
    cd build-asan
    ctest --output-on-failure --output-junit "$PWD/unit.xml" -LE fuzz -j"$1" --timeout 900 \
      >unit.log 2>&1 || exit 4
    exec ctest --output-on-failure --output-junit "$PWD/fuzz.xml" -L fuzz -j"$1" \
      --timeout 1800 >fuzz.log 2>&1' - "$jobs" &
sanitizers=$!
trap 'status=$?; kill -- -$sanitizers 2>/dev/null || true; summary $status' EXIT
part "unit, integration and real-window tests" \
  ctest_run build "$PWD/build/tests.xml" -j"$office_jobs" --timeout 1200
sanitized() {
  local status=0
  wait $sanitizers || status=$?
  case $status in
    0) tail -3 build-asan/unit.log && tail -3 build-asan/fuzz.log ;;
    3) tail -50 build-asan/build.log ;;
    4) cat build-asan/unit.log ;;
    *) cat build-asan/fuzz.log ;;
  esac
  return $status
}
part "ASan/UBSan tests and fuzzing, left after" sanitized
