"""Random programs for nd's differential test (see numpy_model.py for the
language). A program is generated against a live NumPy model, so operations
fit the current shapes most of the time and are wrong on purpose some of the
time (out-of-range indices, mismatched shapes, step 0), to check that nd
throws where NumPy raises.
"""

import random

import numpy as np

from numpy_model import NSLOTS, Model

INT_BOUND = 1_000_000  # keeps int32 sums and products far from overflow (UB in C++)
DT_WEIGHTS = [("i64", 35), ("f64", 30), ("b", 8), ("i32", 12), ("f32", 15)]


def wchoice(rng, pairs):
    total = sum(w for _, w in pairs)
    r = rng.uniform(0, total)
    for v, w in pairs:
        r -= w
        if r <= 0:
            return v
    return pairs[-1][0]


KIND = {"b": 0, "i32": 1, "i64": 1, "f32": 2, "f64": 2}


def is_float(dt):
    return dt in ("f32", "f64")


def dt_of(a):
    return {
        np.dtype(np.bool_): "b",
        np.dtype(np.int32): "i32",
        np.dtype(np.int64): "i64",
        np.dtype(np.float32): "f32",
        np.dtype(np.float64): "f64",
    }[a.dtype]


def shape_tok(shape, prefix="s:"):
    return prefix + ",".join(map(str, shape))


def ints_tok(xs):
    return ",".join(map(str, xs))


def can_broadcast(s1, s2):
    for a, b in zip(reversed(s1), reversed(s2)):
        if a != b and a != 1 and b != 1:
            return False
    return True


def broadcasts_to(src, dst):
    """src can be broadcast into dst (as an assignment source)."""
    if len(src) > len(dst):
        lead = src[: len(src) - len(dst)]
        if any(d != 1 for d in lead):
            return False
        src = src[len(src) - len(dst):]
    return all(a == b or a == 1 for a, b in zip(reversed(src), reversed(dst)))


def is_advanced_item(tok):
    return tok[0] in "xAMv"


class Gen:
    def __init__(self, rng):
        self.rng = rng
        self.model = Model()
        self.lines = []
        self.obs = []

    # -- random pieces -----------------------------------------------------
    def p(self, x):
        return self.rng.random() < x

    def scalar(self, dt, small=False):
        r = self.rng
        if dt == "b":
            return "#%d" % r.randint(0, 1)
        if dt in ("i32", "i64"):
            return "#%d" % (r.randint(-3, 3) if small else r.randint(-9, 20))
        v = r.choice([r.randint(-8, 16) * 0.5, r.randint(-4, 9), 0.1 * r.randint(-9, 9)])
        if small:
            v = r.choice([0.5, 2.0, -1.0, 1.5, 3.0, 0.0])
        return "#" + repr(float(v))

    def shape(self, max_ndim=3):
        r = self.rng
        nd = wchoice(r, [(0, 2), (1, 30), (2, 40), (3, 22)][: max_ndim + 1])
        dims = []
        for _ in range(nd):
            dims.append(wchoice(r, [(0, 3), (1, 12), (2, 25), (3, 25), (4, 20), (5, 8)]))
        return tuple(dims)

    def free_slot(self):
        empty = [i for i in range(NSLOTS) if self.model.slots[i] is None]
        if empty and self.p(0.8):
            return "v%d" % self.rng.choice(empty)
        return "v%d" % self.rng.randrange(NSLOTS)

    def live(self, pred=None):
        out = []
        for i, a in enumerate(self.model.slots):
            if a is not None and (pred is None or pred(a)):
                out.append(i)
        return out

    def pick(self, pred=None):
        c = self.live(pred)
        return ("v%d" % self.rng.choice(c)) if c else None

    def arr(self, tok):
        return self.model.slots[int(tok[1:])]

    # -- index tuples ------------------------------------------------------
    def int_index(self, n):
        r = self.rng
        if self.p(0.06) or n == 0:
            return r.choice([n, n + 1, -n - 1, n + 3])
        return r.randint(-n, n - 1)

    def slice_item(self, n):
        r = self.rng

        def bound():
            if self.p(0.3):
                return "_"
            if self.p(0.15):
                return str(r.choice([-n - 3, -n - 1, n + 1, n + 4, -100, 100]))
            return str(r.randint(-n, n))

        step = "_"
        if self.p(0.55):
            step = str(r.choice([1, 2, 3, -1, -1, -2, -3] + ([0] if self.p(0.1) else [])))
        form = r.randint(1, 3)
        if form == 1:
            return "s:" + bound()
        if form == 2:
            return "s:%s:%s" % (bound(), bound())
        return "s:%s:%s:%s" % (bound(), bound(), step)

    def fancy_item(self, dims):
        """An advanced index item for the axes with extents dims (a mask
        covers all of them, an integer index only the first)."""
        r = self.rng
        n = dims[0]
        kind = wchoice(r, [("x", 40), ("A", 25), ("M", 25), ("slot", 10)])
        if kind == "M":
            shape = list(dims)
            if self.p(0.08):
                shape[0] = shape[0] + r.choice([1, -1]) if shape[0] > 1 else shape[0] + 1
                if 0 in shape:
                    # NumPy 1.24 accepts an empty mask of any length (a legacy
                    # quirk nd does not copy): keep wrong masks non-empty.
                    shape = list(dims)
            vals = [r.randint(0, 1) for _ in range(int(np.prod(shape)))]
            return "M:%s:%s" % (ints_tok(shape), ints_tok(vals)), len(dims)
        if kind == "slot":
            want = tuple(dims)
            s = self.pick(lambda a: a.dtype == np.bool_ and a.shape == want and a.ndim > 0)
            if s is None or self.p(0.3):
                s = self.pick(lambda a: a.dtype == np.int64 and a.ndim in (1, 2) and a.size <= 8
                              and (a.size == 0 or abs(a).max() < max(n, 1) + 1))
            if s is not None:
                a = self.arr(s)
                return s, (a.ndim if a.dtype == np.bool_ else 1)
            kind = "x"
        if kind == "x":
            k = wchoice(r, [(0, 5), (1, 20), (2, 35), (3, 25), (4, 15)])
            return "x:" + ints_tok(self.int_index(n) for _ in range(k)), 1
        shape = r.choice([(2,), (3,), (1,), (0,), (2, 2), (1, 3), (3, 1)])
        vals = [self.int_index(n) for _ in range(int(np.prod(shape)))]
        return "A:%s:%s" % (ints_tok(shape), ints_tok(vals)), 1

    def index_tuple(self, a, advanced):
        """Items for a; advanced: 0 none, 1 at least one advanced item."""
        r = self.rng
        shape = a.shape
        items = []
        d = 0
        n_adv = 0
        want_adv = advanced and a.ndim > 0
        consume = len(shape) if self.p(0.6) else r.randint(0, len(shape))
        if want_adv:
            consume = max(consume, 1)
        adv_at = set()
        if want_adv:
            adv_at.add(r.randrange(max(consume, 1)))
            if self.p(0.25) and consume > 1:
                adv_at.add(r.randrange(consume))
        while d < consume:
            if self.p(0.12):
                items.append("new")
                continue
            n = shape[d]
            if d in adv_at:
                tok, used = self.fancy_item(shape[d:consume] if self.p(0.5) else shape[d:d + 1])
                items.append(tok)
                n_adv += 1
                d += used
                continue
            kind = wchoice(r, [("i", 25), ("s", 50), ("all", 25)])
            if kind == "i":
                items.append("i:%d" % self.int_index(n))
            elif kind == "s":
                items.append(self.slice_item(n))
            else:
                items.append("all")
            d += 1
        if self.p(0.08):
            items.append("new")
        if self.p(0.03):  # one index too many
            items.append("i:0")
        # nd_interp dispatches tuples of up to 4 basic items, or 3 with an
        # advanced one: drop basic items from the end beyond that.
        limit = 3 if n_adv else 4
        while len(items) > limit:
            for k in range(len(items) - 1, -1, -1):
                if not is_advanced_item(items[k]):
                    del items[k]
                    break
        if not items:
            items.append("all")
        if all(t.startswith("i:") for t in items):
            if len(items) == 4:
                del items[-1]
            # An all-integer tuple is an element access in nd (a T&, one
            # integer per axis), not a view: keep it a view as in NumPy.
            items.append("all" if len(items) < a.ndim else "new")
        return "|".join(items)

    # -- operations --------------------------------------------------------
    def op_create(self):
        r = self.rng
        d = self.free_slot()
        dt = wchoice(r, DT_WEIGHTS)
        kind = wchoice(r, [("lit", 55), ("arange", 20), ("zeros", 8), ("ones", 7), ("full", 10)])
        if kind == "arange":
            if dt == "b":
                dt = "i64"
            start = r.randint(-3, 3)
            step = r.choice([1, 1, 1, 2, 3, -1, -2])
            n = r.randint(0, 12) if not self.p(0.02) else r.randint(1000, 1300)
            stop = start + step * n + r.choice([0, 0, 1])  # > 1000: summarized
            if is_float(dt) and self.p(0.3):
                # fractional: NumPy fills from the first two elements
                start = r.choice([0.1, -0.3, 0.25, 1.7, 0.0])
                step = r.choice([0.1, 0.2, -0.3, 0.7, 0.25])
                stop = start + step * r.randint(0, 12) + r.choice([0, 0.05])
                return "arange %s %s %r %r %r" % (d, dt, start, round(stop, 6), step)
            return "arange %s %s %d %d %d" % (d, dt, start, stop, step)
        shape = self.shape()
        if kind == "lit":
            n = int(np.prod(shape))
            vals = [self.scalar(dt)[1:] for _ in range(n)]
            return " ".join(["lit", d, dt, shape_tok(shape)] + vals)
        if kind == "full":
            return "full %s %s %s %s" % (d, dt, shape_tok(shape), self.scalar(dt))
        return "%s %s %s %s" % (kind, d, dt, shape_tok(shape))

    def op_index(self, advanced):
        # 0-d arrays too, now and then: a[None] is (1,), a[:] too many.
        zero_d = self.p(0.05)
        s = self.pick(lambda a: a.ndim > 0 or zero_d)
        if s is None:
            return None
        return "index %s %s %s" % (self.free_slot(), s, self.index_tuple(self.arr(s), advanced))

    def op_get_set(self):
        r = self.rng
        s = self.pick(lambda a: 0 < a.ndim <= 4)
        if s is None:
            return None
        a = self.arr(s)
        write = self.p(0.5)
        if a.ndim == 1 and self.p(0.4):
            i = self.int_index(a.shape[0])
            if write:
                return "set1 %s %d %s" % (s, i, self.scalar(dt_of(a)))
            return "get1 %s %d" % (s, i)
        idx = [self.int_index(n) for n in a.shape]
        if self.p(0.04):
            idx.append(0)
        if write:
            return "set %s %s %s" % (s, ints_tok(idx), self.scalar(dt_of(a)))
        return "get %s %s" % (s, ints_tok(idx))

    def op_layout(self):
        r = self.rng
        s = self.pick()
        if s is None:
            return None
        a = self.arr(s)
        d = self.free_slot()
        kind = wchoice(
            r,
            [("view", 8), ("T", 12), ("transpose", 10), ("swapaxes", 10), ("squeeze", 8),
             ("reshape", 30), ("ravel", 15), ("bind", 8)],
        )
        if kind == "transpose":
            if self.p(0.3):
                return "transpose %s %s -" % (d, s)
            axes = list(range(a.ndim))
            r.shuffle(axes)
            if self.p(0.1) and axes:
                axes[0] = r.choice([a.ndim, -1, axes[-1]])
            if self.p(0.05):
                axes = axes[:-1]
            return "transpose %s %s %s" % (d, s, ints_tok(axes))
        if kind == "swapaxes":
            def ax():
                if self.p(0.1) or not a.ndim:
                    return r.choice([a.ndim, -a.ndim - 1, 1])
                return r.randint(-a.ndim, a.ndim - 1)
            return "swapaxes %s %s %d %d" % (d, s, ax(), ax())
        if kind == "reshape":
            return "reshape %s %s %s" % (d, s, shape_tok(self.reshape_dims(a), "r:"))
        return "%s %s %s" % (kind, d, s)

    def reshape_dims(self, a):
        r = self.rng
        n = a.size
        if self.p(0.07):
            return [n + 1]
        if self.p(0.03):
            return [-1, -1]
        if self.p(0.1):
            return list(a.shape)
        nd = wchoice(r, [(1, 30), (2, 40), (3, 25), (0, 5)])
        if nd == 0:
            return [] if n == 1 or self.p(0.3) else [-1]
        dims = []
        rest = n
        for i in range(nd - 1):
            divs = [k for k in range(1, max(rest, 1) + 1) if rest % k == 0] if rest else [0, 1, 2]
            k = r.choice(divs)
            dims.append(k)
            rest = rest // k if k else 0
        dims.append(rest)
        r.shuffle(dims)
        if self.p(0.4):
            dims[r.randrange(len(dims))] = -1
        return dims

    def op_copy(self):
        s = self.pick()
        if s is None:
            return None
        kind = self.rng.choice(["copy", "ndcopy", "flatten"])
        return "%s %s %s" % (kind, self.free_slot(), s)

    def target(self, want_shape, dt, prefer_overlap=None, max_ndim=32):
        """A slot to use as a source of values for an array of want_shape."""
        r = self.rng
        c = self.live(lambda a: dt_of(a) == dt and broadcasts_to(a.shape, want_shape)
                      and a.ndim <= max_ndim)
        if prefer_overlap is not None:
            ov = [j for j in c if np.shares_memory(self.model.slots[j], prefer_overlap)]
            if ov and self.p(0.6):
                c = ov
        if c and not self.p(0.05):
            return "v%d" % r.choice(c)
        c = self.live(lambda a: dt_of(a) == dt and a.ndim <= max_ndim)
        return ("v%d" % r.choice(c)) if c else None

    def int_safe(self, a, f, x):
        if a.dtype.kind not in "iu":
            return True
        try:
            y = f(a.astype(np.float64), np.asarray(x, dtype=np.float64))
        except ValueError:
            return True  # a shape error: nothing gets computed
        return y.size == 0 or np.abs(y).max() <= INT_BOUND

    def op_write(self):
        r = self.rng
        s = self.pick()
        if s is None:
            return None
        a = self.arr(s)
        dt = dt_of(a)
        kind = wchoice(r, [("fill", 15), ("assign", 15), ("iop", 30), ("setidx", 25),
                           ("tmpset", 6), ("put", 20)])
        if kind == "fill":
            return "fill %s %s" % (s, self.scalar(dt))
        if kind == "assign":
            x = self.target(a.shape, dt, prefer_overlap=a)
            return "assign %s %s" % (s, x) if x else None
        if kind == "iop":
            if dt == "b":
                return None
            ops = ["add", "sub", "mul"] + (["div"] if is_float(dt) else [])
            o = r.choice(ops)
            if self.p(0.5):
                x = self.target(a.shape, dt, prefer_overlap=a)
            else:
                x = self.scalar(dt, small=(o in ("mul", "div")))
            if x is None:
                return None
            xv = self.arr(x) if x.startswith("v") else float(x[1:])
            f = {"add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.divide}[o]
            if not self.int_safe(a, f, xv):
                return None
            return "iop %s %s %s" % (s, o, x)
        if kind in ("setidx", "tmpset"):
            if a.ndim == 0:
                return None
            tup = self.index_tuple(a, advanced=(kind == "tmpset"))
            try:
                with np.errstate(all="ignore"):
                    tshape = a[self.model.index_tuple(tup)].shape
            except (IndexError, ValueError, DeprecationWarning):
                tshape = ()
            if self.p(0.5):
                x = self.target(tshape, dt, prefer_overlap=a)
            else:
                x = self.scalar(dt)
            return "%s %s %s %s" % (kind, s, tup, x) if x else None
        # put
        if a.ndim == 0:
            return None
        item, _ = self.fancy_item(a.shape if self.p(0.5) else a.shape[:1])
        if item.startswith("v") and np.shares_memory(self.arr(item), a):
            # NumPy 1.24 reads the index array while it writes the
            # destination and writes out of bounds (heap corruption) when the
            # two overlap: no oracle for that.
            return None
        try:
            tshape = a[self.model.index_item(item)].shape
        except (IndexError, ValueError, DeprecationWarning):
            tshape = ()
        if item.startswith("M") or (item.startswith("v") and self.arr(item).dtype == np.bool_):
            # NumPy takes only 0-d or 1-d values for a mask assignment
            x = self.scalar(dt) if self.p(0.8) else self.target(tshape, dt, max_ndim=1)
        else:
            x = self.target(tshape, dt) if self.p(0.4) else self.scalar(dt)
        if x and x.startswith("v") and np.shares_memory(self.arr(x), a):
            # NumPy 1.24 does not buffer values that overlap the destination
            # of a fancy assignment (a[[2, 0]] = a reads rows it has already
            # overwritten); nd copies them first. No oracle for that.
            return None
        return "put %s %s %s" % (s, item, x) if x else None

    def op_arith(self):
        r = self.rng
        s = self.pick()
        if s is None:
            return None
        a = self.arr(s)
        dt = dt_of(a)
        d = self.free_slot()
        if dt == "b":
            o = r.choice(["and", "or", "xor", "eq", "ne", "not"])
            if o == "not":
                return "not %s %s" % (d, s)
        else:
            intg = 0 if is_float(dt) else 2
            o = wchoice(r, [("add", 12), ("sub", 10), ("mul", 8), ("div", 8 if is_float(dt) else 0),
                            ("lt", 5), ("le", 3), ("gt", 6), ("ge", 3), ("eq", 4), ("ne", 3),
                            ("and", intg), ("or", intg), ("xor", intg), ("not", intg), ("neg", 3)])
            if o in ("not", "neg"):
                return "%s %s %s" % (o, d, s)
        if self.p(0.6):
            c = self.live(lambda b: dt_of(b) == dt and (can_broadcast(a.shape, b.shape) or self.p(0.1)))
            x = ("v%d" % r.choice(c)) if c else self.scalar(dt)
        else:
            x = self.scalar(dt, small=(o in ("mul", "div")))
        ops = [s, x] if self.p(0.75) or x.startswith("v") else [x, s]
        if o in ("add", "sub", "mul", "div"):
            vals = [self.arr(t) if t.startswith("v") else float(t[1:]) for t in ops]
            f = {"add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.divide}[o]
            if a.dtype.kind == "i":
                try:
                    y = f(np.asarray(vals[0], np.float64), np.asarray(vals[1], np.float64))
                    if y.size and np.abs(y).max() > INT_BOUND:
                        return None
                except ValueError:
                    pass
        return "bin %s %s %s %s" % (d, o, ops[0], ops[1])

    def op_mixed(self):
        """Operations between arrays of different element types: NumPy's
        promotion rules (bin) and same_kind casting (iop, assign, setidx)."""
        r = self.rng
        s = self.pick()
        if s is None:
            return None
        a = self.arr(s)
        dt = dt_of(a)
        kind = wchoice(r, [("bin", 55), ("iop", 25), ("assign", 10), ("setidx", 10)])
        if kind == "bin":
            c = self.live(lambda b: dt_of(b) != dt and can_broadcast(a.shape, b.shape))
            if not c:
                return None
            x = "v%d" % r.choice(c)
            dx = dt_of(self.arr(x))
            o = wchoice(r, [("add", 12), ("sub", 10), ("mul", 8), ("div", 8),
                            ("lt", 4), ("ge", 3), ("eq", 4), ("ne", 2)])
            ops = [s, x] if self.p(0.5) else [x, s]
            if o in ("add", "sub", "mul"):
                y = {"add": np.add, "sub": np.subtract, "mul": np.multiply}[o](
                    self.arr(ops[0]).astype(np.float64), self.arr(ops[1]).astype(np.float64))
                if y.size and np.abs(y).max() > INT_BOUND and "f" not in dt + dx:
                    return None
            return "bin %s %s %s %s" % (self.free_slot(), o, ops[0], ops[1])
        # Writes: the source kind must not be above the destination's.
        c = self.live(lambda b: dt_of(b) != dt and KIND[dt_of(b)] <= KIND[dt])
        if not c or a.ndim == 0 and kind == "setidx":
            return None
        if kind == "iop":
            if dt == "b":
                return None
            c = [j for j in c if can_broadcast(a.shape, self.model.slots[j].shape)]
            if not c:
                return None
            x = "v%d" % r.choice(c)
            o = r.choice(["add", "sub", "mul"] + (["div"] if is_float(dt) else []))
            f = {"add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.divide}[o]
            if not self.int_safe(a, f, self.arr(x)):
                return None
            return "iop %s %s %s" % (s, o, x)
        if kind == "assign":
            c = [j for j in c if broadcasts_to(self.model.slots[j].shape, a.shape)] or c
            return "assign %s v%d" % (s, r.choice(c))
        tup = self.index_tuple(a, advanced=False)
        try:
            tshape = a[self.model.index_tuple(tup)].shape
        except (IndexError, ValueError, DeprecationWarning):
            tshape = ()
        c = [j for j in c if broadcasts_to(self.model.slots[j].shape, tshape)] or c
        return "setidx %s %s v%d" % (s, tup, r.choice(c))

    def op_math(self):
        r = self.rng
        kind = wchoice(r, [("red", 50), ("abs", 15), ("sqrt", 15), ("allclose", 12), ("print", 8)])
        if kind == "red":
            s = self.pick()
            if s is None:
                return None
            a = self.arr(s)
            o = r.choice(["sum", "mean", "min", "max"])
            return "red %s %s" % (o, s)
        if kind == "abs":
            s = self.pick()
            return ("abs %s %s" % (self.free_slot(), s)) if s else None
        if kind == "sqrt":
            # np.sqrt of a bool array is float16: not for nd
            s = self.pick(lambda a: a.dtype != np.bool_)
            return ("sqrt %s %s" % (self.free_slot(), s)) if s else None
        if kind == "allclose":
            s = self.pick(lambda a: a.dtype.kind == "f")
            if s is None:
                return None
            a = self.arr(s)
            if self.p(0.2):
                return "allclose %s %s" % (s, self.scalar("f64"))
            x = self.target(a.shape, dt_of(a)) if self.p(0.9) else self.pick(lambda b: b.dtype == a.dtype)
            return ("allclose %s %s" % (s, x)) if x else None
        s = self.pick()
        return ("print %s" % s) if s else None

    def step(self):
        kind = wchoice(
            self.rng,
            [("create", 10), ("basic", 22), ("fancy", 12), ("getset", 8), ("layout", 20),
             ("copy", 5), ("write", 25), ("arith", 12), ("mixed", 6), ("math", 10)],
        )
        if not self.live():
            kind = "create"
        line = {
            "create": self.op_create,
            "basic": lambda: self.op_index(False),
            "fancy": lambda: self.op_index(True),
            "getset": self.op_get_set,
            "layout": self.op_layout,
            "copy": self.op_copy,
            "write": self.op_write,
            "arith": self.op_arith,
            "mixed": self.op_mixed,
            "math": self.op_math,
        }[kind]()
        if line is None:
            return
        self.lines.append(line)
        self.obs.append(self.model.run(line))


def generate(seed, index, min_ops=4, max_ops=18):
    """The program with this number for this seed, and its observations."""
    rng = random.Random("%s:%d" % (seed, index))
    g = Gen(rng)
    n = rng.randint(min_ops, max_ops)
    for _ in range(rng.randint(1, 2)):
        line = g.op_create()
        g.lines.append(line)
        g.obs.append(g.model.run(line))
    while len(g.lines) < n:
        g.step()
    return g.lines, g.obs
