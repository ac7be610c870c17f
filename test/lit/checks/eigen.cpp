// RUN: %check_viewguard %s viewguard-view-mutation %t -fix-notes -- --checks='-*,viewguard-*' --config="{CheckOptions: {Libraries: eigen}}" -- %eigen_flags
// RUN: %clangxx -fsyntax-only %eigen_flags %t.cpp
//
// The shipped Eigen model on Debian's real headers (libeigen3-dev 3.4): a
// matrix is a value, views have their own types (Block, Map, Ref, ...),
// expressions are lazy views of all their operands, and Eigen writes an
// assignment's destination while it reads the right side. All four checks;
// the fix-its name the value type instead of `auto` (`.eval()` where Eigen
// has no typedef for it), add `.eval()` and drop a wrong `noalias()`; the
// fixed file compiles.

#include <Eigen/Dense>
#include <algorithm>
#include <numeric>

using Eigen::MatrixXd;
using Eigen::VectorXd;

// `auto` keeps a Block: a view. Writing it changes the matrix.
double block_and_matrix(const MatrixXd &m0) {
  MatrixXd m = m0;
  auto b = m.block(0, 0, 2, 2);
  b.setZero();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'b' also modifies 'm' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'b' is a view of 'm' created here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'b' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:20: note: 'm' is read here after the write
  return b.sum() + m.sum();
}
// CHECK-FIXES: Eigen::MatrixXd b = m.block(0, 0, 2, 2);

// Assignment to a view writes through it; it never rebinds.
double assign_through_view(MatrixXd &m, const MatrixXd &other) {
  auto top = m.topRows(1);
  top = other.topRows(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'top' also modifies 'm' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:14: note: 'top' is a view of 'm' created here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'top' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:22: note: 'm' is read here after the write
  return top.sum() + m.sum();
}
// CHECK-FIXES: Eigen::MatrixXd top = m.topRows(1);

// A value made from a view is a copy: the write never reaches the matrix.
double row_copy_lost(MatrixXd &m) {
  VectorXd r = m.row(0);
  r.setZero();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write to 'r' never reaches 'm': 'r' is a copy made by conversion to a value [viewguard-lost-write]
  // CHECK-NOTES: :[[@LINE-3]]:16: note: 'r' is a copy of 'm' made here
  // CHECK-NOTES: :[[@LINE+1]]:10: note: 'm' is read here after the write
  return m.sum();
}

// `auto` over an expression keeps it lazy: it reads x when evaluated.
double lazy_residual(const MatrixXd &A, const VectorXd &b, VectorXd x) {
  auto r = b - A * x;
  x.setZero();
  return r.norm();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'r' is a view of 'x' and reflects the write to 'x' made after it was created [viewguard-stale-view]
  // CHECK-NOTES: :[[@LINE-4]]:12: note: 'r' is a view of 'x' created here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'x' is modified here
}
// CHECK-FIXES: Eigen::VectorXd r = b - A * x;

// Map views the memory behind its pointer.
double mapped(VectorXd &x) {
  Eigen::Map<VectorXd> head(x.data(), 2);
  head(0) = 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'head' also modifies 'x' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:24: note: 'head' is a view of 'x' created here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'head' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:23: note: 'x' is read here after the write
  return head.sum() + x.sum();
}

// A fixed-size row with no typedef: `.eval()`.
double fixed_row(const Eigen::Matrix<double, 5, 5> &m0) {
  Eigen::Matrix<double, 5, 5> m = m0;
  auto r = m.row(0);
  r.setZero();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'r' also modifies 'm' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'r' is a view of 'm' created here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'r' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:20: note: 'm' is read here after the write
  return r.sum() + m.sum();
}
// CHECK-FIXES: auto r = m.row(0).eval();

// Iterators write: sorting a reshaped() view sorts the matrix.
double sorted_view(MatrixXd m) {
  auto r = m.reshaped();
  std::sort(r.begin(), r.end());
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'r' also modifies 'm' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'r' is a view of 'm' created here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'r' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:17: note: 'm' is read here after the write
  return r(0) + m(0, 0);
}
// CHECK-FIXES: Eigen::VectorXd r = m.reshaped();

// Eigen's aliasing: the destination is written while the transpose reads it.
void transpose_in_place_wrong(MatrixXd &m) {
  m = m.transpose();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: assignment writes 'm' while its right side reads 'm' transposed: elements are read after they were overwritten (aliasing) [viewguard-aliased-assignment]
  // CHECK-NOTES: :[[@LINE-2]]:7: note: 'm' is read here
  // CHECK-FIXES: m = m.transpose().eval();
  m.block(0, 0, 2, 2) = m.block(0, 0, 2, 2).transpose();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: assignment writes 'm' while its right side reads 'm' transposed: elements are read after they were overwritten (aliasing) [viewguard-aliased-assignment]
  // CHECK-NOTES: :[[@LINE-2]]:25: note: 'm' is read here
  // CHECK-FIXES: m.block(0, 0, 2, 2) = m.block(0, 0, 2, 2).transpose().eval();
}

// Shifted, overlapping blocks of one matrix alias too; disjoint rows and
// the same block do not.
void shifted_blocks(MatrixXd &m) {
  m.block(1, 1, 2, 2) = m.block(0, 0, 2, 2);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: assignment writes a block of 'm' while its right side reads an overlapping block of 'm': elements are read after they were overwritten (aliasing) [viewguard-aliased-assignment]
  // CHECK-NOTES: :[[@LINE-2]]:25: note: 'm' is read here
  // CHECK-FIXES: m.block(1, 1, 2, 2) = m.block(0, 0, 2, 2).eval();
  m.row(0) = m.row(1);
  m.block(0, 0, 2, 2) = 2 * m.block(0, 0, 2, 2);
  m.block(0, 0, 2, 2) = m.block(2, 2, 2, 2);
}

// noalias() skips the temporary a product needs when it reads the
// destination.
void noalias_wrong(MatrixXd &m) {
  m.noalias() = m * m;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: noalias() promises that the right side does not read 'm', but it does: the product is written into 'm' while it is computed [viewguard-aliased-assignment]
  // CHECK-NOTES: :[[@LINE-2]]:17: note: 'm' is read here
  // CHECK-FIXES: m = m * m;
}

// ---- Correct Eigen code: no warning. ----

// A row scaled in place, a block assigned, when only m is used afterwards.
double update_in_place(MatrixXd &m, const MatrixXd &other) {
  m.row(0) *= 2;
  m.block(0, 0, 1, 1) = other.block(0, 0, 1, 1);
  auto corner = m.bottomRightCorner(1, 1);
  corner.setOnes();
  return m.sum();
}

// Coefficient-wise self-assignment, products, eval(), transposeInPlace().
void safe_assignments(MatrixXd &m, const MatrixXd &n) {
  m = 2 * m;
  m = m + n;
  m = m * m;
  m = m.transpose().eval();
  m.noalias() = n * n;
  m.transposeInPlace();
  m = n.transpose();
  m = (m * n).transpose();
}

// A copy of a matrix is the author's own.
double own_copy(const MatrixXd &m) {
  MatrixXd c = m;
  c.setZero();
  return c.sum() + m.sum();
}

// A by-value matrix parameter is the callee's copy; a by-value Ref is
// Eigen's in-out idiom.
double by_value(MatrixXd m) {
  auto b = m.block(0, 0, 1, 1);
  b.setZero();
  return b.sum();
}
void in_out(Eigen::Ref<VectorXd> v) {
  auto h = v.head(2);
  h.setZero();
  v(0) = h(1);
}

// An algorithm that only reads through the iterators.
double summed(MatrixXd m) {
  auto r = m.reshaped();
  double s = std::accumulate(r.begin(), r.end(), 0.0);
  r(0) = s;
  return m(0, 0);
}

// A lazy expression evaluated before its operands change.
double evaluated(const MatrixXd &A, const VectorXd &b, VectorXd x) {
  VectorXd r = b - A * x;
  x.setZero();
  return r.norm() + x.norm();
}
