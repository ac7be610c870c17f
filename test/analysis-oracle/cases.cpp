// Hand-written programs for the analysis oracle (analysis_oracle.py
// --check-file; the CTest test analysis-oracle-cases): one minimised
// program for each class of wrong definite verdict the random oracle has
// found, so that a fix shows up case by case and stays fixed. Every pair of
// the probe's variables is checked, as in the random programs: the other
// pairs are controls. Each function: `void prog_N()` ending in vg_probe(...);
// vg_argc is main's argc (1 when the test runs).

// A. A reshape of a non-contiguous view that NumPy does without a copy
// (_attempt_nocopy_reshape), taken as a definite copy: r IS a view of a.
void prog_1() {
  auto a = nd::arange<int>(8);
  auto r = a(nd::slice(0, 8, 2)).reshape({2, 2});
  vg_probe(a, r);
}

// A. A transposed array with a length-1 axis: (1,3,4).T() is (4,3,1), not
// C-contiguous; reshaping it to (4,3) only drops the length-1 axis: a view.
void prog_2() {
  auto a = nd::arange<int>(12).reshape({1, 3, 4});
  auto t = a.T();
  auto r = t.reshape({4, 3});
  vg_probe(a, t, r);
}

// A, cascade: the reshape is taken as a copy, so its result is taken as a
// contiguous copy, and its ravel as a view of that copy. In NumPy the
// reshape is a non-contiguous view of a and the ravel copies.
void prog_3() {
  auto a = nd::arange<int>(75).reshape({5, 5, 3});
  auto v = a(nd::newaxis, 2, nd::all, nd::all).T().reshape({-1, 5, 1, 1});
  auto w = v.ravel();
  vg_probe(a, v, w);
}

// B. ravel (a view exactly when C-contiguous) of arrays that ARE
// C-contiguous but that the analysis' layout calls strided: a transpose
// with a length-1 axis, an integer index next to a length-1 axis, an
// identity swap, a slice that spells a whole axis with bounds, a squeeze.
void prog_4() {
  auto a = nd::arange<int>(4).reshape({1, 4});
  auto r1 = a.T().ravel();
  auto m = nd::ones<int>({4, 1});
  auto r2 = m(nd::all, 0).ravel();
  auto z = nd::ones<int>({5, 2});
  auto r3 = z.swapaxes(1, 1).ravel();
  auto k = nd::zeros<int>({2, 5, 2});
  auto r4 = k(nd::slice(0, nd::_), nd::slice(nd::_, 10, 1)).ravel();
  auto r5 = a.squeeze().T().ravel();
  vg_probe(a, r1, m, r2, z, r3, k, r4, r5);
}

// C. Copies that are not C-contiguous, taken as contiguous: nd::copy keeps
// the memory order (NumPy's order 'K'), arithmetic allocates in the
// operands' memory order, fancy indexing after a slice returns a
// transposed view of its allocation. A ravel or reshape of them copies; the
// analysis takes it as a view of the copy.
void prog_5() {
  auto m = nd::arange<int>(9).reshape({3, 3});
  auto c = nd::copy(m.T());
  auto rc = c.ravel();
  auto s = m.T() + 1;
  auto rs = s.reshape({9});
  auto f = m(nd::all, nd::indices{2, 0});
  auto rf = f.ravel();
  vg_probe(m, c, rc, s, rs, f, rf);
}

// D. More than 8 possible storages for one variable: the analysis keeps 8
// refs and drops the others, so t (which is a8 when the program runs) is
// taken as definitely not a8.
void prog_6() {
  auto t = nd::arange<int>(2);
  auto a1 = nd::arange<int>(2); if ((vg_argc + 0) % 2) t = a1;
  auto a2 = nd::arange<int>(2); if ((vg_argc + 0) % 2) t = a2;
  auto a3 = nd::arange<int>(2); if ((vg_argc + 0) % 2) t = a3;
  auto a4 = nd::arange<int>(2); if ((vg_argc + 0) % 2) t = a4;
  auto a5 = nd::arange<int>(2); if ((vg_argc + 0) % 2) t = a5;
  auto a6 = nd::arange<int>(2); if ((vg_argc + 0) % 2) t = a6;
  auto a7 = nd::arange<int>(2); if ((vg_argc + 0) % 2) t = a7;
  auto a8 = nd::arange<int>(2); if ((vg_argc + 0) % 2) t = a8;
  auto a9 = nd::arange<int>(2); if ((vg_argc + 1) % 2) t = a9;
  vg_probe(t, a1, a7, a8, a9);
}

// E. squeeze changes the shape: s is (3, 2), s(all, 0) is strided, its
// ravel copies. (A shape model that keeps (1, 3, 2) through squeeze calls
// the ravel a view.)
void prog_7() {
  auto a = nd::arange<int>(6).reshape({1, 3, 2});
  auto s = a.squeeze();
  auto r = s(nd::all, 0).ravel();
  vg_probe(a, s, r);
}

// Not wrong verdicts, listed for the analysis' owner: places where it has
// no verdict at all.

// The analysis gives up on a function (no dump, no warning anywhere in it)
// when a loop rebinds a variable to a view of itself: each round prepends
// the variable to the ref's ancestors, the state never stabilises within
// the block-visit bound. (Also `v = v.T();`, `v = v(nd::slice(...));`, or
// through another variable: `w = v; v = w;`.)
void prog_8() {
  auto v = nd::zeros<int>({4, 4});
  for (int i = 0; i < 2; ++i) {
    v = v;
  }
  vg_probe(v);
}

// Brace-initialising a handle from a prvalue gives an 'unknown' storage:
// c is a view of a, the analysis only says "may" (and checks nothing
// through it). The same with parentheses, d, is understood.
void prog_9() {
  auto a = nd::arange<int>(6);
  nd::array<int> c{a(nd::slice(1, 3))};
  nd::array<int> d(a(nd::slice(1, 3)));
  vg_probe(a, c, d);
}
