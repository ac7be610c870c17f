// nd/slice.hpp: the index types of basic and advanced indexing.
//
//   NumPy          nd
//   a[1:4]         a(nd::slice(1, 4))
//   a[::2]         a(nd::slice(nd::_, nd::_, 2))
//   a[::-1]        a(nd::slice(nd::_, nd::_, -1))
//   a[:3]          a(nd::slice(3))              (Python's slice(3))
//   m[:, 1]        m(nd::all, 1)
//   a[np.newaxis]  a(nd::newaxis)
//   a[[0, 2]]      a(nd::indices{0, 2})
#pragma once

#include "nd/annotations.hpp"
#include "nd/errors.hpp"

#include <concepts>
#include <cstddef>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace nd {

/// The type of nd::_, which stands for Python's None in a slice.
struct ND_INDEX_PLACEHOLDER placeholder_t{};
/// `None` in a slice: `nd::slice(nd::_, nd::_, -1)` is `[::-1]`.
inline constexpr placeholder_t _{};

/// The type of nd::all (`:` for one whole axis).
struct ND_INDEX_ALL all_t{};
/// `:`, one whole axis: `m(nd::all, 1)` is `m[:, 1]`.
inline constexpr all_t all{};

/// The type of nd::newaxis.
struct ND_INDEX_NEWAXIS newaxis_t{};
/// `np.newaxis`: inserts an axis of length 1 (with stride 0).
inline constexpr newaxis_t newaxis{};

namespace detail {
/// An integer usable as an index (bool is not: NumPy treats it as a mask).
template <class X>
concept index_integer = std::integral<std::remove_cvref_t<X>> &&
                        !std::same_as<std::remove_cvref_t<X>, bool>;

/// A slice bound: an integer or nd::_.
template <class X>
concept slice_bound =
    index_integer<X> || std::same_as<std::remove_cvref_t<X>, placeholder_t>;

/// Converts an integer to std::ptrdiff_t, clipping like Python's
/// PyNumber_AsSsize_t(..., NULL) does for slice bounds.
template <class I> constexpr std::ptrdiff_t clip_to_ptrdiff(I v) {
  using L = std::numeric_limits<std::ptrdiff_t>;
  if (std::cmp_greater(v, L::max()))
    return L::max();
  if (std::cmp_less(v, L::min()))
    return L::min();
  return static_cast<std::ptrdiff_t>(v);
}

template <class X>
constexpr std::optional<std::ptrdiff_t> slice_bound_value(X v) {
  if constexpr (std::same_as<std::remove_cvref_t<X>, placeholder_t>)
    return std::nullopt;
  else
    return clip_to_ptrdiff(v);
}
} // namespace detail

/// Python's slice object: `slice(stop)`, `slice(start, stop)`,
/// `slice(start, stop, step)`, each bound an integer (negative counts from
/// the end) or nd::_ (None). Out-of-range bounds are clipped exactly as
/// Python does (PySlice_AdjustIndices). A step of 0 throws value_error.
/// Indexing with a slice returns a view.
class ND_INDEX_SLICE slice {
public:
  /// The bounds of a slice applied to an axis of a given length.
  struct bounds {
    std::ptrdiff_t start, stop, step, length;
  };

  /// `slice(stop)`, like Python's: `[:stop]`.
  template <detail::slice_bound Stop>
  constexpr explicit slice(Stop stop)
      : stop_(detail::slice_bound_value(stop)) {}

  /// `slice(start, stop)`: `[start:stop]`.
  template <detail::slice_bound Start, detail::slice_bound Stop>
  constexpr slice(Start start, Stop stop)
      : start_(detail::slice_bound_value(start)),
        stop_(detail::slice_bound_value(stop)) {}

  /// `slice(start, stop, step)`: `[start:stop:step]`. Throws value_error
  /// "slice step cannot be zero" for step 0.
  template <detail::slice_bound Start, detail::slice_bound Stop,
            detail::slice_bound Step>
  constexpr slice(Start start, Stop stop, Step step)
      : start_(detail::slice_bound_value(start)),
        stop_(detail::slice_bound_value(stop)),
        step_(detail::slice_bound_value(step)) {
    if (step_ && *step_ == 0)
      throw value_error("slice step cannot be zero");
    // Python clips the step to -PY_SSIZE_T_MAX so that -step cannot overflow.
    if (step_ && *step_ < -std::numeric_limits<std::ptrdiff_t>::max())
      step_ = -std::numeric_limits<std::ptrdiff_t>::max();
  }

  /// The start, or empty for None.
  constexpr std::optional<std::ptrdiff_t> start() const { return start_; }
  /// The stop, or empty for None.
  constexpr std::optional<std::ptrdiff_t> stop() const { return stop_; }
  /// The step, or empty for None (which means 1).
  constexpr std::optional<std::ptrdiff_t> step() const { return step_; }

  /// Python's `slice.indices(length)` plus the slice length: the clipped
  /// start, stop and step and the number of elements selected.
  constexpr bounds apply(std::ptrdiff_t length) const {
    using L = std::numeric_limits<std::ptrdiff_t>;
    const std::ptrdiff_t step = step_.value_or(1);
    if (step == 0)
      throw value_error("slice step cannot be zero");
    std::ptrdiff_t start = start_ ? *start_ : (step < 0 ? L::max() : 0);
    std::ptrdiff_t stop = stop_ ? *stop_ : (step < 0 ? L::min() : L::max());
    // PySlice_AdjustIndices.
    if (start < 0) {
      start += length;
      if (start < 0)
        start = step < 0 ? -1 : 0;
    } else if (start >= length) {
      start = step < 0 ? length - 1 : length;
    }
    if (stop < 0) {
      stop += length;
      if (stop < 0)
        stop = step < 0 ? -1 : 0;
    } else if (stop >= length) {
      stop = step < 0 ? length - 1 : length;
    }
    std::ptrdiff_t n = 0;
    if (step < 0) {
      if (stop < start)
        n = (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
      n = (stop - start - 1) / step + 1;
    }
    return {start, stop, step, n};
  }

private:
  std::optional<std::ptrdiff_t> start_, stop_, step_;
};

/// A 1-D list of integer indices for fancy indexing, NumPy's `a[[0, 2, 4]]`:
/// `a(nd::indices{0, 2, 4})`. Negative indices count from the end; an index
/// out of range throws index_error when applied. Indexing with it returns a
/// copy.
struct indices {
  std::vector<std::ptrdiff_t> values;

  indices(std::initializer_list<std::ptrdiff_t> v) : values(v) {}
  indices(std::vector<std::ptrdiff_t> v) : values(std::move(v)) {}

  std::size_t size() const { return values.size(); }
};

} // namespace nd
