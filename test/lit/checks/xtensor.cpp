// RUN: %check_viewguard %s viewguard-view-mutation %t -fix-notes -- --checks='-*,viewguard-*' --config="{CheckOptions: {Libraries: xtensor}}" -- %xtensor_flags
// RUN: %clangxx -fsyntax-only %xtensor_flags %t.cpp
//
// The shipped xtensor model on Debian's real headers (xtensor-dev 0.24.3,
// which Clang 19 compiles only with -fno-relaxed-template-template-args):
// xarray is a value, views have their own types, xt::flatten, xt::filter
// and xt::index_view are views (NumPy copies), and an assignment evaluates
// its right side into a temporary, so self-referencing assignments are
// correct. The fix-it is xt::eval(); the fixed file compiles.

#include <xtensor/xadapt.hpp>
#include <xtensor/xarray.hpp>
#include <xtensor/xindex_view.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xview.hpp>

// A view and its array used as two values.
double view_and_array(xt::xarray<double> a) {
  auto v = xt::view(a, xt::range(0, 2));
  v += 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'v' is a view of 'a' created here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'v' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:17: note: 'a' is read here after the write
  return v(0) + a(0);
}
// CHECK-FIXES: auto v = xt::eval(xt::view(a, xt::range(0, 2)));

// Unlike NumPy's flatten, xt::flatten is a view: scratch on the caller's
// array.
double flatten_scratch(const xt::xarray<double> &in, xt::xarray<double> &out) {
  auto f = xt::flatten(out);
  f(0) = in(0);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'f' also modifies 'out' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'f' is a view of 'out' created here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'f' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:17: note: 'out' is read here after the write
  return f(1) + out(1);
}
// CHECK-FIXES: auto f = xt::eval(xt::flatten(out));

// A value made from a view copies: the write is lost.
double copy_lost(xt::xarray<double> &a) {
  xt::xarray<double> c = xt::view(a, xt::range(0, 2));
  c(0) = 5;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write to 'c' never reaches 'a': 'c' is a copy made by conversion to a value [viewguard-lost-write]
  // CHECK-NOTES: :[[@LINE-3]]:26: note: 'c' is a copy of 'a' made here
  // CHECK-NOTES: :[[@LINE+1]]:10: note: 'a' is read here after the write
  return a(0);
}

// `auto` over an expression is lazy.
double lazy_sum(xt::xarray<double> &a, xt::xarray<double> &b) {
  auto s = a + b;
  b(0) = 10;
  return s(0);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 's' is a view of 'b' and reflects the write to 'b' made after it was created [viewguard-stale-view]
  // CHECK-NOTES: :[[@LINE-4]]:12: note: 's' is a view of 'b' created here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'b' is modified here
}
// CHECK-FIXES: auto s = xt::eval(a + b);

// xt::adapt views the caller's memory behind a pointer parameter.
double adapted(const double *p, std::size_t n) {
  std::vector<std::size_t> shape = {n};
  auto a = xt::adapt(const_cast<double *>(p), n, xt::no_ownership(), shape);
  a(0) = 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'a' also modifies the caller's array passed as 'p' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'a' is a view of 'p' created here
  // CHECK-NOTES: :[[@LINE+1]]:10: note: 'a' is read here after the write
  return a(1);
}
// CHECK-FIXES: auto a = xt::eval(xt::adapt(const_cast<double *>(p), n, xt::no_ownership(), shape));

// ---- Correct xtensor code: no warning. ----

// An update handle, and writes through filter (a view in xtensor).
double update(xt::xarray<double> &a) {
  xt::filter(a, a > 2) = 0;
  auto v = xt::view(a, xt::range(1, 3));
  v += 1;
  return a(0);
}

// xtensor evaluates the right side first: self-referencing assignments
// are correct.
void self_assign(xt::xarray<double> &a) {
  a = xt::transpose(a);
  a = 2 * a;
}

// A copy is the author's own; a by-value array is the callee's.
double copies(const xt::xarray<double> &a, xt::xarray<double> b) {
  xt::xarray<double> c = a;
  c(0) = 1;
  auto v = xt::view(b, 0);
  v = 3;
  return c(0) + a(0) + v();
}
