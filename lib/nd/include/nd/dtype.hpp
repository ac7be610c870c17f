// nd/dtype.hpp: element types, type promotion and casting rules.
//
// nd follows NumPy for the element types it supports (bool, the integer
// types, float, double):
//  - array op array: NumPy's promote_types (the std::common_type of the
//    element types except where NumPy differs: int32 + float32 is float64,
//    int32 + uint32 is int64, int64 + uint64 is float64; bool op bool stays
//    bool);
//  - array op scalar: the array's element type when the scalar is of the same
//    or a lower kind (bool < integer < floating), as NumPy's value-based
//    casting gives for Python scalars (`int_array + 1` stays int,
//    `float_array * 2.0` stays float); else int64 for an integer scalar and
//    double for a floating one (`bool_array + 1` is int64, `int_array * 2.5`
//    is double);
//  - `/` is true division: an integral result type becomes double;
//  - in-place operations (`+=` ...) follow NumPy's same_kind casting rule:
//    the result type must cast to the array's element type within its kind
//    or to a higher kind (int += int, double += int); `int_array *= 0.5` and
//    `int_array /= 2` do not compile.
#pragma once

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace nd {
namespace detail {

/// A supported element type: an arithmetic type (bool, integers, float,
/// double, long double).
template <class T>
concept element =
    std::is_arithmetic_v<T> && !std::is_const_v<T> && !std::is_volatile_v<T>;

/// NumPy's kinds in "safe" order: b < i/u < f.
template <class T> constexpr int kind_of() {
  if constexpr (std::is_same_v<T, bool>)
    return 0;
  else if constexpr (std::is_integral_v<T>)
    return 1;
  else
    return 2;
}

/// NumPy's same_kind casting from From to To.
template <class From, class To>
inline constexpr bool same_kind_castable = kind_of<From>() <= kind_of<To>();

namespace promote_impl {
template <std::size_t Bytes> struct signed_of_size;
template <> struct signed_of_size<2> {
  using type = std::int16_t;
};
template <> struct signed_of_size<4> {
  using type = std::int32_t;
};
template <> struct signed_of_size<8> {
  using type = std::int64_t;
};

template <class A, class B> constexpr auto promote() {
  if constexpr (std::is_same_v<A, B>) {
    return A{};
  } else if constexpr (std::is_same_v<A, bool>) {
    return B{};
  } else if constexpr (std::is_same_v<B, bool>) {
    return A{};
  } else if constexpr (std::is_floating_point_v<A> &&
                       std::is_floating_point_v<B>) {
    if constexpr (sizeof(B) > sizeof(A))
      return B{};
    else
      return A{};
  } else if constexpr (std::is_floating_point_v<A> ||
                       std::is_floating_point_v<B>) {
    // A float and an integer: float32 holds integers of up to 16 bits;
    // wider integers go to float64 (float64 also for int64, by convention).
    using F = std::conditional_t<std::is_floating_point_v<A>, A, B>;
    using I = std::conditional_t<std::is_floating_point_v<A>, B, A>;
    if constexpr (sizeof(F) <= 4 && sizeof(I) >= 4)
      return double{};
    else
      return F{};
  } else if constexpr (std::is_signed_v<A> == std::is_signed_v<B>) {
    if constexpr (sizeof(B) > sizeof(A))
      return B{};
    else
      return A{};
  } else {
    // Signed and unsigned: a signed type wide enough for both, or float64
    // when the unsigned one has 64 bits.
    using S = std::conditional_t<std::is_signed_v<A>, A, B>;
    using U = std::conditional_t<std::is_signed_v<A>, B, A>;
    if constexpr (sizeof(S) > sizeof(U))
      return S{};
    else if constexpr (sizeof(U) < 8)
      return typename signed_of_size<2 * sizeof(U)>::type{};
    else
      return double{};
  }
}
} // namespace promote_impl

/// NumPy's np.promote_types for these element types: the element type of
/// `array<A> op array<B>` for + - * and of the comparison loop. bool op
/// bool stays bool; int32 + float32 is float64; int64 + uint64 is float64.
template <class A, class B>
using arith_t = decltype(promote_impl::promote<A, B>());

/// The default type of a scalar's kind: NumPy converts a Python int that
/// meets a bool array to int64, and a Python float that meets a bool or
/// integer array to float64.
template <class S>
using scalar_default_t = std::conditional_t<
    std::is_floating_point_v<S>,
    std::conditional_t<(sizeof(S) > sizeof(double)), S, double>,
    std::conditional_t<std::is_same_v<S, bool>, bool, std::int64_t>>;

/// The element type of `array<A> op scalar B` (and `B op array<A>`): the
/// array's type when the scalar's kind is not higher, else the default
/// type of the scalar's kind.
template <class A, class B>
using scalar_arith_t =
    std::conditional_t<(kind_of<B>() <= kind_of<A>()), A, scalar_default_t<B>>;

/// True division: integral results become double.
template <class R>
using true_div_t = std::conditional_t<std::is_floating_point_v<R>, R, double>;

/// The element type of `array<A> / array<B>`.
template <class A, class B> using quot_t = true_div_t<arith_t<A, B>>;
/// The element type of `array<A> / scalar B` (and `B / array<A>`).
template <class A, class B>
using scalar_quot_t = true_div_t<scalar_arith_t<A, B>>;

/// The result of sqrt: the floating type itself, float for integers of up
/// to 16 bits (NumPy: float16 for 8 bits, float32 for 16), double for wider
/// integers.
template <class T>
using float_t_of =
    std::conditional_t<std::is_floating_point_v<T>, T,
                       std::conditional_t<(sizeof(T) <= 2), float, double>>;

/// The type of nd::sum over array<T>: bool counts, integers accumulate in
/// 64 bits, floating types in themselves.
template <class T>
using sum_t = std::conditional_t<
    std::is_same_v<T, bool>, std::ptrdiff_t,
    std::conditional_t<
        std::is_integral_v<T>,
        std::conditional_t<std::is_signed_v<T>, std::int64_t, std::uint64_t>,
        T>>;

/// Wrapping integer arithmetic (NumPy wraps on overflow; signed overflow
/// would be undefined behaviour in C++).
template <class R> constexpr R wrap_add(R a, R b) {
  if constexpr (std::is_integral_v<R> && !std::is_same_v<R, bool>) {
    using U = std::make_unsigned_t<R>;
    return static_cast<R>(
        static_cast<U>(static_cast<U>(a) + static_cast<U>(b)));
  } else if constexpr (std::is_same_v<R, bool>) {
    return a || b;
  } else {
    return a + b;
  }
}
template <class R> constexpr R wrap_sub(R a, R b) {
  if constexpr (std::is_integral_v<R> && !std::is_same_v<R, bool>) {
    using U = std::make_unsigned_t<R>;
    return static_cast<R>(
        static_cast<U>(static_cast<U>(a) - static_cast<U>(b)));
  } else {
    static_assert(!std::is_same_v<R, bool>,
                  "nd: subtracting boolean arrays is not supported (NumPy "
                  "raises TypeError); use ^ (logical_xor) instead");
    return a - b;
  }
}
template <class R> constexpr R wrap_mul(R a, R b) {
  if constexpr (std::is_integral_v<R> && !std::is_same_v<R, bool>) {
    using U = std::make_unsigned_t<R>;
    // unsigned short * unsigned short promotes to int: go through unsigned
    // long long to stay in unsigned arithmetic.
    using W = std::conditional_t<(sizeof(U) < sizeof(unsigned)), unsigned, U>;
    return static_cast<R>(static_cast<U>(static_cast<W>(static_cast<U>(a)) *
                                         static_cast<W>(static_cast<U>(b))));
  } else if constexpr (std::is_same_v<R, bool>) {
    return a && b;
  } else {
    return a * b;
  }
}
template <class R> constexpr R wrap_neg(R a) {
  if constexpr (std::is_integral_v<R> && !std::is_same_v<R, bool>) {
    using U = std::make_unsigned_t<R>;
    return static_cast<R>(static_cast<U>(U{0} - static_cast<U>(a)));
  } else {
    static_assert(!std::is_same_v<R, bool>,
                  "nd: negating a boolean array is not supported (NumPy raises "
                  "TypeError); use ~ (logical_not) instead");
    return -a;
  }
}
template <class R> constexpr R true_div(R a, R b) { return a / b; }

} // namespace detail
} // namespace nd
