#!/usr/bin/env bash
# Installs what building and testing caseweight needs on Debian 12, if it is missing.
#   bash scripts/install-deps.sh         headless Calc is enough
#   bash scripts/install-deps.sh --gui   also Calc with a window, Xvfb and xdotool
#                                        for the real-window tests (scripts/gui-test.sh)
set -euo pipefail
packages=(build-essential cmake pkg-config libreoffice-dev python3-uno
          libgtest-dev libbenchmark-dev clang-format poppler-utils
          clang libclang-rt-14-dev libtomlplusplus-dev flake8 black)
installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}
missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done
if [ "${1:-}" = "--gui" ]; then
  for p in libreoffice-calc xvfb xdotool; do
    installed "$p" || missing+=("$p")
  done
else
  # Calc: the headless build, or the GUI build (--gui installs it; it replaces the headless
  # one): either does, so the two never swap one for the other.
  installed libreoffice-calc || installed libreoffice-calc-nogui || missing+=(libreoffice-calc-nogui)
fi
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi
