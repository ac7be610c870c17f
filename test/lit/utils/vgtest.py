"""Shared pieces of the tool tests' scripts (not a test itself).

Every script takes the paths of the tools as options (lit passes them with
the %vgtools substitution), runs viewguard one way or the other, and parses
clang-tidy style diagnostics.
"""

import argparse
import os
import re
import subprocess
import sys

DIAG = re.compile(
    r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<sev>warning|error|note|fatal error): (?P<msg>.*?)"
    r"(?: \[(?P<check>[^\]]+)\])?$")
CRASH_MARKERS = ("PLEASE submit a bug report", "Stack dump:", "LLVM ERROR:")


def add_tool_options(parser):
    parser.add_argument("--plugin", required=True)
    parser.add_argument("--viewguard", required=True)
    parser.add_argument("--clang-tidy", dest="clang_tidy", default="clang-tidy-19")
    parser.add_argument("--clangxx", default="clang++-19")
    parser.add_argument("--filecheck", default="FileCheck")
    parser.add_argument("--nd-include", dest="nd_include", required=True)


def compiler_flags(opts):
    return ["-std=c++20", "-I" + opts.nd_include]


def tool_command(opts, frontend, path, extra=()):
    """The command that runs all viewguard checks on one file."""
    if frontend == "plugin":
        head = [opts.clang_tidy, "--load=" + opts.plugin]
    elif frontend == "viewguard":
        head = [opts.viewguard]
    else:
        raise ValueError(frontend)
    return (head + [path, "--checks=-*,viewguard-*", "--config={}"] +
            list(extra) + ["--"] + compiler_flags(opts))


def run(cmd, cwd=None, timeout=300):
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           cwd=cwd, timeout=timeout)
    except subprocess.TimeoutExpired:
        return 124, "timed out after %ds: %s" % (timeout, " ".join(cmd))
    except OSError as e:
        return 127, "cannot run %s: %s" % (cmd[0], e)
    return r.returncode, r.stdout.decode("utf-8", errors="replace")


def crashed(code, output):
    return code < 0 or any(m in output for m in CRASH_MARKERS)


def diagnostics(output, only_file=None):
    """(basename, line, col, severity, message, check) of every diagnostic,
    in output order, without the 'FIX-IT applied' notes."""
    out = []
    for line in output.splitlines():
        m = DIAG.match(line)
        if not m or "FIX-IT applied" in m.group("msg"):
            continue
        name = os.path.basename(m.group("file"))
        if only_file and name != os.path.basename(only_file):
            continue
        out.append((name, int(m.group("line")), int(m.group("col")),
                    m.group("sev"), m.group("msg"), m.group("check") or ""))
    return out


def sources(*dirs):
    """The .cpp files of the given directories, sorted."""
    files = []
    for d in dirs:
        files += [os.path.join(d, n) for n in sorted(os.listdir(d))
                  if n.endswith(".cpp")]
    return files


def fail(msg):
    print("FAIL: " + msg, flush=True)
    sys.exit(1)
