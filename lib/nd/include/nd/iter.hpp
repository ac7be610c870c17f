// nd/iter.hpp: the strided loop every element-wise operation runs on.
#pragma once

#include "nd/shape.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>
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

/// One dimension of a loop over N operands: its extent and each operand's
/// stride along it.
template <std::size_t N> struct loop_dim {
  std::ptrdiff_t n;
  std::array<std::ptrdiff_t, N> st;
};

/// The dimensions of `shape` as a loop visits them: dimensions of length 1
/// dropped, and each dimension merged into the one outside it when every
/// operand steps through the pair as through one dimension (the outer
/// stride is the inner stride times the inner extent). Visiting the result
/// in C order reaches the same offsets in the same order as visiting
/// `shape`. Empty when `shape` has a zero extent (`empty` set) or no
/// extent other than 1.
template <std::size_t N>
std::vector<loop_dim<N>>
coalesce_dims(const shape_t &shape, const std::array<const strides_t *, N> &st,
              bool &empty) {
  std::vector<loop_dim<N>> dims;
  empty = false;
  dims.reserve(shape.size());
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 0) {
      empty = true;
      dims.clear();
      return dims;
    }
    if (shape[i] == 1)
      continue;
    loop_dim<N> d{shape[i], {}};
    for (std::size_t k = 0; k < N; ++k)
      d.st[k] = (*st[k])[i];
    if (!dims.empty()) {
      loop_dim<N> &outer = dims.back();
      bool merge = true;
      for (std::size_t k = 0; k < N && merge; ++k) {
        std::ptrdiff_t span = 0;
        merge =
            !__builtin_mul_overflow(d.st[k], d.n, &span) && span == outer.st[k];
      }
      if (merge) {
        outer.n *= d.n;
        outer.st = d.st;
        continue;
      }
    }
    dims.push_back(d);
  }
  return dims;
}

template <std::size_t N, class F>
void nditer_dims(const std::vector<loop_dim<N>> &dims,
                 std::array<std::ptrdiff_t, N> start, F &&run);

/// nditer by runs: calls `run(offsets, n, strides)` for each run of the
/// innermost dimension after coalesce_dims, in C order; the run covers the
/// offsets `offsets[k] + i * strides[k]`, 0 <= i < n (n >= 1). Together the
/// runs visit exactly the offsets nditer visits, in the same order.
template <std::size_t N, class F>
void nditer_runs(const shape_t &shape,
                 const std::array<const strides_t *, N> &st,
                 std::array<std::ptrdiff_t, N> start, F &&run) {
  bool empty = false;
  const std::vector<loop_dim<N>> dims = coalesce_dims<N>(shape, st, empty);
  if (!empty)
    nditer_dims<N>(dims, start, run);
}

/// nditer_runs over dimensions coalesce_dims has produced (and found not
/// empty): no dimensions is one element.
template <std::size_t N, class F>
void nditer_dims(const std::vector<loop_dim<N>> &dims,
                 std::array<std::ptrdiff_t, N> start, F &&run) {
  if (dims.empty()) {
    run(start, std::ptrdiff_t{1}, std::array<std::ptrdiff_t, N>{});
    return;
  }
  const std::size_t nd = dims.size();
  const loop_dim<N> inner = dims[nd - 1];
  if (nd == 1) {
    run(start, inner.n, inner.st);
    return;
  }
  std::vector<std::ptrdiff_t> idx(nd - 1, 0);
  std::array<std::ptrdiff_t, N> off = start;
  for (;;) {
    run(off, inner.n, inner.st);
    std::size_t d = nd - 1;
    for (;;) {
      if (d == 0)
        return;
      --d;
      if (idx[d] + 1 < dims[d].n) {
        ++idx[d];
        for (std::size_t k = 0; k < N; ++k)
          off[k] += dims[d].st[k];
        break;
      }
      for (std::size_t k = 0; k < N; ++k)
        off[k] -= dims[d].st[k] * idx[d];
      idx[d] = 0;
    }
  }
}

/// True when no two elements of the layout share an offset (a sufficient
/// test: sorted by |stride|, each stride clears the span of the smaller
/// ones).
inline bool layout_is_one_to_one(const shape_t &shape,
                                 const strides_t &strides) {
  std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>> d;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == 0)
      return true;
    if (shape[i] > 1)
      d.emplace_back(stride_magnitude(strides[i]), shape[i]);
  }
  std::sort(d.begin(), d.end());
  std::ptrdiff_t span = 0; // the largest offset reached by the smaller dims
  for (const auto &[s, n] : d) {
    if (s <= span)
      return false;
    std::ptrdiff_t ext = 0;
    if (__builtin_mul_overflow(s, n - 1, &ext) ||
        __builtin_add_overflow(span, ext, &span))
      return false;
  }
  return true;
}

/// copy_strided's tiled loop: dims[p] is the source's contiguous dimension,
/// the last one the destination's; the other dimensions are iterated
/// outside, and the pair tile by tile.
template <class D, class S>
void copy_tiled(const std::vector<loop_dim<2>> &dims, std::size_t p, D *d,
                std::ptrdiff_t doff, const S *s, std::ptrdiff_t soff) {
  constexpr std::ptrdiff_t tile = 32;
  const std::size_t nd = dims.size();
  const loop_dim<2> a = dims[p], b = dims[nd - 1];
  std::vector<loop_dim<2>> rest;
  for (std::size_t i = 0; i + 1 < nd; ++i)
    if (i != p)
      rest.push_back(dims[i]);
  std::vector<std::ptrdiff_t> idx(rest.size(), 0);
  std::array<std::ptrdiff_t, 2> off = {doff, soff};
  for (;;) {
    for (std::ptrdiff_t i0 = 0; i0 < a.n; i0 += tile) {
      const std::ptrdiff_t i1 = std::min(a.n, i0 + tile);
      for (std::ptrdiff_t j0 = 0; j0 < b.n; j0 += tile) {
        const std::ptrdiff_t j1 = std::min(b.n, j0 + tile);
        for (std::ptrdiff_t i = i0; i < i1; ++i) {
          D *dp = d + off[0] + i * a.st[0];
          const S *sp = s + off[1] + i * a.st[1];
          for (std::ptrdiff_t j = j0; j < j1; ++j)
            dp[j * b.st[0]] = static_cast<D>(sp[j * b.st[1]]);
        }
      }
    }
    std::size_t k = rest.size();
    for (;;) {
      if (k == 0)
        return;
      --k;
      if (idx[k] + 1 < rest[k].n) {
        ++idx[k];
        off[0] += rest[k].st[0];
        off[1] += rest[k].st[1];
        break;
      }
      off[0] -= rest[k].st[0] * idx[k];
      off[1] -= rest[k].st[1] * idx[k];
      idx[k] = 0;
    }
  }
}

/// Copies (converting each element with static_cast<D>) the elements of a
/// `shape` array at (s, sst, soff) into the one at (d, dst, doff).
/// `any_order`: the elements may be written in any order (the destination
/// does not overlap itself and the source does not overlap the
/// destination), which allows a tiled loop for transposed layouts; else
/// the elements are written in C order. Source and destination never
/// overlap (the callers copy an overlapping source first).
template <class D, class S>
void copy_strided(const shape_t &shape, D *d, const strides_t &dst,
                  std::ptrdiff_t doff, const S *s, const strides_t &sst,
                  std::ptrdiff_t soff, bool any_order) {
  if (any_order) {
    bool empty = false;
    std::vector<loop_dim<2>> dims =
        coalesce_dims<2>(shape, {&dst, &sst}, empty);
    if (empty)
      return;
    // A transposed copy: the destination's innermost dimension is read
    // with a large stride, another dimension of the source is (nearly)
    // contiguous. Copy tile by tile so that both sides use whole cache
    // lines.
    const std::size_t nd = dims.size();
    if (nd >= 2 && stride_magnitude(dims[nd - 1].st[0]) <= 2 &&
        stride_magnitude(dims[nd - 1].st[1]) > 8) {
      std::size_t p = 0;
      for (std::size_t i = 1; i + 1 < nd; ++i)
        if (stride_magnitude(dims[i].st[1]) < stride_magnitude(dims[p].st[1]))
          p = i;
      if (stride_magnitude(dims[p].st[1]) <= 2) {
        copy_tiled(dims, p, d, doff, s, soff);
        return;
      }
    }
  }
  nditer_runs<2>(shape, {&dst, &sst}, {doff, soff},
                 [&](const std::array<std::ptrdiff_t, 2> &o, std::ptrdiff_t n,
                     const std::array<std::ptrdiff_t, 2> &st) {
                   D *dp = d + o[0];
                   const S *sp = s + o[1];
                   if (st[0] == 1 && st[1] == 1) {
                     if constexpr (std::is_same_v<D, S>) {
                       std::memcpy(dp, sp,
                                   static_cast<std::size_t>(n) * sizeof(D));
                     } else {
                       for (std::ptrdiff_t i = 0; i < n; ++i)
                         dp[i] = static_cast<D>(sp[i]);
                     }
                   } else if (st[0] == 1 && st[1] == 0) {
                     const D v = static_cast<D>(*sp);
                     for (std::ptrdiff_t i = 0; i < n; ++i)
                       dp[i] = v;
                   } else {
                     for (std::ptrdiff_t i = 0; i < n; ++i)
                       dp[i * st[0]] = static_cast<D>(sp[i * st[1]]);
                   }
                 });
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
