#!/usr/bin/env python3
"""Run viewguard both ways -- the plugin in clang-tidy-19 and the standalone
`viewguard` binary -- on every .cpp of the given directories, and fail unless
both report the same diagnostics (file, line, column, severity, message,
check), notes included.

usage: compare_frontends.py [tool options] [--min-warnings N] DIR...
"""
import argparse
import concurrent.futures
import difflib
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vgtest  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    vgtest.add_tool_options(ap)
    ap.add_argument("--min-warnings", type=int, default=1,
                    help="fail when both together report fewer warnings "
                         "(guards against comparing two silences)")
    ap.add_argument("dirs", nargs="+")
    opts = ap.parse_args()

    files = vgtest.sources(*opts.dirs)
    if not files:
        vgtest.fail("no .cpp files in %s" % " ".join(opts.dirs))

    def one(path):
        got = {}
        for fe in ("plugin", "viewguard"):
            code, out = vgtest.run(vgtest.tool_command(opts, fe, path))
            got[fe] = (code, out)
        return path, got

    problems = 0
    warnings = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(one, files))
    for path, got in results:
        name = os.path.basename(path)
        norm = {}
        for fe, (code, out) in got.items():
            if vgtest.crashed(code, out):
                print("%s: %s crashed (exit %d):\n%s" % (name, fe, code, out))
                problems += 1
            elif code != 0:
                print("%s: %s exited %d:\n%s" % (name, fe, code, out))
                problems += 1
            norm[fe] = ["%s:%d:%d: %s: %s [%s]" % d
                        for d in vgtest.diagnostics(out, only_file=path)]
        warnings += sum(1 for l in norm["plugin"] if ": warning: " in l)
        if norm["plugin"] != norm["viewguard"]:
            problems += 1
            print("%s: the front ends disagree:" % name)
            sys.stdout.writelines(difflib.unified_diff(
                [l + "\n" for l in norm["plugin"]],
                [l + "\n" for l in norm["viewguard"]],
                "clang-tidy-19 --load=plugin", "viewguard"))
        else:
            print("%s: same %d diagnostic(s)" % (name, len(norm["plugin"])))
    print("files=%d warnings=%d problems=%d" % (len(files), warnings, problems))
    if warnings < opts.min_warnings:
        vgtest.fail("only %d warning(s) in all files, expected at least %d"
                    % (warnings, opts.min_warnings))
    if problems:
        vgtest.fail("%d problem(s)" % problems)
    print("PASS: both front ends agree")


if __name__ == "__main__":
    main()
