#!/usr/bin/env python3
"""Run one viewguard check on a lit test file and verify what it says.

Written for this project in the manner of LLVM's check_clang_tidy.py: the test
file is both the input program and the expectations.

  // RUN: %check_viewguard %s CHECK-NAME %t [options] [-- TOOL-ARGS [-- COMPILER-ARGS]]

Steps:
  1. Copy the input to TEMP.cpp, replacing every `// CHECK-...: ...` comment by
     `//` so that line numbers stay the same and the expectations cannot match
     themselves.
  2. Run the tool on the copy:
       clang-tidy-19 --load=<plugin>   (default, or --tool=clang-tidy)
       viewguard                        (--tool=viewguard)
     with --checks=-*,CHECK-NAME (unless TOOL-ARGS carry their own --checks),
     --config={} (unless TOOL-ARGS carry --config/--config-file), and --fix,
     plus --fix-notes with -fix-notes. COMPILER-ARGS come after the defaults
     `-std=c++20 -I<nd include>`, so a test can override -std.
  3. Fail if the tool crashed, or if it exited non-zero (a compile error) and
     -expect-error was not given.
  4. FileCheck the tool's output against CHECK-MESSAGES[-SUFFIX] (warnings and
     errors must all be matched) or CHECK-NOTES[-SUFFIX] (warnings, errors and
     notes must all be matched), and the fixed file against
     CHECK-FIXES[-SUFFIX] (full lines). A test with none of them must produce
     no warning, error or note at all.

Options (one dash or two):
  -check-suffix=A,B     use CHECK-MESSAGES-A etc.; several runs in one file
  -fix-notes            also apply fix-its attached to notes (--fix-notes)
  -no-fix               do not pass --fix (the file is left unchanged)
  -export-fixes=FILE    pass --export-fixes=FILE instead of fixing in place
  -expect-error         the tool must exit non-zero (without crashing)
  -tool=clang-tidy|viewguard   which front end runs the checks
  -std=STD              replaces the default -std=c++20
An empty --plugin= runs clang-tidy without the plugin (for the runner's own
tests with built-in checks). The paths of the tools come from --plugin, --viewguard, --clang-tidy,
--filecheck and --nd-include (lit.cfg.py passes them), else from the
environment variables VIEWGUARD_PLUGIN, VIEWGUARD_BIN, CLANG_TIDY, FILECHECK,
ND_INCLUDE.
"""

import argparse
import difflib
import os
import re
import shlex
import subprocess
import sys

CHECK_COMMENT = re.compile(r"//\s*CHECK-[A-Z0-9-]*:[^\r\n]*")
CRASH_MARKERS = (
    "PLEASE submit a bug report",
    "Stack dump:",
    "LLVM ERROR:",
    "Segmentation fault",
    "Assertion `",
)
DIAG_LINE = re.compile(r":\d+:\d+: (warning|error|note|fatal error): ")
SUFFIX_OK = re.compile(r"^[A-Z0-9-]+$")


class TestFailure(Exception):
    """The test did not pass; the message says why."""


def say(*parts):
    print(*parts, flush=True)


def banner(title, body):
    say(("-" * 20 + " " + title + " ").ljust(72, "-"))
    say(body.rstrip("\n") if body else "(empty)")
    say("-" * 72)


def split_extra(argv):
    """Split argv at the first and second `--`."""
    if "--" not in argv:
        return argv, [], []
    i = argv.index("--")
    own, rest = argv[:i], argv[i + 1:]
    if "--" in rest:
        j = rest.index("--")
        return own, rest[:j], rest[j + 1:]
    return own, rest, []


def parse_args(argv):
    own, tool_args, compiler_args = split_extra(argv)
    # Accept `-name=value` as well as `--name=value`.
    own = ["-" + a if re.match(r"^-[a-z]", a) and not a.startswith("--") else a
           for a in own]
    p = argparse.ArgumentParser(
        prog="check_viewguard.py",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("input_file")
    p.add_argument("check_name")
    p.add_argument("temp_file")
    p.add_argument("--check-suffix", "--check-suffixes", dest="suffixes",
                   default=[""], type=lambda s: s.split(","))
    p.add_argument("--fix-notes", action="store_true")
    p.add_argument("--no-fix", action="store_true")
    p.add_argument("--export-fixes", default=None)
    p.add_argument("--expect-error", action="store_true")
    p.add_argument("--tool", choices=["clang-tidy", "viewguard"],
                   default=os.environ.get("VIEWGUARD_TEST_TOOL", "clang-tidy"))
    p.add_argument("--std", default="c++20")
    p.add_argument("--plugin", default=os.environ.get("VIEWGUARD_PLUGIN"))
    p.add_argument("--viewguard", default=os.environ.get("VIEWGUARD_BIN"))
    p.add_argument("--clang-tidy", dest="clang_tidy",
                   default=os.environ.get("CLANG_TIDY", "clang-tidy-19"))
    p.add_argument("--filecheck",
                   default=os.environ.get("FILECHECK", "FileCheck"))
    p.add_argument("--nd-include", dest="nd_include",
                   default=os.environ.get("ND_INCLUDE"))
    args = p.parse_args(own)
    for s in args.suffixes:
        if s and not SUFFIX_OK.match(s):
            raise TestFailure(
                "check suffixes may use only A-Z, 0-9 and '-', got %r" % s)
    return args, tool_args, compiler_args


def run(cmd, **kw):
    say("Running: " + " ".join(shlex.quote(c) for c in cmd))
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           **kw)
    except FileNotFoundError as e:
        raise TestFailure("cannot run %s: %s" % (cmd[0], e))
    return r.returncode, r.stdout.decode("utf-8", errors="replace")


class Expectations:
    """Which CHECK prefixes the input uses."""

    KINDS = ("CHECK-MESSAGES", "CHECK-NOTES", "CHECK-FIXES")

    def __init__(self, text, suffixes):
        self.prefixes = {k: [] for k in self.KINDS}
        for suffix in suffixes:
            tail = "-" + suffix if suffix else ""
            found = []
            for kind in self.KINDS:
                prefix = kind + tail
                # A prefix is used when one of its directives occurs
                # (PREFIX:, PREFIX-NEXT:, PREFIX-DAG:, PREFIX-SAME:, ...).
                if re.search(re.escape(prefix) +
                             r"(-(NEXT|SAME|DAG|NOT|LABEL|EMPTY|COUNT-\d+))?:",
                             text):
                    self.prefixes[kind].append(prefix)
                    found.append(kind)
            if "CHECK-MESSAGES" in found and "CHECK-NOTES" in found:
                raise TestFailure(
                    "use CHECK-MESSAGES%s or CHECK-NOTES%s, not both" % (tail, tail))
            if suffix and not found:
                raise TestFailure(
                    "-check-suffix=%s given but no CHECK-*-%s directive in the input"
                    % (suffix, suffix))

    @property
    def none(self):
        return not any(self.prefixes.values())


def tool_command(args, tool_args, compiler_args, temp_cpp):
    if args.tool == "clang-tidy":
        if args.plugin is None:
            raise TestFailure("no plugin path (--plugin or VIEWGUARD_PLUGIN)")
        cmd = [args.clang_tidy]
        # An empty --plugin= runs clang-tidy's built-in checks only (the
        # runner's own tests use that).
        if args.plugin:
            if not os.path.isfile(args.plugin):
                raise TestFailure("plugin %s does not exist: build "
                                  "ViewGuardTidyModule" % args.plugin)
            cmd.append("--load=" + args.plugin)
    else:
        if not args.viewguard or not os.path.isfile(args.viewguard):
            raise TestFailure("viewguard binary %r does not exist: build viewguard"
                              % args.viewguard)
        cmd = [args.viewguard]
    cmd.append(temp_cpp)
    has = lambda pat: any(re.match(pat, a) for a in tool_args)
    if not has(r"^--?checks="):
        cmd.append("--checks=-*," + args.check_name)
    if not has(r"^--?config(-file)?="):
        # Keep a .clang-tidy somewhere above the build tree out of the test.
        cmd.append("--config={}")
    if args.export_fixes:
        cmd.append("--export-fixes=" + args.export_fixes)
    elif not args.no_fix:
        cmd.append("--fix")
        if args.fix_notes:
            cmd.append("--fix-notes")
    cmd += tool_args
    cmd.append("--")
    cmd.append("-std=" + args.std)
    if args.nd_include:
        cmd.append("-I" + args.nd_include)
    cmd += compiler_args
    return cmd


def filecheck(args, input_file, prefixes, data_file, extra):
    cmd = [args.filecheck, "--input-file=" + data_file, input_file,
           "--check-prefixes=" + ",".join(prefixes)] + extra
    code, out = run(cmd)
    if code != 0:
        say(out)
        raise TestFailure("FileCheck failed for %s" % ",".join(prefixes))


def main(argv):
    args, tool_args, compiler_args = parse_args(argv)
    with open(args.input_file, encoding="utf-8") as f:
        text = f.read()
    expect = Expectations(text, args.suffixes)

    _, ext = os.path.splitext(args.input_file)
    temp_cpp = args.temp_file + (ext if ext in (".cpp", ".cc", ".hpp") else ".cpp")
    orig_copy = temp_cpp + ".orig"
    cleaned = CHECK_COMMENT.sub("//", text)
    os.makedirs(os.path.dirname(os.path.abspath(temp_cpp)), exist_ok=True)
    for name in (temp_cpp, orig_copy):
        with open(name, "w", encoding="utf-8") as f:
            f.write(cleaned)

    cmd = tool_command(args, tool_args, compiler_args, temp_cpp)
    code, output = run(cmd, cwd=os.path.dirname(os.path.abspath(temp_cpp)))
    banner("%s output (exit %d)" % (args.tool, code), output)

    with open(temp_cpp, encoding="utf-8") as f:
        fixed = f.read()
    diff = "".join(difflib.unified_diff(cleaned.splitlines(True),
                                        fixed.splitlines(True),
                                        orig_copy, temp_cpp))
    banner("fixes applied", diff)

    if code < 0 or any(m in output for m in CRASH_MARKERS):
        raise TestFailure("%s crashed (exit %d)" % (args.tool, code))
    if args.expect_error:
        if code == 0:
            raise TestFailure("%s was expected to fail but exited 0" % args.tool)
    elif code != 0:
        raise TestFailure("%s exited %d: compile error or tool failure"
                          % (args.tool, code))
    if args.export_fixes:
        return 0

    if expect.none:
        diags = [l for l in output.splitlines() if DIAG_LINE.search(l)]
        if diags:
            raise TestFailure("no diagnostics were expected, got:\n" +
                              "\n".join(diags))
        return 0

    if expect.prefixes["CHECK-MESSAGES"]:
        msg_file = temp_cpp + ".msg"
        with open(msg_file, "w", encoding="utf-8") as f:
            f.write(output)
        filecheck(args, args.input_file, expect.prefixes["CHECK-MESSAGES"],
                  msg_file, ["--implicit-check-not={{warning|error}}:"])
    if expect.prefixes["CHECK-NOTES"]:
        notes_file = temp_cpp + ".notes"
        kept = [l for l in output.splitlines()
                if "note: FIX-IT applied" not in l]
        with open(notes_file, "w", encoding="utf-8") as f:
            f.write("\n".join(kept) + "\n")
        filecheck(args, args.input_file, expect.prefixes["CHECK-NOTES"],
                  notes_file, ["--implicit-check-not={{note|warning|error}}:"])
    if expect.prefixes["CHECK-FIXES"]:
        filecheck(args, args.input_file, expect.prefixes["CHECK-FIXES"],
                  temp_cpp, ["--match-full-lines"])
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except TestFailure as e:
        say("check_viewguard.py: FAIL: %s" % e)
        sys.exit(1)
