#!/usr/bin/env bash
# Real-window tests: Calc with a real window on a private Xvfb screen (1280x800), driven by the
# keyboard with xdotool and checked through UNO; screenshots go to docs/screenshots/
# (CASEWEIGHT_SCREENSHOTS=DIR for elsewhere). Installs what is missing: the GUI build of
# LibreOffice Calc (libreoffice-calc, which replaces libreoffice-calc-nogui; install-deps.sh
# accepts either), Xvfb and xdotool; then builds and runs tests/gui.
# CASEWEIGHT_OXT=FILE tests that .oxt instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --gui
if [ -z "${CASEWEIGHT_OXT:-}" ]; then
  bash scripts/build.sh
  export CASEWEIGHT_OXT="$PWD/build/caseweight.oxt"
fi
export PYTHONPATH="$PWD/python:$PWD/tests/integration"
cd tests/gui
exec /usr/bin/python3 -m unittest -v test_real_window
