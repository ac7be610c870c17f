#!/usr/bin/env python3
"""Random strided array pairs and np.shares_memory's answers, for
test/nd/overlap_test.cpp.

Run with a Python that has NumPy (Debian's /usr/bin/python3):

    /usr/bin/python3 test/nd/oracle/overlap_cases.py --seed 1 --count 3000 \
        --out /tmp/overlap_cases.txt

Both arrays are views of one byte buffer. One line per pair:

    <id> A <itemsize> <offset> <ndim> <shape...> <strides...>
         B <itemsize> <offset> <ndim> <shape...> <strides...>
         R <max_work>:<answer> ...

(on one line), offsets and strides in bytes. <answer> is Y (True), N (False)
or T (numpy.TooHardError) for np.shares_memory(a, b, max_work=...), with
max_work -1 standing for None (exact). The small max_work values check that
the work accounting agrees, not only the answers.
"""

import argparse
import sys

import numpy as np

BUF = 4096
MAX_WORKS = [-1, 0, 1, 2, 3, 5, 10, 50]


def extent(shape, strides, itemsize):
    lo = hi = 0
    for n, s in zip(shape, strides):
        if n == 0:
            return None
        if s > 0:
            hi += s * (n - 1)
        else:
            lo += s * (n - 1)
    return lo, hi + itemsize


def random_view(rng, kind):
    itemsize = int(rng.choice([1, 1, 2, 3, 4, 8]))
    ndim = int(rng.integers(0, 5))
    if kind == "gcd":
        # strides sharing factors and itemsize 1: the search meets levels
        # whose gcd does not divide the right-hand side, which cost work
        itemsize = 1
        ndim = int(rng.integers(2, 5))
        shape = [int(rng.integers(2, 9)) for _ in range(ndim)]
        strides = [int(rng.choice([2, 3, 4, 6, 9, 10, 12, 15]))
                   * int(rng.integers(1, 6)) * int(rng.choice([-1, 1]))
                   for _ in range(ndim)]
    elif kind == "hard":
        # a few long axes with incommensurate strides: more search work
        ndim = int(rng.integers(2, 5))
        shape = [int(rng.integers(2, 12)) for _ in range(ndim)]
        strides = [int(rng.integers(1, 60)) * int(rng.choice([-1, 1]))
                   for _ in range(ndim)]
    else:
        shape = [int(rng.integers(0, 7)) if rng.integers(0, 8) else 0
                 for _ in range(ndim)]
        shape = [n if rng.integers(0, 10) else 1 for n in shape]
        strides = []
        for _ in range(ndim):
            r = rng.integers(0, 4)
            if r == 0:
                s = 0
            elif r == 1:
                s = itemsize * int(rng.integers(-6, 7))
            else:
                s = int(rng.integers(-40, 41))
            strides.append(s)
    return itemsize, shape, strides


def place(rng, itemsize, shape, strides):
    e = extent(shape, strides, itemsize)
    if e is None:
        return int(rng.integers(0, BUF))
    lo, hi = e
    first = -lo
    last = BUF - hi
    if last < first:
        return None
    # cluster the arrays so that they interact
    centre = BUF // 2 - (lo + hi) // 2
    off = centre + int(rng.integers(-64, 65))
    return min(max(off, first), last)


def make(buf, itemsize, offset, shape, strides):
    return np.ndarray(tuple(shape), dtype=np.dtype("V%d" % itemsize),
                      buffer=buf, offset=offset, strides=tuple(strides))


def answer(a, b, max_work):
    try:
        r = np.shares_memory(a, b, max_work=None if max_work < 0 else max_work)
    except np.TooHardError:
        return "T"
    return "Y" if r else "N"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    rng = np.random.default_rng(args.seed)
    buf = bytearray(BUF)
    lines = []
    cid = 0
    while cid < args.count:
        kind = ["easy", "easy", "hard", "gcd"][int(rng.integers(0, 4))]
        views = []
        for _ in range(2):
            itemsize, shape, strides = random_view(rng, kind)
            off = place(rng, itemsize, shape, strides)
            if off is None:
                break
            views.append((itemsize, off, shape, strides))
        if len(views) != 2:
            continue
        arrs = [make(buf, *v[:2], v[2], v[3]) for v in views]
        res = " ".join("%d:%s" % (w, answer(arrs[0], arrs[1], w))
                       for w in MAX_WORKS)
        parts = [str(cid)]
        for tag, (itemsize, off, shape, strides) in zip("AB", views):
            parts += [tag, str(itemsize), str(off), str(len(shape))]
            parts += [str(n) for n in shape] + [str(s) for s in strides]
        parts += ["R", res]
        lines.append(" ".join(parts))
        cid += 1
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
