// RUN: %check_viewguard %s 'viewguard-*' %t -fix-notes
//
// reshape and ravel follow NumPy: a view whenever the no-copy reshape
// succeeds, a copy only where it provably fails. With constant shapes the
// analysis computes the strides and decides exactly; without them only a
// C-contiguous source is a proved view, and anything else "may" be either, so
// a write to it is never reported as lost.

#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);

// A step-2 slice of a 1-D array splits into two rows without a copy: r is a
// view of a, and the write reaches a (NumPy: np.arange(8)[::2].reshape(2, 2)
// shares memory).
void strided_reshape_is_a_view() {
  nd::array<int> a = nd::arange<int>(8);
  auto r = a(nd::slice(0, 8, 2)).reshape({2, 2});
  r.fill(-1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'r' also modifies 'a' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'r' is a view of 'a' created here
  // CHECK-FIXES: auto r = a(nd::slice(0, 8, 2)).reshape({2, 2}).copy();
  // CHECK-NOTES: :[[@LINE+2]]:16: note: 'r' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:28: note: 'a' is read here after the write
  std::cout << r << " " << a << "\n";
}

// The transpose of a 2x3 array cannot be flattened without a copy: the
// write is lost.
void transposed_reshape_is_a_copy() {
  nd::array<int> m = nd::arange<int>(6).reshape({2, 3});
  auto flat = m.T().reshape({6});
  flat[0] = 100;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write to 'flat' never reaches 'm': 'flat' is a copy made by reshape [viewguard-lost-write]
  // CHECK-NOTES: :[[@LINE-3]]:15: note: 'flat' is a copy of 'm' made here
  // CHECK-NOTES: :[[@LINE+1]]:7: note: 'm' is read here after the write
  use(m);
}

// A column of a 3x1 array is contiguous after all (the length-1 axis does
// not count): its reshape is a view, not a copy.
void length_one_axis() {
  nd::array<int> m = nd::arange<int>(3).reshape({3, 1});
  auto r = m.T().reshape({3});
  r[0] = 7;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'r' also modifies 'm' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'r' is a view of 'm' created here
  // CHECK-FIXES: auto r = m.T().reshape({3}).copy();
  // CHECK-NOTES: :[[@LINE+2]]:16: note: 'r' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:28: note: 'm' is read here after the write
  std::cout << r << " " << m << "\n";
}

// The shape is not known here: a strided view may reshape either way, and a
// write to the result is not called lost.
void unknown_shape_may(const nd::array<int> &p, int k) {
  auto rows = p(nd::slice(0, nd::_, 2), nd::all);
  auto r = rows.reshape({-1});
  r[0] = k;
  use(p);
}

// ravel copies whenever the array is not C-contiguous (NumPy's rule), even
// where reshape({-1}) would have made a view. (The shape must be known: a
// step-2 slice of an array of unknown length may have one element, and then
// it is contiguous.)
void ravel_of_strided_copies() {
  nd::array<int> a = nd::zeros<int>({8});
  auto r = a(nd::slice(0, 8, 2)).ravel();
  r[0] = 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write to 'r' never reaches 'a': 'r' is a copy made by ravel [viewguard-lost-write]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'r' is a copy of 'a' made here
  // CHECK-NOTES: :[[@LINE+1]]:7: note: 'a' is read here after the write
  use(a);
}

void ravel_of_unknown_length_may(int n) {
  nd::array<int> a = nd::arange<int>(n);
  auto r = a(nd::slice(0, nd::_, 2)).ravel();
  r[0] = 1;
  use(a);
}
