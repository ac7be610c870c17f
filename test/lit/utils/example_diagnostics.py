#!/usr/bin/env python3
"""Check that viewguard reports exactly the lines of the examples marked
`// BUG(viewguard-CHECK)`, with that check, and nothing else.

usage: example_diagnostics.py [tool options] [--frontend=plugin|viewguard] DIR
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vgtest  # noqa: E402

MARK = re.compile(r"//\s*BUG\((viewguard-[a-z-]+)\)")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    vgtest.add_tool_options(ap)
    ap.add_argument("--frontend", choices=["plugin", "viewguard"], default="plugin")
    ap.add_argument("dir")
    opts = ap.parse_args()

    bad = 0
    files = vgtest.sources(opts.dir)
    for path in files:
        name = os.path.basename(path)
        want = set()
        with open(path) as f:
            for i, line in enumerate(f, 1):
                for m in MARK.finditer(line):
                    want.add((i, m.group(1)))
        if not want:
            print("%s: no BUG(...) marker" % name)
            bad += 1
        code, out = vgtest.run(vgtest.tool_command(opts, opts.frontend, path))
        if code != 0 or vgtest.crashed(code, out):
            print("%s: viewguard exited %d:\n%s" % (name, code, out))
            bad += 1
            continue
        got = {(d[1], d[5]) for d in vgtest.diagnostics(out, only_file=path)
               if d[3] == "warning"}
        missed, extra = sorted(want - got), sorted(got - want)
        for line, check in missed:
            print("%s:%d: missed %s" % (name, line, check))
        for line, check in extra:
            print("%s:%d: unexpected %s" % (name, line, check))
        if missed or extra:
            bad += 1
            print(out)
        else:
            print("%s: ok (%d)" % (name, len(want)))
    if bad:
        vgtest.fail("%d example(s) with wrong diagnostics" % bad)
    print("PASS: %d example(s)" % len(files))


if __name__ == "__main__":
    main()
