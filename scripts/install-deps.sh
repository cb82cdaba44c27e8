#!/usr/bin/env bash
# Installs what building and testing caseweight needs on Debian 12, if it is missing.
set -euo pipefail
packages=(build-essential cmake pkg-config libreoffice-dev python3-uno
          libgtest-dev libbenchmark-dev clang-format poppler-utils
          clang libclang-rt-14-dev)
installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}
missing=()
for p in "${packages[@]}"; do
  installed "$p" || missing+=("$p")
done
# Calc: the headless build, or the GUI build (scripts/gui-test.sh installs it; it replaces
# the headless one): either does, so the two scripts never swap one for the other.
installed libreoffice-calc || installed libreoffice-calc-nogui || missing+=(libreoffice-calc-nogui)
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi
