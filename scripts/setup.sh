#!/usr/bin/env bash
# Installs what viewguard needs from Debian's packages, only when missing.
# Idempotent and quiet when everything is already present.
#
# The list is what ./scripts/demo and ./scripts/test use directly, checked
# on a debootstrap --variant=minbase Debian 12 root (scripts/fresh-machine-check):
# the build (cmake, ninja-build, g++ for libstdc++, clang-19, the LLVM/Clang
# development packages, libgtest-dev, libgmock-dev for the analysis unit
# tests' matchers), the sanitizer runtimes of the ASan
# phases (libclang-rt-19-dev), the lit suite (llvm-19-tools: lit, FileCheck,
# not; clang-tidy-19: run-clang-tidy-19; clang-tools-19:
# clang-apply-replacements-19; git for the pre-commit hook test) and the
# Python scripts (/usr/bin/python3 with numpy and jsonschema), pkgconf for
# the install test (pkg-config --cflags nd), and the real headers of the
# libraries the shipped models describe (libopencv-dev, libtorch-dev,
# libeigen3-dev, xtensor-dev: the library lit tests and examples/opencv,
# examples/libtorch). Nothing needs
# ca-certificates, file or procps.
set -euo pipefail

PACKAGES=(
  cmake ninja-build g++ git python3 python3-numpy python3-jsonschema
  clang-19 clang-tidy-19 clang-tools-19 llvm-19-dev libclang-19-dev
  libclang-cpp19-dev llvm-19-tools libclang-rt-19-dev libgtest-dev libgmock-dev
  pkgconf libopencv-dev libtorch-dev libeigen3-dev xtensor-dev
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
