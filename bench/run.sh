#!/bin/sh
# The viewguard benchmarks, one command: builds what they need in
# build-bench/, runs the analysis-cost, scaling and nd-kernel benchmarks,
# prints the tables and writes docs/performance.md.
#
#   bench/run.sh            full run (about 12 minutes on 2 cores)
#   bench/run.sh --quick    smoke test (tiny inputs and repetition counts)
#
# See bench/README.md. Needs clang-19, clang++-19, clang-tidy-19, /usr/bin/python3
# with NumPy 1.24; uses build/bin/viewguard and build/lib/ViewGuardTidyModule.so
# when they exist (copied into build-bench/tools), else builds them in
# build-bench/tools-build.
set -eu
cd "$(dirname "$0")/.."
for t in clang-19 clang++-19 clang-tidy-19 /usr/bin/python3; do
  command -v "$t" >/dev/null 2>&1 || { echo "bench/run.sh: $t is missing" >&2; exit 2; }
done
/usr/bin/python3 -c 'import numpy' 2>/dev/null ||
  { echo "bench/run.sh: /usr/bin/python3 has no NumPy (apt-get install python3-numpy)" >&2; exit 2; }
exec /usr/bin/python3 bench/bench.py "$@"
