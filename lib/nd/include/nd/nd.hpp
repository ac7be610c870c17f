// nd/nd.hpp: the whole nd library.
//
// nd is a header-only C++20 strided-array library with NumPy's exact
// copy/view semantics; see docs/nd.md for the NumPy <-> nd table.
#pragma once

#include "nd/annotations.hpp"
#include "nd/array.hpp"
#include "nd/errors.hpp"
#include "nd/indexing.hpp"
#include "nd/ops.hpp"
#include "nd/shape.hpp"
#include "nd/slice.hpp"

#include "nd/overlap.hpp"
#include "nd/print.hpp"

#include <cstdint>
#include <ostream>
#include <type_traits>

namespace nd {

/// Prints NumPy's str() of the array: `[10 20 30]`, `[[1 2]\n [3 4]]`.
template <class T>
std::ostream &operator<<(std::ostream &os, const array<T> &a) {
  detail::print_array<T>(os, a.buffer_data(), a.shape(), a.strides(),
                         a.offset());
  return os;
}

namespace detail {
template <class T> mem_extent extent_of(const array<T> &a) {
  const auto item = static_cast<std::ptrdiff_t>(sizeof(T));
  mem_extent e;
  e.offset = a.offset() * item;
  e.shape = a.shape();
  e.strides = a.strides();
  // An axis of length 1 contributes no offsets: its stride (which may be
  // any value, e.g. after a huge slice step) is irrelevant.
  for (std::size_t i = 0; i < e.strides.size(); ++i)
    e.strides[i] = e.shape[i] == 1 ? 0 : e.strides[i] * item;
  e.itemsize = item;
  return e;
}
} // namespace detail

/// NumPy's `np.shares_memory(a, b)`: true when some element of a and some
/// element of b are the same memory. Exact (solves the bounded Diophantine
/// problem as NumPy's mem_overlap.c does). max_work bounds the work (-1:
/// unbounded, NumPy's MAY_SHARE_EXACT); throws nd::too_hard_error when the
/// bound is exceeded. Looks only at metadata, never at element values.
template <class T, class U>
ND_METADATA bool shares_memory(const array<T> &a, const array<U> &b,
                               std::int64_t max_work = -1) {
  if constexpr (!std::is_same_v<T, U>) {
    return false;
  } else {
    if (a.buffer_id() != b.buffer_id() || a.size() == 0 || b.size() == 0)
      return false;
    const auto ea = detail::extent_of(a), eb = detail::extent_of(b);
    if (!detail::bounds_overlap(ea, eb))
      return false;
    switch (detail::solve_overlap(ea, eb, max_work)) {
    case detail::overlap_result::no:
      return false;
    case detail::overlap_result::yes:
      return true;
    case detail::overlap_result::too_hard:
      break;
    }
    throw too_hard_error("shares_memory: exceeded max_work (" +
                         std::to_string(max_work) + ")");
  }
}

/// NumPy's `np.may_share_memory(a, b)`: true when the memory bounds of a
/// and b overlap (may report true for arrays that do not share any
/// element). Looks only at metadata.
template <class T, class U>
ND_METADATA bool may_share_memory(const array<T> &a, const array<U> &b) {
  if constexpr (!std::is_same_v<T, U>) {
    return false;
  } else {
    if (a.buffer_id() != b.buffer_id() || a.size() == 0 || b.size() == 0)
      return false;
    return detail::bounds_overlap(detail::extent_of(a), detail::extent_of(b));
  }
}

} // namespace nd
