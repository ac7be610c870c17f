// RUN: %check_viewguard %s viewguard-lost-write %t
//
// The handle trap: assigning to a named view rebinds the handle and writes
// nothing into the base. Reported when the view is not read afterwards while
// its old base is; the fix-it (on the warning, --fix) is view.assign(x).

#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);

// The spec case.
void spec_rebind_view_handle() {
  nd::array<int> m = nd::zeros<int>({2, 3});
  nd::array<int> ones = nd::ones<int>({3});
  auto row = m(0, nd::all);
  row = ones;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment rebinds the view 'row' instead of writing into 'm' [viewguard-lost-write]
  // CHECK-FIXES: row.assign(ones);
  auto second = m(1, nd::all);
  second.assign(ones);
  std::cout << m << "\n";
}

// A temporary on the right-hand side.
void rebind_to_temporary() {
  nd::array<int> m = nd::zeros<int>({3, 2});
  auto col = m(nd::all, 1);
  col = nd::full<int>({3}, 7);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment rebinds the view 'col' instead of writing into 'm' [viewguard-lost-write]
  // CHECK-FIXES: col.assign(nd::full<int>({3}, 7));
  use(m);
}

// A slice of a 1-D array, rebound to arithmetic on another array.
void rebind_slice(const nd::array<int> &src) {
  nd::array<int> a = nd::zeros<int>({4});
  auto head = a(nd::slice(0, 2));
  head = src(nd::slice(0, 2)) * 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment rebinds the view 'head' instead of writing into 'a' [viewguard-lost-write]
  // CHECK-FIXES: head.assign(src(nd::slice(0, 2)) * 2);
  use(a);
}

// The base is a reference parameter, read after the rebinding.
void rebind_param_row(nd::array<int> &out, const nd::array<int> &values) {
  auto first = out(0, nd::all);
  first = values;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment rebinds the view 'first' instead of writing into 'out' [viewguard-lost-write]
  // CHECK-FIXES: first.assign(values);
  use(out);
}

// Negative: the view is read after the rebinding (the rebinding is meant).
void rebinding_then_read() {
  nd::array<int> m = nd::zeros<int>({2, 3});
  nd::array<int> ones = nd::ones<int>({3});
  auto row = m(0, nd::all);
  use(row);
  row = ones;
  use(row);
  use(m);
}

// Negative: the old base is not read afterwards.
void old_base_not_read() {
  nd::array<int> m = nd::zeros<int>({2, 3});
  use(m);
  auto row = m(0, nd::all);
  row = nd::ones<int>({3});
}

// Negative: rebinding an owner is ordinary assignment of a handle.
void owner_rebound() {
  nd::array<int> a = {1, 2, 3};
  nd::array<int> b = {4, 5, 6};
  a = b;
  use(a);
  use(b);
}

// Negative: assign() writes into the base.
void assign_writes() {
  nd::array<int> m = nd::zeros<int>({2, 3});
  auto row = m(0, nd::all);
  row.assign(nd::ones<int>({3}));
  use(m);
}
