// libtorch's view pitfalls, found with `viewguard --library=libtorch`.
#include <ATen/ATen.h>

using at::indexing::Slice;

// 1. Indexing with a mask or an index tensor copies: the in-place
//    operation and the assignment change a temporary.
void clip_negatives(at::Tensor &t) {
  auto negative = t < 0;
  t.index({negative}).mul_(0);
  t.index({negative}) = 0;
}

// 2. `r = other` rebinds the handle `r`; it does not copy into the row.
void reset_first_row(at::Tensor &t, const at::Tensor &init) {
  auto r = t[0];
  r = init;
}

// 3. contiguous() returns the same storage when the tensor is already
//    contiguous: it is not a copy, and the caller's tensor changes.
at::Tensor normalized(const at::Tensor &x) {
  auto y = x.contiguous();
  y.sub_(y.mean());
  return y;
}

// 4. Correct: basic indexing of a temporary writes through; index_put_.
void correct(at::Tensor &t, const at::Tensor &mask) {
  t.index({Slice(0, 2)}) = 0;
  t.index_put_({mask}, 1);
}
