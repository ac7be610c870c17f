// RUN: %check_viewguard %s viewguard-view-mutation %t -fix-notes -- --checks='-*,viewguard-*' --config="{CheckOptions: {Libraries: libtorch}}" -- %libtorch_flags
// RUN: %clangxx -fsyntax-only %libtorch_flags %t.cpp
//
// The shipped libtorch model on Debian's real headers (libtorch-dev
// 1.13.1), all three checks in one run (<ATen/ATen.h> alone takes seconds
// to parse). The fix-its are libtorch's clone(), copy_() and index_put_();
// the fixed file compiles.

#include <ATen/ATen.h>

using at::indexing::Slice;

// index() given a mask or an index tensor is advanced indexing: a copy.
at::Tensor masked_inplace_lost(at::Tensor t, const at::Tensor &mask) {
  t.index({mask}).mul_(2);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: 'mul_' on a temporary copy made by advanced indexing has no effect [viewguard-lost-write]
  return t;
}

void masked_assign_lost(at::Tensor &t, const at::Tensor &mask) {
  t.index({mask}) = 5;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: assignment to a temporary copy made by advanced indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: t.index_put_({mask}, 5);
  t[mask] = 0;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: assignment to a temporary copy made by advanced indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: t.index_put_({mask}, 0);
}

double selected_copy_lost(at::Tensor &t, const at::Tensor &idx) {
  auto sel = t.index({idx});
  sel.zero_();
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write to 'sel' never reaches 't': 'sel' is a copy made by advanced indexing [viewguard-lost-write]
  // CHECK-NOTES: :[[@LINE-3]]:14: note: 'sel' is a copy of 't' made here
  return t.sum().item<double>();
  // CHECK-NOTES: :[[@LINE-1]]:10: note: 't' is read here after the write
}

// Assignment to a named tensor rebinds it (pytorch issue 29895).
double rebound_row(at::Tensor &t, const at::Tensor &ones) {
  auto r = t[0];
  r = ones;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: assignment rebinds the view 'r' instead of writing into 't' [viewguard-lost-write]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'r' is a view of 't' created here
  // CHECK-FIXES: r.copy_(ones);
  return t.sum().item<double>();
}

// A view used as scratch on the caller's tensor.
at::Tensor flat_scratch(const at::Tensor &x) {
  auto v = x.view({-1});
  v.mul_(2);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'v' also modifies the caller's array passed as 'x' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'v' is a view of 'x' created here
  // CHECK-NOTES: :[[@LINE+1]]:10: note: 'v' is read here after the write
  return v;
}
// CHECK-FIXES: auto v = x.view({-1}).clone();

// contiguous() returns the same storage when the tensor is contiguous
// already: it is not a way to get a copy.
at::Tensor contiguous_may_alias(const at::Tensor &x) {
  auto c = x.contiguous();
  c.add_(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'c' may also modify the caller's array passed as 'x' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'c' is a view of 'x' created here
  // CHECK-NOTES: :[[@LINE+1]]:10: note: 'c' is read here after the write
  return c;
}
// CHECK-FIXES: auto c = x.contiguous().clone();

// A row and its tensor used as two independent values.
at::Tensor independent_row() {
  auto a = at::zeros({4, 4});
  auto row = a.select(0, 0);
  row.fill_(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'row' also modifies 'a' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:14: note: 'row' is a view of 'a' created here
  // CHECK-NOTES: :[[@LINE+2]]:10: note: 'row' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:16: note: 'a' is read here after the write
  return row + a;
}
// CHECK-FIXES: auto row = a.select(0, 0).clone();

// A *_out function writes its first argument: a snapshot view reflects it.
at::Tensor out_destination(const at::Tensor &a, const at::Tensor &b) {
  auto out = at::zeros({4});
  auto head = out.narrow(0, 0, 2);
  at::add_out(out, a, b);
  return out + head;
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: 'head' is a view of 'out' and reflects the write to 'out' made after it was created [viewguard-stale-view]
  // CHECK-NOTES: :[[@LINE-4]]:15: note: 'head' is a view of 'out' created here
  // CHECK-NOTES: :[[@LINE-4]]:15: note: 'out' is modified here
}
// CHECK-FIXES: auto head = out.narrow(0, 0, 2).clone();

// from_blob views the caller's memory: scaling it in place changes the
// caller's const buffer.
double blob_scratch(const float *in, int64_t n) {
  auto t = at::from_blob(const_cast<float *>(in), {n});
  t.mul_(2);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 't' also modifies the caller's array passed as 'in' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 't' is a view of 'in' created here
  // CHECK-NOTES: :[[@LINE+1]]:10: note: 't' is read here after the write
  return t.sum().item<double>();
}
// CHECK-FIXES: auto t = at::from_blob(const_cast<float *>(in), {n}).clone();

// ---- Correct libtorch code: no warning. ----

// A non-const pointer parameter is an output.
void blob_output(float *out, int64_t n) {
  auto t = at::from_blob(out, {n});
  t.fill_(0);
  t[0] = t[1];
}


// Basic indexing of a temporary writes through it.
void slice_assign(at::Tensor &t, const at::Tensor &mask) {
  t.index({Slice(1, 3)}) = 5;
  t[0] = 1;
  t.index({Slice(), 0}).zero_();
  t.index_put_({mask}, 7);
}

// By-value tensors are handles by libtorch's idiom, not copies.
at::Tensor init_weights(at::Tensor w) {
  auto head = w.narrow(0, 0, 1);
  head.fill_(0);
  return head;
}

// A deliberate copy, and shape queries.
double cloned(const at::Tensor &x) {
  auto c = x.view({-1}).clone();
  c.mul_(2);
  return c.sum().item<double>() + static_cast<double>(x.size(0) + x.dim());
}

// A rebinding in a loop: the handle walks over rows.
double rows(const at::Tensor &x) {
  double s = 0;
  auto r = x[0];
  for (int64_t i = 1; i < x.size(0); ++i) {
    s += r.sum().item<double>();
    r = x[i];
  }
  return s + r.sum().item<double>();
}
