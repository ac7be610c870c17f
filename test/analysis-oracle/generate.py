"""Random nd programs for the analysis oracle (see README.md).

A program is the body of one function `void prog_N()`: statements that
declare and rebind `nd::array<int>` variables through chains of nd calls,
and a final `vg_probe(v0, v1, ...)` naming every variable. The generator runs
each statement in NumPy as it goes (nd has NumPy's semantics exactly), so it
knows every shape and every value and only emits operations that are legal at
run time: no index out of range, no bad reshape, no empty array, no 0-d
array. Branch conditions read the global `vg_argc` (main's argc, 1 when the
driver runs the program): the analysis cannot know them, the generator can.

Programs are data (lists of statements over expressions), not text, so that
the minimiser can drop statements or chain links and check the rest with the
same NumPy model before compiling anything.

  statement  ("decl", name, style, expr)       auto v3 = EXPR;
             ("assign", name, expr)            v3 = EXPR;
             ("if", k, then_stmts, else_stmts)  if ((vg_argc + k) % 2) {..} else {..}
             ("loop", n, body_stmts)            for (int i = 0; i < n; ++i) {..}
  expr       ("var", name, ops) | ("fresh", source, ops) | ("cond", k, e1, e2)
             | ("move", name)
  op         ("index", items) | ("fancy", items) | ("mask", cmp, k) | ("T",)
             | ("transpose", axes|None) | ("swapaxes", i, j) | ("reshape", dims)
             | ("ravel",) | ("flatten",) | ("copy",) | ("ndcopy",) | ("view",)
             | ("squeeze",) | ("arith", op, k)
  index item ("int", i) | ("slice", start, stop, step) (None = nd::_)
             | ("all",) | ("newaxis",) | ("list", [i, ...])

Only arrays of int: every handle can be rebound to every other.
"""

import math
import random

import numpy as np

ARGC = 1  # what main's argc is when the driver runs a batch


class Invalid(Exception):
    """An operation that would throw in nd (or leave an empty or 0-d array)."""


def flag_value(k):
    return (ARGC + k) % 2 != 0


# -- NumPy model ---------------------------------------------------------------
def np_index(items):
    out = []
    for it in items:
        kind = it[0]
        if kind == "int":
            out.append(it[1])
        elif kind == "slice":
            out.append(slice(it[1], it[2], it[3]))
        elif kind == "all":
            out.append(slice(None))
        elif kind == "newaxis":
            out.append(None)
        elif kind == "list":
            out.append(list(it[1]))
        else:
            raise AssertionError(kind)
    return tuple(out)


def apply_op(x, op):
    kind = op[0]
    if kind in ("index", "fancy"):
        nonint = [it for it in op[1] if it[0] != "int"]
        if not nonint:
            raise Invalid("all-integer index is element access")
        ints = sum(1 for it in op[1] if it[0] in ("int", "slice", "all", "list"))
        if ints > x.ndim:
            raise Invalid("too many indices")
        try:
            return x[np_index(op[1])]
        except (IndexError, ValueError) as e:
            raise Invalid(str(e))
    if kind == "mask":
        m = {">": x > op[2], "<": x < op[2], ">=": x >= op[2],
             "!=": x != op[2]}[op[1]]
        return x[m]
    if kind == "T":
        return x.T
    if kind == "transpose":
        if op[1] is None:
            return x.transpose()
        if len(op[1]) != x.ndim:
            raise Invalid("axes don't match array")
        try:
            return x.transpose(op[1])
        except (ValueError, np.AxisError) as e:
            raise Invalid(str(e))
    if kind == "swapaxes":
        try:
            return x.swapaxes(op[1], op[2])
        except (ValueError, np.AxisError) as e:
            raise Invalid(str(e))
    if kind == "reshape":
        try:
            return x.reshape(op[1])
        except ValueError as e:
            raise Invalid(str(e))
    if kind == "ravel":
        return x.ravel()
    if kind == "flatten":
        return x.flatten()
    if kind == "copy":
        return x.copy()
    if kind == "ndcopy":
        return np.copy(x, order="K")
    if kind == "view":
        return x.view()
    if kind == "squeeze":
        return x.squeeze()
    if kind == "arith":
        if op[1] == "+":
            return x + np.int32(op[2])
        if op[1] == "*":
            return x * np.int32(op[2])
        if op[1] == "neg":
            return -x
    raise AssertionError(op)


def fresh_value(src):
    kind = src[0]
    if kind == "arange":
        return np.arange(src[1], src[2], dtype=np.int32)
    if kind == "zeros":
        return np.zeros(src[1], dtype=np.int32)
    if kind == "ones":
        return np.ones(src[1], dtype=np.int32)
    if kind == "full":
        return np.full(src[1], src[2], dtype=np.int32)
    if kind == "list":
        return np.array(src[1], dtype=np.int32)
    raise AssertionError(src)


def check(x):
    if x.size == 0:
        raise Invalid("empty array")
    if x.ndim == 0:
        raise Invalid("0-d array")
    if x.size > 400:
        raise Invalid("too large")
    return x


# When a list: eval_expr appends (id(expr), op index, op kind, input
# C-contiguous, result shares memory with the input, result C-contiguous)
# for every op that runs, for the oracle's diagnosis of a wrong verdict.
TRACE = None


def eval_expr(env, e):
    global TRACE
    kind = e[0]
    if kind == "var":
        if e[1] not in env:
            raise Invalid("undeclared " + e[1])
        x = env[e[1]]
    elif kind == "move":
        if e[1] not in env:
            raise Invalid("undeclared " + e[1])
        return env[e[1]]
    elif kind == "fresh":
        x = check(fresh_value(e[1]))
    elif kind == "cond":
        taken, other = (e[2], e[3]) if flag_value(e[1]) else (e[3], e[2])
        saved, TRACE = TRACE, None  # validity only: this side does not run
        try:
            eval_expr(env, other)
        finally:
            TRACE = saved
        return eval_expr(env, taken)
    else:
        raise AssertionError(e)
    for k, op in enumerate(e[2]):
        y = check(apply_op(x, op))
        if TRACE is not None:
            TRACE.append((id(e), k, op[0], bool(x.flags.c_contiguous),
                          bool(np.shares_memory(x, y)), bool(y.flags.c_contiguous)))
        x = y
    return x


def run_stmts(env, stmts, declared):
    for s in stmts:
        kind = s[0]
        if kind == "decl":
            if s[1] in declared:
                raise Invalid("redeclared " + s[1])
            env[s[1]] = eval_expr(env, s[3])
            declared.append(s[1])
        elif kind == "assign":
            if s[1] not in env:
                raise Invalid("undeclared " + s[1])
            env[s[1]] = eval_expr(env, s[2])
        elif kind == "if":
            # Both branches must at least name declared variables (compile);
            # only the taken one runs.
            for sub in s[2] + s[3]:
                names_ok(env, sub)
            run_stmts(env, s[2] if flag_value(s[1]) else s[3], declared)
        elif kind == "loop":
            for sub in s[2]:
                names_ok(env, sub)
            for _ in range(s[1]):
                run_stmts(env, s[2], declared)
        else:
            raise AssertionError(s)


def expr_names(e):
    if e[0] in ("var", "move"):
        return [e[1]]
    if e[0] == "cond":
        return expr_names(e[2]) + expr_names(e[3])
    return []


def names_ok(env, s):
    if s[0] != "assign":
        raise Invalid("only assignments in blocks")
    for n in [s[1]] + expr_names(s[2]):
        if n not in env:
            raise Invalid("undeclared " + n)


def simulate(stmts):
    """Runs a program in the NumPy model: ({name: array}, [declared names])
    or raises Invalid."""
    env = {}
    declared = []
    run_stmts(env, stmts, declared)
    return env, declared


def numpy_truth(env, names):
    """The NumPy answer to "same buffer": the owners (base, or the array
    itself) are the same object. Returns a list of class numbers."""
    owners = [env[n] if env[n].base is None else env[n].base for n in names]
    out = []
    for i, o in enumerate(owners):
        out.append(next(j for j in range(i + 1) if owners[j] is o))
    return out


# -- C++ text ------------------------------------------------------------------
def bound(v):
    return "nd::_" if v is None else str(v)


def item_text(it):
    kind = it[0]
    if kind == "int":
        return str(it[1])
    if kind == "all":
        return "nd::all"
    if kind == "newaxis":
        return "nd::newaxis"
    if kind == "list":
        return "nd::indices{%s}" % ", ".join(map(str, it[1]))
    _, start, stop, step = it
    if step is None and start is None:
        return "nd::slice(%s)" % bound(stop)
    if step is None:
        return "nd::slice(%s, %s)" % (bound(start), bound(stop))
    return "nd::slice(%s, %s, %s)" % (bound(start), bound(stop), bound(step))


def dims_text(dims):
    return "{%s}" % ", ".join(map(str, dims))


def nested_text(v):
    if isinstance(v, list):
        return "{" + ", ".join(nested_text(x) for x in v) + "}"
    return str(v)


def fresh_text(src):
    kind = src[0]
    if kind == "arange":
        if src[1] == 0:
            return "nd::arange<int>(%d)" % src[2]
        return "nd::arange<int>(%d, %d)" % (src[1], src[2])
    if kind in ("zeros", "ones"):
        return "nd::%s<int>(%s)" % (kind, dims_text(src[1]))
    if kind == "full":
        return "nd::full<int>(%s, %d)" % (dims_text(src[1]), src[2])
    if kind == "list":
        return "nd::array<int>" + nested_text(src[1])
    raise AssertionError(src)


def op_text(x, op):
    """`x` with op applied; x is a postfix expression."""
    kind = op[0]
    if kind in ("index", "fancy"):
        return "%s(%s)" % (x, ", ".join(item_text(it) for it in op[1]))
    if kind == "mask":
        return "%s(%s %s %d)" % (x, x, op[1], op[2])
    if kind == "T":
        return x + ".T()"
    if kind == "transpose":
        if op[1] is None:
            return x + ".transpose()"
        return "%s.transpose(%s)" % (x, dims_text(op[1]))
    if kind == "swapaxes":
        return "%s.swapaxes(%d, %d)" % (x, op[1], op[2])
    if kind == "reshape":
        return "%s.reshape(%s)" % (x, dims_text(op[1]))
    if kind in ("ravel", "flatten", "copy", "view", "squeeze"):
        return "%s.%s()" % (x, kind)
    if kind == "ndcopy":
        return "nd::copy(%s)" % x
    if kind == "arith":
        if op[1] == "neg":
            return "(-%s)" % x
        return "(%s %s %d)" % (x, op[1], op[2])
    raise AssertionError(op)


def expr_text(e):
    kind = e[0]
    if kind == "move":
        return "std::move(%s)" % e[1]
    if kind == "cond":
        return "(vg_argc + %d) %% 2 ? %s : %s" % (e[1], expr_text(e[2]), expr_text(e[3]))
    x = e[1] if kind == "var" else fresh_text(e[1])
    for op in e[2]:
        x = op_text(x, op)
    return x


def stmt_lines(s, indent="  ", owners=None):
    """The C++ lines of a statement. With `owners`, appends to it the simple
    statement (decl or assign) each line holds, or None."""
    if owners is None:
        owners = []
    kind = s[0]
    if kind in ("decl", "assign"):
        owners.append(s)
    else:
        owners.append(None)
    if kind == "decl":
        _, name, style, e = s
        t = expr_text(e)
        if style == "auto":
            return [indent + "auto %s = %s;" % (name, t)]
        if style == "typed":
            return [indent + "nd::array<int> %s = %s;" % (name, t)]
        if style == "paren":
            return [indent + "auto %s(%s);" % (name, t)]
        return [indent + "nd::array<int> %s{%s};" % (name, t)]
    if kind == "assign":
        return [indent + "%s = %s;" % (s[1], expr_text(s[2]))]
    if kind == "if":
        out = [indent + "if ((vg_argc + %d) %% 2) {" % s[1]]
        for sub in s[2]:
            out += stmt_lines(sub, indent + "  ", owners)
        if s[3]:
            out.append(indent + "} else {")
            owners.append(None)
            for sub in s[3]:
                out += stmt_lines(sub, indent + "  ", owners)
        out.append(indent + "}")
        owners.append(None)
        return out
    if kind == "loop":
        out = [indent + "for (int i = 0; i < %d; ++i) {" % s[1]]
        for sub in s[2]:
            out += stmt_lines(sub, indent + "  ", owners)
        out.append(indent + "}")
        owners.append(None)
        return out
    raise AssertionError(s)


def probe_names(stmts):
    return [s[1] for s in stmts if s[0] == "decl"]


def function_text(name, stmts, owners=None):
    """(lines, index of the probe line within them). With `owners`, appends
    the simple statement of each line (or None) to it."""
    if owners is None:
        owners = []
    lines = ["void %s() {" % name]
    owners.append(None)
    for s in stmts:
        lines += stmt_lines(s, "  ", owners)
    probe = len(lines)
    lines.append("  vg_probe(%s);" % ", ".join(probe_names(stmts)))
    lines.append("}")
    owners += [None, None]
    assert len(owners) == len(lines)
    return lines, probe


def program_text(stmts):
    return "\n".join(function_text("prog", stmts)[0])


# -- random programs -------------------------------------------------------------
def factorizations(n, parts):
    """Every ordered way to write n as a product of `parts` positive ints."""
    if parts == 1:
        return [[n]]
    out = []
    for d in range(1, n + 1):
        if n % d == 0:
            for rest in factorizations(n // d, parts - 1):
                out.append([d] + rest)
    return out


class Gen:
    def __init__(self, rng, loops=True):
        self.rng = rng
        self.loops = loops
        self.env = {}
        self.declared = []
        self.stmts = []

    def p(self, x):
        return self.rng.random() < x

    def choice(self, pairs):
        total = sum(w for _, w in pairs)
        r = self.rng.uniform(0, total)
        for v, w in pairs:
            r -= w
            if r <= 0:
                return v
        return pairs[-1][0]

    # -- pieces ------------------------------------------------------------------
    def shape(self):
        r = self.rng
        nd = self.choice([(1, 25), (2, 40), (3, 30), (4, 5)])
        return [self.choice([(1, 18), (2, 30), (3, 25), (4, 20), (5, 7)])
                for _ in range(nd)]

    def fresh(self):
        r = self.rng
        sh = self.shape()
        n = int(np.prod(sh))
        kind = self.choice([("arange", 60), ("zeros", 12), ("ones", 6),
                            ("full", 6), ("list", 6)])
        ops = []
        if kind == "arange":
            start = 0 if self.p(0.8) else r.randint(-5, 5)
            src = ("arange", start, start + n)
            if len(sh) > 1 or self.p(0.2):
                ops.append(("reshape", sh))
        elif kind == "list":
            if n > 12:
                sh = sh[-2:] if len(sh) >= 2 else [min(sh[0], 5)]
                n = int(np.prod(sh))
            vals = np.arange(n).reshape(sh) + r.randint(-3, 3)
            src = ("list", vals.tolist())
        elif kind == "full":
            src = ("full", sh, r.randint(-3, 9))
        else:
            src = (kind, sh)
        return src, ops

    def slice_for(self, n):
        """A random slice of an axis of length n that selects something."""
        r = self.rng
        for _ in range(30):
            step = self.choice([(None, 40), (1, 8), (2, 20), (-1, 12), (3, 8),
                                (-2, 8), (5, 3)])
            def b():
                return self.choice([(None, 35), (r.randint(0, n), 40),
                                    (r.randint(-n, -1), 15),
                                    (r.randint(n, n + 3), 5),
                                    (r.randint(-n - 3, -n - 1), 5)])
            start, stop = b(), b()
            if len(range(*slice(start, stop, step).indices(n))) > 0:
                if step is None and start is None and stop is not None and self.p(0.5):
                    return ("slice", None, stop, None)
                return ("slice", start, stop, step)
        return ("all",)

    def basic_items(self, x):
        r = self.rng
        items = []
        nonint = False
        nax = x.ndim if self.p(0.7) else r.randint(1, x.ndim)
        for ax in range(nax):
            while self.p(0.12):
                items.append(("newaxis",))
                nonint = True
            n = x.shape[ax]
            k = self.choice([("int", 30), ("slice", 40), ("all", 30)])
            if k == "int":
                i = r.randrange(n)
                if self.p(0.25):
                    i -= n
                items.append(("int", i))
            elif k == "slice":
                items.append(self.slice_for(n))
                nonint = True
            else:
                items.append(("all",))
                nonint = True
        if self.p(0.1):
            items.append(("newaxis",))
            nonint = True
        if not nonint:
            pos = r.randrange(len(items) + 1)
            items.insert(pos, ("all",) if nax < x.ndim and pos == len(items)
                         else ("newaxis",))
        return items

    def fancy_items(self, x):
        r = self.rng
        ax = 0 if x.ndim == 1 or self.p(0.4) else r.randrange(1, min(x.ndim, 3))
        items = []
        for i in range(ax):
            items.append(self.choice([(("all",), 60), (self.slice_for(x.shape[i]), 25),
                                      (("int", r.randrange(x.shape[i])), 15)]))
        n = x.shape[ax]
        idx = [r.randrange(n) - (n if self.p(0.2) else 0)
               for _ in range(r.randint(1, 4))]
        items.append(("list", idx))
        if ax + 1 < x.ndim and self.p(0.4):
            items.append(self.choice([(("all",), 50),
                                      (self.slice_for(x.shape[ax + 1]), 50)]))
        return items

    def reshape_dims(self, x):
        r = self.rng
        sh = list(x.shape)
        n = x.size
        k = self.choice([("same", 10), ("split", 20), ("merge", 20),
                         ("ones", 18), ("any", 25), ("flat", 7)])
        if k == "same":
            dims = sh
        elif k == "split":
            ax = r.randrange(len(sh))
            fs = [f for f in factorizations(sh[ax], 2)]
            dims = sh[:ax] + r.choice(fs) + sh[ax + 1:]
        elif k == "merge" and len(sh) >= 2:
            ax = r.randrange(len(sh) - 1)
            dims = sh[:ax] + [sh[ax] * sh[ax + 1]] + sh[ax + 2:]
        elif k == "ones":
            dims = [d for d in sh if d != 1] or [1]
            if self.p(0.6) or dims == sh:
                dims.insert(r.randrange(len(dims) + 1), 1)
        elif k == "flat":
            dims = [n]
        else:
            parts = self.choice([(1, 20), (2, 40), (3, 30), (4, 10)])
            dims = r.choice(factorizations(n, parts))
        if len(dims) > 5:
            dims = [n]
        if self.p(0.2):
            dims = list(dims)
            dims[r.randrange(len(dims))] = -1
        return dims

    def op_for(self, x, allow_mask):
        r = self.rng
        choices = [("index", 30), ("fancy", 7), ("T", 8), ("transpose", 6),
                   ("swapaxes", 6), ("reshape", 30), ("ravel", 8), ("flatten", 4),
                   ("copy", 4), ("ndcopy", 6), ("view", 2), ("squeeze", 5),
                   ("arith", 6)]
        if allow_mask:
            choices.append(("mask", 8))
        k = self.choice(choices)
        if k == "index":
            return ("index", self.basic_items(x))
        if k == "fancy":
            return ("fancy", self.fancy_items(x))
        if k == "mask":
            vals = x.ravel()
            cmp = r.choice([">", "<", ">=", "!="])
            v = int(r.choice(list(vals)))
            kk = {">": v - r.randint(1, 3), "<": v + r.randint(1, 3),
                  ">=": v - r.randint(0, 2), "!=": v + r.choice([0, 1])}[cmp]
            return ("mask", cmp, kk)
        if k == "transpose":
            if x.ndim == 1 or self.p(0.3):
                return ("transpose", None)
            axes = list(range(x.ndim))
            r.shuffle(axes)
            if self.p(0.2):
                axes = [a - x.ndim for a in axes]
            return ("transpose", axes)
        if k == "swapaxes":
            i, j = r.randrange(x.ndim), r.randrange(x.ndim)
            if self.p(0.2):
                i -= x.ndim
            return ("swapaxes", i, j)
        if k == "reshape":
            return ("reshape", self.reshape_dims(x))
        if k == "arith":
            return ("arith", r.choice(["+", "*", "neg"]), r.randint(1, 3))
        return (k,)

    def chain(self, x, nops, mask_ok=True):
        """Up to nops valid ops applied to value x: (ops, value)."""
        ops = []
        for i in range(nops):
            for _ in range(20):
                op = self.op_for(x, mask_ok and i == 0)
                try:
                    y = check(apply_op(x, op))
                except Invalid:
                    continue
                if y.size > 400:
                    continue
                ops.append(op)
                x = y
                break
        return ops, x

    def expr(self, depth=0):
        """A random expression valid in the current environment."""
        r = self.rng
        names = list(self.env)
        nops = self.choice([(0, 25), (1, 40), (2, 22), (3, 10), (4, 3)])
        if names and depth == 0 and self.p(0.05):
            return ("move", r.choice(names))
        if names and depth == 0 and self.p(0.05):
            return ("cond", r.randint(0, 9), self.expr(1), self.expr(1))
        if names and self.p(0.75):
            name = r.choice(names)
            x = self.env[name]
            if nops and self.p(0.25):
                # A reshape or ravel of a variable as it is: where the
                # variable's own layout decides view or copy.
                first = ("ravel",) if self.p(0.4) else ("reshape", self.reshape_dims(x))
                try:
                    x = check(apply_op(x, first))
                    ops, _ = self.chain(x, nops - 1, mask_ok=False)
                    return ("var", name, [first] + ops)
                except Invalid:
                    pass
            ops, _ = self.chain(x, nops)
            return ("var", name, ops)
        src, ops0 = self.fresh()
        x = fresh_value(src)
        for op in ops0:
            x = apply_op(x, op)
        ops, _ = self.chain(x, max(0, nops - len(ops0)), mask_ok=False)
        return ("fresh", src, ops0 + ops)

    def try_add(self, s):
        env = dict(self.env)
        declared = list(self.declared)
        try:
            run_stmts(env, [s], declared)
        except Invalid:
            return False
        self.env, self.declared = env, declared
        self.stmts.append(s)
        return True

    def assignment(self):
        name = self.rng.choice(list(self.env))
        return ("assign", name, self.expr())

    def step(self):
        r = self.rng
        k = self.choice([("decl", 55), ("assign", 12), ("if", 22),
                         ("loop", 4 if self.loops else 0)]
                        if self.env else [("decl", 1)])
        if k == "decl":
            name = "v%d" % len(self.declared)
            style = self.choice([("auto", 70), ("typed", 15), ("paren", 8),
                                 ("brace", 7)])
            return self.try_add(("decl", name, style, self.expr()))
        if k == "assign":
            return self.try_add(self.assignment())
        if k == "if":
            then = [self.assignment() for _ in range(self.choice([(1, 80), (2, 20)]))]
            other = [] if self.p(0.3) else [
                self.assignment() for _ in range(self.choice([(1, 80), (2, 20)]))]
            return self.try_add(("if", r.randint(0, 9), then, other))
        body = [self.assignment() for _ in range(self.choice([(1, 50), (2, 50)]))]
        return self.try_add(("loop", r.randint(2, 3), body))


def generate(seed, index, loops=True):
    """The program with this number for this seed: a list of statements."""
    rng = random.Random("vg-oracle:%s:%d" % (seed, index))
    g = Gen(rng, loops)
    n = rng.randint(3, 14)
    tries = 0
    while len(g.stmts) < n and tries < 200:
        tries += 1
        g.step()
    # A "pile" now and then: one variable conditionally rebound to many
    # others in turn, so that its may-set grows past the analysis' bound on
    # refs per variable (the last rebinding that runs decides the truth).
    if g.env and rng.random() < 0.06:
        target = rng.choice(list(g.env))
        for i in range(rng.randint(7, 11)):
            name = "v%d" % len(g.declared)
            src, ops0 = g.fresh()
            if not g.try_add(("decl", name, "auto", ("fresh", src, ops0))):
                continue
            g.try_add(("if", rng.randint(0, 9), [("assign", target, ("var", name, []))], []))
    return g.stmts
