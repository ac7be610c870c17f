#!/usr/bin/env python3
"""Compile and run the example programs and FileCheck what they print.

  run_examples.py [tool options] --mode=as-written EXAMPLES WORKDIR
      copies the examples to WORKDIR, builds and runs each as written, and
      checks its output against the example's BUGGY-OUTPUT lines.
  run_examples.py [tool options] --mode=fixed [--frontend=plugin|viewguard] EXAMPLES WORKDIR
      copies the examples to WORKDIR, applies viewguard's fixes
      (--fix --fix-notes), checks that every example was changed and that
      viewguard is silent on the fixed copy, then builds and runs each and
      checks its output against the FIXED-OUTPUT lines (what the author
      meant). An example may instead have a sibling NAME.expected file, checked
      with the prefix CHECK.
"""
import argparse
import difflib
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vgtest  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    vgtest.add_tool_options(ap)
    ap.add_argument("--mode", choices=["as-written", "fixed"], required=True)
    ap.add_argument("--frontend", choices=["plugin", "viewguard"], default="plugin")
    ap.add_argument("examples")
    ap.add_argument("workdir")
    opts = ap.parse_args()

    originals = vgtest.sources(opts.examples)
    if not originals:
        vgtest.fail("no examples in %s" % opts.examples)
    shutil.rmtree(opts.workdir, ignore_errors=True)
    os.makedirs(opts.workdir)

    failures = []
    for orig in originals:
        name = os.path.basename(orig)
        stem = name[:-4]
        work = os.path.join(opts.workdir, name)
        shutil.copyfile(orig, work)
        print("=== %s" % name, flush=True)

        if opts.mode == "fixed":
            code, out = vgtest.run(vgtest.tool_command(
                opts, opts.frontend, work, ["--fix", "--fix-notes"]),
                cwd=opts.workdir)
            print(out)
            if vgtest.crashed(code, out) or code != 0:
                failures.append("%s: viewguard exited %d while fixing" % (name, code))
                continue
            with open(orig) as a, open(work) as b:
                before, after = a.readlines(), b.readlines()
            diff = "".join(difflib.unified_diff(before, after, orig, work))
            print(diff or "(no change)")
            if not diff:
                failures.append("%s: no fix was applied" % name)
                continue
            code, out = vgtest.run(vgtest.tool_command(opts, opts.frontend, work),
                                   cwd=opts.workdir)
            left = [d for d in vgtest.diagnostics(out, only_file=work)
                    if d[3] == "warning"]
            if code != 0 or left:
                print(out)
                failures.append("%s: viewguard still reports %d warning(s) on the "
                                "fixed copy" % (name, len(left)))

        exe = os.path.join(opts.workdir, stem)
        code, out = vgtest.run([opts.clangxx] + vgtest.compiler_flags(opts) +
                               ["-o", exe, work])
        if code != 0:
            print(out)
            failures.append("%s: does not compile" % name)
            continue
        code, out = vgtest.run([exe], cwd=opts.workdir, timeout=60)
        out_file = os.path.join(opts.workdir, stem + ".out")
        with open(out_file, "w") as f:
            f.write(out)
        print(out)
        if code != 0:
            failures.append("%s: exited %d" % (name, code))
            continue

        expected = os.path.join(opts.examples, stem + ".expected")
        if os.path.exists(expected):
            check_file, prefix = expected, "CHECK"
        else:
            check_file = orig
            prefix = "BUGGY-OUTPUT" if opts.mode == "as-written" else "FIXED-OUTPUT"
        code, fc = vgtest.run([opts.filecheck, "--input-file=" + out_file,
                               check_file, "--check-prefix=" + prefix,
                               "--match-full-lines"])
        if code != 0:
            print(fc)
            failures.append("%s: output does not match %s" % (name, prefix))

    for f in failures:
        print("FAIL: " + f)
    if failures:
        sys.exit(1)
    print("PASS: %d example(s), mode %s" % (len(originals), opts.mode))


if __name__ == "__main__":
    main()
