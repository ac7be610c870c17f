#!/usr/bin/env python3
"""Developer aid: list every expected warning of a check test that the tool
does not produce and every warning it produces that is not expected, at
once (FileCheck stops at the first mismatch). Only warnings, only the plain
CHECK-MESSAGES / CHECK-NOTES prefixes unless --suffix is given.

usage: expectation_diff.py [--suffix S] [--checks C] [tool options] TEST.cpp [-- extra tool args]
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vgtest  # noqa: E402

argv = sys.argv[1:]
extra = []
if "--" in argv:
    i = argv.index("--")
    argv, extra = argv[:i], argv[i + 1:]
ap = argparse.ArgumentParser()
vgtest.add_tool_options(ap)
ap.add_argument("--suffix", default="")
ap.add_argument("--checks", default="viewguard-*")
ap.add_argument("test")
o = ap.parse_args(argv)
tail = "-" + o.suffix if o.suffix else ""
pat = re.compile(r"//\s*CHECK-(?:MESSAGES|NOTES)%s:\s*:\[\[@LINE([+-]\d+)?\]\]:(\d+): warning: (.*)$"
                 % re.escape(tail))
want = set()
for i, line in enumerate(open(o.test), 1):
    m = pat.search(line)
    if m:
        want.add((i + int(m.group(1) or 0), int(m.group(2)), m.group(3).strip()))
cmd = [o.clang_tidy, "--load=" + o.plugin, o.test, "--checks=-*," + o.checks,
       "--config={}"] + extra + ["--"] + vgtest.compiler_flags(o)
code, out = vgtest.run(cmd)
got = {(d[1], d[2], "%s [%s]" % (d[4], d[5])) for d in vgtest.diagnostics(out, o.test)
       if d[3] in ("warning", "error")}
for w in sorted(want - got):
    print("missing  %d:%d: %s" % w)
for g in sorted(got - want):
    print("extra    %d:%d: %s" % g)
print("exit %d, expected %d, got %d, matched %d" % (code, len(want), len(got), len(want & got)))
