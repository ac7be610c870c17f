// RUN: %check_viewguard %s viewguard-stale-view %t
//
// A view 'v' of 'b', then a write to b's storage through something other
// than 'v', then a read of 'v' in an expression or call that also uses 'b',
// as if 'v' still held the old values. Reported at the read of 'v'.

#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);
bool same(const nd::array<double> &, const nd::array<double> &);

// The spec case: the convergence test compares x with itself.
void stale_snapshot() {
  nd::array<double> x = {1.0, 2.0, 4.0};
  for (int it = 0; it < 100; ++it) {
    auto previous = x(nd::all);
    x *= 0.5;
    if (nd::allclose(x, previous)) {
      // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'previous' is a view of 'x' and reflects the write to 'x' made after it was created [viewguard-stale-view]
      std::cout << "converged after " << it << " steps\n";
      break;
    }
  }
}

// The spec case: the row swap with a view as the temporary.
void swap_rows(nd::array<double> &m, int i, int j) {
  auto tmp = m(i, nd::all);
  m(i, nd::all) = m(j, nd::all);
  m(j, nd::all) = tmp;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'tmp' is a view of 'm' and reflects the write to 'm' made after it was created [viewguard-stale-view]
}

// Straight-line code, the DESIGN's example.
bool converged(nd::array<double> &x, const nd::array<double> &dx) {
  auto old = x(nd::all);
  x += dx;
  return nd::allclose(x, old);
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'old' is a view of 'x' and reflects the write to 'x' made after it was created [viewguard-stale-view]
}

// Arithmetic that uses both.
nd::array<int> growth() {
  nd::array<int> a = {1, 2, 3};
  auto before = a.view();
  a *= 2;
  return a - before;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'before' is a view of 'a' and reflects the write to 'a' made after it was created [viewguard-stale-view]
}

// The write goes through another view of the same storage, not through the
// base: not a stale snapshot of the base (the spec case transpose_reshape
// reads such a sibling view together with its base and must stay silent).
bool through_other_view() {
  nd::array<double> x = {1.0, 2.0, 3.0, 4.0};
  auto snapshot = x(nd::slice(0, 2));
  auto front = x(nd::slice(0, 3));
  front.fill(0.0);
  return same(snapshot, x(nd::slice(0, 2)));
}

// The write is a call to a TU function that writes its parameter.
void halve(nd::array<double> &a) { a *= 0.5; }
bool through_helper() {
  nd::array<double> x = {1.0, 2.0};
  auto prev = x(nd::all);
  halve(x);
  return same(x, prev);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'prev' is a view of 'x' and reflects the write to 'x' made after it was created [viewguard-stale-view]
}

// Transposed view, written base, compared.
bool transposed() {
  nd::array<double> m = {{1.0, 2.0}, {3.0, 4.0}};
  auto t = m.T();
  m(0, 1) = 5.0;
  return same(m, t);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 't' is a view of 'm' and reflects the write to 'm' made after it was created [viewguard-stale-view]
}

// Negative: a real snapshot.
void stale_snapshot_fixed() {
  nd::array<double> x = {1.0, 2.0, 4.0};
  for (int it = 0; it < 100; ++it) {
    auto previous = x.copy();
    x *= 0.5;
    if (nd::allclose(x, previous, 1e-3)) {
      std::cout << "converged after " << it << " steps\n";
      break;
    }
  }
}

// Negative: the swap done right.
void swap_rows_fixed(nd::array<double> &m, int i, int j) {
  auto tmp = m(i, nd::all).copy();
  m(i, nd::all) = m(j, nd::all);
  m(j, nd::all) = tmp;
}

// Negative: the view is read alone after the write (it shows the new
// values, and nothing compares it with the base).
void read_alone() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  a += 1;
  use(v);
}

// Negative: the view and the base are used together only before the write.
bool compared_before_write() {
  nd::array<double> x = {1.0, 2.0};
  auto v = x(nd::all);
  bool r = same(x, v);
  x *= 2.0;
  return r;
}

// Negative: the write goes through the view itself (not stale: the view is
// the writer).
bool written_through_view() {
  nd::array<double> x = {1.0, 2.0};
  auto v = x(nd::all);
  v *= 2.0;
  return same(x, v);
}

// Negative: the view is made after the write.
bool view_made_after_write() {
  nd::array<double> x = {1.0, 2.0};
  x *= 2.0;
  auto v = x(nd::all);
  return same(x, v);
}

// Negative: the view is rebound to a copy before the write.
bool rebound_to_copy() {
  nd::array<double> x = {1.0, 2.0};
  auto v = x(nd::all);
  v = x.copy();
  x *= 2.0;
  return same(x, v);
}

// Negative: a view of a different array.
bool other_array() {
  nd::array<double> x = {1.0, 2.0};
  nd::array<double> y = {1.0, 2.0};
  auto v = y(nd::all);
  x *= 2.0;
  return same(x, v);
}
