#!/usr/bin/env bash
# Every test: install what is missing, build, then unit tests and the integration tests in
# real headless LibreOffice (each starts and always stops its own soffice).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
cd build
ctest --output-on-failure --timeout 1200
