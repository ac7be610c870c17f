#!/usr/bin/python3
"""Crash and hang resistance of viewguard on broken and unusual code.

Takes the lit check inputs (test/lit/checks/*.cpp, but for the library
models' tests) and the examples (examples/*.cpp), makes mutants of them (delete, duplicate or swap lines,
delete a token, drop or add a brace, replace an identifier by another one of
the same file), and runs viewguard (by default the ASan+UBSan build,
build-asan-tools/bin/viewguard) on each. Every mutant must give an exit status
of 0, 1 or 2, no sanitizer report and no crash dump, within a CPU-time bound
(RLIMIT_CPU: a process killed by SIGXCPU or SIGKILL fails and names its
mutant).

Mutant I of seed S depends only on (S, I) and on the sorted list of inputs,
so any one of them can be made again alone: --seed S --only I.

  /usr/bin/python3 test/mutation/mutate.py                       # the test command's run
  /usr/bin/python3 test/mutation/mutate.py --count 5000 --seed 7 # long mode, by hand
  /usr/bin/python3 test/mutation/mutate.py --seed 7 --only 1234  # one mutant again
  /usr/bin/python3 test/mutation/mutate.py --seed 7 --print 1234 # print it

On failure the mutant and its log are written to --out (default
build-asan-tools/mutation/failures/), with the command that reproduces it.
"""

import argparse
import glob
import multiprocessing
import os
import random
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))

# C++ tokens, roughly: enough to delete one token or find identifiers.
TOKEN_RE = re.compile(r"""
    [A-Za-z_]\w*                       # identifier or keyword
  | \d[\w.']*                          # number
  | "(?:\\.|[^"\\])*"                  # string literal
  | '(?:\\.|[^'\\])*'                  # character literal
  | ::|->\*?|\+\+|--|<=>|<<=|>>=|&&|\|\||<<|>>|[-+*/%&|^!=<>]=
  | \S                                 # any other single character
""", re.VERBOSE)
IDENT_RE = re.compile(r"[A-Za-z_]\w*\Z")

# What a sanitizer or LLVM's crash handler prints.
CRASH_MARKERS = (
    "ERROR: AddressSanitizer",
    "ERROR: LeakSanitizer",
    "ERROR: UndefinedBehaviorSanitizer",
    "runtime error:",
    "Sanitizer:DEADLYSIGNAL",
    "SUMMARY: AddressSanitizer",
    "SUMMARY: UndefinedBehaviorSanitizer",
    "Stack dump:",
    "PLEASE submit a bug report",
)
SANITIZER_EXIT = {86: "AddressSanitizer", 87: "UndefinedBehaviorSanitizer"}


def code_part(line):
    """The part of a line before a // comment (strings are ignored)."""
    i = line.find("//")
    return line if i < 0 else line[:i]


def is_code(line):
    return code_part(line).strip() != ""


def tokens(line):
    """(start, end) of each token of the code part of a line."""
    return [(m.start(), m.end()) for m in TOKEN_RE.finditer(code_part(line))]


# --- Mutation operators ------------------------------------------------------
# Each takes (rng, lines) and returns a description, or None when it does not
# apply; it edits lines in place. Line and column numbers are 1-based and
# refer to the file as it was before this operator.

def code_lines(lines):
    return [i for i, l in enumerate(lines) if is_code(l)]


def op_delete_line(rng, lines):
    cand = code_lines(lines)
    if not cand:
        return None
    i = rng.choice(cand)
    del lines[i]
    return "delete line %d" % (i + 1)


def op_duplicate_line(rng, lines):
    cand = code_lines(lines)
    if not cand:
        return None
    i = rng.choice(cand)
    lines.insert(i + 1, lines[i])
    return "duplicate line %d" % (i + 1)


def op_swap_lines(rng, lines):
    cand = code_lines(lines)
    if len(cand) < 2:
        return None
    k = rng.randrange(len(cand) - 1)
    # Mostly near neighbours (same function), sometimes far apart.
    far = rng.random() < 0.2
    j = rng.randrange(k + 1, len(cand)) if far else min(
        len(cand) - 1, k + rng.randint(1, 4))
    a, b = cand[k], cand[j]
    lines[a], lines[b] = lines[b], lines[a]
    return "swap lines %d and %d" % (a + 1, b + 1)


def op_delete_token(rng, lines):
    cand = [i for i in code_lines(lines) if tokens(lines[i])]
    if not cand:
        return None
    i = rng.choice(cand)
    s, e = rng.choice(tokens(lines[i]))
    tok = lines[i][s:e]
    lines[i] = lines[i][:s] + lines[i][e:]
    return "delete token %r at %d:%d" % (tok, i + 1, s + 1)


def op_drop_brace(rng, lines):
    cand = [(i, c) for i in code_lines(lines)
            for c, ch in enumerate(code_part(lines[i])) if ch in "{}"]
    if not cand:
        return None
    i, c = rng.choice(cand)
    ch = lines[i][c]
    lines[i] = lines[i][:c] + lines[i][c + 1:]
    return "drop %r at %d:%d" % (ch, i + 1, c + 1)


def op_add_brace(rng, lines):
    cand = code_lines(lines)
    if not cand:
        return None
    i = rng.choice(cand)
    spots = [s for s, _ in tokens(lines[i])] + [len(code_part(lines[i]).rstrip())]
    c = rng.choice(spots)
    ch = rng.choice("{}")
    lines[i] = lines[i][:c] + ch + " " + lines[i][c:]
    return "add %r at %d:%d" % (ch, i + 1, c + 1)


def op_replace_identifier(rng, lines):
    occ = [(i, s, e) for i in code_lines(lines) for s, e in tokens(lines[i])
           if IDENT_RE.match(lines[i][s:e])]
    names = sorted({lines[i][s:e] for i, s, e in occ})
    if len(names) < 2:
        return None
    i, s, e = rng.choice(occ)
    old = lines[i][s:e]
    new = rng.choice([n for n in names if n != old])
    lines[i] = lines[i][:s] + new + lines[i][e:]
    return "replace %r by %r at %d:%d" % (old, new, i + 1, s + 1)


# Local variables and parameters: a name after a type ending in `auto`, `>`,
# `&` or a builtin type, followed by `=`, `(`, `{`, `;`, `,` or `)`.
# The first group tells arrays (auto, a template type) from scalars.
DECL_RE = re.compile(r"(\bauto|>|\bint|\bdouble|\bbool|\bsize_t|"
                     r"\bptrdiff_t)\s*[&*]*\s*([A-Za-z_]\w*)\s*[=({;,)]")


def top_level_blocks(lines):
    """Line ranges [first, last] of the top-level brace blocks (function
    bodies, mostly), each starting at the line that opens it."""
    blocks, depth, first = [], 0, None
    for i, line in enumerate(lines):
        for ch in code_part(line):
            if ch == "{":
                if depth == 0:
                    first = i
                depth += 1
            elif ch == "}" and depth > 0:
                depth -= 1
                if depth == 0:
                    blocks.append((first, i))
    return blocks


def op_swap_variable(rng, lines):
    """One use of a local variable or parameter replaced by another one of the
    same function: code that often still compiles, with other aliasing."""
    blocks = [(a, b) for a, b in top_level_blocks(lines) if b > a]
    rng.shuffle(blocks)
    for a, b in blocks:
        kind, decls = {}, set()
        for i in range(a, b + 1):
            for m in DECL_RE.finditer(code_part(lines[i])):
                kind[m.group(2)] = m.group(1) in ("auto", ">")
                decls.add((i, m.start(2)))
        occ = [(i, s, e) for i in range(a, b + 1) for s, e in tokens(lines[i])
               if lines[i][s:e] in kind and (i, s) not in decls and
               sum(k == kind[lines[i][s:e]] for k in kind.values()) > 1]
        if not occ:
            continue
        i, s, e = rng.choice(occ)
        old = lines[i][s:e]
        new = rng.choice(sorted(n for n in kind
                                if n != old and kind[n] == kind[old]))
        lines[i] = lines[i][:s] + new + lines[i][e:]
        return "replace variable %r by %r at %d:%d" % (old, new, i + 1, s + 1)
    return None


def op_swap_statements(rng, lines):
    """Two neighbouring lines of one function body with the same indentation
    exchanged (statements run in another order)."""
    pairs = []
    for a, b in top_level_blocks(lines):
        body = [i for i in range(a + 1, b) if is_code(lines[i])]
        for x, y in zip(body, body[1:]):
            ind = len(lines[x]) - len(lines[x].lstrip())
            if ind == len(lines[y]) - len(lines[y].lstrip()) and \
                    code_part(lines[x]).rstrip().endswith(";") and \
                    code_part(lines[y]).rstrip().endswith(";"):
                pairs.append((x, y))
    if not pairs:
        return None
    x, y = rng.choice(pairs)
    lines[x], lines[y] = lines[y], lines[x]
    return "swap statements at lines %d and %d" % (x + 1, y + 1)


# The syntactic operators break the code (Clang's error recovery); the last
# two mostly keep it compiling, so that the analysis itself runs on programs
# nobody wrote a test for.
OPERATORS = [
    (op_delete_line, 3),
    (op_duplicate_line, 2),
    (op_swap_lines, 2),
    (op_delete_token, 2),
    (op_drop_brace, 1),
    (op_add_brace, 1),
    (op_replace_identifier, 2),
    (op_swap_variable, 5),
    (op_swap_statements, 3),
]


def make_mutant(seed, index, inputs):
    """(input path, mutant text, descriptions) of mutant `index` of `seed`."""
    rng = random.Random("viewguard-mutant:%d:%d" % (seed, index))
    path = rng.choice(inputs)
    with open(os.path.join(SOURCE_ROOT, path), encoding="utf-8") as f:
        lines = f.read().split("\n")
    ops, weights = zip(*OPERATORS)
    done = []
    for _ in range(rng.choice((1, 1, 1, 1, 1, 2, 2, 3))):
        for _attempt in range(8):
            d = rng.choices(ops, weights)[0](rng, lines)
            if d:
                done.append(d)
                break
    return path, "\n".join(lines), done


# --- Running one mutant -------------------------------------------------------

CFG = {}


def init_worker(cfg):
    CFG.update(cfg)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def limits():
    cpu = CFG["cpu_limit"]
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def command(mutant_path, index, strict):
    cmd = [CFG["viewguard"], mutant_path]
    if strict:
        cmd.insert(1, "--config={CheckOptions: "
                   "{viewguard-view-mutation.StrictMode: true}}")
    return cmd + ["--", "-std=c++20", "-I" + CFG["nd_include"]]


def run_one(index):
    seed = CFG["seed"]
    path, text, ops = make_mutant(seed, index, CFG["inputs"])
    name = "mutant-%d-%d-%s" % (seed, index, os.path.basename(path))
    mutant = os.path.join(CFG["workdir"], name)
    with open(mutant, "w", encoding="utf-8") as f:
        f.write(text)
    strict = index % 2 == 1
    cmd = command(mutant, index, strict)
    logpath = mutant + ".log"
    with open(logpath, "w+b") as log:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, preexec_fn=limits,
                                env=CFG["env"], cwd=CFG["workdir"])
        hung = False
        while True:
            pid, wstatus, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > CFG["wall_limit"]:
                hung = True
                proc.kill()
                pid, wstatus, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.02)
        proc.returncode = 0  # reaped by wait4; keep Popen from waiting again
        wall = time.monotonic() - start
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    problem = None
    if hung:
        problem = ("no exit after %.0f s of wall-clock time with %.1f s of "
                   "CPU (blocked?)" % (wall, cpu))
    elif os.WIFSIGNALED(wstatus):
        sig = os.WTERMSIG(wstatus)
        if sig == signal.SIGXCPU:
            problem = "over the CPU-time bound of %d s (SIGXCPU)" % CFG["cpu_limit"]
        elif sig == signal.SIGKILL:
            problem = ("killed by SIGKILL after %.1f s of CPU (the hard CPU "
                       "limit, or out of memory)" % cpu)
        else:
            problem = "killed by %s" % signal.Signals(sig).name
    else:
        status = os.WEXITSTATUS(wstatus)
        if status in SANITIZER_EXIT:
            problem = "%s report (exit %d)" % (SANITIZER_EXIT[status], status)
        elif status not in (0, 1, 2):
            problem = "exit status %d" % status
    if not problem:
        for marker in CRASH_MARKERS:
            if marker in output:
                problem = "output contains %r" % marker
                break
    compiled = not problem and "error:" not in output
    result = {"index": index, "name": name, "input": path, "ops": ops,
              "cpu": cpu, "problem": problem, "compiled": compiled,
              "strict": strict}
    if problem:
        os.makedirs(CFG["out"], exist_ok=True)
        kept = os.path.join(CFG["out"], name)
        shutil.copyfile(mutant, kept)
        with open(kept + ".log", "w", encoding="utf-8") as f:
            f.write("mutant %d of seed %d, from %s: %s\n" % (
                index, seed, path, "; ".join(ops)))
            f.write("problem: %s\n" % problem)
            f.write("command: %s\n\n" % " ".join(map(shlex.quote, cmd)))
            f.write(output)
        result["kept"] = kept
        result["cmd"] = command(kept, index, strict)
    os.unlink(mutant)
    os.unlink(logpath)
    return result


def rel(p):
    r = os.path.relpath(p)
    return r if not r.startswith("../..") else p


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--viewguard", default=os.path.join(
        SOURCE_ROOT, "build-asan-tools", "bin", "viewguard"),
        help="the viewguard binary (default: the ASan+UBSan build)")
    ap.add_argument("--nd-include", default=os.path.join(
        SOURCE_ROOT, "lib", "nd", "include"))
    ap.add_argument("--count", type=int, default=300,
                    help="number of mutants (default 300)")
    ap.add_argument("--seed", type=int, default=1, help="default 1")
    ap.add_argument("--start", type=int, default=0,
                    help="first mutant index (default 0)")
    ap.add_argument("--only", type=lambda s: [int(x) for x in s.split(",")],
                    help="run only these mutant indices (comma-separated)")
    ap.add_argument("--print", type=int, metavar="INDEX",
                    help="print mutant INDEX and what was done to it, and exit")
    ap.add_argument("-j", "--jobs", type=int, default=2, help="default 2")
    ap.add_argument("--cpu-limit", type=int, default=30,
                    help="CPU seconds per mutant (RLIMIT_CPU, default 30)")
    ap.add_argument("--out", default=None,
                    help="where failing mutants go (default: "
                    "<dir of --viewguard>/../mutation/failures)")
    ap.add_argument("inputs", nargs="*",
                    help="input files, relative to the source root (default: "
                    "test/lit/checks/*.cpp examples/*.cpp)")
    args = ap.parse_args()

    # The tests of the library models (a `Libraries:` option in their RUN
    # lines) include real headers: mutants of them are run without those
    # headers' flags and would only test the missing-include path, or, for
    # <ATen/ATen.h>, measure a multi-second parse of the header instead of
    # viewguard. They are left out.
    inputs = args.inputs or sorted(
        os.path.relpath(p, SOURCE_ROOT) for pattern in
        ("test/lit/checks/*.cpp", "examples/*.cpp")
        for p in glob.glob(os.path.join(SOURCE_ROOT, pattern))
        if "Libraries:" not in open(p, encoding="utf-8").read())
    if not inputs:
        sys.exit("mutate.py: no input files")

    if args.print is not None:
        path, text, ops = make_mutant(args.seed, args.print, inputs)
        print("// mutant %d of seed %d, from %s: %s" % (
            args.print, args.seed, path, "; ".join(ops)))
        print(text)
        return 0

    viewguard = os.path.abspath(args.viewguard)
    if not os.access(viewguard, os.X_OK):
        sys.exit("mutate.py: %s not found: build it first (scripts/test "
                 "builds build-asan-tools/bin/viewguard)" % viewguard)
    out = os.path.abspath(args.out or os.path.join(
        os.path.dirname(os.path.dirname(viewguard)), "mutation", "failures"))
    indices = args.only or list(range(args.start, args.start + args.count))

    env = dict(os.environ)
    # A sanitizer report gets its own exit status (detected in the output
    # too); LLVM's intentional leaks at exit are not reports.
    env["ASAN_OPTIONS"] = "detect_leaks=0:exitcode=86:abort_on_error=0"
    env["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1:exitcode=87"
    workdir = tempfile.mkdtemp(prefix="viewguard-mutants-")
    cfg = {"seed": args.seed, "inputs": inputs, "viewguard": viewguard,
           "nd_include": os.path.abspath(args.nd_include), "out": out,
           "workdir": workdir, "env": env, "cpu_limit": args.cpu_limit,
           # Only a safety net for a process that blocks without using CPU;
           # the bound is the CPU time.
           "wall_limit": max(120, 6 * args.cpu_limit)}

    print("mutation test: %d mutants of %d inputs, seed %d, %d jobs, "
          "%d s CPU per mutant, %s" % (len(indices), len(inputs), args.seed,
                                       args.jobs, args.cpu_limit, rel(viewguard)))
    sys.stdout.flush()
    start = time.monotonic()
    results = []
    failures = []
    interrupted = False
    rerun = "/usr/bin/python3 %s --seed %d" % (
        rel(os.path.abspath(__file__)), args.seed)
    if args.viewguard != ap.get_default("viewguard"):
        rerun += " --viewguard " + shlex.quote(args.viewguard)
    try:
        with multiprocessing.Pool(args.jobs, init_worker, (cfg,)) as pool:
            step = max(500, len(indices) // 10)
            for r in pool.imap_unordered(run_one, indices):
                results.append(r)
                if len(results) % step == 0 and len(results) < len(indices):
                    print("  %d of %d done, %d failed, %.0f s" % (
                        len(results), len(indices), len(failures),
                        time.monotonic() - start))
                    sys.stdout.flush()
                if r["problem"]:
                    failures.append(r)
                    print("FAIL mutant %d of seed %d (%s: %s): %s" % (
                        r["index"], args.seed, r["input"], "; ".join(r["ops"]),
                        r["problem"]))
                    print("  mutant:    %s (log: %s.log)" % (
                        rel(r["kept"]), rel(r["kept"])))
                    print("  reproduce: ASAN_OPTIONS=detect_leaks=0 %s" %
                          " ".join(map(shlex.quote, r["cmd"])))
                    print("         or: %s --only %d" % (rerun, r["index"]))
                    sys.stdout.flush()
    except KeyboardInterrupt:
        interrupted = True
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    wall = time.monotonic() - start

    cpus = sorted(results, key=lambda r: r["cpu"])
    compiled = sum(r["compiled"] for r in results)
    slowest = cpus[-1] if cpus else None
    print("mutation test: %d mutants, %d compiled and were analysed, %d "
          "failed; %.0f s wall, %.0f s CPU; CPU per mutant: median %.1f s, "
          "max %.1f s (mutant %d, %s)" % (
              len(results), compiled, len(failures), wall,
              sum(r["cpu"] for r in results),
              cpus[len(cpus) // 2]["cpu"] if cpus else 0,
              slowest["cpu"] if slowest else 0,
              slowest["index"] if slowest else -1,
              slowest["input"] if slowest else "-"))
    if interrupted:
        done = {r["index"] for r in results}
        rest = [i for i in indices if i not in done]
        print("mutation test: interrupted; the first mutant not run is %d "
              "(continue with --start %d)" % (rest[0], rest[0]))
        return 130
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
