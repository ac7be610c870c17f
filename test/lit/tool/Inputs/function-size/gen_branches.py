#!/usr/bin/python3
"""Writes a function whose CFG has more blocks than viewguard analyses
(AnalysisLimits::MaxBlocks in lib/ViewGuard/Analysis/AnalysisLimits.h): N one-line `if`
statements (two blocks each), then a write through a view whose base is
read afterwards, which viewguard reports in any function it analyses."""
import sys

n, out = int(sys.argv[1]), sys.argv[2]
with open(out, "w") as f:
    f.write("#include <nd/nd.hpp>\n\n")
    f.write("double branches(nd::array<double> a, int n) {\n  double s = 0;\n")
    for i in range(n):
        f.write("  if (n > %d) s += %d;\n" % (i, i))
    f.write("  auto v = a(nd::slice(0, 2));\n  v[0] = s;\n  return v[1] + a[0];\n}\n")
