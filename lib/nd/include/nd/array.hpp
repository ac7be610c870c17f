// nd/array.hpp: nd::array<T>, a strided array handle with NumPy's copy/view
// semantics.
//
// An nd::array<T> is a HANDLE, like a NumPy array object, cv::Mat or
// at::Tensor: it holds a shared pointer to a node {shared buffer, shape,
// strides, offset, base}. Copying the handle (`auto b = a;`, passing by value)
// shares the node: `b.is(a)` is true, as after Python's `b = a`. Views (basic
// indexing, view(), T(), ...) are new nodes on the same buffer whose base is
// the owner of the buffer. Copies (fancy and mask indexing, copy(),
// flatten(), arithmetic) are new owners.
#pragma once

#include "nd/annotations.hpp"
#include "nd/dtype.hpp"
#include "nd/errors.hpp"
#include "nd/iter.hpp"
#include "nd/shape.hpp"
#include "nd/slice.hpp"

#include <array>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace nd {

template <class T> class array;

namespace detail {

/// Large buffers (Linux): from huge_buffer_bytes on, a block is advised to
/// use transparent huge pages, as NumPy does for its data from 4 MiB (4 KiB
/// page faults on a new array cost more than writing it). Blocks above
/// always_mapped_bytes (and equal to it), which glibc's malloc always maps
/// afresh (its largest dynamic mmap threshold), are also 2 MiB-aligned so that
/// every page of them can be a huge page; smaller ones are plain malloc blocks,
/// which malloc reuses from its heap once one has been freed.
inline constexpr std::size_t huge_page_bytes = std::size_t{1} << 21;
inline constexpr std::size_t huge_buffer_bytes = std::size_t{1} << 22;
inline constexpr std::size_t always_mapped_bytes = std::size_t{1} << 25;

/// Raw storage for n elements of T (at least one byte, never null), zero-
/// filled when `zeroed` (calloc: fresh pages from the kernel are not
/// cleared twice), else uninitialised (the caller writes every element).
/// Released with std::free. Throws std::bad_array_new_length when the size
/// does not fit, std::bad_alloc when memory runs out.
template <class T> T *allocate_elements(std::ptrdiff_t n, bool zeroed) {
  if (n < 0 || static_cast<std::size_t>(n) >
                   std::numeric_limits<std::size_t>::max() / 2 / sizeof(T))
    throw std::bad_array_new_length();
  std::size_t bytes = static_cast<std::size_t>(n) * sizeof(T);
  if (bytes == 0)
    bytes = sizeof(T);
  void *p = nullptr;
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (!zeroed && bytes >= always_mapped_bytes) {
    bytes = (bytes + huge_page_bytes - 1) / huge_page_bytes * huge_page_bytes;
    p = std::aligned_alloc(huge_page_bytes, bytes);
  } else {
    p = zeroed ? std::calloc(bytes, 1) : std::malloc(bytes);
  }
  if (p && bytes >= huge_buffer_bytes) {
    // Whole pages inside the block only.
    const auto first =
        (reinterpret_cast<std::uintptr_t>(p) + 4095) & ~std::uintptr_t{4095};
    const auto last =
        (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~std::uintptr_t{4095};
    if (last > first)
      (void)::madvise(reinterpret_cast<void *>(first), last - first,
                      MADV_HUGEPAGE);
  }
#else
  p = zeroed ? std::calloc(bytes, 1) : std::malloc(bytes);
#endif
  if (!p)
    throw std::bad_alloc();
  return static_cast<T *>(p);
}

/// How a new buffer starts: zero-filled (nd::zeros and the factories), or
/// uninitialised for an array whose every element is written next (copies,
/// element-wise results, advanced indexing).
enum class init { zero, overwrite };

/// The memory of an owner: never a std::vector<bool>.
template <class T> struct buffer {
  struct release {
    void operator()(T *p) const noexcept { std::free(p); }
  };
  std::unique_ptr<T[], release> data;
  std::ptrdiff_t size = 0;
  buffer(std::ptrdiff_t n, init how)
      : data(allocate_elements<T>(n, how == init::zero)), size(n) {}
};

/// What a handle points to. `base` is empty for the owner of the buffer and
/// points to the owner's node for a view (views of views collapse to the
/// owner, as NumPy's .base does).
template <class T> struct node {
  std::shared_ptr<buffer<T>> buf;
  shape_t shape;
  strides_t strides;
  std::ptrdiff_t offset = 0;
  std::shared_ptr<node> base;
};

template <class X> struct is_nd_array : std::false_type {};
template <class U> struct is_nd_array<array<U>> : std::true_type {};
template <class X> struct array_element {};
template <class U> struct array_element<array<U>> {
  using type = U;
};

template <class X>
concept nd_array = is_nd_array<std::remove_cvref_t<X>>::value;

/// An index of basic indexing: an integer, nd::slice, nd::all, nd::newaxis.
template <class X>
concept basic_index =
    index_integer<X> || std::same_as<std::remove_cvref_t<X>, nd::slice> ||
    std::same_as<std::remove_cvref_t<X>, all_t> ||
    std::same_as<std::remove_cvref_t<X>, newaxis_t>;

/// A boolean mask: nd::array<bool>.
template <class X>
concept mask_index = std::same_as<std::remove_cvref_t<X>, array<bool>>;

/// An integer index array: nd::indices or nd::array<I> for integral I.
template <class X>
concept fancy_index =
    std::same_as<std::remove_cvref_t<X>, indices> ||
    (nd_array<X> &&
     index_integer<typename array_element<std::remove_cvref_t<X>>::type>);

/// Anything accepted by operator().
template <class X>
concept any_index = basic_index<X> || mask_index<X> || fancy_index<X>;

template <class... Idx>
concept basic_view_indices = sizeof...(Idx) > 0 && (basic_index<Idx> && ...) &&
                             !(index_integer<Idx> && ...);

template <class... Idx>
concept mask_mixed_indices =
    sizeof...(Idx) >= 2 && (any_index<Idx> && ...) && (mask_index<Idx> || ...);

template <class... Idx>
concept fancy_mixed_indices =
    sizeof...(Idx) >= 2 && (any_index<Idx> && ...) &&
    (fancy_index<Idx> || ...) && !(mask_index<Idx> || ...);

/// One entry of a nested braced list: a scalar or a braced list of entries.
/// A single constructor taking std::initializer_list<nested_init<T>> accepts
/// lists of any depth; a braced single scalar (`{{1}, {2}}`) counts as a
/// list, so that is a 2x1 array, as in NumPy.
template <class T> class nested_init {
public:
  nested_init(T value) : value_(value), scalar_(true) {}
  nested_init(std::initializer_list<nested_init> list) : list_(list) {}

  /// The shape of `list` and its values in C order; throws value_error for
  /// ragged lists (NumPy's "inhomogeneous shape" error).
  static shape_t flatten(std::initializer_list<nested_init> list,
                         std::vector<T> &out) {
    // The shape follows the first entry at every depth.
    shape_t shape{static_cast<std::ptrdiff_t>(list.size())};
    const nested_init *first = list.size() ? list.begin() : nullptr;
    while (first && !first->scalar_) {
      shape.push_back(static_cast<std::ptrdiff_t>(first->list_.size()));
      first = first->list_.size() ? first->list_.begin() : nullptr;
    }
    check(list, 0, shape, out);
    return shape;
  }

private:
  static void check(std::initializer_list<nested_init> list, std::size_t depth,
                    const shape_t &shape, std::vector<T> &out) {
    if (static_cast<std::ptrdiff_t>(list.size()) != shape[depth])
      ragged(depth, shape);
    for (const auto &item : list) {
      const bool leaf = depth + 1 == shape.size();
      if (item.scalar_ != leaf)
        ragged(depth + 1, shape);
      if (leaf)
        out.push_back(item.value_);
      else
        check(item.list_, depth + 1, shape, out);
    }
  }

  [[noreturn]] static void ragged(std::size_t depth, const shape_t &shape) {
    const shape_t seen(shape.begin(),
                       shape.begin() + static_cast<std::ptrdiff_t>(depth));
    throw value_error(
        "setting an array element with a sequence. The requested array has "
        "an inhomogeneous shape after " +
        std::to_string(depth) + " dimensions. The detected shape was " +
        shape_to_string(seen) + " + inhomogeneous part.");
  }

  std::initializer_list<nested_init> list_;
  T value_{};
  bool scalar_ = false;
};

[[noreturn]] inline void throw_out_of_bounds(std::ptrdiff_t index,
                                             std::size_t axis,
                                             std::ptrdiff_t size) {
  throw index_error("index " + std::to_string(index) +
                    " is out of bounds for axis " + std::to_string(axis) +
                    " with size " + std::to_string(size));
}

/// A checked index into an axis of length `size` (negative counts from the
/// end).
inline std::ptrdiff_t check_index(std::ptrdiff_t index, std::size_t axis,
                                  std::ptrdiff_t size) {
  if (index < -size || index >= size)
    throw_out_of_bounds(index, axis, size);
  return index < 0 ? index + size : index;
}

template <class I> std::ptrdiff_t index_value(I i) {
  return clip_to_ptrdiff(i);
}

inline std::string dims_word(std::size_t n) {
  return std::to_string(n) + "-dimensional";
}

[[noreturn]] inline void throw_too_many(std::size_t ndim, std::size_t used) {
  throw index_error("too many indices for array: array is " + dims_word(ndim) +
                    ", but " + std::to_string(used) + " were indexed");
}

/// Bounds of a slice on an axis, with NumPy's normalisation of empty slices
/// (start 0, step 1).
inline slice::bounds slice_on_axis(const slice &s, std::ptrdiff_t length) {
  auto b = s.apply(length);
  if (b.length <= 0) {
    b.length = 0;
    b.step = 1;
    b.start = 0;
  }
  return b;
}

/// Shape and strides of a view (the result of basic indexing).
struct view_layout {
  shape_t shape;
  strides_t strides;
  std::ptrdiff_t offset = 0;
};

template <index_integer I>
void apply_basic(view_layout &out, const shape_t &shape,
                 const strides_t &strides, std::size_t &axis, I i) {
  const auto v = check_index(clip_to_ptrdiff(i), axis, shape[axis]);
  out.offset += v * strides[axis];
  ++axis;
}
inline void apply_basic(view_layout &out, const shape_t &shape,
                        const strides_t &strides, std::size_t &axis,
                        const slice &s) {
  const auto b = slice_on_axis(s, shape[axis]);
  out.offset += b.start * strides[axis];
  out.shape.push_back(b.length);
  // Wrapping: the product only matters when the result has length > 1, and
  // then it is bounded by the extent of the axis.
  out.strides.push_back(wrap_mul<std::ptrdiff_t>(strides[axis], b.step));
  ++axis;
}
inline void apply_basic(view_layout &out, const shape_t &shape,
                        const strides_t &strides, std::size_t &axis, all_t) {
  out.shape.push_back(shape[axis]);
  out.strides.push_back(strides[axis]);
  ++axis;
}
inline void apply_basic(view_layout &out, const shape_t &, const strides_t &,
                        std::size_t &, newaxis_t) {
  out.shape.push_back(1);
  out.strides.push_back(0);
}

template <class X> constexpr std::size_t consumed_dims() {
  return std::is_same_v<std::remove_cvref_t<X>, newaxis_t> ? 0 : 1;
}

/// NumPy's _attempt_nocopy_reshape in C order: the strides of a view of an
/// array (shape, strides) with shape `newdims`, or false when the layout
/// needs a copy.
inline bool attempt_nocopy_reshape(const shape_t &shape,
                                   const strides_t &strides,
                                   const shape_t &newdims,
                                   strides_t &newstrides) {
  shape_t olddims;
  strides_t oldstrides;
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (shape[i] != 1) {
      olddims.push_back(shape[i]);
      oldstrides.push_back(strides[i]);
    }
  }
  const std::size_t oldnd = olddims.size(), newnd = newdims.size();
  newstrides.assign(newnd, 0);
  std::size_t oi = 0, oj = 1, ni = 0, nj = 1;
  while (ni < newnd && oi < oldnd) {
    std::ptrdiff_t np = newdims[ni];
    std::ptrdiff_t op = olddims[oi];
    while (np != op) {
      if (np < op) {
        if (nj >= newnd)
          return false; // cannot happen for equal sizes; never read past
        np *= newdims[nj++];
      } else {
        if (oj >= oldnd)
          return false;
        op *= olddims[oj++];
      }
    }
    for (std::size_t ok = oi; ok + 1 < oj; ++ok)
      if (oldstrides[ok] != olddims[ok + 1] * oldstrides[ok + 1])
        return false;
    newstrides[nj - 1] = oldstrides[oj - 1];
    for (std::size_t nk = nj - 1; nk > ni; --nk)
      newstrides[nk - 1] = newstrides[nk] * newdims[nk];
    ni = nj++;
    oi = oj++;
  }
  const std::ptrdiff_t last_stride = ni >= 1 ? newstrides[ni - 1] : 1;
  for (std::size_t nk = ni; nk < newnd; ++nk)
    newstrides[nk] = last_stride;
  return true;
}

/// NumPy's spelling of a requested shape, with "newaxis" for the unknown
/// dimension.
inline std::string requested_shape_string(const shape_t &shape) {
  std::string s = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    if (i)
      s += ",";
    s += shape[i] < 0 ? std::string("newaxis") : std::to_string(shape[i]);
  }
  if (shape.size() == 1)
    s += ",";
  return s + ")";
}

struct advanced_access;
struct raw_owner;

/// d[i] = op(d[i], s[i]) for a contiguous run; d and s do not overlap.
template <class E, class U, class F>
void inplace_run(E *__restrict d, const U *__restrict s, std::ptrdiff_t n,
                 F &op) {
  for (std::ptrdiff_t i = 0; i < n; ++i)
    d[i] = op(d[i], s[i]);
}

} // namespace detail

/// A strided n-dimensional array handle with NumPy's copy/view semantics.
///
/// Copying or moving the handle shares the array (Python's name binding);
/// assigning to a named handle rebinds it. Views share the buffer; their
/// base() is the owner of the buffer.
template <class E> class ND_ARRAY_TYPE array {
  static_assert(detail::element<E>,
                "nd::array supports arithmetic element types (bool, integers, "
                "floating point)");

public:
  using value_type = E;

  // ---------------------------------------------------------------- creation

  /// An empty 1-D array, shape (0,). A new owner.
  array() : array(make_owner_node({0}, {0}, detail::init::zero)) {}

  /// `np.array([1, 2, 3])`, `np.array([[1, 2], [3, 4]])`, ... (any depth):
  /// a new owner with the nested lists' shape. Ragged lists throw
  /// value_error. `{{1}, {2}}` is a 2x1 array.
  array(std::initializer_list<detail::nested_init<E>> values) {
    std::vector<E> vals;
    const shape_t sh = detail::nested_init<E>::flatten(values, vals);
    n_ = make_owner_node(sh, detail::fresh_strides(c_strides(sh), sh),
                         detail::init::overwrite);
    std::copy(vals.begin(), vals.end(), n_->buf->data.get());
  }

  /// Shares the array (like `b = a` in Python): `b.is(a)` afterwards.
  array(const array &) = default;
  /// Shares the array; the source keeps referring to it too.
  array(array &&other) noexcept : n_(other.n_) {}

  ~array() = default;

  /// Rebinds this handle to `other`'s array, like Python's `b = a`. Nothing
  /// is written: to write values into the elements use assign() (NumPy's
  /// `b[...] = a`).
  array &operator=(const array &other) & {
    n_ = other.n_;
    return *this;
  }
  /// Rebinds this handle to `other`'s array.
  array &operator=(array &&other) & noexcept {
    n_ = other.n_;
    return *this;
  }
  /// On a temporary (e.g. `a(nd::slice(1, 3)) = b;`): writes `other`'s
  /// values into the elements, broadcasting, like NumPy's `a[1:3] = b`.
  /// Correct when source and destination overlap.
  ND_WRITES array &operator=(const array &other) && {
    assign(other);
    return *this;
  }
  /// On a temporary of another element type: writes the converted values
  /// (same_kind casting).
  template <class U>
    requires(!std::is_same_v<U, E> && detail::same_kind_castable<U, E>)
  ND_WRITES array &operator=(const array<U> &other) && {
    assign(other);
    return *this;
  }
  /// On a temporary (e.g. `a(nd::slice(1, 3)) = 7;`): fills the elements.
  ND_WRITES array &operator=(E value) && {
    fill(value);
    return *this;
  }
  /// `named = 7;` does not compile: a named array would be rebound, not
  /// filled. Use `named.fill(7)` (NumPy's `named[...] = 7`).
  template <class U>
    requires std::is_arithmetic_v<U>
  array &operator=(U) & = delete;

  // ---------------------------------------------------------------- metadata

  /// The extent of each dimension.
  ND_METADATA const shape_t &shape() const noexcept { return n_->shape; }
  /// The strides, in elements.
  ND_METADATA const strides_t &strides() const noexcept { return n_->strides; }
  /// The number of dimensions.
  ND_METADATA std::ptrdiff_t ndim() const noexcept {
    return static_cast<std::ptrdiff_t>(n_->shape.size());
  }
  /// The number of elements.
  ND_METADATA std::ptrdiff_t size() const noexcept {
    std::ptrdiff_t s = 1;
    for (auto d : n_->shape)
      s *= d;
    return s;
  }
  /// The offset of element (0, ..., 0) in the buffer, in elements.
  ND_METADATA std::ptrdiff_t offset() const noexcept { return n_->offset; }
  /// NumPy's `flags.owndata`: true for an owner, false for a view.
  ND_METADATA bool owns_data() const noexcept { return !n_->base; }
  /// NumPy's `.base`: empty for an owner, else a handle to the array that
  /// owns the memory (views of views collapse to the owner). As in NumPy, a
  /// reshape that has to copy returns a view of its own temporary copy, and
  /// a squeeze with nothing to remove returns this array itself.
  ND_METADATA std::optional<array> base() const {
    if (!n_->base)
      return std::nullopt;
    return array(n_->base);
  }
  /// True when both handles refer to the same array (Python's `is`).
  ND_METADATA bool is(const array &other) const noexcept {
    return n_ == other.n_;
  }
  /// NumPy's C_CONTIGUOUS flag.
  ND_METADATA bool is_c_contiguous() const {
    return nd::is_c_contiguous(n_->shape, n_->strides);
  }
  /// NumPy's F_CONTIGUOUS flag.
  ND_METADATA bool is_f_contiguous() const {
    return nd::is_f_contiguous(n_->shape, n_->strides);
  }
  /// Pointer to element (0, ..., 0); the buffer start for an empty array.
  ND_METADATA E *data() const noexcept {
    return size() > 0 ? n_->buf->data.get() + n_->offset : n_->buf->data.get();
  }
  /// Pointer to the start of the shared buffer (element offsets and strides
  /// are relative to it).
  ND_METADATA E *buffer_data() const noexcept { return n_->buf->data.get(); }
  /// The number of elements in the shared buffer.
  ND_METADATA std::ptrdiff_t buffer_size() const noexcept {
    return n_->buf->size;
  }
  /// Identity of the shared buffer: equal for arrays sharing memory.
  ND_METADATA const void *buffer_id() const noexcept { return n_->buf.get(); }

  // ---------------------------------------------------------- element access

  /// `a[i]` of a 1-D array: a reference to the element (negative counts
  /// from the end). Throws index_error when out of range or when the array
  /// is not 1-D.
  ND_ELEMENT E &operator[](std::ptrdiff_t i) const {
    if (n_->shape.size() != 1)
      throw index_error(
          "operator[] needs a 1-dimensional array, but this array is " +
          detail::dims_word(n_->shape.size()) +
          ": use a(i, j, ...) with one integer per dimension for an element, "
          "or a(i, nd::all) for a sub-array");
    const auto v = detail::check_index(i, 0, n_->shape[0]);
    return n_->buf
        ->data[static_cast<std::size_t>(n_->offset + v * n_->strides[0])];
  }

  /// `m(i, j)`: a reference to one element, exactly one integer per
  /// dimension (negative counts from the end). Throws index_error otherwise.
  template <detail::index_integer... I> ND_ELEMENT E &operator()(I... i) const {
    constexpr std::size_t n = sizeof...(I);
    if (n != n_->shape.size()) {
      if (n > n_->shape.size())
        detail::throw_too_many(n_->shape.size(), n);
      throw index_error(
          "element access needs one integer per dimension: the array is " +
          detail::dims_word(n_->shape.size()) + " but " + std::to_string(n) +
          (n == 1 ? " index was" : " indices were") +
          " given; to select a sub-array use nd::all for the remaining "
          "axes, e.g. a(i, nd::all)");
    }
    const std::ptrdiff_t idx[] = {detail::index_value(i)..., 0};
    std::ptrdiff_t off = n_->offset;
    for (std::size_t k = 0; k < n; ++k)
      off += detail::check_index(idx[k], k, n_->shape[k]) * n_->strides[k];
    return n_->buf->data[static_cast<std::size_t>(off)];
  }

  // --------------------------------------------------------- basic indexing

  /// Basic indexing, NumPy's `a[1:3, 0]`, `m[:, 1]`, `a[np.newaxis]`:
  /// integers select (and drop) a dimension, nd::slice and nd::all keep it,
  /// nd::newaxis inserts one of length 1; missing trailing axes are taken
  /// whole. Returns a view: it shares memory with this array and its base is
  /// the owner. Throws index_error for an index out of range or too many
  /// indices.
  template <class... Idx>
    requires detail::basic_view_indices<Idx...>
  ND_RETURNS_VIEW_INDEXED array operator()(const Idx &...idx) const {
    constexpr std::size_t used = (detail::consumed_dims<Idx>() + ... + 0);
    if (used > n_->shape.size())
      detail::throw_too_many(n_->shape.size(), used);
    detail::view_layout out;
    out.offset = n_->offset;
    std::size_t axis = 0;
    (detail::apply_basic(out, n_->shape, n_->strides, axis, idx), ...);
    for (; axis < n_->shape.size(); ++axis) {
      out.shape.push_back(n_->shape[axis]);
      out.strides.push_back(n_->strides[axis]);
    }
    return make_view(std::move(out.shape), std::move(out.strides), out.offset);
  }

  // ------------------------------------------------------ advanced indexing

  /// Fancy indexing on the first axis, NumPy's `a[[0, 2, 4]]`. Returns a
  /// copy (a new array; writes to it do not reach this array). Throws
  /// index_error for an index out of range.
  ND_RETURNS_COPY("fancy indexing") array operator()(const indices &idx) const;

  /// Fancy indexing with an integer index array on the first axis, NumPy's
  /// `a[idx]`: the result has shape idx.shape() + shape()[1:]. Returns a
  /// copy.
  template <detail::index_integer I>
  ND_RETURNS_COPY("fancy indexing")
  array operator()(const array<I> &idx) const;

  /// Boolean mask indexing, NumPy's `a[a > 25]`: the mask's shape must equal
  /// the leading dimensions of this array; the result is 1-D for a mask of
  /// the full shape (the selected elements in C order). Returns a copy.
  /// Throws index_error when the mask shape does not match.
  ND_RETURNS_COPY("mask indexing")
  array operator()(const array<bool> &mask) const;

  /// Mixed advanced indexing with at least one boolean mask, e.g.
  /// `m(mask_rows, nd::all)` (NumPy's `m[mask_rows, :]`). Returns a copy;
  /// result shape and layout as NumPy's.
  template <class... Idx>
    requires detail::mask_mixed_indices<Idx...>
  ND_RETURNS_COPY("mask indexing")
  array operator()(const Idx &...idx) const;

  /// Mixed advanced indexing with integer index lists or arrays, e.g.
  /// `m(nd::indices{0, 2}, nd::slice(1, 3))`, `m(nd::all, nd::indices{1})`,
  /// `m(rows, cols)` (index arrays broadcast together). Returns a copy;
  /// result shape as NumPy's: the broadcast index dimensions replace the
  /// indexed axes when those are adjacent, else they come first.
  template <class... Idx>
    requires detail::fancy_mixed_indices<Idx...>
  ND_RETURNS_COPY("fancy indexing")
  array operator()(const Idx &...idx) const;

  // -------------------------------------------------------------- reshaping

  /// NumPy's `a.view()`. Returns a view of the whole array (a new handle on
  /// the same memory).
  ND_RETURNS_VIEW array view() const {
    return make_view(n_->shape, n_->strides, n_->offset);
  }

  /// NumPy's `a.T`: the axes reversed. Returns a view.
  ND_RETURNS_VIEW_PERMUTED array T() const { return transpose(); }

  /// NumPy's `a.transpose()`: the axes reversed. Returns a view.
  ND_RETURNS_VIEW_PERMUTED array transpose() const {
    shape_t sh(n_->shape.rbegin(), n_->shape.rend());
    strides_t st(n_->strides.rbegin(), n_->strides.rend());
    return make_view(std::move(sh), std::move(st), n_->offset);
  }

  /// NumPy's `a.transpose(axes)`: axis i of the result is axis axes[i] of
  /// this array (negative axes count from the end). Returns a view. Throws
  /// value_error when axes is not a permutation, axis_error when an axis is
  /// out of range.
  ND_RETURNS_VIEW_PERMUTED array transpose(std::vector<int> axes) const {
    const std::size_t nd = n_->shape.size();
    if (axes.size() != nd)
      throw value_error("axes don't match array");
    shape_t sh(nd);
    strides_t st(nd);
    std::vector<bool> seen(nd, false);
    for (std::size_t i = 0; i < nd; ++i) {
      const auto a = detail::normalize_axis(axes[i], nd);
      if (seen[a])
        throw value_error("repeated axis in transpose");
      seen[a] = true;
      sh[i] = n_->shape[a];
      st[i] = n_->strides[a];
    }
    return make_view(std::move(sh), std::move(st), n_->offset);
  }

  /// NumPy's `a.swapaxes(a1, a2)`. Returns a view. Throws axis_error for an
  /// axis out of range.
  ND_RETURNS_VIEW_PERMUTED array swapaxes(int axis1, int axis2) const {
    const std::size_t nd = n_->shape.size();
    const auto a1 = detail::normalize_axis(axis1, nd);
    const auto a2 = detail::normalize_axis(axis2, nd);
    shape_t sh = n_->shape;
    strides_t st = n_->strides;
    std::swap(sh[a1], sh[a2]);
    std::swap(st[a1], st[a2]);
    return make_view(std::move(sh), std::move(st), n_->offset);
  }

  /// NumPy's `a.squeeze()`: removes the dimensions of length 1. Returns a
  /// view; as in NumPy, when there is nothing to remove it returns this
  /// array itself (`a.squeeze().is(a)`).
  ND_RETURNS_VIEW array squeeze() const {
    shape_t sh;
    strides_t st;
    for (std::size_t i = 0; i < n_->shape.size(); ++i) {
      if (n_->shape[i] != 1) {
        sh.push_back(n_->shape[i]);
        st.push_back(n_->strides[i]);
      }
    }
    if (sh.size() == n_->shape.size())
      return *this;
    return make_view(std::move(sh), std::move(st), n_->offset);
  }

  /// NumPy's `a.reshape(shape)` (C order; one dimension may be negative,
  /// meaning "whatever is left"). Returns a view when the layout allows it
  /// (the same shape; a C-contiguous array; or NumPy's
  /// _attempt_nocopy_reshape succeeds), else a copy: then, exactly as in
  /// NumPy, the result is a view of a fresh temporary copy (its base() is
  /// that copy, not this array). Throws value_error "cannot reshape array of
  /// size 6 into shape (4,)".
  ND_RETURNS_VIEW_OR_COPY array reshape(shape_t newshape) const {
    // NumPy compares the request with the shape before resolving the
    // unknown dimension: reshape({-1}) of a 1-D array is not "the same".
    const bool same_as_requested = newshape == n_->shape;
    const std::ptrdiff_t total = size();
    std::ptrdiff_t known = 1;
    std::ptrdiff_t unknown = -1;
    bool overflow = false;
    for (std::size_t i = 0; i < newshape.size(); ++i) {
      if (newshape[i] < 0) {
        if (unknown >= 0)
          throw value_error("can only specify one unknown dimension");
        unknown = static_cast<std::ptrdiff_t>(i);
      } else if (newshape[i] != 0 && known != 0 &&
                 known >
                     std::numeric_limits<std::ptrdiff_t>::max() / newshape[i]) {
        overflow = true;
      } else {
        known *= newshape[i];
      }
    }
    auto mismatch = [&] {
      return value_error("cannot reshape array of size " +
                         std::to_string(total) + " into shape " +
                         detail::requested_shape_string(newshape));
    };
    if (overflow)
      throw mismatch();
    if (unknown >= 0) {
      if (known == 0 || total % known != 0)
        throw mismatch();
      newshape[static_cast<std::size_t>(unknown)] = total / known;
    } else if (known != total) {
      throw mismatch();
    }
    if (same_as_requested)
      return make_view(n_->shape, n_->strides, n_->offset);
    if (is_c_contiguous())
      return make_view(newshape, c_strides(newshape), n_->offset);
    strides_t st;
    if (detail::attempt_nocopy_reshape(n_->shape, n_->strides, newshape, st))
      return make_view(std::move(newshape), std::move(st), n_->offset);
    const array tmp = copy();
    return tmp.make_view(newshape, c_strides(newshape), 0);
  }

  /// NumPy's `a.ravel()`: the elements in C order, 1-D. Returns a view when
  /// this array is C-contiguous, else a copy (a new owner) -- NumPy's rule,
  /// even where reshape({-1}) could have made a view.
  ND_RETURNS_VIEW_OR_COPY array ravel() const {
    if (is_c_contiguous())
      return reshape({-1});
    return flatten();
  }

  /// NumPy's `a.copy()`: returns a copy, a new C-contiguous owner.
  ND_RETURNS_COPY("explicit") array copy() const {
    return copy_with_strides(
        detail::fresh_strides(c_strides(n_->shape), n_->shape));
  }

  /// NumPy's `a.flatten()`: returns a copy, always (a new 1-D owner).
  ND_RETURNS_COPY("flatten()") array flatten() const {
    const shape_t sh{size()};
    array out(make_owner_node(sh, detail::fresh_strides({1}, sh),
                              detail::init::overwrite));
    // The elements in C order: a C-contiguous destination of this shape.
    detail::copy_strided(n_->shape, out.n_->buf->data.get(),
                         c_strides(n_->shape), 0, n_->buf->data.get(),
                         n_->strides, n_->offset, true);
    return out;
  }

  // ------------------------------------------------------------------ writes

  /// NumPy's `a[...] = value`: writes value into every element.
  ND_WRITES void fill(E value) {
    auto *p = n_->buf->data.get();
    detail::nditer_runs<1>(n_->shape, {&n_->strides}, {n_->offset},
                           [&](const std::array<std::ptrdiff_t, 1> &o,
                               std::ptrdiff_t n,
                               const std::array<std::ptrdiff_t, 1> &st) {
                             E *d = p + o[0];
                             if (st[0] == 1)
                               std::fill(d, d + n, value);
                             else
                               for (std::ptrdiff_t i = 0; i < n; ++i)
                                 d[i * st[0]] = value;
                           });
  }

  /// NumPy's `a[...] = src`: writes src's values into the elements,
  /// broadcasting src to this shape. Correct when src overlaps this array.
  /// Throws shape_error when src does not broadcast to this shape.
  ND_WRITES void assign(const array &src) { assign_impl(src); }

  /// assign() from another element type (same_kind casting, as `a[...] = b`
  /// in NumPy for these kinds).
  template <class U>
    requires(!std::is_same_v<U, E> && detail::same_kind_castable<U, E>)
  ND_WRITES void assign(const array<U> &src) {
    assign_impl(src);
  }

  /// NumPy's `a += b`: b broadcast into this shape, in place, correct when b
  /// overlaps this array. Compiles only when NumPy's same_kind casting
  /// allows the result type into E.
  template <class U>
    requires detail::same_kind_castable<detail::arith_t<E, U>, E>
  ND_WRITES array &operator+=(const array<U> &other) {
    using R = detail::arith_t<E, U>;
    inplace(other, [](E a, U b) {
      return static_cast<E>(
          detail::wrap_add<R>(static_cast<R>(a), static_cast<R>(b)));
    });
    return *this;
  }
  /// NumPy's `a -= b` (see operator+=).
  template <class U>
    requires detail::same_kind_castable<detail::arith_t<E, U>, E>
  ND_WRITES array &operator-=(const array<U> &other) {
    using R = detail::arith_t<E, U>;
    inplace(other, [](E a, U b) {
      return static_cast<E>(
          detail::wrap_sub<R>(static_cast<R>(a), static_cast<R>(b)));
    });
    return *this;
  }
  /// NumPy's `a *= b` (see operator+=).
  template <class U>
    requires detail::same_kind_castable<detail::arith_t<E, U>, E>
  ND_WRITES array &operator*=(const array<U> &other) {
    using R = detail::arith_t<E, U>;
    inplace(other, [](E a, U b) {
      return static_cast<E>(
          detail::wrap_mul<R>(static_cast<R>(a), static_cast<R>(b)));
    });
    return *this;
  }
  /// NumPy's `a /= b` (true division; compiles only for floating E).
  template <class U>
    requires detail::same_kind_castable<
        detail::true_div_t<detail::arith_t<E, U>>, E>
  ND_WRITES array &operator/=(const array<U> &other) {
    using R = detail::true_div_t<detail::arith_t<E, U>>;
    inplace(other, [](E a, U b) {
      return static_cast<E>(static_cast<R>(a) / static_cast<R>(b));
    });
    return *this;
  }

  /// NumPy's `a += scalar`, in place.
  template <class U>
    requires(std::is_arithmetic_v<U> &&
             detail::same_kind_castable<detail::scalar_arith_t<E, U>, E>)
  ND_WRITES array &operator+=(U value) {
    using R = detail::scalar_arith_t<E, U>;
    const R v = static_cast<R>(value);
    apply_inplace(
        [v](E a) { return static_cast<E>(detail::wrap_add<R>(a, v)); });
    return *this;
  }
  /// NumPy's `a -= scalar`, in place.
  template <class U>
    requires(std::is_arithmetic_v<U> &&
             detail::same_kind_castable<detail::scalar_arith_t<E, U>, E>)
  ND_WRITES array &operator-=(U value) {
    using R = detail::scalar_arith_t<E, U>;
    const R v = static_cast<R>(value);
    apply_inplace(
        [v](E a) { return static_cast<E>(detail::wrap_sub<R>(a, v)); });
    return *this;
  }
  /// NumPy's `a *= scalar`, in place.
  template <class U>
    requires(std::is_arithmetic_v<U> &&
             detail::same_kind_castable<detail::scalar_arith_t<E, U>, E>)
  ND_WRITES array &operator*=(U value) {
    using R = detail::scalar_arith_t<E, U>;
    const R v = static_cast<R>(value);
    apply_inplace(
        [v](E a) { return static_cast<E>(detail::wrap_mul<R>(a, v)); });
    return *this;
  }
  /// NumPy's `a /= scalar` (true division; compiles only for floating E).
  template <class U>
    requires(std::is_arithmetic_v<U> &&
             detail::same_kind_castable<
                 detail::true_div_t<detail::scalar_arith_t<E, U>>, E>)
  ND_WRITES array &operator/=(U value) {
    using R = detail::true_div_t<detail::scalar_arith_t<E, U>>;
    const R v = static_cast<R>(value);
    apply_inplace([v](E a) { return static_cast<E>(static_cast<R>(a) / v); });
    return *this;
  }

  /// NumPy's `a &= b`, `a |= b`, `a ^= b` for bool and integer arrays
  /// (logical for bool, bitwise for integers), b an array (broadcast into
  /// this shape, overlap-safe) or a scalar. In place.
  template <class U>
    requires(std::is_integral_v<E> && std::is_integral_v<U> &&
             detail::same_kind_castable<detail::arith_t<E, U>, E>)
  ND_WRITES array &operator&=(const array<U> &other) {
    using R = detail::arith_t<E, U>;
    inplace(other, [](E a, U b) {
      return static_cast<E>(static_cast<R>(a) & static_cast<R>(b));
    });
    return *this;
  }
  /// See operator&=.
  template <class U>
    requires(std::is_integral_v<E> && std::is_integral_v<U> &&
             detail::same_kind_castable<detail::arith_t<E, U>, E>)
  ND_WRITES array &operator|=(const array<U> &other) {
    using R = detail::arith_t<E, U>;
    inplace(other, [](E a, U b) {
      return static_cast<E>(static_cast<R>(a) | static_cast<R>(b));
    });
    return *this;
  }
  /// See operator&=.
  template <class U>
    requires(std::is_integral_v<E> && std::is_integral_v<U> &&
             detail::same_kind_castable<detail::arith_t<E, U>, E>)
  ND_WRITES array &operator^=(const array<U> &other) {
    using R = detail::arith_t<E, U>;
    inplace(other, [](E a, U b) {
      return static_cast<E>(static_cast<R>(a) ^ static_cast<R>(b));
    });
    return *this;
  }
  /// See operator&=.
  template <class U>
    requires(std::is_integral_v<E> && std::is_integral_v<U> &&
             detail::same_kind_castable<detail::scalar_arith_t<E, U>, E>)
  ND_WRITES array &operator&=(U value) {
    using R = detail::scalar_arith_t<E, U>;
    const R v = static_cast<R>(value);
    apply_inplace([v](E a) { return static_cast<E>(static_cast<R>(a) & v); });
    return *this;
  }
  /// See operator&=.
  template <class U>
    requires(std::is_integral_v<E> && std::is_integral_v<U> &&
             detail::same_kind_castable<detail::scalar_arith_t<E, U>, E>)
  ND_WRITES array &operator|=(U value) {
    using R = detail::scalar_arith_t<E, U>;
    const R v = static_cast<R>(value);
    apply_inplace([v](E a) { return static_cast<E>(static_cast<R>(a) | v); });
    return *this;
  }
  /// See operator&=.
  template <class U>
    requires(std::is_integral_v<E> && std::is_integral_v<U> &&
             detail::same_kind_castable<detail::scalar_arith_t<E, U>, E>)
  ND_WRITES array &operator^=(U value) {
    using R = detail::scalar_arith_t<E, U>;
    const R v = static_cast<R>(value);
    apply_inplace([v](E a) { return static_cast<E>(static_cast<R>(a) ^ v); });
    return *this;
  }

  /// NumPy's `a[[0, 2]] = value`: writes value into the selected positions
  /// of the first axis of this array itself.
  ND_WRITES void put(const indices &idx, E value);
  /// NumPy's `a[[0, 2]] = values`: values broadcast to the selection's
  /// shape, written into this array itself.
  ND_WRITES void put(const indices &idx, const array &values);
  /// NumPy's `a[mask] = value`: writes value into the selected elements of
  /// this array itself.
  ND_WRITES void put(const array<bool> &mask, E value);
  /// NumPy's `a[mask] = values`: values (one per selected element, or
  /// broadcastable to the selection) written into this array itself.
  ND_WRITES void put(const array<bool> &mask, const array &values);
  /// NumPy's `a[idx] = value` for an integer index array (first axis).
  template <detail::index_integer I>
  ND_WRITES void put(const array<I> &idx, E value);
  /// NumPy's `a[idx] = values` for an integer index array (first axis).
  template <detail::index_integer I>
  ND_WRITES void put(const array<I> &idx, const array &values);

  // ------------------------------------------------------ library internals

  /// A new C-contiguous owner of the given shape, zero-filled (used by the
  /// factories). Prefer nd::zeros.
  ND_RETURNS_OWNER static array owner_of_shape(const shape_t &shape) {
    return array(make_owner_node(shape,
                                 detail::fresh_strides(c_strides(shape), shape),
                                 detail::init::zero));
  }

  /// A new zero-filled owner with the given shape and strides (which must
  /// describe a contiguous layout of the shape, or be all 0 when it is
  /// empty).
  ND_RETURNS_OWNER static array owner_with_layout(const shape_t &shape,
                                                  const strides_t &strides) {
    return array(make_owner_node(shape, strides, detail::init::zero));
  }

  /// A new owner of this shape with the given strides (which must describe a
  /// contiguous layout), filled with this array's values.
  ND_RETURNS_COPY("explicit")
  array copy_with_strides(const strides_t &strides) const {
    array out(make_owner_node(n_->shape, strides, detail::init::overwrite));
    copy_into(out);
    return out;
  }

  /// A view of this array's memory with the given layout (no checks: the
  /// layout must stay inside the buffer).
  ND_RETURNS_VIEW_INDEXED array make_view(shape_t shape, strides_t strides,
                                          std::ptrdiff_t offset) const {
    auto n = std::make_shared<detail::node<E>>();
    n->buf = n_->buf;
    n->shape = std::move(shape);
    n->strides = std::move(strides);
    n->offset = offset;
    n->base = n_->base ? n_->base : n_;
    return array(std::move(n));
  }

  /// Calls f(element&) for every element in C order.
  template <class F> void for_each(F &&f) const {
    auto *p = n_->buf->data.get();
    detail::nditer_runs<1>(n_->shape, {&n_->strides}, {n_->offset},
                           [&](const std::array<std::ptrdiff_t, 1> &o,
                               std::ptrdiff_t n,
                               const std::array<std::ptrdiff_t, 1> &st) {
                             E *q = p + o[0];
                             if (st[0] == 1)
                               for (std::ptrdiff_t i = 0; i < n; ++i)
                                 f(q[i]);
                             else
                               for (std::ptrdiff_t i = 0; i < n; ++i)
                                 f(q[i * st[0]]);
                           });
  }

private:
  template <class U> friend class array;
  friend struct detail::advanced_access;
  friend struct detail::raw_owner;

  explicit array(std::shared_ptr<detail::node<E>> n) : n_(std::move(n)) {}

  /// A new owner node; with init::overwrite the caller must write every
  /// element before the array is seen.
  static std::shared_ptr<detail::node<E>>
  make_owner_node(shape_t shape, strides_t strides, detail::init how) {
    const auto n = shape_size(shape);
    auto nd = std::make_shared<detail::node<E>>();
    nd->buf = std::make_shared<detail::buffer<E>>(n, how);
    nd->shape = std::move(shape);
    nd->strides = std::move(strides);
    return nd;
  }

  /// Copies this array's values into `out` (same shape), C order.
  /// `out` is a new owner: any order of writes will do.
  template <class U> void copy_into(const array<U> &out) const {
    detail::copy_strided(n_->shape, out.n_->buf->data.get(), out.n_->strides,
                         out.n_->offset, n_->buf->data.get(), n_->strides,
                         n_->offset, true);
  }

  /// True when `other` is in the same buffer and their extents intersect.
  template <class U> bool may_overlap(const array<U> &other) const {
    if constexpr (!std::is_same_v<U, E>) {
      return false;
    } else {
      if (n_->buf != other.n_->buf)
        return false;
      const auto a = detail::element_extent(n_->shape, n_->strides, n_->offset);
      const auto b = detail::element_extent(other.n_->shape, other.n_->strides,
                                            other.n_->offset);
      return a[0] < a[1] && b[0] < b[1] && a[0] < b[1] && b[0] < a[1];
    }
  }

  /// Strides reading `src` broadcast into this array's shape (NumPy's
  /// assignment rule: src may have extra leading dimensions of length 1).
  template <class U> strides_t broadcast_source(const array<U> &src) const {
    shape_t sh = src.n_->shape;
    strides_t st = src.n_->strides;
    while (sh.size() > n_->shape.size() && sh.front() == 1) {
      sh.erase(sh.begin());
      st.erase(st.begin());
    }
    strides_t out;
    if (!detail::broadcast_strides_to(sh, st, n_->shape, out))
      throw shape_error("could not broadcast input array from shape " +
                        shape_to_string(src.n_->shape) + " into shape " +
                        shape_to_string(n_->shape));
    return out;
  }

  template <class U> void assign_impl(const array<U> &src_in) {
    strides_t sst = broadcast_source(src_in);
    const array<U> src = may_overlap(src_in) ? src_in.copy() : src_in;
    if (!src.is(src_in))
      sst = broadcast_source(src);
    // src no longer overlaps this array; a destination that overlaps
    // itself (a view with a 0 stride, say) is written in C order.
    detail::copy_strided(n_->shape, n_->buf->data.get(), n_->strides,
                         n_->offset, src.n_->buf->data.get(), sst,
                         src.n_->offset,
                         detail::layout_is_one_to_one(n_->shape, n_->strides));
  }

  template <class U, class F> void inplace(const array<U> &other_in, F op) {
    strides_t sst;
    {
      shape_t out_shape = broadcast_shapes(n_->shape, other_in.n_->shape);
      if (out_shape != n_->shape)
        throw shape_error("non-broadcastable output operand with shape " +
                          shape_to_string(n_->shape) +
                          " doesn't match the broadcast shape " +
                          shape_to_string(out_shape));
    }
    const array<U> other = may_overlap(other_in) ? other_in.copy() : other_in;
    detail::broadcast_strides_to(other.n_->shape, other.n_->strides, n_->shape,
                                 sst);
    const U *s = other.n_->buf->data.get();
    E *d = n_->buf->data.get();
    // C order (the destination may overlap itself); other does not overlap
    // this array any more.
    detail::nditer_runs<2>(
        n_->shape, {&n_->strides, &sst}, {n_->offset, other.n_->offset},
        [&](const std::array<std::ptrdiff_t, 2> &o, std::ptrdiff_t n,
            const std::array<std::ptrdiff_t, 2> &st) {
          if (st[0] == 1 && st[1] == 1)
            detail::inplace_run(d + o[0], s + o[1], n, op);
          else
            for (std::ptrdiff_t i = 0; i < n; ++i)
              d[o[0] + i * st[0]] =
                  op(d[o[0] + i * st[0]], s[o[1] + i * st[1]]);
        });
  }

  template <class F> void apply_inplace(F op) {
    E *d = n_->buf->data.get();
    detail::nditer_runs<1>(n_->shape, {&n_->strides}, {n_->offset},
                           [&](const std::array<std::ptrdiff_t, 1> &o,
                               std::ptrdiff_t n,
                               const std::array<std::ptrdiff_t, 1> &st) {
                             E *q = d + o[0];
                             if (st[0] == 1)
                               for (std::ptrdiff_t i = 0; i < n; ++i)
                                 q[i] = op(q[i]);
                             else
                               for (std::ptrdiff_t i = 0; i < n; ++i)
                                 q[i * st[0]] = op(q[i * st[0]]);
                           });
  }

  std::shared_ptr<detail::node<E>> n_;
};

namespace detail {
/// New owners whose elements the caller writes at once (element-wise
/// results): no zero-fill.
struct raw_owner {
  template <class E>
  static array<E> for_overwrite(const shape_t &shape,
                                const strides_t &strides) {
    return array<E>(array<E>::make_owner_node(shape, strides, init::overwrite));
  }
};
} // namespace detail

// ------------------------------------------------------------------ factories

/// NumPy's `np.zeros(shape)`: a new owner filled with 0. Throws value_error
/// for a negative dimension.
template <class T> ND_RETURNS_OWNER array<T> zeros(shape_t shape) {
  return array<T>::owner_of_shape(shape);
}

/// NumPy's `np.ones(shape)`: a new owner filled with 1.
template <class T> ND_RETURNS_OWNER array<T> ones(shape_t shape) {
  auto a = detail::raw_owner::for_overwrite<T>(
      shape, detail::fresh_strides(c_strides(shape), shape));
  a.fill(T(1));
  return a;
}

/// NumPy's `np.full(shape, value)`: a new owner filled with value.
template <class T> ND_RETURNS_OWNER array<T> full(shape_t shape, T value) {
  auto a = detail::raw_owner::for_overwrite<T>(
      shape, detail::fresh_strides(c_strides(shape), shape));
  a.fill(value);
  return a;
}

/// NumPy's `np.arange(start, stop, step)`: a new 1-D owner with
/// ceil((stop - start) / step) elements (none when that is negative),
/// start + i * step (for floating types computed as NumPy does, from the
/// first two elements). Throws value_error for step 0.
template <class T> ND_RETURNS_OWNER array<T> arange(T start, T stop, T step) {
  static_assert(!std::is_same_v<T, bool>, "nd::arange<bool> is not supported");
  std::ptrdiff_t n = 0;
  if constexpr (std::is_integral_v<T>) {
    if (step == 0)
      throw value_error("arange: step cannot be zero");
    // Exact length in wide arithmetic: ceil((stop - start) / step).
    const long double len = std::ceil(
        (static_cast<long double>(stop) - static_cast<long double>(start)) /
        static_cast<long double>(step));
    if (len > 0) {
      if (len > static_cast<long double>(
                    std::numeric_limits<std::ptrdiff_t>::max() / 2))
        throw value_error("arange: maximum allowed size exceeded");
      n = static_cast<std::ptrdiff_t>(len);
    }
  } else {
    if (step == 0)
      throw value_error("arange: step cannot be zero");
    const double len =
        std::ceil((static_cast<double>(stop) - static_cast<double>(start)) /
                  static_cast<double>(step));
    if (std::isnan(len))
      throw value_error("arange: cannot compute length");
    if (len > 0) {
      if (len >
          static_cast<double>(std::numeric_limits<std::ptrdiff_t>::max() / 2))
        throw value_error("arange: maximum allowed size exceeded");
      n = static_cast<std::ptrdiff_t>(len);
    }
  }
  auto a = detail::raw_owner::for_overwrite<T>({n}, {n > 0 ? 1 : 0});
  T *p = a.buffer_data();
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    if constexpr (std::is_integral_v<T>)
      p[i] = detail::wrap_add<T>(start,
                                 detail::wrap_mul<T>(static_cast<T>(i), step));
    else if (i == 0)
      p[i] = start;
    else if (i == 1)
      p[i] = static_cast<T>(static_cast<double>(start) +
                            static_cast<double>(step));
    else // NumPy's fill: start + i * (second - start), in the element type
      p[i] = static_cast<T>(start + static_cast<T>(i) * (p[1] - start));
  }
  return a;
}

/// NumPy's `np.arange(start, stop)`: a new owner.
template <class T> ND_RETURNS_OWNER array<T> arange(T start, T stop) {
  return arange<T>(start, stop, T(1));
}

/// NumPy's `np.arange(stop)`: 0, 1, ..., stop - 1. A new owner.
template <class T> ND_RETURNS_OWNER array<T> arange(T stop) {
  return arange<T>(T(0), stop, T(1));
}

} // namespace nd

#include "nd/indexing.hpp"
