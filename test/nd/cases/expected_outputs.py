#!/usr/bin/python3
"""Expected stdout of the spec cases (../shared/cases), from NumPy.

Each function is the NumPy translation of the case of the same name; its
output is what the nd program must print. Run with a Python that has NumPy
to rewrite test/nd/cases/expected/*.txt:

    /usr/bin/python3 test/nd/cases/expected_outputs.py [CASES_DIR]

Each file starts with "# case-sha256: <hash of the case source>"; when a case
changes, run_case.cmake checks only its exit status until this script is run
again (and its translation updated).
"""
import contextlib
import hashlib
import io
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "shared", "cases")


def run(f):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        f()
    return buf.getvalue()


def P(*xs):
    """std::cout << x << ...: str() of each, no separator."""
    print("".join(str(x) for x in xs), end="")

def direct_base_writes():
    a = np.arange(10); a[::2] = 0; a[1:4] += 100; a[[9]] = -9
    evens = a[::2]; P(evens, "\n", a, "\n")
def fancy_copy_lost_write():
    arr = np.array([10, 20, 30, 40, 50]); picked = arr[[0, 2]]; picked[0] = -1; P(arr, "\n")
def fancy_copy_used_locally():
    arr = np.array([10, 20, 30, 40, 50]); big = arr[arr > 25]; big -= 25
    P(np.sum(big), "\n"); P(arr, "\n"); arr[arr > 25] = 0; P(arr, "\n")
def mask_temporary_assign():
    arr = np.array([10, 20, 30, 40, 50]); P(arr, "\n")
def matrix_row_zeroed():
    m = np.array([[1, 2, 3], [4, 5, 6]]); first = m[0]; first.fill(0); P(np.sum(first), "\n"); P(m, "\n")
def param_scratch_view():
    s = np.array([1., 2, 3, 4, 5, 6]); w = s[0:4]; w -= np.mean(w); P("1.5", "\n"); P(s, "\n")
def rebind_view_handle():
    m = np.zeros((2, 3), int); m[1] = 1; P(m, "\n")
def row_swap_through_view():
    m = np.array([[1., 2], [3, 4]]); tmp = m[0]; m[0] = m[1]; m[1] = tmp; P(m, "\n")
def seed_copy_is_independent():
    d = np.array([10, 20, 30, 40, 50]); c = d.copy(); c[1] = 777
    P("Copy: ", c, "\n"); P("Original: ", d, "\n"); P("false\n")
def seed_explicit_view():
    a = np.array([1, 2, 3, 4, 5]); b = a.view(); b[0] = 13; P("a = ", a, "\n"); P("b = ", b, "\n")
def seed_view_write_both_read():
    d = np.array([10, 20, 30, 40, 50]); s = d[1:4]; s[0] = 111; P("Sliced: ", s, "\n"); P("Original: ", d, "\n")
def stale_snapshot():
    x = np.array([1.0, 2.0, 4.0])
    for it in range(100):
        prev = x[:]; x *= 0.5
        if np.allclose(x, prev):
            P("converged after ", it, " steps\n"); break
def stale_snapshot_fixed():
    x = np.array([1.0, 2.0, 4.0])
    for it in range(100):
        prev = x.copy(); x *= 0.5
        if np.allclose(x, prev, 1e-3):
            P("converged after ", it, " steps\n"); break
def transpose_reshape():
    m = np.arange(6).reshape(2, 3); t = m.T; t[0, 1] = 99; flat = m.reshape(6); flat[5] = -1
    P(t, "\n", flat, "\n", m, "\n")
def view_as_update_handle():
    m = np.array([[1., 2, 3], [4, 5, 6]]); row = m[1]; row *= 2.0; row[0:2] = 0.0; P(m, "\n")
def view_of_view_branch():
    g = np.arange(12).reshape(3, 4); inner = g[1:3, 1:3]; corner = inner[0]; corner[0] = -5
    P(corner, "\n", g, "\n")


def main():
    for name, f in sorted(globals().items()):
        path = os.path.join(CASES, name + ".cpp")
        if not (callable(f) and os.path.exists(path)):
            continue
        with open(path, "rb") as fh:
            digest = hashlib.sha256(fh.read()).hexdigest()
        with open(os.path.join(HERE, "expected", name + ".txt"), "w") as out:
            out.write("# case-sha256: %s\n" % digest)
            out.write(run(f))
        print("wrote expected/%s.txt" % name)


if __name__ == "__main__":
    main()
