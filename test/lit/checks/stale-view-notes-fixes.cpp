// RUN: %check_viewguard %s viewguard-stale-view %t -fix-notes
//
// The notes of viewguard-stale-view: where the view was made (with the
// .copy() fix-it, applied by --fix-notes) and where the base was modified.

#include <nd/nd.hpp>

void swap_rows(nd::array<double> &m, int i, int j) {
  auto tmp = m(i, nd::all);
  // CHECK-FIXES: auto tmp = m(i, nd::all).copy();
  m(i, nd::all) = m(j, nd::all);
  m(j, nd::all) = tmp;
  // CHECK-NOTES: :[[@LINE-1]]:19: warning: 'tmp' is a view of 'm' and reflects the write to 'm' made after it was created [viewguard-stale-view]
  // CHECK-NOTES: :[[@LINE-5]]:14: note: 'tmp' is a view of 'm' created here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'm' is modified here
}

bool converged(nd::array<double> &x, const nd::array<double> &dx) {
  auto old = x(nd::all);
  // CHECK-FIXES: auto old = x(nd::all).copy();
  x += dx;
  return nd::allclose(x, old);
  // CHECK-NOTES: :[[@LINE-1]]:26: warning: 'old' is a view of 'x' and reflects the write to 'x' made after it was created [viewguard-stale-view]
  // CHECK-NOTES: :[[@LINE-5]]:14: note: 'old' is a view of 'x' created here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'x' is modified here
}

int stale_snapshot() {
  nd::array<double> x = {1.0, 2.0, 4.0};
  for (int it = 0; it < 100; ++it) {
    auto previous = x(nd::all);
    // CHECK-FIXES: auto previous = x(nd::all).copy();
    x *= 0.5;
    if (nd::allclose(x, previous))
      // CHECK-NOTES: :[[@LINE-1]]:25: warning: 'previous' is a view of 'x' and reflects the write to 'x' made after it was created [viewguard-stale-view]
      // CHECK-NOTES: :[[@LINE-5]]:21: note: 'previous' is a view of 'x' created here
      // CHECK-NOTES: :[[@LINE-4]]:5: note: 'x' is modified here
      return it;
  }
  return -1;
}
