// nd/iter.hpp: the strided loop every element-wise operation runs on.
#pragma once

#include "nd/shape.hpp"

#include <array>
#include <cstddef>
#include <vector>

namespace nd::detail {

/// Calls `f(offsets)` for every multi-index of `shape` in C order, where
/// `offsets[k]` is `start[k] + sum_j index_j * strides[k][j]`. Nothing is
/// called when the shape has a zero extent; a 0-d shape is one call.
template <std::size_t N, class F>
void nditer(const shape_t &shape, const std::array<const strides_t *, N> &st,
            std::array<std::ptrdiff_t, N> start, F &&f) {
  const std::size_t nd = shape.size();
  for (auto d : shape)
    if (d == 0)
      return;
  if (nd == 0) {
    f(start);
    return;
  }
  std::vector<std::ptrdiff_t> idx(nd, 0);
  const std::ptrdiff_t inner = shape[nd - 1];
  std::array<std::ptrdiff_t, N> inner_st;
  for (std::size_t k = 0; k < N; ++k)
    inner_st[k] = (*st[k])[nd - 1];
  std::array<std::ptrdiff_t, N> off = start;
  // Strides are only ever added to reach an element that exists (a stride of
  // an axis of length 1 may be anything, e.g. after a huge slice step).
  for (;;) {
    std::array<std::ptrdiff_t, N> o = off;
    for (std::ptrdiff_t i = 0;;) {
      f(o);
      if (++i == inner)
        break;
      for (std::size_t k = 0; k < N; ++k)
        o[k] += inner_st[k];
    }
    std::size_t d = nd - 1;
    for (;;) {
      if (d == 0)
        return;
      --d;
      if (idx[d] + 1 < shape[d]) {
        ++idx[d];
        for (std::size_t k = 0; k < N; ++k)
          off[k] += (*st[k])[d];
        break;
      }
      for (std::size_t k = 0; k < N; ++k)
        off[k] -= (*st[k])[d] * idx[d];
      idx[d] = 0;
    }
  }
}

/// The lowest and one-past-highest element offsets an array touches, or
/// {0, 0} when it is empty.
inline std::array<std::ptrdiff_t, 2> element_extent(const shape_t &shape,
                                                    const strides_t &strides,
                                                    std::ptrdiff_t offset) {
  std::ptrdiff_t lo = offset, hi = offset;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 0)
      return {0, 0};
    const std::ptrdiff_t span = (shape[i] - 1) * strides[i];
    if (span < 0)
      lo += span;
    else
      hi += span;
  }
  return {lo, hi + 1};
}

/// Strides of an array of `shape` allocated by NumPy's NpyIter with
/// NPY_KEEPORDER over operands with strides `ops` (broadcast to `shape`, 0
/// on broadcast axes): npyiter_find_best_axis_ordering's stable insertion
/// sort of the axes by the operands' strides, C order winning conflicts and
/// ambiguities. Used for ufunc outputs and fancy-indexing results.
inline strides_t ufunc_out_strides(const shape_t &shape,
                                   const std::vector<strides_t> &ops) {
  const std::size_t nd = shape.size();
  // perm[0] is the innermost axis.
  std::vector<std::size_t> perm(nd);
  for (std::size_t i = 0; i < nd; ++i)
    perm[i] = nd - 1 - i;
  auto mag = [](std::ptrdiff_t s) { return stride_magnitude(s); };
  for (std::size_t i0 = 1; i0 < nd; ++i0) {
    std::size_t ipos = i0;
    const std::size_t j0 = perm[i0];
    for (std::size_t i1 = i0; i1-- > 0;) {
      bool ambig = true, shouldswap = false;
      const std::size_t j1 = perm[i1];
      for (const auto &st : ops) {
        if (st[j0] != 0 && st[j1] != 0) {
          if (mag(st[j1]) <= mag(st[j0]))
            shouldswap = false;
          else if (ambig)
            shouldswap = true;
          ambig = false;
        }
      }
      if (!ambig) {
        if (shouldswap)
          ipos = i1;
        else
          break;
      }
    }
    if (ipos != i0) {
      for (std::size_t i1 = i0; i1 > ipos; --i1)
        perm[i1] = perm[i1 - 1];
      perm[ipos] = j0;
    }
  }
  strides_t out(nd);
  std::ptrdiff_t s = 1;
  for (std::size_t i = 0; i < nd; ++i) {
    out[perm[i]] = s;
    s *= shape[perm[i]];
  }
  return fresh_strides(out, shape);
}

} // namespace nd::detail
