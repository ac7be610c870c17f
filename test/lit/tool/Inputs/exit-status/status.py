#!/usr/bin/python3
"""Runs a command and checks its exact exit status; used by exit-status.test.

usage: status.py EXPECTED [--cwd DIR] -- COMMAND [ARGS...]

Prints the command's stdout and stderr (merged), then `exit status: N`.
Fails (exit 1) when the status is not EXPECTED, when the command died of a
signal, or when its output shows a crash ("Stack dump", "PLEASE submit a bug
report"): `not` alone would accept a crash as a failure.
"""

import subprocess
import sys


def main():
    args = sys.argv[1:]
    if len(args) < 3 or "--" not in args:
        sys.exit(__doc__)
    sep = args.index("--")
    head, cmd = args[:sep], args[sep + 1:]
    expected = int(head[0])
    cwd = None
    if len(head) == 3 and head[1] == "--cwd":
        cwd = head[2]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          cwd=cwd)
    out = proc.stdout.decode("utf-8", "replace")
    sys.stdout.write(out)
    print("exit status: %d" % proc.returncode)
    problems = []
    if proc.returncode < 0:
        problems.append("killed by signal %d" % -proc.returncode)
    for marker in ("Stack dump", "PLEASE submit a bug report"):
        if marker in out:
            problems.append("crashed (%r in the output)" % marker)
    if proc.returncode != expected:
        problems.append("exit status %d, expected %d" % (proc.returncode, expected))
    if problems:
        print("FAIL: " + "; ".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
