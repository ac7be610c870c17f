// RUN: %check_viewguard %s 'viewguard-*' %t -fix-notes
//
// Shapes the analysis used to be blind to: exception handlers, generic
// lambdas, and helpers that return a copy of their parameter.

#include <iostream>
#include <stdexcept>
#include <nd/nd.hpp>

void risky(int);
void use(const nd::array<int> &);

// A catch handler is analysed: a view written there changes its base, which
// is read after the try.
void write_in_handler(int k) {
  nd::array<int> a = nd::arange<int>(6);
  auto v = a(nd::slice(0, 3));
  // CHECK-FIXES: auto v = a(nd::slice(0, 3)).copy();
  try {
    risky(k);
  } catch (const std::exception &) {
    v.fill(0);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
    // CHECK-NOTES: :[[@LINE-7]]:12: note: 'v' is a view of 'a' created here
  }
  // CHECK-NOTES: :[[@LINE+2]]:16: note: 'v' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:21: note: 'a' is read here after the write
  std::cout << v << a;
}

// A helper that writes its parameter only in a handler still writes it: its
// summary says so at the call.
void reset_on_error(nd::array<int> &p, int k) {
  try {
    risky(k);
  } catch (...) {
    p.fill(0);
  }
}

void caller(int k) {
  nd::array<int> a = nd::arange<int>(6);
  auto v = a(nd::slice(0, 3));
  // CHECK-FIXES: auto v = a(nd::slice(0, 3)).copy();
  reset_on_error(v, k);
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-4]]:12: note: 'v' is a view of 'a' created here
  // CHECK-NOTES: :[[@LINE+2]]:16: note: 'v' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:21: note: 'a' is read here after the write
  std::cout << v << a;
}

// A handler that only reads: nothing to report.
void read_in_handler(int k) {
  nd::array<int> a = nd::arange<int>(6);
  auto v = a(nd::slice(0, 3));
  try {
    risky(k);
  } catch (...) {
    use(v);
  }
  use(a);
}

// A generic lambda is analysed in each instantiation, reported once.
int generic_lambda() {
  auto g = [](auto p) {
    auto h = p(nd::slice(0, 2));
    // CHECK-FIXES: auto h = p(nd::slice(0, 2)).copy();
    h += 1;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: write through 'h' also modifies the caller's array passed as 'p' [viewguard-view-mutation]
    // CHECK-NOTES: :[[@LINE-4]]:14: note: 'h' is a view of 'p' created here
    // CHECK-NOTES: :[[@LINE+1]]:20: note: 'h' is read here after the write
    return nd::sum(h);
  };
  nd::array<int> a = nd::arange<int>(4);
  nd::array<double> b = nd::zeros<double>({4});
  return g(a) + static_cast<int>(g(b));
}

// A generic lambda used as an update handle stays silent.
void generic_lambda_update() {
  auto zero_head = [](auto &p) { p(nd::slice(0, 2)).fill(0); };
  nd::array<int> a = nd::arange<int>(4);
  zero_head(a);
  use(a);
}

// A helper returning a copy of its parameter: a write to the result never
// reaches the argument.
nd::array<int> pick(const nd::array<int> &a) { return a(nd::indices{0, 2}); }

void write_to_picked() {
  nd::array<int> a = nd::arange<int>(6);
  auto sel = pick(a);
  sel[0] = -1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write to 'sel' never reaches 'a': 'sel' is a copy made by fancy indexing [viewguard-lost-write]
  // CHECK-NOTES: :[[@LINE-3]]:14: note: 'sel' is a copy of 'a' made here
  // CHECK-NOTES: :[[@LINE+1]]:7: note: 'a' is read here after the write
  use(a);
}

// A helper returning a deliberate copy(): the write to it is intended.
nd::array<int> duplicate(const nd::array<int> &a) { return a.copy(); }

void write_to_duplicate() {
  nd::array<int> a = nd::arange<int>(6);
  auto d = duplicate(a);
  d[0] = -1;
  use(a);
}

// A helper that returns a copy on one path and its parameter on another says
// nothing definite: silent.
nd::array<int> maybe_pick(const nd::array<int> &a, bool all) {
  if (all)
    return a;
  return a(nd::indices{0, 2});
}

void write_to_maybe(bool all) {
  nd::array<int> a = nd::arange<int>(6);
  auto sel = maybe_pick(a, all);
  sel[0] = -1;
  use(a);
}
