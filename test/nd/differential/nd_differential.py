#!/usr/bin/python3
"""nd's differential test against NumPy.

Generates seeded random operation sequences (generate.py), runs them in
NumPy (numpy_model.py) and in nd (the nd_interp executable, all programs in
one process), and compares every observation: values, shapes, strides,
offsets, owndata, base identity, shares_memory/may_share_memory with every
live array, write propagation, printed text and errors.

On a mismatch it prints the seed, the program number and the shortest
program (found by delta debugging) that still shows the same kind of
mismatch, with both sides' observations.

usage: nd_differential.py --interp build/bin/nd_interp
environment:
  ND_DIFF_SEED   the seed (default 20240611; "random" picks one and prints it)
  ND_DIFF_COUNT  number of programs (default 5000)
  ND_DIFF_ONLY   run only this program number (verbose)
  ND_DIFF_MAX_REPORTS  failing programs to minimize and print (default 3)
  ND_DIFF_KEEP   a directory to keep the programs and both outputs in
"""

import argparse
import math
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from generate import generate  # noqa: E402
from numpy_model import run_program  # noqa: E402

DEFAULT_SEED = "20240611"


# -- comparing observations ------------------------------------------------
def num(tok):
    return float(tok)


def same_values(exp, got, tol=0.0):
    e = exp.split(" ") if exp else []
    g = got.split(" ") if got else []
    if len(e) != len(g):
        return False
    for x, y in zip(e, g):
        if x == y:
            continue
        try:
            fx, fy = num(x), num(y)
        except ValueError:
            return False
        if math.isnan(fx) and math.isnan(fy):
            continue
        if fx == fy:
            continue
        if tol and math.isfinite(fx) and abs(fx - fy) <= tol * max(1.0, abs(fx)):
            continue
        return False
    return True


def fields(line):
    parts = line.split("\t")
    out = {}
    for p in parts[1:]:
        k, _, v = p.partition("=")
        out[k] = v
    return parts[0], parts, out


def compare_line(exp, got):
    """None when the two observations agree, else a mismatch category."""
    if exp == got:
        return None
    ek, eparts, ef = fields(exp)
    gk, gparts, gf = fields(got)
    if ek != gk:
        return "kind %s/%s" % (ek, gk)
    if ek == "E":
        # The kind must agree; the messages (third field) are for the reader.
        if len(gparts) > 1 and eparts[1] == gparts[1]:
            return None
        return "error %s/%s" % (eparts[1], gparts[1] if len(gparts) > 1 else "?")
    if ek == "N":
        for key in ef:
            if key not in gf:
                return "N." + key
            if key == "val":
                if not same_values(ef[key], gf[key]):
                    return "N.val"
            elif key == "off" and "?" in (ef[key], gf[key]):
                continue
            elif ef[key] != gf[key]:
                return "N." + key
        return None
    if ek == "W":
        if len(eparts) != len(gparts):
            return "W.slots"
        for e, g in zip(eparts[1:], gparts[1:]):
            en, _, ev = e.partition("=")
            gn, _, gv = g.partition("=")
            if en != gn or not same_values(ev, gv):
                return "W.val"
        return None
    if ek == "S":
        kind = eparts[1]
        tol = {"f32": 2e-5, "f64": 1e-11}.get(kind, 0.0)
        if len(gparts) < 3 or not same_values(eparts[2], gparts[2], tol):
            return "S." + kind
        return None
    return ek


def compare_program(exp, got):
    """(line number, category) of the first mismatch, or None."""
    for i, e in enumerate(exp):
        g = got[i] if i < len(got) else "CRASH"
        c = compare_line(e, g)
        if c:
            return i, c
    return None


# -- running nd ----------------------------------------------------------------
def write_programs(path, progs):
    with open(path, "w") as f:
        for idx, lines in progs:
            f.write("program %d\n" % idx)
            for line in lines:
                f.write(line + "\n")
            f.write("end\n")


def parse_output(text):
    """{program number: [observation lines]} (an unfinished program, where
    the interpreter died, has its lines so far)."""
    out = {}
    cur = None
    for line in text.split("\n"):
        if line.startswith("program "):
            cur = int(line.split(" ")[1])
            out[cur] = []
        elif line == "end":
            cur = None
        elif cur is not None and line:
            out[cur].append(line)
    return out


def run_nd(interp, progs, workdir, tag="all"):
    """Runs progs [(idx, lines)] in nd; restarts after a crash. Returns
    ({idx: lines}, {idx: crash text})."""
    results = {}
    crashes = {}
    todo = list(progs)
    while todo:
        path = os.path.join(workdir, "programs-%s.txt" % tag)
        write_programs(path, todo)
        r = subprocess.run([interp, path], capture_output=True, text=True)
        with open(os.path.join(workdir, "nd-%s.txt" % tag), "w") as f:
            f.write(r.stdout)
        got = parse_output(r.stdout)
        results.update(got)
        if r.returncode == 0:
            break
        # The last program started is the one that crashed.
        started = [idx for idx, _ in todo if idx in got]
        last = started[-1] if started else todo[0][0]
        crashes[last] = (r.stderr or "exit status %d" % r.returncode)[-3000:]
        pos = [idx for idx, _ in todo].index(last)
        todo = todo[pos + 1:]
    return results, crashes


# -- delta debugging ---------------------------------------------------------
def fails_same(interp, lines, category, workdir):
    exp = run_program(lines)
    got, _ = run_nd(interp, [(0, lines)], workdir, "min")
    m = compare_program(exp, got.get(0, []))
    return m is not None and m[1] == category


def minimize(interp, lines, category, workdir):
    """Drops lines while the same kind of mismatch persists (ddmin)."""
    n = 2
    cur = list(lines)
    while len(cur) >= 2:
        chunk = max(1, len(cur) // n)
        reduced = False
        for start in range(0, len(cur), chunk):
            cand = cur[:start] + cur[start + chunk:]
            if cand and fails_same(interp, cand, category, workdir):
                cur = cand
                n = max(n - 1, 2)
                reduced = True
                break
        if not reduced:
            if chunk == 1:
                break
            n = min(len(cur), n * 2)
    return cur


def report(interp, seed, idx, lines, exp, got, crash, workdir):
    m = compare_program(exp, got)
    line_no, category = m
    print("=" * 72)
    print("MISMATCH seed=%s program=%d line=%d category=%s" % (seed, idx, line_no + 1, category))
    print("reproduce: ND_DIFF_SEED=%s ND_DIFF_ONLY=%d" % (seed, idx))
    if crash:
        print("nd_interp died:\n" + crash)
    small = minimize(interp, lines, category, workdir)
    exp2 = run_program(small)
    got2, crash2 = run_nd(interp, [(0, small)], workdir, "min")
    got2 = got2.get(0, [])
    print("minimized program (%d of %d lines):" % (len(small), len(lines)))
    for i, line in enumerate(small):
        e = exp2[i]
        g = got2[i] if i < len(got2) else "CRASH"
        mark = "  " if compare_line(e, g) is None else "!!"
        print("%s %s" % (mark, line))
        if mark == "!!":
            print("     numpy: " + e)
            print("     nd:    " + g)
    if crash2:
        print("nd_interp died on the minimized program:\n" + crash2.get(0, "")[-1500:])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--interp", required=True)
    a = ap.parse_args()

    seed = os.environ.get("ND_DIFF_SEED", DEFAULT_SEED)
    if seed == "random":
        seed = str(random.SystemRandom().randrange(1 << 31))
    count = int(os.environ.get("ND_DIFF_COUNT", "5000"))
    only = os.environ.get("ND_DIFF_ONLY")
    max_reports = int(os.environ.get("ND_DIFF_MAX_REPORTS", "3"))
    keep = os.environ.get("ND_DIFF_KEEP")

    t0 = time.time()
    indices = [int(only)] if only else list(range(count))
    progs = []
    expected = {}
    for idx in indices:
        lines, obs = generate(seed, idx)
        progs.append((idx, lines))
        expected[idx] = obs
    t1 = time.time()

    workdir = keep or tempfile.mkdtemp(prefix="nd-diff-")
    os.makedirs(workdir, exist_ok=True)
    got, crashes = run_nd(a.interp, progs, workdir)
    t2 = time.time()
    if keep:
        with open(os.path.join(workdir, "expected.txt"), "w") as f:
            for idx, _ in progs:
                f.write("program %d\n" % idx + "".join(o + "\n" for o in expected[idx]) + "end\n")

    failures = []
    nlines = 0
    for idx, lines in progs:
        nlines += len(lines)
        m = compare_program(expected[idx], got.get(idx, []))
        if m:
            failures.append((idx, m))
        elif only:
            for line, o in zip(lines, expected[idx]):
                print(line)
                print("    " + o)

    print("nd differential: seed=%s programs=%d operations=%d (numpy %.1fs, nd %.1fs)"
          % (seed, len(progs), nlines, t1 - t0, t2 - t1))
    if not failures:
        print("all observations agree")
        return 0
    cats = {}
    for idx, (_, c) in failures:
        cats.setdefault(c, []).append(idx)
    print("%d of %d programs disagree:" % (len(failures), len(progs)))
    for c, ids in sorted(cats.items(), key=lambda kv: -len(kv[1])):
        print("  %-24s %5d  e.g. programs %s" % (c, len(ids), ", ".join(map(str, ids[:5]))))
    # One report per category, the smallest programs first.
    shown = set()
    reported = 0
    for idx, (_, c) in sorted(failures, key=lambda f: len(dict(progs)[f[0]])):
        if c in shown or reported >= max_reports:
            continue
        shown.add(c)
        reported += 1
        lines = dict(progs)[idx]
        report(a.interp, seed, idx, lines, expected[idx], got.get(idx, []),
               crashes.get(idx), workdir)
    return 1


if __name__ == "__main__":
    sys.exit(main())
