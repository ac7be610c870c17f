#!/usr/bin/python3
"""NumPy doing what bench/kernels.cpp does with nd, on the same data.

    /usr/bin/python3 bench/kernels_numpy.py [min_seconds_per_kernel]

Prints one JSON object per line, as kernels.cpp does (same names, same
"check" values). The timed statement is the NumPy expression alone (one
Python-level call per repetition, as a NumPy user writes it).
"""

import json
import sys
import time

import numpy as np
from numpy.lib.stride_tricks import as_strided

MIN_SECONDS = float(sys.argv[1]) if len(sys.argv) > 1 else 0.3
MASK64 = (1 << 64) - 1


class LCG:
    """The generator of kernels.cpp (same constants, same draws)."""

    def __init__(self, seed):
        self.s = seed

    def next(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) & MASK64
        return self.s >> 33

    def randint(self, lo, hi):  # [lo, hi)
        return lo + self.next() % (hi - lo)


def time_it(f):
    f()  # warm-up
    ts = []
    start = time.perf_counter()
    while len(ts) < 5 or (time.perf_counter() - start < MIN_SECONDS
                          and len(ts) < 100000):
        t0 = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t0)
    ts.sort()
    n = len(ts)
    med = ts[n // 2] if n % 2 else (ts[n // 2 - 1] + ts[n // 2]) / 2
    return med, n


def report(name, t, nbytes, check):
    print(json.dumps({"name": name, "seconds": t[0], "reps": t[1],
                      "bytes": float(nbytes), "check": float(check)}),
          flush=True)


def iota_array(n):
    return (np.arange(n) % 1000).astype(np.float64) * 0.5


def lcg_array(seed, n, lo, hi):
    r = LCG(seed)
    return np.array([r.randint(lo, hi) for _ in range(n)], dtype=np.int64)


def contiguous_copies():
    for n, tag in ((1 << 15, "256KiB"), (1 << 22, "32MiB")):
        src = iota_array(n)
        dst = np.zeros(n)
        t = time_it(lambda: np.copyto(dst, src))
        report("copy_assign_" + tag, t, src.nbytes, dst[n - 1])
        out = {}

        def new():
            out["c"] = src.copy()
        t = time_it(new)
        report("copy_new_" + tag, t, src.nbytes, out["c"][n - 1])


def square(n):
    return (np.arange(n * n) % 977).astype(np.float64).reshape(n, n)


def transposed_copies():
    n = 2048
    m = square(n)
    dst = np.zeros((n, n))
    out = {}

    def tc():
        out["c"] = m.T.copy()
    t = time_it(tc)
    report("transpose_copy_2048", t, m.nbytes, out["c"][1, 0])
    t = time_it(lambda: np.copyto(dst, m.T))
    report("transpose_assign_2048", t, m.nbytes, dst[1, 0])


def elementwise_add():
    n = 2048
    a, b = square(n), square(n)
    va = a[1:-1, 1:-1]
    vb = b[:-2, 2:]
    out = {}

    def add():
        out["c"] = va + vb
    t = time_it(add)
    report("add_views_2046", t, va.nbytes, out["c"][3, 5])
    ca, cb = square(n), square(n)

    def addc():
        out["c"] = ca + cb
    t = time_it(addc)
    report("add_contiguous_2048", t, ca.nbytes, out["c"][3, 5])

    def iadd():
        nonlocal va
        va += vb
    t = time_it(iadd)
    report("add_inplace_views_2046", t, va.nbytes, 0)


def gathers():
    n, k = 1 << 22, 1 << 20
    a = iota_array(n)
    idx = lcg_array(42, k, 0, n)
    out = {}

    def fancy():
        out["g"] = a[idx]
    t = time_it(fancy)
    g = out["g"]
    report("fancy_gather_1M_of_4M", t, k * 8, g[k - 1] + g[0])

    rows, cols = 512, 2048
    m = square(cols)
    ridx = lcg_array(7, rows, 0, cols)

    def frows():
        out["g"] = m[ridx]
    t = time_it(frows)
    report("fancy_rows_512_of_2048", t, rows * cols * 8,
           out["g"][rows - 1, 3])

    r = LCG(99)
    mask = np.array([r.randint(0, 2) == 1 for _ in range(n)], dtype=bool)
    selected = int(mask.sum())

    def mg():
        out["g"] = a[mask]
    t = time_it(mg)
    g = out["g"]
    report("mask_gather_4M_half", t, selected * 8, g.size + g[0])


def overlap():
    x = np.zeros((4, 5, 6), dtype=np.int8)
    a = x[:, ::2, ::3]
    b = x[:, ::3, ::2]
    out = {}

    def api():
        for _ in range(1000):
            out["r"] = np.shares_memory(a, b)
    t = time_it(api)
    report("shares_memory_api_case", (t[0] / 1000, t[1]), 0, out["r"])

    x = np.zeros([192163377], dtype=np.int8)
    x1 = as_strided(x, strides=(36674, 61119, 85569), shape=(1049, 1049, 1049))
    x2 = as_strided(x[64023025:], strides=(12223, 12224, 1),
                    shape=(1049, 1049, 1))
    hard = [0]

    def doc():
        try:
            np.shares_memory(x1, x2, max_work=10**6)
        except np.TooHardError:
            hard[0] += 1
    t = time_it(doc)
    report("shares_memory_doc_case_maxwork_1e6", t, 0, 1 if hard[0] else 0)
    del x, x1, x2

    x = np.zeros((17, 34, 71, 97), dtype=np.int16)
    r = LCG(1234)

    def steps():
        out = []
        for _ in range(4):
            out.append(r.randint(1, 11) if r.randint(0, 5) == 0 else 1)
        return out

    def rslice(n, step):
        start = r.randint(0, n + 1)
        stop = r.randint(start, n + 1)
        if r.randint(0, 2) == 0:
            start, stop = stop, start
            step = -step
        return slice(start, stop, step)

    def perm():
        p = [0, 1, 2, 3]
        for i in range(3, 0, -1):
            j = r.randint(0, i + 1)
            p[i], p[j] = p[j], p[i]
        return p

    def view(st):
        s = tuple(rslice(n, s) for n, s in zip(x.shape, st))
        return x[s].transpose(perm())

    pairs = []
    for _ in range(2000):
        va = view(steps())
        vb = view(steps())
        pairs.append((va, vb))
    yes = [0]

    def fuzz():
        c = 0
        for p, q in pairs:
            c += np.shares_memory(p, q)
        yes[0] = c
    t = time_it(fuzz)
    report("shares_memory_harder_fuzz_2000_pairs", t, 0, yes[0])


def main():
    contiguous_copies()
    transposed_copies()
    elementwise_add()
    gathers()
    overlap()


if __name__ == "__main__":
    main()
