// nd/dtype.hpp: element types, type promotion and casting rules.
//
// nd follows NumPy for the element types it supports (bool, the integer
// types, float, double):
//  - array op array: std::common_type of the element types (bool op bool
//    stays bool);
//  - array op scalar: the array's element type when the scalar is of the same
//    or a lower kind (bool < integer < floating), as NumPy's value-based
//    casting gives for Python scalars (`int_array + 1` stays int,
//    `float_array * 2.0` stays float); else std::common_type;
//  - `/` is true division: an integral result type becomes double;
//  - in-place operations (`+=` ...) follow NumPy's same_kind casting rule:
//    the result type must cast to the array's element type within its kind
//    or to a higher kind (int += int, double += int); `int_array *= 0.5` and
//    `int_array /= 2` do not compile.
#pragma once

#include <concepts>
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

/// The element type of `array<A> op array<B>` for + - *.
template <class A, class B>
using arith_t =
    std::conditional_t<std::is_same_v<A, bool> && std::is_same_v<B, bool>, bool,
                       std::common_type_t<A, B>>;

/// The element type of `array<A> op scalar B` (and `B op array<A>`).
template <class A, class B>
using scalar_arith_t =
    std::conditional_t<(kind_of<B>() <= kind_of<A>()), A, arith_t<A, B>>;

/// True division: integral results become double.
template <class R>
using true_div_t = std::conditional_t<std::is_floating_point_v<R>, R, double>;

/// The element type of `array<A> / array<B>`.
template <class A, class B> using quot_t = true_div_t<arith_t<A, B>>;
/// The element type of `array<A> / scalar B` (and `B / array<A>`).
template <class A, class B>
using scalar_quot_t = true_div_t<scalar_arith_t<A, B>>;

/// The result of sqrt.
template <class T>
using float_t_of = std::conditional_t<std::is_floating_point_v<T>, T, double>;

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
