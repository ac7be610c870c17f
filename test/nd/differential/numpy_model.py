"""The NumPy side of nd's differential test: the program language and its
reference semantics.

A program is a list of lines over named slots v0..v7. Each line is one
operation; `nd_interp` (C++, against nd) and `run_line` below (NumPy) both
print exactly one observation line per operation, and the two must agree.

Tokens
  slot     v0 .. v7
  dtype    b i32 i64 f32 f64
  shape    s:2,3   (s: is the 0-d shape)
  scalar   #3 #-1.5 #1 (a value of the array's dtype; bools are 0/1)
  operand  a slot or a scalar
  dims     r:2,-1  (reshape target; r: is ())
  tuple    index items joined by '|':
             i:3           an integer
             s:1:_:-1      nd::slice(1, _, -1)  (1 part: slice(stop), 2: start, stop)
             all           nd::all
             new           nd::newaxis
             x:0,2         nd::indices{0, 2}    (x: is empty)
             A:2,2:0,1,1,0 an nd::array<std::ptrdiff_t> of that shape
             M:3:1,0,1     an nd::array<bool> of that shape
             v3            the array in a slot (int64 index array or bool mask)

Operations (D: destination slot, S: source slot)
  lit D dt shape v...        arange D dt start stop step
  zeros|ones D dt shape      full D dt shape scalar
  index D S tuple            D = S(tuple...)
  get S i,j                  S(i, j) read        get1 S i     S[i] read
  set S i,j scalar           S(i, j) = x         set1 S i x   S[i] = x
  view|T|squeeze|ravel|copy|ndcopy|flatten|bind D S
  transpose D S axes|-       swapaxes D S i j    reshape D S dims
  fill S scalar              assign S X
  iop S add|sub|mul|div X    compound assignment (X slot or scalar)
  setidx S tuple X           S(tuple...) = X   (basic indexing: writes S)
  tmpset S tuple X           S(tuple...) = X   (advanced: writes a temporary)
  put S item X               S.put(index, X)   (item: x:, A:, M: or a slot)
  bin D op A B               op: add sub mul div lt le gt ge eq ne and or xor
  not D S     neg D S        abs D S     sqrt D S
  allclose A B|scalar
  red sum|mean|min|max S     print S

Observation lines (tab-separated fields)
  E <index|value|shape|axis>         the operation threw (axis: NumPy's
                                     AxisError, either index or value in nd)
  U                                  a slot the line needs is empty
  N dt= sh= st= off= own= fl= id= base= sm= may= val= str=
                                     D's new content (fl: C and F
                                     contiguity flags); id/base are object
                                     numbers in order of first sight, sm/may
                                     shares_memory/may_share_memory with
                                     every other live slot
  W v0=... v1=...                    values of every live slot after a write
  S <kind> <value>                   a scalar (kind i, b, x exact; f32/f64
                                     within tolerance)
  P <str>                            printed text
"""

import warnings

import numpy as np

# Mean of an empty array, 0/0: NumPy warns, nd is silent.
warnings.simplefilter("ignore", RuntimeWarning)
# NumPy 1.24 still accepts an out-of-range integer index array when the
# result is empty, with "DeprecationWarning: Out of bound index found ... In
# the future the index error will be raised." nd raises: the model takes the
# future behaviour (the warning becomes an IndexError, see Model.run).
warnings.simplefilter("error", DeprecationWarning)

DTYPES = {
    "b": np.bool_,
    "i32": np.int32,
    "i64": np.int64,
    "f32": np.float32,
    "f64": np.float64,
}
DTYPE_NAME = {np.dtype(v): k for k, v in DTYPES.items()}
NSLOTS = 8


class Skip(Exception):
    """A slot the line needs is empty (a minimized program may do that)."""


def fmt_num(x):
    if isinstance(x, (bool, np.bool_)):
        return "1" if x else "0"
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    x = float(x)
    if x != x:
        return "nan"
    return format(x, ".17g")


def esc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def parse_shape(tok, prefix="s:"):
    assert tok.startswith(prefix), tok
    body = tok[len(prefix):]
    return tuple(int(x) for x in body.split(",")) if body else ()


def parse_ints(tok):
    return tuple(int(x) for x in tok.split(",")) if tok else ()


def parse_scalar(tok, dtype):
    assert tok.startswith("#"), tok
    v = tok[1:]
    dt = np.dtype(dtype)
    if dt == np.bool_:
        return np.bool_(int(v) != 0)
    if dt.kind == "i":
        return dt.type(int(v))
    return dt.type(float(v))


class Model:
    """The state of one program in NumPy."""

    def __init__(self):
        self.slots = [None] * NSLOTS
        self.known = []  # every array object seen, numbered by first sight

    # -- helpers -----------------------------------------------------------
    def slot(self, tok):
        assert tok[0] == "v", tok
        a = self.slots[int(tok[1:])]
        if a is None:
            raise Skip()
        return a

    def ident(self, obj):
        for i, k in enumerate(self.known):
            if k is obj:
                return i
        self.known.append(obj)
        return len(self.known) - 1

    def operand(self, tok, dtype):
        if tok.startswith("#"):
            return parse_scalar(tok, dtype)
        return self.slot(tok)

    def index_item(self, tok):
        if tok == "all":
            return slice(None)
        if tok == "new":
            return None
        if tok.startswith("v"):
            return self.slot(tok)
        kind, _, rest = tok.partition(":")
        if kind == "i":
            return int(rest)
        if kind == "s":
            parts = [None if p == "_" else int(p) for p in rest.split(":")]
            return slice(*parts)
        if kind == "x":
            return list(parse_ints(rest))
        if kind in ("A", "M"):
            shape, _, vals = rest.partition(":")
            shape = parse_ints(shape)
            vals = parse_ints(vals)
            dt = np.intp if kind == "A" else np.bool_
            return np.array(vals, dtype=dt).reshape(shape)
        raise AssertionError("bad index item " + tok)

    @staticmethod
    def check_bounds(a, items):
        """nd checks every integer of an index array against its axis (an
        index out of range throws index_error when applied) and every mask
        against the axes it covers, also where NumPy skips the check because
        the selection is empty ("all indices got broadcast away", the
        DeprecationWarning case, an empty mask)."""
        axis = 0
        for it in items:
            if it is None:
                continue
            if isinstance(it, np.ndarray) and it.dtype == np.bool_:
                # NumPy 1.24 also accepts an EMPTY mask of any shape.
                for k in range(it.ndim):
                    if it.shape[k] != a.shape[axis + k]:
                        raise IndexError(
                            "boolean index did not match indexed array along "
                            "dimension %d; dimension is %d but corresponding "
                            "boolean dimension is %d"
                            % (axis + k, a.shape[axis + k], it.shape[k]))
                axis += it.ndim
                continue
            if isinstance(it, (list, np.ndarray)):
                n = a.shape[axis]
                for v in np.asarray(it, dtype=np.intp).ravel().tolist():
                    if v < -n or v >= n:
                        raise IndexError(
                            "index %d is out of bounds for axis %d with size %d" % (v, axis, n))
            axis += 1

    def index_tuple(self, tok):
        items = tuple(self.index_item(t) for t in tok.split("|"))
        # nd::slice(start, stop, 0) throws value_error when it is constructed,
        # before the indexing call can find any other error (NumPy's slice
        # object raises only when it is applied).
        if any(isinstance(i, slice) and i.step == 0 for i in items):
            raise ValueError("slice step cannot be zero")
        return items

    # -- observations ------------------------------------------------------
    def describe(self, d):
        a = self.slots[d]
        isz = a.itemsize
        owner = a.base if a.base is not None else a
        ptr = a.__array_interface__["data"][0]
        optr = owner.__array_interface__["data"][0]
        off = str((ptr - optr) // isz) if a.size else "?"
        others = [j for j in range(NSLOTS) if j != d and self.slots[j] is not None]
        sm = ",".join(
            "%d:%d" % (j, int(np.shares_memory(a, self.slots[j]))) for j in others
        )
        may = ",".join(
            "%d:%d" % (j, int(np.may_share_memory(a, self.slots[j]))) for j in others
        )
        base = "-" if a.base is None else str(self.ident(a.base))
        fields = [
            "N",
            "dt=" + DTYPE_NAME[a.dtype],
            "sh=" + ",".join(map(str, a.shape)),
            "st=" + ",".join(str(s // isz) for s in a.strides),
            "off=" + off,
            "own=%d" % int(a.flags.owndata),
            "fl=%d%d" % (int(a.flags.c_contiguous), int(a.flags.f_contiguous)),
            "id=%d" % self.ident(a),
            "base=" + base,
            "sm=" + sm,
            "may=" + may,
            "val=" + " ".join(fmt_num(x) for x in a.ravel().tolist()),
            "str=" + esc(str(a)),
        ]
        return "\t".join(fields)

    def written(self):
        parts = ["W"]
        for j, a in enumerate(self.slots):
            if a is not None:
                parts.append(
                    "v%d=" % j + " ".join(fmt_num(x) for x in a.ravel().tolist())
                )
        return "\t".join(parts)

    # -- execution ---------------------------------------------------------
    def run(self, line):
        """Executes one line; returns its observation line."""
        try:
            with np.errstate(all="ignore"):
                return self._run(line.split(" "))
        except Skip:
            return "U"
        except IndexError as e:
            if isinstance(e, ValueError):  # np.AxisError
                return "E\taxis\t" + str(e)
            return "E\tindex\t" + str(e)
        except ValueError as e:
            msg = str(e)
            shape = "broadcast" in msg or "input values to the" in msg
            return "E\t%s\t%s" % ("shape" if shape else "value", msg)
        except DeprecationWarning as e:
            if "Out of bound index" in str(e):
                return "E\tindex\t" + str(e).split(".")[0]
            raise

    def new(self, d, arr):
        if not isinstance(arr, np.ndarray):
            # A ufunc of 0-d arrays gives a NumPy scalar; nd gives a new 0-d
            # array, which is what np.array(scalar) is.
            arr = np.array(arr)
        self.slots[int(d[1:])] = arr
        return self.describe(int(d[1:]))

    def _run(self, t):
        op = t[0]
        if op == "lit":
            dt = DTYPES[t[2]]
            shape = parse_shape(t[3])
            vals = [parse_scalar("#" + v, dt) for v in t[4:]]
            return self.new(t[1], np.array(vals, dtype=dt).reshape(shape).copy())
        if op == "arange":
            dt = DTYPES[t[2]]
            if np.dtype(dt).kind == "i":
                a, b, s = (int(x) for x in t[3:6])
            else:
                # nd::arange<T> gets T arguments: round them to T first.
                a, b, s = (float(dt(float(x))) for x in t[3:6])
            return self.new(t[1], np.arange(a, b, s, dtype=dt))
        if op in ("zeros", "ones"):
            f = np.zeros if op == "zeros" else np.ones
            return self.new(t[1], f(parse_shape(t[3]), dtype=DTYPES[t[2]]))
        if op == "full":
            dt = DTYPES[t[2]]
            return self.new(
                t[1], np.full(parse_shape(t[3]), parse_scalar(t[4], dt), dtype=dt)
            )
        if op == "index":
            src = self.slot(t[2])
            items = self.index_tuple(t[3])
            r = src[items]
            self.check_bounds(src, items)
            return self.new(t[1], r)
        if op == "get":
            a = self.slot(t[1])
            idx = parse_ints(t[2])
            if len(idx) > a.ndim:
                raise IndexError("too many indices")
            v = a[idx]
            return "S\tx\t" + fmt_num(v)
        if op == "get1":
            a = self.slot(t[1])
            return "S\tx\t" + fmt_num(a[int(t[2])])
        if op in ("set", "set1"):
            a = self.slot(t[1])
            idx = parse_ints(t[2]) if op == "set" else (int(t[2]),)
            if len(idx) > a.ndim:
                raise IndexError("too many indices")
            a[idx] = parse_scalar(t[3], a.dtype)
            return self.written()
        if op in ("view", "T", "squeeze", "ravel", "copy", "ndcopy", "flatten"):
            a = self.slot(t[2])
            r = {
                "view": lambda: a.view(),
                "T": lambda: a.T,
                "squeeze": lambda: a.squeeze(),
                "ravel": lambda: a.ravel(),
                "copy": lambda: a.copy(),
                "ndcopy": lambda: np.copy(a),
                "flatten": lambda: a.flatten(),
            }[op]()
            return self.new(t[1], r)
        if op == "bind":
            return self.new(t[1], self.slot(t[2]))
        if op == "transpose":
            a = self.slot(t[2])
            r = a.transpose() if t[3] == "-" else a.transpose(parse_ints(t[3]))
            return self.new(t[1], r)
        if op == "swapaxes":
            a = self.slot(t[2])
            return self.new(t[1], a.swapaxes(int(t[3]), int(t[4])))
        if op == "reshape":
            a = self.slot(t[2])
            return self.new(t[1], a.reshape(parse_shape(t[3], "r:")))
        if op == "fill":
            a = self.slot(t[1])
            a.fill(parse_scalar(t[2], a.dtype))
            return self.written()
        if op == "assign":
            a = self.slot(t[1])
            a[...] = self.slot(t[2])
            return self.written()
        if op == "iop":
            a = self.slot(t[1])
            x = self.operand(t[3], a.dtype)
            f = {"add": np.add, "sub": np.subtract, "mul": np.multiply,
                 "div": np.divide}[t[2]]
            if isinstance(x, np.ndarray) and x.ndim == 0 and x.dtype != a.dtype:
                # NEP 50 for 0-d arrays (see "bin"): the loop runs in the
                # promoted type, then casts (same_kind) into a.
                f(a, x, out=a, dtype=np.promote_types(a.dtype, x.dtype),
                  casting="same_kind")
            else:
                f(a, x, out=a, casting="same_kind")
            return self.written()
        if op == "setidx":
            a = self.slot(t[1])
            a[self.index_tuple(t[2])] = self.operand(t[3], a.dtype)
            return self.written()
        if op == "tmpset":
            a = self.slot(t[1])
            x = self.operand(t[3], a.dtype)
            items = self.index_tuple(t[2])
            tmp = a[items]
            self.check_bounds(a, items)
            tmp[...] = x
            return self.written()
        if op == "put":
            a = self.slot(t[1])
            item = self.index_item(t[2])
            x = self.operand(t[3], a.dtype)
            before = a.copy()
            a[item] = x
            try:
                self.check_bounds(a, (item,))
            except IndexError:
                a[...] = before  # nd writes nothing when it throws
                raise
            return self.written()
        if op == "bin":
            left = self.slot(t[3]) if t[3][0] == "v" else self.slot(t[4])
            x = self.operand(t[3], left.dtype)
            y = self.operand(t[4], left.dtype)
            f = {
                "add": np.add,
                "sub": np.subtract,
                "mul": np.multiply,
                "div": np.divide,
                "lt": np.less,
                "le": np.less_equal,
                "gt": np.greater,
                "ge": np.greater_equal,
                "eq": np.equal,
                "ne": np.not_equal,
                "and": np.bitwise_and,
                "or": np.bitwise_or,
                "xor": np.bitwise_xor,
            }[t[2]]
            if (isinstance(x, np.ndarray) and isinstance(y, np.ndarray)
                    and x.dtype != y.dtype and min(x.ndim, y.ndim) == 0):
                # NumPy 1.24 applies value-based casting to 0-d arrays
                # (float32 array * int64 0-d array is float32); nd treats them
                # as arrays, as NumPy 2 does (NEP 50): promote_types.
                rt = np.promote_types(x.dtype, y.dtype)
                x, y = x.astype(rt), y.astype(rt)
            r = f(x, y)
            if not isinstance(r, np.ndarray):  # never for array operands
                r = np.array(r)
            return self.new(t[1], r)
        if op == "not":
            return self.new(t[1], np.invert(self.slot(t[2])))
        if op == "neg":
            return self.new(t[1], np.negative(self.slot(t[2])))
        if op == "abs":
            return self.new(t[1], np.abs(self.slot(t[2])))
        if op == "sqrt":
            return self.new(t[1], np.sqrt(self.slot(t[2])))
        if op == "red":
            a = self.slot(t[2])
            kind = t[1]
            r = {"sum": np.sum, "mean": np.mean, "min": np.min, "max": np.max}[kind](a)
            if kind == "mean" or (kind == "sum" and a.dtype.kind == "f"):
                tol = "f32" if a.dtype == np.float32 else "f64"
                return "S\t%s\t%s" % (tol, fmt_num(r))
            return "S\tx\t" + fmt_num(r)
        if op == "allclose":
            a = self.slot(t[1])
            b = float(t[2][1:]) if t[2][0] == "#" else self.slot(t[2])
            return "S\tb\t" + fmt_num(np.allclose(a, b))
        if op == "print":
            return "P\t" + esc(str(self.slot(t[1])))
        raise AssertionError("unknown operation " + op)


def run_program(lines):
    m = Model()
    return [m.run(line) for line in lines]
