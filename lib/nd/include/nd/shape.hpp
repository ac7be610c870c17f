// nd/shape.hpp: shapes, strides and broadcasting.
//
// Strides are counted in ELEMENTS, not bytes: element (i0, ..., ik) of an
// array lives at `offset + i0 * strides[0] + ... + ik * strides[k]` in its
// buffer.
#pragma once

#include "nd/errors.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace nd {

/// A shape: one extent per dimension. `{}` is the shape of a 0-d array.
using shape_t = std::vector<std::ptrdiff_t>;
/// Strides in elements, one per dimension.
using strides_t = std::vector<std::ptrdiff_t>;

/// NumPy's spelling of a shape: `(2,3)`, `(4,)`, `()`.
inline std::string shape_to_string(const shape_t &shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i)
      s += ",";
    s += std::to_string(shape[i]);
  }
  if (shape.size() == 1)
    s += ",";
  s += ")";
  return s;
}

/// The number of elements of `shape`. Throws value_error for a negative
/// extent or a size that does not fit in std::ptrdiff_t.
inline std::ptrdiff_t shape_size(const shape_t &shape) {
  std::ptrdiff_t n = 1;
  bool zero = false;
  for (auto d : shape) {
    if (d < 0)
      throw value_error("negative dimensions are not allowed");
    if (d == 0)
      zero = true;
  }
  if (zero)
    return 0;
  for (auto d : shape) {
    if (n > std::numeric_limits<std::ptrdiff_t>::max() / d)
      throw value_error("array is too big; shape " + shape_to_string(shape) +
                        " has more elements than fit in std::ptrdiff_t");
    n *= d;
  }
  return n;
}

/// C-contiguous (row-major) strides for `shape`, as NumPy computes them for
/// a view (e.g. a reshape): extents of 0 do not multiply.
inline strides_t c_strides(const shape_t &shape) {
  strides_t st(shape.size());
  std::ptrdiff_t s = 1;
  for (std::size_t i = shape.size(); i-- > 0;) {
    st[i] = s;
    if (shape[i])
      s *= shape[i];
  }
  return st;
}

/// Fortran-contiguous (column-major) strides for `shape`.
inline strides_t f_strides(const shape_t &shape) {
  strides_t st(shape.size());
  std::ptrdiff_t s = 1;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    st[i] = s;
    if (shape[i])
      s *= shape[i];
  }
  return st;
}

/// NumPy's C_CONTIGUOUS flag: extents of 1 are ignored, an empty array is
/// contiguous.
inline bool is_c_contiguous(const shape_t &shape, const strides_t &strides) {
  std::ptrdiff_t sd = 1;
  for (auto d : shape)
    if (d == 0)
      return true;
  for (std::size_t i = shape.size(); i-- > 0;) {
    if (shape[i] != 1) {
      if (strides[i] != sd)
        return false;
      sd *= shape[i];
    }
  }
  return true;
}

/// NumPy's F_CONTIGUOUS flag.
inline bool is_f_contiguous(const shape_t &shape, const strides_t &strides) {
  std::ptrdiff_t sd = 1;
  for (auto d : shape)
    if (d == 0)
      return true;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] != 1) {
      if (strides[i] != sd)
        return false;
      sd *= shape[i];
    }
  }
  return true;
}

/// The broadcast shape of `a` and `b` (NumPy's rules: align trailing
/// dimensions; each pair must be equal or contain a 1). Throws shape_error
/// "operands could not be broadcast together with shapes (2,3) (4,)".
inline shape_t broadcast_shapes(const shape_t &a, const shape_t &b) {
  const std::size_t n = std::max(a.size(), b.size());
  shape_t out(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::ptrdiff_t da = i < n - a.size() ? 1 : a[i - (n - a.size())];
    const std::ptrdiff_t db = i < n - b.size() ? 1 : b[i - (n - b.size())];
    if (da == db || db == 1)
      out[i] = da;
    else if (da == 1)
      out[i] = db;
    else
      throw shape_error("operands could not be broadcast together with "
                        "shapes " +
                        shape_to_string(a) + " " + shape_to_string(b));
  }
  return out;
}

namespace detail {

/// Strides that read an array of `shape`/`strides` as if it had shape
/// `target` (stride 0 on broadcast dimensions), or false when `shape` does
/// not broadcast to `target`.
inline bool broadcast_strides_to(const shape_t &shape, const strides_t &strides,
                                 const shape_t &target, strides_t &out) {
  if (shape.size() > target.size())
    return false;
  const std::size_t lead = target.size() - shape.size();
  out.assign(target.size(), 0);
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] == target[lead + i])
      out[lead + i] = shape[i] == 1 ? 0 : strides[i];
    else if (shape[i] == 1)
      out[lead + i] = 0;
    else
      return false;
  }
  return true;
}

/// Normalizes a possibly negative axis for an array of `ndim` dimensions.
inline std::size_t normalize_axis(std::ptrdiff_t axis, std::size_t ndim) {
  const auto n = static_cast<std::ptrdiff_t>(ndim);
  if (axis < -n || axis >= n)
    throw axis_error("axis " + std::to_string(axis) +
                     " is out of bounds for array of dimension " +
                     std::to_string(n));
  return static_cast<std::size_t>(axis < 0 ? axis + n : axis);
}

/// Strides of a freshly allocated array (NumPy gives every stride 0 when
/// the array is empty).
inline strides_t fresh_strides(strides_t st, const shape_t &shape) {
  for (auto d : shape)
    if (d == 0) {
      std::fill(st.begin(), st.end(), 0);
      break;
    }
  return st;
}

/// |stride| without overflow (a stride of an axis of length 1 may be any
/// value).
constexpr std::ptrdiff_t stride_magnitude(std::ptrdiff_t s) {
  if (s == std::numeric_limits<std::ptrdiff_t>::min())
    return std::numeric_limits<std::ptrdiff_t>::max();
  return s < 0 ? -s : s;
}

/// Axes sorted by decreasing |stride|, ties kept in axis order (NumPy's
/// PyArray_CreateSortedStridePerm).
inline std::vector<std::size_t> sorted_stride_perm(const strides_t &strides) {
  std::vector<std::size_t> perm(strides.size());
  for (std::size_t i = 0; i < perm.size(); ++i)
    perm[i] = i;
  auto mag = [](std::ptrdiff_t s) { return stride_magnitude(s); };
  // A stable insertion sort (a handful of axes).
  for (std::size_t i = 1; i < perm.size(); ++i) {
    const std::size_t ax = perm[i];
    std::size_t j = i;
    while (j > 0 && mag(strides[perm[j - 1]]) < mag(strides[ax])) {
      perm[j] = perm[j - 1];
      --j;
    }
    perm[j] = ax;
  }
  return perm;
}

/// Contiguous strides laying the axes out in `perm` order (outermost first).
inline strides_t strides_for_perm(const shape_t &shape,
                                  const std::vector<std::size_t> &perm) {
  strides_t st(shape.size());
  std::ptrdiff_t s = 1;
  for (std::size_t i = perm.size(); i-- > 0;) {
    st[perm[i]] = s;
    s *= shape[perm[i]];
  }
  return st;
}

/// The layout NumPy's order='K' gives a new array like one with `shape` and
/// `strides` (PyArray_NewLikeArray with NPY_KEEPORDER).
inline strides_t keep_order_strides(const shape_t &shape,
                                    const strides_t &strides) {
  if (shape.size() <= 1 || is_c_contiguous(shape, strides))
    return fresh_strides(c_strides(shape), shape);
  if (is_f_contiguous(shape, strides))
    return fresh_strides(f_strides(shape), shape);
  return fresh_strides(strides_for_perm(shape, sorted_stride_perm(strides)),
                       shape);
}

} // namespace detail
} // namespace nd
