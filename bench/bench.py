#!/usr/bin/python3
"""The viewguard benchmarks (run through bench/run.sh).

Builds what it needs in build-bench/, runs the analysis-cost, scaling and nd
kernel benchmarks, prints the tables and writes docs/performance.md.

    bench/run.sh            # the full run (about 12 minutes on 2 cores)
    bench/run.sh --quick    # smoke test: tiny inputs and repetition counts

Environment: BENCH_REPS (analysis-cost rounds, default 7), BENCH_SCALE_REPS
(default 3), BENCH_STMTS (comma-separated statement counts, default
100,200,400,800,1600,3200,6400,10000), BENCH_VARS (default 4,16,64,256), BENCH_VARS_STMTS
(statements of the variable-scaling function, default 300),
BENCH_KERNEL_SECONDS (minimum timed seconds per kernel, default 0.3),
BENCH_KERNEL_ROUNDS (alternating nd / NumPy rounds, default 3),
BENCH_NO_DOC=1 (do not write docs/performance.md).

Nothing here asserts a time: the targets are reported as met / not met.
"""

import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
OUT = os.path.join(ROOT, "build-bench")
INPUTS = os.path.join(OUT, "inputs")
DOC = os.path.join(ROOT, "docs", "performance.md")
NOTES_MARK = "<!-- notes: everything below this line is kept by bench/run.sh -->"

QUICK = "--quick" in sys.argv[1:]


def env_int(name, default):
    return int(os.environ.get(name, default))


def env_list(name, default):
    return [int(x) for x in os.environ.get(name, default).split(",") if x]


if QUICK:
    REPS, SCALE_REPS = 1, 1
    STMTS = [50, 100, 10000]
    VARS, VARS_STMTS = [4, 16], 50
    KERNEL_SECONDS, KERNEL_ROUNDS = 0.01, 1
    BIG_LINES = 1000
else:
    REPS = env_int("BENCH_REPS", 7)
    SCALE_REPS = env_int("BENCH_SCALE_REPS", 3)
    STMTS = env_list("BENCH_STMTS", "100,200,400,800,1600,3200,6400,10000")
    VARS = env_list("BENCH_VARS", "4,16,64,256")
    VARS_STMTS = env_int("BENCH_VARS_STMTS", 300)
    KERNEL_SECONDS = float(os.environ.get("BENCH_KERNEL_SECONDS", "0.3"))
    KERNEL_ROUNDS = env_int("BENCH_KERNEL_ROUNDS", 3)
    BIG_LINES = 20000

CLANG = "clang-19"
CLANGXX = "clang++-19"
TIDY = "clang-tidy-19"
PY = "/usr/bin/python3"
ND_FLAGS = ["-std=c++20", "-I" + os.path.join(ROOT, "lib", "nd", "include")]

LOG = []


def log(msg=""):
    print(msg, flush=True)


def run_capture(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, **kw).stdout


def first_line(cmd):
    try:
        return run_capture(cmd).strip().splitlines()[0]
    except Exception as e:  # noqa: BLE001
        return "unavailable (%s)" % e


# ----------------------------------------------------------------- building

def tools():
    """The viewguard binaries: build/'s when they exist (copied, so that a
    rebuild of build/ during the run cannot change them), else built here."""
    os.makedirs(os.path.join(OUT, "tools"), exist_ok=True)
    vg = os.path.join(ROOT, "build", "bin", "viewguard")
    so = os.path.join(ROOT, "build", "lib", "ViewGuardTidyModule.so")
    if os.path.exists(vg) and os.path.exists(so):
        origin = "reused from build/ (viewguard built %s, module built %s)" % (
            mtime(vg), mtime(so))
    else:
        cfg = os.path.join(OUT, "tools-build")
        if not os.path.exists(os.path.join(cfg, "build.ninja")):
            subprocess.run(["cmake", "-S", ROOT, "-B", cfg, "-G", "Ninja",
                            "-DCMAKE_BUILD_TYPE=Release",
                            "-DCMAKE_CXX_COMPILER=" + CLANGXX], check=True,
                           stdout=subprocess.DEVNULL)
        subprocess.run(["ninja", "-C", cfg, "viewguard", "ViewGuardTidyModule"],
                       check=True)
        vg = os.path.join(cfg, "bin", "viewguard")
        so = os.path.join(cfg, "lib", "ViewGuardTidyModule.so")
        origin = "built by bench/run.sh in build-bench/tools-build (Release)"
    dvg = os.path.join(OUT, "tools", "viewguard")
    dso = os.path.join(OUT, "tools", "ViewGuardTidyModule.so")
    for src, dst in ((vg, dvg), (so, dso)):
        shutil.copy2(src, dst + ".tmp")
        os.replace(dst + ".tmp", dst)
    return dvg, dso, origin


def mtime(path):
    return datetime.fromtimestamp(os.path.getmtime(path), timezone.utc).strftime(
        "%Y-%m-%d %H:%M UTC")


def build_kernels():
    exe = os.path.join(OUT, "kernels")
    src = os.path.join(BENCH, "kernels.cpp")
    subprocess.run([CLANGXX] + ND_FLAGS + ["-O3", src, "-o", exe], check=True)
    # the same with debug line info, for perf's source lines
    subprocess.run([CLANGXX] + ND_FLAGS + ["-O3", "-g", src, "-o", exe + "-g"],
                   check=True)
    return exe


def gen(kind, path, **kw):
    cmd = [PY, os.path.join(BENCH, "gen_nd_tu.py"), kind, "-o", path]
    for k, v in kw.items():
        cmd += ["--" + k, str(v)]
    subprocess.run(cmd, check=True)
    return path


# ---------------------------------------------------------------- measuring

def measure(cmd, ok=(0,), out=None, env=None):
    """Runs cmd; returns (wall seconds, peak RSS in MiB, CPU seconds) of the
    child, the last two from wait4's rusage. Output goes to the file out, or
    nowhere. env: extra environment variables."""
    sink = open(out, "w") if out else subprocess.DEVNULL
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=sink, stderr=sink,
                         env=dict(os.environ, **env) if env else None)
    _, status, ru = os.wait4(p.pid, 0)
    if out:
        sink.close()
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode not in ok:
        raise RuntimeError("exit status %d: %s" % (p.returncode, " ".join(cmd)))
    return wall, ru.ru_maxrss / 1024.0, ru.ru_utime + ru.ru_stime


def tool_commands(vg, so):
    """name -> (function files -> command, accepted exit statuses)."""
    return {
        "fsyntax": (lambda f: [CLANG, "-fsyntax-only"] + ND_FLAGS + f, (0,)),
        "tidy-uam": (lambda f: [TIDY, "--checks=-*,bugprone-use-after-move"]
                     + f + ["--"] + ND_FLAGS, (0,)),
        "tidy-vg": (lambda f: [TIDY, "--load=" + so, "--checks=-*,viewguard-*"]
                    + f + ["--"] + ND_FLAGS, (0,)),
        "tidy-uam+vg": (lambda f: [TIDY, "--load=" + so,
                                   "--checks=-*,bugprone-use-after-move,viewguard-*"]
                        + f + ["--"] + ND_FLAGS, (0,)),
        # viewguard exits 1 when it reports something
        "viewguard": (lambda f: [vg] + f + ["--"] + ND_FLAGS, (0, 1)),
    }


TOOL_LABEL = {
    "fsyntax": "`clang-19 -fsyntax-only`",
    "tidy-uam": "`clang-tidy-19`, `bugprone-use-after-move` only",
    "tidy-vg": "`clang-tidy-19 --load`, `viewguard-*` only",
    "tidy-uam+vg": "`clang-tidy-19 --load`, `bugprone-use-after-move` + `viewguard-*`",
    "viewguard": "standalone `viewguard`",
}


def analysis_cost(vg, so, inputs):
    cmds = tool_commands(vg, so)
    order = list(cmds)
    res = {}
    for iname, files in inputs:
        samples = {t: [] for t in order}
        own = []  # viewguard's analysis CPU time (VIEWGUARD_STATS)
        for r in range(REPS):
            # round-robin over the tools, starting at a different tool each
            # round
            rot = order[r % len(order):] + order[:r % len(order)]
            for t in rot:
                build, ok = cmds[t]
                if t == "viewguard":
                    log_path = os.path.join(OUT, "analysis-cost.out")
                    m = measure(build(files), ok, out=log_path,
                                env={"VIEWGUARD_STATS": "1"})
                    own.append(analysis_seconds(log_path))
                else:
                    m = measure(build(files), ok)
                samples[t].append(m)
        res[iname] = {
            t: {"wall": statistics.median(s[0] for s in samples[t]),
                "walls": [s[0] for s in samples[t]],
                "cpu": statistics.median(s[2] for s in samples[t]),
                "rss": statistics.median(s[1] for s in samples[t])}
            for t in order}
        res[iname]["own"] = statistics.median(own)
        fs = res[iname]["fsyntax"]["wall"]
        log("  %-10s " % iname + "  ".join(
            "%s %.2fs (%.2fx)" % (t, res[iname][t]["wall"],
                                  res[iname][t]["wall"] / fs) for t in order))
    return res


def fit(points):
    """Least-squares slope of log(y) on log(x) over the points with y > 0."""
    pts = [(math.log(x), math.log(y)) for x, y in points if y > 0]
    if len(pts) < 2:
        return float("nan")
    mx = sum(p[0] for p in pts) / len(pts)
    my = sum(p[1] for p in pts) / len(pts)
    sxx = sum((p[0] - mx) ** 2 for p in pts)
    sxy = sum((p[0] - mx) * (p[1] - my) for p in pts)
    return sxy / sxx


def analysis_seconds(log_path):
    """The analysis' own CPU time (summed over the translation units), which
    viewguard prints with
    VIEWGUARD_STATS=1: the thread CPU time spent analysing and checking
    functions (lib/ViewGuard/AnalysisCache.cpp), without the parse."""
    found = re.findall(r"viewguard-stats: .*: \d+ functions analysed in"
                       r" ([0-9.]+) s", open(log_path).read())
    if not found:
        raise RuntimeError("no viewguard-stats line in " + log_path)
    return sum(float(x) for x in found)  # one line per translation unit


def analysis_limits():
    """AnalysisLimits' block and event bounds, read from the header."""
    text = open(os.path.join(ROOT, "lib", "ViewGuard", "Analysis", "AnalysisLimits.h")).read()
    get = lambda n: int(re.search(r"%s = (\d+);" % n, text).group(1))
    return get("MaxBlocks"), get("MaxEvents")


def scaling(vg, kind, values, fixed):
    """Median wall of -fsyntax-only and of viewguard on generated inputs,
    alternating the two; analysis = viewguard - parse. Also the analysis'
    own CPU time as viewguard reports it (analysis_seconds)."""
    cmds = tool_commands(vg, "")
    rows = []
    for v in values:
        if kind == "stmts":
            path = gen("stmts", os.path.join(INPUTS, "stmts_%d.cpp" % v),
                       stmts=v, vars=fixed)
        else:
            path = gen("vars", os.path.join(INPUTS, "vars_%d.cpp" % v),
                       stmts=fixed, vars=v)
        fs, an, fsc, anc, inproc = [], [], [], [], []
        for _ in range(SCALE_REPS):
            w, _, c = measure(cmds["fsyntax"][0]([path]))
            fs.append(w)
            fsc.append(c)
            w, rss, c = measure(cmds["viewguard"][0]([path]), (0, 1),
                                out=path + ".out",
                                env={"VIEWGUARD_STATS": "1"})
            inproc.append(analysis_seconds(path + ".out"))
            an.append(w)
            anc.append(c)
        findings = len(re.findall(r"warning: .*\[viewguard-",
                                  open(path + ".out").read()))
        row = {"n": v, "parse": statistics.median(fs),
               "total": statistics.median(an), "rss": rss,
               "parse_cpu": statistics.median(fsc),
               "total_cpu": statistics.median(anc),
               "lines": sum(1 for _ in open(path)), "findings": findings,
               "inproc": statistics.median(inproc)}
        row["analysis"] = row["total"] - row["parse"]
        row["analysis_cpu"] = row["total_cpu"] - row["parse_cpu"]
        rows.append(row)
        log("  %s=%-6d parse %.2fs  viewguard %.2fs  analysis %.2fs"
            "  analysis CPU %.3fs  findings %d" % (
                kind, v, row["parse"], row["total"], row["analysis"],
                row["inproc"], findings))
    # The fit is over the sizes that were analysed: a function beyond
    # viewguard's AnalysisLimits is skipped (no finding) and costs nothing.
    done = [r for r in rows if r["findings"] > 0]
    upper = done[len(done) // 2:] if len(done) >= 4 else done
    return {"rows": rows,
            "skipped": [r["n"] for r in rows if r["findings"] == 0],
            "exponent": fit([(r["n"], r["inproc"]) for r in done]),
            "exponent_upper": fit([(r["n"], r["inproc"]) for r in upper]),
            "exponent_wall": fit([(r["n"], r["analysis"]) for r in done]),
            "exponent_wall_upper": fit([(r["n"], r["analysis"])
                                        for r in upper]),
            "exponent_total": fit([(r["n"], r["total"]) for r in done]),
            "exponent_cpu": fit([(r["n"], r["analysis_cpu"]) for r in done])}


def kernels(exe):
    """nd's and NumPy's kernel programs, run alternately KERNEL_ROUNDS times
    (nd first in even rounds, NumPy first in odd ones); per kernel the median
    of the rounds' times, so that a slow spell of the machine does not land
    on one side only."""
    env = dict(os.environ)
    env.pop("OPENBLAS_CORETYPE", None)
    env.pop("OPENBLAS_L2_SIZE", None)

    def run_nd():
        return run_capture([exe, str(KERNEL_SECONDS)])

    def run_np():
        return subprocess.run([PY, os.path.join(BENCH, "kernels_numpy.py"),
                               str(KERNEL_SECONDS)], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True,
                              env=env).stdout

    def parse(text):
        out = {}
        for line in text.splitlines():
            if line.startswith("{"):
                d = json.loads(line)
                out[d["name"]] = d
        return out

    nd_runs, np_runs = [], []
    for r in range(KERNEL_ROUNDS):
        if r % 2 == 0:
            nd_runs.append(parse(run_nd()))
            np_runs.append(parse(run_np()))
        else:
            np_runs.append(parse(run_np()))
            nd_runs.append(parse(run_nd()))

    def merge(runs):
        out = {}
        for name, first in runs[0].items():
            d = dict(first)
            d["seconds"] = statistics.median(
                run[name]["seconds"] for run in runs if name in run)
            out[name] = d
        return out
    return merge(nd_runs), merge(np_runs)


def perf_available():
    if not shutil.which("perf"):
        return False
    try:
        r = subprocess.run(["perf", "record", "-e", "cpu-clock", "-o",
                            os.path.join(OUT, "perf-probe.data"), "true"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return r.returncode == 0
    except OSError:
        return False


def perf_analysis_profile(vg, path):
    """perf with DWARF call graphs on viewguard: the inclusive share of the
    analysis functions and of the Clang functions they call."""
    data = os.path.join(OUT, "perf-viewguard.data")
    subprocess.run(["perf", "record", "-q", "-e", "cpu-clock", "-F", "250",
                    "--call-graph", "dwarf,16384", "-o", data, vg, path, "--"]
                   + ND_FLAGS, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    rep = run_capture(["perf", "report", "--no-inline", "-i", data, "--children", "--stdio",
                       "-g", "none", "--percent-limit", "2"])
    keep = re.compile(r"viewguard::|ExprMutationAnalyzer|ExprSequence|"
                      r"MatchFinder::match|ParentMapContext::getParents|"
                      r"ParentMapContext::ParentMap::ParentMap|"
                      r"clang::ParseAST|DynTypedMatcher::matches|"
                      r"CFG::buildCFG|runClangTidy")
    lines = []
    for line in rep.splitlines():
        m = re.match(r"\s+([\d.]+)%\s+([\d.]+)%\s+\S+\s+(\S+)\s+\[\.\]\s+(.*)",
                     line)
        if m and keep.search(m.group(4)):
            sym = m.group(4).strip()
            sym = re.sub(r"\(.*$", "", sym)[:110]
            lines.append((float(m.group(1)), float(m.group(2)), sym))
    seen, out = set(), []
    for c, s, sym in lines:
        if sym not in seen:
            seen.add(sym)
            out.append((c, s, sym))
    return out[:22]


def perf_kernel_profile(exe_g, name):
    """perf (no call graph) on one nd kernel: the hottest source lines."""
    data = os.path.join(OUT, "perf-%s.data" % name)
    subprocess.run(["perf", "record", "-q", "-e", "cpu-clock", "-o", data,
                    exe_g, "1.0", name], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    out = []
    for sort, limit in (("dso,sym", 8), ("srcline", 8)):
        rep = run_capture(["perf", "report", "--no-inline", "-i", data, "--no-children",
                           "--stdio", "--sort", sort, "--percent-limit", "2"])
        rows = []
        for line in rep.splitlines():
            m = re.match(r"\s+([\d.]+)%\s+(.*)", line)
            if m:
                src = m.group(2).strip().replace(ROOT + "/", "")
                src = re.sub(r"\s+", " ", src)
                if len(src) > 160:
                    src = src[:157] + "..."
                rows.append((float(m.group(1)), src))
        out.append((sort, rows[:limit]))
    return out


# ------------------------------------------------------------------ report

def machine():
    cpu = "unknown"
    for line in run_capture(["lscpu"]).splitlines():
        if line.startswith("Model name:"):
            cpu = line.split(":", 1)[1].strip()
    mem = "unknown"
    with open("/proc/meminfo") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
    caches = []
    for line in run_capture(["lscpu"]).splitlines():
        if re.match(r"L[123]\w* cache:", line):
            caches.append(line.split(":")[0] + " " + line.split(":", 1)[1].strip())
    return {
        "cpu": "%s, %d CPUs" % (cpu, os.cpu_count()),
        "caches": ", ".join(caches),
        "memory": mem,
        "os": first_line(["sh", "-c", ". /etc/os-release; echo $PRETTY_NAME"])
        + ", Linux " + platform.release(),
        "clang": first_line([CLANG, "--version"]),
        "clang-tidy": " ".join(run_capture([TIDY, "--version"]).split()[:6]),
        "python": first_line([PY, "--version"]),
        "numpy": first_line([PY, "-c", "import numpy; print(numpy.__version__)"]),
        "commit": first_line(["git", "-C", ROOT, "log", "-1",
                              "--format=%h %s"])[:90],
        "dirty": run_capture(["git", "-C", ROOT, "status", "--porcelain",
                              "--", "lib", "tool"]).strip() != "",
    }


def fmt_s(x):
    if x < 1e-3:
        return "%.1f µs" % (x * 1e6)
    if x < 1:
        return "%.2f ms" % (x * 1e3)
    return "%.2f s" % x


def met(b):
    return "**met**" if b else "**not met**"


def write_report(ctx):
    m = ctx["machine"]
    L = []
    a = L.append
    a("# viewguard performance")
    a("")
    a("Written by `bench/run.sh` (%s), %s. Do not edit above the notes marker:"
      " rerun the benchmark." % ("quick smoke run: the numbers mean nothing"
                                 if QUICK else "full run", ctx["date"]))
    a("")
    a("## Machine and versions")
    a("")
    a("| | |")
    a("|---|---|")
    a("| CPU | %s (%s) |" % (m["cpu"], m["caches"]))
    a("| memory | %s |" % m["memory"])
    a("| OS | %s |" % m["os"])
    a("| compiler | %s |" % m["clang"])
    a("| clang-tidy | %s |" % m["clang-tidy"])
    a("| Python, NumPy | %s, NumPy %s (`OPENBLAS_CORETYPE`, `OPENBLAS_L2_SIZE` unset for the NumPy run) |"
      % (m["python"], m["numpy"]))
    a("| viewguard | commit %s%s; binaries %s |" % (
        m["commit"], " (with uncommitted changes in lib/ or tool/)"
        if m["dirty"] else "", ctx["tools_origin"]))
    a("| load average | %s at the start, %s at the end (1, 5, 15 min) |" % (
        ctx["load_start"], ctx["load_end"]))
    a("| run time | %.1f min |" % (ctx["elapsed"] / 60))
    a("")
    # targets
    a("## Targets")
    a("")
    a("None of these is asserted anywhere; they are measured and reported.")
    a("")
    a("| target | measured | |")
    a("|---|---|---|")
    for t in ctx["targets"]:
        a("| %s | %s | %s |" % (t[0], t[1], met(t[2]) if t[2] is not None
                                else "not measured"))
    a("")
    # analysis cost
    ac = ctx["analysis"]
    a("## Analysis cost")
    a("")
    a("Wall time and peak memory (`ru_maxrss` of the process, from `wait4`) of"
      " each tool on the same inputs, with `-std=c++20 -Ilib/nd/include`;"
      " the median of %d runs taken round-robin over the five tools (each round"
      " starts at the next tool). Ratios are to `clang-19 -fsyntax-only` on the"
      " same input." % REPS)
    a("")
    a("Inputs: **examples** = %d `examples/*.cpp` in one invocation of each"
      " tool; **generated** = `bench/gen_nd_tu.py big` (%d lines, %d functions of"
      " nd code with views, copies, loops, branches, calls; viewguard reports %s"
      " of its seeded bugs); **stdlib** = `bench/stdlib_tu.cpp` (nearly every"
      " C++20 standard header, nd, two small functions)." % (
          ctx["n_examples"], ctx["big_lines"], ctx["big_functions"],
          ctx["big_findings"]))
    a("")
    tools_order = ["fsyntax", "tidy-uam", "tidy-vg", "tidy-uam+vg", "viewguard"]
    a("| input | tool | wall (median) | ratio to -fsyntax-only | CPU (median) | peak RSS | ratio |")
    a("|---|---|---|---|---|---|---|")
    for iname, r in ac.items():
        fs = r["fsyntax"]
        for t in tools_order:
            a("| %s | %s | %s | **%.2fx** | %s | %.0f MiB | %.2fx |" % (
                iname, TOOL_LABEL[t], fmt_s(r[t]["wall"]),
                r[t]["wall"] / fs["wall"], fmt_s(r[t]["cpu"]), r[t]["rss"],
                r[t]["rss"] / fs["rss"]))
    a("")
    a("The analysis' own share, measured inside the standalone runs above"
      " (`VIEWGUARD_STATS=1`: thread CPU time spent analysing and checking"
      " functions, median of the %d runs), against the CPU time of"
      " `-fsyntax-only`; it is much less sensitive to the machine's load than"
      " the wall-time ratios. The rest of a clang-tidy run over"
      " `-fsyntax-only` is clang-tidy's own (its driver, diagnostics and AST"
      " matcher traversal)." % REPS)
    a("")
    a("| input | analysis CPU | -fsyntax-only CPU | share |")
    a("|---|---|---|---|")
    for iname, r in ac.items():
        a("| %s | %s | %s | %.2f%% |" % (
            iname, fmt_s(r["own"]), fmt_s(r["fsyntax"]["cpu"]),
            100 * r["own"] / r["fsyntax"]["cpu"]))
    a("")
    a("All runs (seconds), in the order taken:")
    a("")
    a("```")
    for iname, r in ac.items():
        for t in tools_order:
            a("%-10s %-12s %s" % (iname, t, " ".join("%.2f" % w
                                                     for w in r[t]["walls"])))
    a("```")
    a("")
    # scaling
    a("## Scaling")
    a("")
    a("Standalone `viewguard` against `clang-19 -fsyntax-only` on the same"
      " generated file (`bench/gen_nd_tu.py stmts|vars`), alternating, median of"
      " %d; *analysis* = viewguard − parse. *analysis CPU* is the time the"
      " analysis itself takes, measured inside the process: the thread CPU"
      " time spent analysing and checking functions, which viewguard prints"
      " with `VIEWGUARD_STATS=1` (median of the same %d runs), free of the"
      " noise of subtracting two process times of about a second each. The"
      " exponent is the least-squares slope of log(analysis CPU) on log(n);"
      " the same fit of the wall-time difference is given after it." % (
          SCALE_REPS, SCALE_REPS))
    a("")
    for key, title, fixed in (("stmts", "One function of n statements (8 array variables)", None),
                              ("vars", "One function of %d statements over n array variables" % VARS_STMTS, None)):
        s = ctx["scaling"][key]
        a("### %s" % title)
        a("")
        a("| n | lines | parse | viewguard | analysis | analysis CPU | local exponent | peak RSS | findings |")
        a("|---|---|---|---|---|---|---|---|---|")
        prev = None
        for r in s["rows"]:
            loc = ""
            if (prev and prev["inproc"] > 0 and r["inproc"] > 0
                    and prev["findings"] and r["findings"]):
                loc = "%.2f" % (math.log(r["inproc"] / prev["inproc"]) /
                                math.log(r["n"] / prev["n"]))
            a("| %d | %d | %s | %s | %s | %s | %s | %.0f MiB | %s |" % (
                r["n"], r["lines"], fmt_s(r["parse"]), fmt_s(r["total"]),
                fmt_s(r["analysis"]), fmt_s(r["inproc"]), loc, r["rss"],
                r["findings"] if r["findings"] else "0: **not analysed**"))
            prev = r
        a("")
        a("Fitted exponent of the analysis CPU time: **%.2f** (all analysed"
          " sizes), %.2f (upper half of them). Of the wall-time difference"
          " viewguard − parse: %.2f (upper half %.2f); of its CPU time: %.2f;"
          " of the total viewguard time: %.2f." % (
              s["exponent"], s["exponent_upper"], s["exponent_wall"],
              s["exponent_wall_upper"], s["exponent_cpu"],
              s["exponent_total"]))
        if s["skipped"]:
            a("")
            a("Not analysed (no finding, although the function ends with a"
              " write through a view that viewguard reports whenever it"
              " analyses the function): n = %s. These functions exceed"
              " `AnalysisLimits` (`lib/ViewGuard/Analysis/AnalysisLimits.h`: more than"
              " %d CFG blocks or %d array events) and are skipped"
              " quietly, as docs/checks/view-mutation.md documents; they are"
              " left out of the fit." % ((", ".join(str(n) for n in s["skipped"]),)
                                         + analysis_limits()))
        a("")
    if ctx.get("stmts_note"):
        a(ctx["stmts_note"])
        a("")
    # kernels
    nd, np_ = ctx["kernels"]
    a("## nd kernels against NumPy")
    a("")
    a("`bench/kernels.cpp` built with `clang++-19 -std=c++20 -O3` (no"
      " `-march`), against `bench/kernels_numpy.py` doing the same on the same"
      " data (the same 64-bit LCG draws the indices, masks and view pairs; the"
      " `check` values of both programs agree: %s). The two programs run"
      " alternately, %d rounds each; in a round each time is the median of"
      " the repetitions of at least %.2f s (at least 5), and the table gives"
      " the median over the rounds. GB/s counts the bytes of the array"
      " produced or copied once. *speed vs NumPy* = NumPy's time / nd's time"
      " (above 1: nd is faster)." % (
          "yes" if ctx["checks_agree"] else "NO: " + ", ".join(ctx["check_diffs"]),
          KERNEL_ROUNDS, KERNEL_SECONDS))
    a("")
    a("| kernel | nd | NumPy | nd GB/s | NumPy GB/s | speed vs NumPy |")
    a("|---|---|---|---|---|---|")
    for name, d in nd.items():
        if name.startswith("memcpy"):
            continue
        q = np_.get(name)
        gbs = lambda x: ("%.1f" % (x["bytes"] / x["seconds"] / 1e9)) if x and x["bytes"] else ""
        a("| %s | %s | %s | %s | %s | %s |" % (
            name, fmt_s(d["seconds"]), fmt_s(q["seconds"]) if q else "?",
            gbs(d), gbs(q), ("%.2fx" % (q["seconds"] / d["seconds"])) if q else "?"))
    a("")
    a("| contiguous copy | nd | memcpy | nd / memcpy throughput |")
    a("|---|---|---|---|")
    for tag in ("256KiB", "32MiB"):
        mc = nd.get("memcpy_" + tag)
        for kind in ("copy_assign_", "copy_new_"):
            d = nd.get(kind + tag)
            if mc and d:
                a("| %s | %.1f GB/s | %.1f GB/s | %.0f%% |" % (
                    kind + tag, d["bytes"] / d["seconds"] / 1e9,
                    mc["bytes"] / mc["seconds"] / 1e9,
                    100 * mc["seconds"] / d["seconds"]))
    a("")
    a("`copy_assign` is `dst.assign(src)` into an existing array (what memcpy"
      " does); `copy_new` is `src.copy()`, which also allocates (NumPy:"
      " `src.copy()`; memcpy's column is still a copy into an existing buffer).")
    a("")
    # profiles
    a("## Profiles")
    a("")
    def profile_block(title, rows):
        a(title)
        a("")
        a("```")
        a("children  self  symbol")
        for c, s_, sym in rows:
            a("%6.1f%% %5.1f%%  %s" % (c, s_, sym))
        a("```")
        a("")
    if ctx.get("profile_vg"):
        profile_block(
            "`perf record -e cpu-clock --call-graph dwarf` of `viewguard` on the"
            " %s (inclusive %% of the samples, self %%; analysis and Clang"
            " frames of at least 2%%):" % ctx["profile_vg_input"],
            ctx["profile_vg"])
    if ctx.get("profile_vg_big"):
        profile_block(
            "The same on the generated %d-line unit (many small functions):"
            % ctx["big_lines"], ctx["profile_vg_big"])
    for name, prof in ctx.get("profile_kernels", {}).items():
        a("`perf record -e cpu-clock` of `kernels 1.0 %s` (a `-O3 -g` build"
          " of the same source running only this kernel for at least 1 s; the"
          " samples include the setup of its data, the `kernels.cpp` lines;"
          " self %% by symbol, then by source line, entries of at least 2%%;"
          " `[k]` entries are the kernel's page-fault handling):" % name)
        a("")
        a("```")
        for sort, rows in prof:
            a("-- by %s" % sort)
            for pc, src in rows:
                a("%6.1f%%  %s" % (pc, src))
        a("```")
        a("")
    if not ctx.get("profile_vg") and not ctx.get("profile_kernels"):
        a("perf is not available here; no profile was taken.")
        a("")
    for line in ctx.get("incomplete", []):
        a("**Incomplete:** " + line)
        a("")
    text = "\n".join(L) + "\n"
    notes = ""
    if os.path.exists(DOC):
        old = open(DOC).read()
        if NOTES_MARK in old:
            notes = old[old.index(NOTES_MARK):]
    if not notes:
        notes = NOTES_MARK + "\n"
    return text + "\n" + notes


def main():
    t_start = time.time()
    os.makedirs(INPUTS, exist_ok=True)
    ctx = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
           "load_start": " ".join(open("/proc/loadavg").read().split()[:3]),
           "incomplete": []}
    # the commit and tree state when the measurements start
    ctx["machine"] = machine()
    log("== building (build-bench/)")
    vg, so, ctx["tools_origin"] = tools()
    kexe = build_kernels()
    log("   viewguard: " + ctx["tools_origin"])

    log("== generating inputs")
    big = gen("big", os.path.join(INPUTS, "big.cpp"), lines=BIG_LINES)
    big_text = open(big).read()
    ctx["big_lines"] = big_text.count("\n")
    ctx["big_functions"] = len(re.findall(r"^double f\d+\(", big_text, re.M))
    findings = run_capture([vg, big, "--"] + ND_FLAGS)
    ctx["big_findings"] = "%d warnings" % len(re.findall(r"warning: .*\[viewguard-", findings))
    examples = sorted(os.path.join(ROOT, "examples", f)
                      for f in os.listdir(os.path.join(ROOT, "examples"))
                      if f.endswith(".cpp"))
    if QUICK:
        examples = examples[:2]
    ctx["n_examples"] = len(examples)
    inputs = [("examples", examples), ("generated", [big]),
              ("stdlib", [os.path.join(BENCH, "stdlib_tu.cpp")])]

    log("== analysis cost (%d rounds)" % REPS)
    ctx["analysis"] = analysis_cost(vg, so, inputs)

    log("== scaling: statements")
    ctx["scaling"] = {"stmts": scaling(vg, "stmts", STMTS, 8)}
    log("== scaling: array variables")
    ctx["scaling"]["vars"] = scaling(vg, "vars", VARS, VARS_STMTS)
    s = ctx["scaling"]["stmts"]
    done = [r for r in s["rows"] if r["findings"] > 0]
    if done and done[-1]["n"] < 10000:
        last = done[-1]
        pred = last["inproc"] * (10000 / last["n"]) ** s["exponent_upper"]
        ctx["stmts_note"] = (
            "The largest analysed size measured is %d statements: sizes"
            " between it and the analysis limit are left out because at the"
            " measured growth they take minutes per run (extrapolated with the"
            " upper-half exponent, a 10,000-statement function that were"
            " analysed would take about %.0f s), which does not fit the"
            " benchmark's time budget. Set `BENCH_STMTS` to measure them"
            " (e.g. `BENCH_STMTS=1000,2000,4000 BENCH_SCALE_REPS=1`)."
            % (last["n"], pred))

    log("== nd kernels")
    nd, np_ = kernels(kexe)
    ctx["kernels"] = (nd, np_)
    diffs = [n for n in nd if n in np_ and
             abs(nd[n]["check"] - np_[n]["check"]) > 1e-9 * max(1, abs(nd[n]["check"]))]
    missing = [n for n in nd if not n.startswith("memcpy") and n not in np_]
    ctx["checks_agree"] = not diffs and not missing
    ctx["check_diffs"] = diffs + ["%s missing in NumPy's output" % n for n in missing]
    for n, d in nd.items():
        q = np_.get(n)
        log("  %-40s nd %-10s numpy %-10s %s" % (
            n, fmt_s(d["seconds"]), fmt_s(q["seconds"]) if q else "-",
            ("%.2fx" % (q["seconds"] / d["seconds"])) if q else ""))

    # targets
    T = []
    worst_vg = max(((i, r["viewguard"]["wall"] / r["fsyntax"]["wall"])
                    for i, r in ctx["analysis"].items()), key=lambda x: x[1])
    T.append(("standalone viewguard <= 1.10x -fsyntax-only (every input)",
              ", ".join("%s %.2fx" % (i, r["viewguard"]["wall"] / r["fsyntax"]["wall"])
                        for i, r in ctx["analysis"].items()),
              worst_vg[1] <= 1.10))
    add = {i: r["tidy-uam+vg"]["wall"] / r["tidy-uam"]["wall"] - 1
           for i, r in ctx["analysis"].items()}
    T.append(("the module adds <= 5% to a clang-tidy run of a trivial check"
              " (`bugprone-use-after-move` + `viewguard-*` against"
              " `bugprone-use-after-move` alone, every input)",
              ", ".join("%s %+.0f%%" % (i, 100 * v) for i, v in add.items()),
              max(add.values()) <= 0.05))
    for key, label in (("stmts", "statements"), ("vars", "array variables")):
        e = ctx["scaling"][key]["exponent"]
        T.append(("scaling exponent <= 1.2 (%s)" % label,
                  "%.2f (upper half %.2f)" % (e, ctx["scaling"][key]["exponent_upper"]),
                  (e <= 1.2) if not math.isnan(e) else None))
    for tag in ("256KiB", "32MiB"):
        mc, d = nd.get("memcpy_" + tag), nd.get("copy_assign_" + tag)
        if mc and d:
            r = mc["seconds"] / d["seconds"]
            T.append(("nd contiguous copy >= 90%% of memcpy (%s, `assign`)" % tag,
                      "%.0f%%" % (100 * r), r >= 0.9))
    slow = [(n, np_[n]["seconds"] / d["seconds"]) for n, d in nd.items()
            if n in np_ and np_[n]["seconds"] / d["seconds"] < 1.0]
    T.append(("every nd kernel at least as fast as NumPy",
              "slower: " + ", ".join("%s %.2fx" % s for s in slow) if slow
              else "all %d at least as fast" % len([n for n in nd if n in np_]),
              not slow))
    ctx["targets"] = T

    if perf_available():
        log("== profiles (perf)")
        prof_n = 400 if not QUICK else 50
        p = gen("stmts", os.path.join(INPUTS, "profile_stmts_%d.cpp" % prof_n),
                stmts=prof_n, vars=8)
        ctx["profile_vg_input"] = "generated %d-statement function" % prof_n
        ctx["profile_vg"] = perf_analysis_profile(vg, p)
        ctx["profile_vg_big"] = perf_analysis_profile(vg, big)
        ctx["profile_kernels"] = {}
        for n, _ in sorted(slow, key=lambda s: s[1])[:4]:
            ctx["profile_kernels"][n] = perf_kernel_profile(kexe + "-g", n)

    ctx["load_end"] = " ".join(open("/proc/loadavg").read().split()[:3])
    ctx["elapsed"] = time.time() - t_start
    with open(os.path.join(OUT, "results.json"), "w") as fh:
        json.dump({k: v for k, v in ctx.items()}, fh, indent=1, default=str)
    text = write_report(ctx)
    log("")
    log("== targets")
    for t in T:
        log("  %-12s %s: %s" % ("met" if t[2] else ("not measured" if t[2] is None else "NOT MET"),
                               t[0], t[1]))
    if os.environ.get("BENCH_NO_DOC") != "1":
        with open(DOC, "w") as fh:
            fh.write(text)
        log("wrote " + os.path.relpath(DOC, ROOT))
    else:
        with open(os.path.join(OUT, "performance.md"), "w") as fh:
            fh.write(text)
        log("wrote build-bench/performance.md (BENCH_NO_DOC=1)")


if __name__ == "__main__":
    main()
