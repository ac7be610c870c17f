#!/usr/bin/env bash
# Installs what viewguard needs from Debian's packages, only when missing.
# Idempotent and quiet when everything is already present.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ git python3 python3-numpy python3-jsonschema
  clang-19 clang-tidy-19 llvm-19-dev libclang-19-dev libclang-cpp19-dev
  llvm-19-tools libclang-rt-19-dev libgtest-dev pkgconf
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "viewguard setup: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
