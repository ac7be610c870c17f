#!/usr/bin/env python3
"""Generate arrays and NumPy's str() of each, for test/nd/print_test.cpp.

Run with a Python that has NumPy (Debian's /usr/bin/python3 has 1.24):

    /usr/bin/python3 test/nd/oracle/print_cases.py --seed 1 --count 3000 \
        --out /tmp/print_cases.txt

Output format, one block per case (values in C order, floats as the hex of
their IEEE bits so that nan payloads, -0.0 and float32 rounding survive):

    case <id> <dtype> <ndim> <dim0> ... <dimN-1>
    v <value> <value> ...
    s <byte count of str(a)>
    <str(a), which may span several lines>

dtype is one of bool, int32, int64, float32, float64. The printed text is
what numpy.ndarray.__str__ gives with the default print options.
"""

import argparse
import sys

import numpy as np

DTYPES = ["bool", "int32", "int64", "float32", "float64"]


def random_shape(rng):
    kind = rng.integers(0, 20)
    if kind == 0:
        return ()
    if kind == 1:
        # a zero-size dimension somewhere
        nd = int(rng.integers(1, 4))
        shape = [int(rng.integers(0, 4)) for _ in range(nd)]
        shape[int(rng.integers(0, nd))] = 0
        return tuple(shape)
    if kind == 2:
        # big enough to be summarised (size > 1000)
        choices = [(1001,), (1500,), (7, 150), (150, 7), (11, 10, 11),
                   (4, 5, 6, 9), (2, 501), (1001, 1), (1, 1, 1200),
                   (8, 8, 8, 2), (3, 3, 3, 3, 13)]
        return choices[int(rng.integers(0, len(choices)))]
    if kind in (3, 4, 5):
        # long rows that wrap
        nd = int(rng.integers(1, 3))
        lead = [int(rng.integers(1, 4)) for _ in range(nd - 1)]
        return tuple(lead + [int(rng.integers(8, 60))])
    nd = int(rng.integers(1, 5))
    return tuple(int(rng.integers(1, 7)) for _ in range(nd))


def random_float_values(rng, n, dtype):
    kind = int(rng.integers(0, 18))
    if kind == 0:
        v = rng.integers(-10, 11, n).astype(np.float64)
    elif kind == 1:
        v = rng.uniform(-1, 1, n) * 10.0 ** int(rng.integers(-6, 11))
    elif kind == 2:
        v = np.sign(rng.uniform(-1, 1, n)) * 10.0 ** rng.uniform(-12, 20, n)
    elif kind == 3:
        v = np.round(rng.uniform(-100, 100, n), int(rng.integers(0, 5)))
    elif kind == 4:
        # random bit patterns (any finite value, and some nan/inf)
        if dtype == "float32":
            bits = rng.integers(0, 2**32, n, dtype=np.uint64).astype(np.uint32)
            return bits.view(np.float32)
        bits = rng.integers(0, 2**63, n, dtype=np.uint64)
        bits |= rng.integers(0, 2, n, dtype=np.uint64) << np.uint64(63)
        return bits.view(np.float64)
    elif kind == 5:
        # powers of two: the unequal-margin case of the digit generator
        v = np.ldexp(1.0, rng.integers(-40, 60, n))
        v *= np.where(rng.uniform(size=n) < 0.3, -1.0, 1.0)
    elif kind == 6:
        # around the exponential-format thresholds
        base = [1e8, 1e-4, 1.0, 1000.0, 0.001, 1e16, 99999999.0, 1e-3]
        b = base[int(rng.integers(0, len(base)))]
        v = b * (1 + rng.integers(-3, 4, n) * np.finfo(np.float64).eps)
        if dtype == "float32":
            v = (b * (1 + rng.integers(-3, 4, n) * 6e-8))
        if n > 0:
            v[0] = b
    elif kind == 7:
        # max/min ratio around 1000
        lo = 10.0 ** rng.uniform(-3, 4)
        v = np.full(n, lo)
        v[n // 2:] = lo * 1000 * (1 + rng.integers(-2, 3, n - n // 2) * 1e-7)
        if dtype == "float32":
            v[n // 2:] = (np.float32(lo) * np.float32(1000)
                          * (1 + rng.integers(-2, 3, n - n // 2) * 1e-7))
    elif kind == 8:
        # large integers (float32 loses the units digit above 2**24)
        v = rng.integers(-10**8, 10**8, n).astype(np.float64)
    elif kind == 9:
        v = rng.standard_normal(n)
    elif kind == 10:
        v = 1.0 / rng.integers(1, 1000, n)
    elif kind == 11:
        v = rng.uniform(0, 1, n) * 10.0 ** rng.integers(-300, 300, n)
    elif kind == 12:
        # subnormals and extremes
        fi = np.finfo(np.float32 if dtype == "float32" else np.float64)
        pool = [fi.tiny, fi.tiny / 2, fi.tiny / 3, fi.max, -fi.max,
                fi.smallest_subnormal, 2 * fi.smallest_subnormal, 1.0, 0.5]
        v = np.array([pool[int(i)] for i in rng.integers(0, len(pool), n)],
                     dtype=np.float64)
    elif kind == 13:
        v = rng.integers(0, 3, n) * 0.5 + rng.integers(-2, 2, n)
    elif kind == 14:
        v = np.round(rng.uniform(-1, 1, n) * 10 ** rng.integers(0, 9), 8)
    elif kind == 15:
        v = rng.uniform(-1e4, 1e4, n)
    else:
        # powers of two next to values that need many digits, in scientific
        # mode: extra digits past the shortest repr are rounded with
        # Dragon4's margin rule
        v = np.ldexp(1.0, rng.integers(-60, 80, n))
        many = rng.uniform(1, 10, n) * 10.0 ** rng.integers(-8, 12, n)
        v = np.where(rng.uniform(size=n) < 0.5, v, many)
        if n > 0:
            v[0] = 1e-9 * rng.uniform(1, 2)
    v = np.asarray(v, dtype=np.float64)
    # sprinkle special values
    if n > 0 and rng.integers(0, 4) == 0:
        specials = [np.nan, np.inf, -np.inf, -0.0, 0.0]
        k = int(rng.integers(1, min(n, 4) + 1))
        idx = rng.integers(0, n, k)
        for i in idx:
            v[i] = specials[int(rng.integers(0, len(specials)))]
    with np.errstate(over="ignore"):
        return v.astype(np.float32 if dtype == "float32" else np.float64)


def random_int_values(rng, n, dtype):
    info = np.iinfo(np.int32 if dtype == "int32" else np.int64)
    kind = int(rng.integers(0, 6))
    if kind == 0:
        v = rng.integers(-10, 11, n)
    elif kind == 1:
        hi = 10 ** int(rng.integers(1, 10))
        v = rng.integers(-hi, hi, n)
    elif kind == 2:
        v = rng.integers(0, 100, n)
    elif kind == 3:
        v = rng.integers(info.min, info.max, n, dtype=np.int64, endpoint=True)
    elif kind == 4:
        pool = [info.min, info.max, 0, -1, 1]
        v = np.array([pool[int(i)] for i in rng.integers(0, 5, n)],
                     dtype=np.int64)
    else:
        v = -rng.integers(0, 1000, n)
    return np.asarray(v, dtype=np.int64).astype(dtype)


def make_case(rng):
    dtype = DTYPES[int(rng.integers(0, len(DTYPES)))]
    shape = random_shape(rng)
    n = int(np.prod(shape)) if shape else 1
    if dtype == "bool":
        vals = rng.integers(0, 2, n).astype(bool)
    elif dtype.startswith("int"):
        vals = random_int_values(rng, n, dtype)
    else:
        vals = random_float_values(rng, n, dtype)
    return vals.reshape(shape)


def fixed_cases():
    """Hand-picked arrays; each is checked before the random ones."""
    f32 = np.float32
    cases = [
        np.array([10, 20, 30]),
        np.array([[1, 2], [3, 4]]),
        np.array(True),
        np.array(5),
        np.array(0.1),
        np.array(f32(0.1)),
        np.array(1e16),
        np.array(1e15),
        np.array(-0.0),
        np.array(np.nan),
        np.array(-np.inf),
        np.array(f32(99999992)),
        np.array(f32(0.0001)),
        np.array(5e-324),
        np.array([True, False]),
        np.array([0.1, 1.23456789e-6]),
        np.array([0.1, 1.23456789e-6], dtype=f32),
        np.array([0.1, 1.2345678e-6], dtype=f32),
        np.array([99999992, 1], dtype=f32),
        np.array([99999992], dtype=f32),
        np.array([1.5, np.nan]),
        np.array([1e-10, np.inf, -np.inf]),
        np.array([np.nan, np.inf]),
        np.array([np.nan, -np.inf]),
        np.array([-0.0, 0.0]),
        np.array([1e301, -1e301, 0.0]),
        np.array([1e8, 1.0]),
        np.array([1e7, 1.0]),
        np.array([0.001953125, 1.0]),
        np.array([1e-4, 1.0], dtype=f32),
        np.array([0.5, 1000.0]),
        np.array([0.5, 1000.0001]),
        np.arange(30.0).reshape(2, 3, 5),
        np.arange(1100.0),
        np.arange(1100),
        np.arange(1100).reshape(10, 110) ** 2,
        np.arange(2000).reshape(2, 10, 100),
        np.zeros((2, 0)),
        np.zeros((0, 3), dtype=np.int64),
        np.zeros(0, dtype=bool),
        np.arange(24).reshape(2, 3, 4) - 12,
        np.linspace(0, 1, 40),
        np.linspace(0, 1, 40, dtype=f32),
        np.arange(100).reshape(1, 1, 100),
        np.ones((2, 2, 2, 2)),
        np.array([[np.nan]]),
        np.array([2.0**-1074, 2.0**1023]),
        np.array([3.4028235e38, 1.4e-45], dtype=f32),
        np.array([2**63 - 1, -2**63], dtype=np.int64),
        # powers of two whose shortest digits are not the nearest ones
        np.array([2.0**-96, 1.2345678 * 2.0**-96], dtype=f32),
        np.array([2.0**87, 1.2345678 * 2.0**87], dtype=f32),
        np.array([2.0**90], dtype=f32),
    ]
    # rows whose width lands exactly on the 75-column limit
    for n in range(20, 30):
        cases.append(np.arange(n) * 10)
        cases.append(np.arange(2 * n).reshape(2, n) * 10)
        cases.append(np.arange(2 * n).reshape(2, 1, n) * 100)
    return cases


def write_case(out, cid, a):
    dtype = {np.dtype(bool): "bool", np.dtype(np.int32): "int32",
             np.dtype(np.int64): "int64", np.dtype(np.float32): "float32",
             np.dtype(np.float64): "float64"}[a.dtype]
    flat = a.ravel()
    if dtype == "bool":
        vals = ["1" if x else "0" for x in flat]
    elif dtype.startswith("int"):
        vals = [str(int(x)) for x in flat]
    elif dtype == "float32":
        vals = ["%x" % x for x in flat.view(np.uint32)]
    else:
        vals = ["%x" % x for x in flat.view(np.uint64)]
    text = str(a).encode("utf-8")
    out.write(("case %d %s %d%s\n" % (
        cid, dtype, a.ndim, "".join(" %d" % d for d in a.shape))).encode())
    out.write(("v" + "".join(" " + v for v in vals) + "\n").encode())
    out.write(("s %d\n" % len(text)).encode())
    out.write(text + b"\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=3000,
                    help="number of random cases (fixed cases come first)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    np.set_printoptions()  # the defaults, whatever the environment did
    rng = np.random.default_rng(args.seed)
    with open(args.out, "wb") as out:
        cid = 0
        for a in fixed_cases():
            write_case(out, cid, a)
            cid += 1
        for _ in range(args.count):
            write_case(out, cid, make_case(rng))
            cid += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
