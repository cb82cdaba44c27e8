#!/usr/bin/env bash
# Every test: install what is missing, build, then unit tests, the integration tests in real
# headless LibreOffice (each starts and always stops its own soffice) and the real-window tests
# under Xvfb (screenshots in build/screenshots/); then the unit
# tests again under AddressSanitizer + UndefinedBehaviorSanitizer, and a bounded libFuzzer run
# over the engine (CASEWEIGHT_FUZZ_SECONDS, default 60), both in build-asan (clang, no add-in).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --gui
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASEWEIGHT_GUI_TESTS=ON
bash scripts/build.sh
(cd build && ctest --output-on-failure --timeout 1200)

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DCASEWEIGHT_BUILD_ADDIN=OFF -DCASEWEIGHT_FUZZ=ON \
  -DCASEWEIGHT_FUZZ_SECONDS="${CASEWEIGHT_FUZZ_SECONDS:-60}" \
  "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
cmake --build build-asan -j"$(nproc)"
cd build-asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure --timeout 900
