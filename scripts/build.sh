#!/usr/bin/env bash
# Configures and builds viewguard and nd in build/ (Release, Clang 19, Ninja).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
fi
cmake --build build -- -j"$(nproc)" | grep -v '^\[' || true
test -x build/bin/viewguard
