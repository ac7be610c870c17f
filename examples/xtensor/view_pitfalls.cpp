// xtensor's view pitfalls, found with `viewguard --library=xtensor`.
#include <xtensor/xarray.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xview.hpp>

// 1. xt::flatten is a view in xtensor (NumPy's flatten copies): the
//    "scratch copy" overwrites the caller's array.
double peak_to_peak(xt::xarray<double> &a) {
  auto flat = xt::flatten(a);
  flat(0) -= flat(1);
  return flat(0) + a(0, 0);
}

// 2. `auto s = a + b;` is lazy: it reads b after b changed.
double sum_then_reset(xt::xarray<double> &a, xt::xarray<double> &b) {
  auto s = a + b;
  b.fill(0);
  return s(0);
}

// 3. A value made from a view copies: the write never reaches a.
void clear_head(xt::xarray<double> &a) {
  xt::xarray<double> head = xt::view(a, xt::range(0, 2));
  head.fill(0);
}

// 4. Correct: an update handle, and a self-referencing assignment (xtensor
//    evaluates the right side first).
void correct(xt::xarray<double> &a) {
  auto v = xt::view(a, xt::range(1, 3));
  v += 1;
  a = xt::transpose(a);
}
