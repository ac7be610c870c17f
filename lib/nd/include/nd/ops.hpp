// nd/ops.hpp: element-wise arithmetic, comparisons, logical operators,
// reductions and math functions.
//
// Every element-wise operation returns a NEW array (a copy, never a view):
// `a + 1`, `a * b`, `a > 25`, `nd::sqrt(a)` do not share memory with their
// operands. Operands broadcast as in NumPy. The result's memory layout is the
// one NumPy's ufuncs allocate (order='K': the memory order of the operands).
// Reductions (sum, mean, min, max, allclose) return scalars.
#pragma once

#include "nd/array.hpp"

#include <cmath>
#include <initializer_list>
#include <limits>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace nd {
namespace detail {

/// Operand strides as NpyIter sees them: broadcast, and 0 on axes where the
/// operand has length 1.
template <class A>
strides_t iter_strides(const array<A> &a, const shape_t &shape) {
  strides_t st;
  broadcast_strides_to(a.shape(), a.strides(), shape, st);
  return st;
}

/// NumPy's trivial single-output loop (try_trivial_single_output_loop):
/// operands that are 0-d are ignored (cast beforehand); when every other
/// operand has the loop's element type, the same shape and, if it has more
/// than one dimension, is C- or F-contiguous in a common order, the output
/// is allocated C-contiguous, or F-contiguous when the order is F only.
inline std::optional<strides_t>
trivial_loop_strides(const shape_t &shape,
                     std::initializer_list<const shape_t *> shapes,
                     std::initializer_list<const strides_t *> strides,
                     std::initializer_list<bool> loop_type) {
  int order = 0; // 1: C, 2: F
  const shape_t *op_shape = nullptr;
  auto st = strides.begin();
  auto same = loop_type.begin();
  for (auto sh = shapes.begin(); sh != shapes.end(); ++sh, ++st, ++same) {
    if ((*sh)->empty())
      continue;
    if (!*same)
      return std::nullopt;
    if (!op_shape)
      op_shape = *sh;
    else if (**sh != *op_shape)
      return std::nullopt;
    if ((*sh)->size() > 1) {
      const int flags = (is_c_contiguous(**sh, **st) ? 1 : 0) |
                        (is_f_contiguous(**sh, **st) ? 2 : 0);
      if (flags == 0)
        return std::nullopt;
      if (order == 0)
        order = flags;
      else if ((order & flags) == 0)
        return std::nullopt;
    }
  }
  return fresh_strides(order == 2 ? f_strides(shape) : c_strides(shape), shape);
}

/// The strides NumPy gives the output of a ufunc whose inner loop runs on
/// element type L over these operands.
template <class L, class... A>
strides_t ufunc_layout(const shape_t &shape, const array<A> &...ops) {
  if (auto st =
          trivial_loop_strides(shape, {&ops.shape()...}, {&ops.strides()...},
                               {std::is_same_v<A, L>...}))
    return *st;
  return ufunc_out_strides(shape, {iter_strides(ops, shape)...});
}

/// o[i] = f(a[i]) for a contiguous run; o is a new array (no overlap).
template <class R, class A, class F>
void unary_run(R *__restrict o, const A *__restrict a, std::ptrdiff_t n, F &f) {
  for (std::ptrdiff_t i = 0; i < n; ++i)
    o[i] = f(a[i]);
}

/// o[i] = f(a[i], b[i]) for a contiguous run; o is a new array (no
/// overlap; a and b, only read, may be the same).
template <class R, class A, class B, class F>
void binary_run(R *__restrict o, const A *__restrict a, const B *__restrict b,
                std::ptrdiff_t n, F &f) {
  for (std::ptrdiff_t i = 0; i < n; ++i)
    o[i] = f(a[i], b[i]);
}

/// A new array of type R: f applied to each element of a. L is the type the
/// computation runs in (it decides NumPy's output layout).
template <class R, class L = R, class A, class F>
array<R> unary_op(const array<A> &a, F f) {
  const shape_t &sh = a.shape();
  const strides_t so = ufunc_layout<L>(sh, a);
  array<R> out = raw_owner::for_overwrite<R>(sh, so);
  R *o = out.buffer_data();
  const A *pa = a.buffer_data();
  nditer_runs<2>(sh, {&so, &a.strides()}, {0, a.offset()},
                 [&](const std::array<std::ptrdiff_t, 2> &q, std::ptrdiff_t n,
                     const std::array<std::ptrdiff_t, 2> &st) {
                   if (st[0] == 1 && st[1] == 1)
                     unary_run(o + q[0], pa + q[1], n, f);
                   else
                     for (std::ptrdiff_t i = 0; i < n; ++i)
                       o[q[0] + i * st[0]] = f(pa[q[1] + i * st[1]]);
                 });
  return out;
}

/// A new array of type R: f applied to the broadcast pairs of a and b.
template <class R, class L = R, class A, class B, class F>
array<R> binary_op(const array<A> &a, const array<B> &b, F f) {
  const shape_t sh = broadcast_shapes(a.shape(), b.shape());
  const strides_t sa = iter_strides(a, sh);
  const strides_t sb = iter_strides(b, sh);
  const strides_t so = ufunc_layout<L>(sh, a, b);
  array<R> out = raw_owner::for_overwrite<R>(sh, so);
  R *o = out.buffer_data();
  const A *pa = a.buffer_data();
  const B *pb = b.buffer_data();
  nditer_runs<3>(sh, {&so, &sa, &sb}, {0, a.offset(), b.offset()},
                 [&](const std::array<std::ptrdiff_t, 3> &q, std::ptrdiff_t n,
                     const std::array<std::ptrdiff_t, 3> &st) {
                   if (st[0] == 1 && st[1] == 1 && st[2] == 1)
                     binary_run(o + q[0], pa + q[1], pb + q[2], n, f);
                   else
                     for (std::ptrdiff_t i = 0; i < n; ++i)
                       o[q[0] + i * st[0]] =
                           f(pa[q[1] + i * st[1]], pb[q[2] + i * st[2]]);
                 });
  return out;
}

template <class X>
concept scalar = std::is_arithmetic_v<X>;

template <class X>
concept integral_or_bool = std::is_integral_v<X>;

} // namespace detail

// ------------------------------------------------------------- arithmetic

// `a + b`, `a - b`, `a * b`, `a / b` (array-array with broadcasting,
// array-scalar, scalar-array). Each returns a new array (a copy): the result
// never shares memory with an operand. `/` is true division (integer arrays
// give double).
#define ND_DEFINE_ARITH(OP, FN, RESULT, SCALAR_RESULT)                         \
  template <class A, class B>                                                  \
  ND_RETURNS_COPY("arithmetic")                                                \
  array<detail::RESULT<A, B>> operator OP(const array<A> &a,                   \
                                          const array<B> &b) {                 \
    using R = detail::RESULT<A, B>;                                            \
    return detail::binary_op<R>(a, b, [](A x, B y) {                           \
      return detail::FN<R>(static_cast<R>(x), static_cast<R>(y));              \
    });                                                                        \
  }                                                                            \
  template <class A, detail::scalar S>                                         \
  ND_RETURNS_COPY("arithmetic")                                                \
  array<detail::SCALAR_RESULT<A, S>> operator OP(const array<A> &a, S s) {     \
    using R = detail::SCALAR_RESULT<A, S>;                                     \
    const R v = static_cast<R>(s);                                             \
    return detail::unary_op<R>(                                                \
        a, [v](A x) { return detail::FN<R>(static_cast<R>(x), v); });          \
  }                                                                            \
  template <detail::scalar S, class A>                                         \
  ND_RETURNS_COPY("arithmetic")                                                \
  array<detail::SCALAR_RESULT<A, S>> operator OP(S s, const array<A> &a) {     \
    using R = detail::SCALAR_RESULT<A, S>;                                     \
    const R v = static_cast<R>(s);                                             \
    return detail::unary_op<R>(                                                \
        a, [v](A x) { return detail::FN<R>(v, static_cast<R>(x)); });          \
  }

ND_DEFINE_ARITH(+, wrap_add, arith_t, scalar_arith_t)
ND_DEFINE_ARITH(-, wrap_sub, arith_t, scalar_arith_t)
ND_DEFINE_ARITH(*, wrap_mul, arith_t, scalar_arith_t)
ND_DEFINE_ARITH(/, true_div, quot_t, scalar_quot_t)
#undef ND_DEFINE_ARITH

/// Element-wise negation. Returns a new array (a copy).
template <class A>
ND_RETURNS_COPY("arithmetic")
array<A> operator-(const array<A> &a) {
  return detail::unary_op<A>(a, [](A x) { return detail::wrap_neg<A>(x); });
}

// ------------------------------------------------------------ comparisons

namespace detail {
/// Compares x OP y exactly when both are integers (no sign surprises), else
/// in the common type (as NumPy compares an integer with a float).
template <class Cmp, class X, class Y> constexpr bool compare(X x, Y y) {
  if constexpr (std::is_integral_v<X> && std::is_integral_v<Y>) {
    using XI = std::conditional_t<std::is_same_v<X, bool>, int, X>;
    using YI = std::conditional_t<std::is_same_v<Y, bool>, int, Y>;
    return Cmp::integers(static_cast<XI>(x), static_cast<YI>(y));
  } else {
    using C = std::common_type_t<X, Y>;
    return Cmp::values(static_cast<C>(x), static_cast<C>(y));
  }
}
#define ND_DEFINE_CMP_OP(NAME, OP, CMP)                                        \
  struct NAME {                                                                \
    template <class X, class Y> static constexpr bool integers(X x, Y y) {     \
      return std::CMP(x, y);                                                   \
    }                                                                          \
    template <class C> static constexpr bool values(C x, C y) {                \
      return x OP y;                                                           \
    }                                                                          \
  };
ND_DEFINE_CMP_OP(cmp_eq, ==, cmp_equal)
ND_DEFINE_CMP_OP(cmp_ne, !=, cmp_not_equal)
ND_DEFINE_CMP_OP(cmp_lt, <, cmp_less)
ND_DEFINE_CMP_OP(cmp_le, <=, cmp_less_equal)
ND_DEFINE_CMP_OP(cmp_gt, >, cmp_greater)
ND_DEFINE_CMP_OP(cmp_ge, >=, cmp_greater_equal)
#undef ND_DEFINE_CMP_OP
} // namespace detail

// `a == b`, `a != b`, `a < b`, `a <= b`, `a > b`, `a >= b` (array-array with
// broadcasting, array-scalar, scalar-array): each returns a new
// nd::array<bool> (a copy). Array-array comparisons run in NumPy's promoted
// type (int64 vs uint64 compare as double, as in NumPy); integers against
// integer scalars compare exactly.
#define ND_DEFINE_CMP(OP, CMP)                                                 \
  template <class A, class B>                                                  \
  ND_RETURNS_COPY("arithmetic")                                                \
  array<bool> operator OP(const array<A> &a, const array<B> &b) {              \
    using C = detail::arith_t<A, B>;                                           \
    return detail::binary_op<bool, C>(a, b, [](A x, B y) {                     \
      return detail::compare<detail::CMP>(static_cast<C>(x),                   \
                                          static_cast<C>(y));                  \
    });                                                                        \
  }                                                                            \
  template <class A, detail::scalar S>                                         \
  ND_RETURNS_COPY("arithmetic")                                                \
  array<bool> operator OP(const array<A> &a, S s) {                            \
    return detail::unary_op<bool, detail::scalar_arith_t<A, S>>(               \
        a, [s](A x) { return detail::compare<detail::CMP>(x, s); });           \
  }                                                                            \
  template <detail::scalar S, class A>                                         \
  ND_RETURNS_COPY("arithmetic")                                                \
  array<bool> operator OP(S s, const array<A> &a) {                            \
    return detail::unary_op<bool, detail::scalar_arith_t<A, S>>(               \
        a, [s](A x) { return detail::compare<detail::CMP>(s, x); });           \
  }

ND_DEFINE_CMP(==, cmp_eq)
ND_DEFINE_CMP(!=, cmp_ne)
ND_DEFINE_CMP(<, cmp_lt)
ND_DEFINE_CMP(<=, cmp_le)
ND_DEFINE_CMP(>, cmp_gt)
ND_DEFINE_CMP(>=, cmp_ge)
#undef ND_DEFINE_CMP

// -------------------------------------------------------- logical/bitwise

#define ND_DEFINE_BITWISE(OP)                                                  \
  /** Element-wise logical (bool) or bitwise (integers) OP with                \
   * broadcasting. Returns a new array (a copy). */                            \
  template <detail::integral_or_bool A, detail::integral_or_bool B>            \
  ND_RETURNS_COPY("arithmetic")                                                \
  array<detail::arith_t<A, B>> operator OP(const array<A> &a,                  \
                                           const array<B> &b) {                \
    using R = detail::arith_t<A, B>;                                           \
    return detail::binary_op<R>(a, b, [](A x, B y) {                           \
      return static_cast<R>(static_cast<R>(x) OP static_cast<R>(y));           \
    });                                                                        \
  }                                                                            \
  /** Element-wise OP with a scalar. Returns a new array (a copy). */          \
  template <detail::integral_or_bool A, detail::integral_or_bool S>            \
  ND_RETURNS_COPY("arithmetic")                                                \
  array<detail::scalar_arith_t<A, S>> operator OP(const array<A> &a, S s) {    \
    using R = detail::scalar_arith_t<A, S>;                                    \
    const R v = static_cast<R>(s);                                             \
    return detail::unary_op<R>(                                                \
        a, [v](A x) { return static_cast<R>(static_cast<R>(x) OP v); });       \
  }                                                                            \
  /** Element-wise OP with a scalar. Returns a new array (a copy). */          \
  template <detail::integral_or_bool S, detail::integral_or_bool A>            \
  ND_RETURNS_COPY("arithmetic")                                                \
  array<detail::scalar_arith_t<A, S>> operator OP(S s, const array<A> &a) {    \
    using R = detail::scalar_arith_t<A, S>;                                    \
    const R v = static_cast<R>(s);                                             \
    return detail::unary_op<R>(                                                \
        a, [v](A x) { return static_cast<R>(v OP static_cast<R>(x)); });       \
  }

ND_DEFINE_BITWISE(&)
ND_DEFINE_BITWISE(|)
ND_DEFINE_BITWISE(^)
#undef ND_DEFINE_BITWISE

/// Element-wise logical not (bool) or bitwise not (integers). Returns a new
/// array (a copy).
template <detail::integral_or_bool A>
ND_RETURNS_COPY("arithmetic")
array<A> operator~(const array<A> &a) {
  return detail::unary_op<A>(a, [](A x) {
    if constexpr (std::is_same_v<A, bool>)
      return !x;
    else
      return static_cast<A>(~x);
  });
}

// ------------------------------------------------------------- functions

/// NumPy's `np.abs(a)`. Returns a new array (a copy).
template <class A>
ND_RETURNS_COPY("arithmetic")
array<A> abs(const array<A> &a) {
  return detail::unary_op<A>(a, [](A x) -> A {
    if constexpr (std::is_same_v<A, bool> || std::is_unsigned_v<A>)
      return x;
    else if constexpr (std::is_integral_v<A>)
      return x < 0 ? detail::wrap_neg<A>(x) : x;
    else
      return std::fabs(x);
  });
}

/// NumPy's `np.sqrt(a)` (floating result: double for integer arrays).
/// Returns a new array (a copy).
template <class A>
ND_RETURNS_COPY("arithmetic")
array<detail::float_t_of<A>> sqrt(const array<A> &a) {
  using R = detail::float_t_of<A>;
  return detail::unary_op<R>(a,
                             [](A x) { return std::sqrt(static_cast<R>(x)); });
}

/// NumPy's `np.copy(a)` (order='K': the copy keeps a's memory order).
/// Returns a copy, a new owner.
template <class A>
ND_RETURNS_COPY("explicit")
array<A> copy(const array<A> &a) {
  return a.copy_with_strides(
      detail::keep_order_strides(a.shape(), a.strides()));
}

// ------------------------------------------------------------ reductions

/// NumPy's `np.sum(a)` over all elements: a count for bool arrays, a 64-bit
/// integer for integer arrays, the element type for floating arrays.
template <class A> detail::sum_t<A> sum(const array<A> &a) {
  using R = detail::sum_t<A>;
  R s = 0;
  a.for_each(
      [&](const A &x) { s = detail::wrap_add<R>(s, static_cast<R>(x)); });
  return s;
}

/// NumPy's `np.mean(a)` as a double (NaN for an empty array, where NumPy
/// also warns).
template <class A> double mean(const array<A> &a) {
  double s = 0;
  a.for_each([&](const A &x) { s += static_cast<double>(x); });
  if (a.size() == 0)
    return std::numeric_limits<double>::quiet_NaN();
  return s / static_cast<double>(a.size());
}

namespace detail {
template <class A, class Better>
A reduce_extreme(const array<A> &a, const char *name, Better better) {
  if (a.size() == 0)
    throw value_error(std::string("zero-size array to reduction operation ") +
                      name + " which has no identity");
  bool first = true, nan = false;
  A best{};
  a.for_each([&](const A &x) {
    if constexpr (std::is_floating_point_v<A>)
      if (std::isnan(x)) {
        if (!nan)
          best = x;
        nan = true;
      }
    if (nan)
      return;
    if (first || better(x, best))
      best = x;
    first = false;
  });
  return best;
}
} // namespace detail

/// NumPy's `np.min(a)` (NaN propagates). Throws value_error "zero-size array
/// to reduction operation minimum which has no identity" when a is empty.
template <class A> A min(const array<A> &a) {
  return detail::reduce_extreme(a, "minimum", [](A x, A y) { return x < y; });
}

/// NumPy's `np.max(a)` (NaN propagates). Throws value_error when a is
/// empty.
template <class A> A max(const array<A> &a) {
  return detail::reduce_extreme(a, "maximum", [](A x, A y) { return x > y; });
}

/// NumPy's `np.allclose(a, b, rtol, atol)`: true when every pair (after
/// broadcasting) satisfies |a - b| <= atol + rtol * |b| (infinities must be
/// equal, NaN is never close). Throws shape_error when a and b do not
/// broadcast.
template <class A, class B>
bool allclose(const array<A> &a, const array<B> &b, double rtol = 1e-5,
              double atol = 1e-8) {
  const shape_t sh = broadcast_shapes(a.shape(), b.shape());
  const strides_t sa = detail::iter_strides(a, sh);
  const strides_t sb = detail::iter_strides(b, sh);
  const A *pa = a.buffer_data();
  const B *pb = b.buffer_data();
  bool ok = true;
  detail::nditer<2>(sh, {&sa, &sb}, {a.offset(), b.offset()},
                    [&](const std::array<std::ptrdiff_t, 2> &q) {
                      if (!ok)
                        return;
                      const double x = static_cast<double>(pa[q[0]]);
                      const double y = static_cast<double>(pb[q[1]]);
                      if (std::isfinite(x) && std::isfinite(y))
                        ok = std::fabs(x - y) <= atol + rtol * std::fabs(y);
                      else
                        ok = x == y;
                    });
  return ok;
}

/// allclose against a scalar (broadcast).
template <class A, detail::scalar S>
bool allclose(const array<A> &a, S b, double rtol = 1e-5, double atol = 1e-8) {
  return allclose(a, full<S>({}, b), rtol, atol);
}

} // namespace nd
