#!/usr/bin/env bash
# Installs what building and testing caseweight needs on Debian 12, if it is missing.
set -euo pipefail
packages=(build-essential cmake pkg-config libreoffice-calc-nogui libreoffice-dev python3-uno
          libgtest-dev libbenchmark-dev clang-format poppler-utils
          clang libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}"
fi
