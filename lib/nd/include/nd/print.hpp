// nd/print.hpp: NumPy's str() for strided arrays.
//
// nd::detail::print_array(os, data, shape, strides, offset) writes exactly the
// text NumPy 1.24 gives for `str(a)` under the default print options
// (precision=8, floatmode='maxprec', threshold=1000, edgeitems=3,
// linewidth=75, sign='-', legacy=False), for bool, the integer types, float
// (NumPy's float32) and double (float64). Strides and offset are in elements:
// element (i0, ..., ik) is data[offset + sum(i_j * strides[j])].
//
// What is replicated, and from where in numpy/core/arrayprint.py:
//
//  - array_str / _array_str_implementation: a 0-d array prints as str() of
//    its scalar (`True`, `5`, `0.1`, `1e+16`, `nan`); an array with a zero
//    dimension prints as `[]`.
//  - _array2string / _leading_trailing: when size > 1000 only the first and
//    last 3 entries of every axis longer than 6 are shown, with `...`, and
//    the element format is derived from the shown entries only.
//  - _formatArray / _extendLine: the nested brackets, the hanging indent,
//    line wrapping at 75 columns (each nesting level loses one column for its
//    `]`), one blank line per extra dimension between blocks.
//  - BoolFormat (` True`/`False`), IntegerFormat (right-aligned to the widest
//    of str(max), str(min)).
//  - FloatingFormat.fillFormat/__call__: scientific notation when the largest
//    finite nonzero magnitude is >= 1e8, or the smallest is < 1e-4, or their
//    ratio (computed in the element type, as NumPy does) is > 1e3; otherwise
//    positional. Widths (pad_left, pad_right, exp_size) come from a first
//    pass over the shown values; `nan` / `inf` are right-aligned in the full
//    field width.
//  - The digits: NumPy's Dragon4 (numpy/core/src/multiarray/dragon4.c) in its
//    "unique" mode with the cutoffs FloatingFormat asks for. This header
//    carries its own exact digit generator (Steele & White / Dragon4 with
//    big integers, boundaries included when the mantissa is even), because
//    NumPy's output is NOT always the shortest round-trip string:
//      * positional mode passes min_digits=0, which makes Dragon4 produce
//        every digit down to the units place: float32 99999992 prints as
//        `99999992.`, although its shortest repr is 9.999999e7;
//      * scientific mode passes min_digits=precision, so values with short
//        reprs get exact extra digits, not zeros: float32 0.1 next to a value
//        needing 8 digits prints as `1.0000000e-01`, and with 9 digits would
//        print `1.00000001e-01`;
//      * at the shortest length Dragon4 keeps the digit its margins allow,
//        which at a power of two is not always the nearest: float32 2^-96
//        prints as 1.2621775e-29 (nearest 8 digits: 1.2621774e-29).
//    std::to_chars cannot reproduce the first two, so it is not used.
//
// Not covered: long double (NumPy's longdouble), complex, non-default print
// options. The element types accepted are bool, every integral type except
// the character types, float and double.
#pragma once

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <ostream>
#include <string>
#include <type_traits>
#include <vector>

namespace nd::detail {

namespace print_impl {

// NumPy's default print options.
inline constexpr std::ptrdiff_t threshold = 1000;
inline constexpr std::ptrdiff_t edgeitems = 3;
inline constexpr std::ptrdiff_t linewidth = 75;
inline constexpr int float_precision = 8;

// ---------------------------------------------------------------------------
// Unsigned big integer, only as much as digit generation needs. Little-endian
// 32-bit words, no leading zero words (zero is the empty vector).
class big_uint {
public:
  big_uint() = default;
  explicit big_uint(std::uint64_t v) {
    while (v != 0) {
      w_.push_back(static_cast<std::uint32_t>(v));
      v >>= 32;
    }
  }
  static big_uint pow2(unsigned n) {
    big_uint r(1);
    r.shift_left(n);
    return r;
  }

  bool is_zero() const { return w_.empty(); }

  void shift_left(unsigned n) {
    if (w_.empty() || n == 0)
      return;
    const unsigned words = n / 32, bits = n % 32;
    if (bits != 0) {
      std::uint32_t carry = 0;
      for (auto &x : w_) {
        const std::uint32_t nx = (x << bits) | carry;
        carry = x >> (32 - bits);
        x = nx;
      }
      if (carry != 0)
        w_.push_back(carry);
    }
    w_.insert(w_.begin(), words, 0u);
  }

  void mul_small(std::uint32_t m) {
    std::uint64_t carry = 0;
    for (auto &x : w_) {
      const std::uint64_t p = std::uint64_t{x} * m + carry;
      x = static_cast<std::uint32_t>(p);
      carry = p >> 32;
    }
    if (carry != 0)
      w_.push_back(static_cast<std::uint32_t>(carry));
    if (m == 0)
      w_.clear();
  }

  void mul_pow10(unsigned n) {
    for (; n >= 9; n -= 9)
      mul_small(1000000000u);
    static constexpr std::uint32_t small[] = {
        1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};
    if (n != 0)
      mul_small(small[n]);
  }

  void add(const big_uint &o) {
    if (o.w_.size() > w_.size())
      w_.resize(o.w_.size(), 0u);
    std::uint64_t carry = 0;
    for (std::size_t i = 0; i < w_.size(); ++i) {
      const std::uint64_t s =
          std::uint64_t{w_[i]} + (i < o.w_.size() ? o.w_[i] : 0u) + carry;
      w_[i] = static_cast<std::uint32_t>(s);
      carry = s >> 32;
    }
    if (carry != 0)
      w_.push_back(static_cast<std::uint32_t>(carry));
  }

  // *this -= o; requires *this >= o.
  void sub(const big_uint &o) {
    std::int64_t borrow = 0;
    for (std::size_t i = 0; i < w_.size(); ++i) {
      std::int64_t d = std::int64_t{w_[i]} -
                       (i < o.w_.size() ? std::int64_t{o.w_[i]} : 0) - borrow;
      borrow = d < 0 ? 1 : 0;
      if (d < 0)
        d += std::int64_t{1} << 32;
      w_[i] = static_cast<std::uint32_t>(d);
    }
    while (!w_.empty() && w_.back() == 0)
      w_.pop_back();
  }

  friend int compare(const big_uint &a, const big_uint &b) {
    if (a.w_.size() != b.w_.size())
      return a.w_.size() < b.w_.size() ? -1 : 1;
    for (std::size_t i = a.w_.size(); i-- > 0;)
      if (a.w_[i] != b.w_[i])
        return a.w_[i] < b.w_[i] ? -1 : 1;
    return 0;
  }

private:
  std::vector<std::uint32_t> w_;
};

// ---------------------------------------------------------------------------
// Dragon4 digit generation (unique mode).

enum class cutoff_mode { total_length, fraction_length };

// NumPy's TrimMode, named after the Python spelling of `trim`.
enum class trim_mode {
  none,           // 'k': keep trailing zeros and the decimal point
  zeros,          // '.': trim trailing zeros, keep the decimal point
  leave_one_zero, // '0': trim trailing zeros, keep one after the point
  dpt_zeros       // '-': trim trailing zeros and the decimal point
};

struct digits_t {
  std::string digits; // significant digits, first one may be '0' only for 0
  int exponent = 0;   // decimal exponent of the first digit
};

// A finite IEEE value split as mantissa * 2^exponent.
struct float_parts {
  bool negative = false;
  bool is_nan = false;
  bool is_inf = false;
  std::uint64_t mantissa = 0;
  int exponent = 0;
  int mantissa_bit = 0;         // index of the highest set mantissa bit
  bool unequal_margins = false; // the gap below is half the gap above
};

template <class F> float_parts decompose(F x) {
  static_assert(std::is_same_v<F, float> || std::is_same_v<F, double>);
  static_assert(std::numeric_limits<F>::is_iec559);
  using U = std::conditional_t<sizeof(F) == 4, std::uint32_t, std::uint64_t>;
  constexpr int frac_bits = std::numeric_limits<F>::digits - 1; // 23 or 52
  constexpr int exp_bits = static_cast<int>(sizeof(F) * 8) - 1 - frac_bits;
  constexpr int bias = (1 << (exp_bits - 1)) - 1;
  U bits;
  std::memcpy(&bits, &x, sizeof bits);
  float_parts p;
  p.negative = (bits >> (sizeof(F) * 8 - 1)) != 0;
  const U frac = bits & ((U{1} << frac_bits) - 1);
  const U ex = (bits >> frac_bits) & ((U{1} << exp_bits) - 1);
  if (ex == (U{1} << exp_bits) - 1) {
    p.is_nan = frac != 0;
    p.is_inf = frac == 0;
    return p;
  }
  if (ex != 0) {
    p.mantissa = (std::uint64_t{1} << frac_bits) | frac;
    p.exponent = static_cast<int>(ex) - bias - frac_bits;
    p.mantissa_bit = frac_bits;
    p.unequal_margins = ex != 1 && frac == 0;
  } else {
    p.mantissa = frac;
    p.exponent = 1 - bias - frac_bits;
    p.mantissa_bit = 0;
    for (std::uint64_t m = frac; m > 1; m >>= 1)
      ++p.mantissa_bit;
    p.unequal_margins = false;
  }
  return p;
}

// Digits of mantissa * 2^exponent (> 0 unless mantissa is 0). `cutoff_max`
// (< 0: none) bounds how far digits go: total significant digits
// (total_length) or digits after the decimal point (fraction_length).
// `cutoff_min` (< 0: none) forces digits at least that far even after the
// shortest unique string has been found; those extra digits are the exact
// expansion, rounded at the end.
inline digits_t dragon4(const float_parts &p, cutoff_mode mode, int cutoff_max,
                        int cutoff_min) {
  digits_t out;
  if (p.mantissa == 0) {
    out.digits = "0";
    out.exponent = 0;
    return out;
  }
  const bool is_even = (p.mantissa % 2) == 0;
  // value / scale is the number; margin_low / scale and margin_high / scale
  // are the distances to the rounding boundaries of its neighbours. The extra
  // factor 2 (4 with unequal margins) keeps the half-gaps integral.
  const unsigned extra = p.unequal_margins ? 2 : 1;
  big_uint value(p.mantissa), scale, margin_low, margin_high;
  if (p.exponent > 0) {
    value.shift_left(static_cast<unsigned>(p.exponent) + extra);
    scale = big_uint(std::uint64_t{1} << extra);
    margin_low = big_uint::pow2(static_cast<unsigned>(p.exponent));
  } else {
    value.shift_left(extra);
    scale = big_uint::pow2(static_cast<unsigned>(-p.exponent) + extra);
    margin_low = big_uint(1);
  }
  margin_high = margin_low;
  if (p.unequal_margins)
    margin_high.shift_left(1);

  // k estimates floor(log10(v)) + 1; it is exact or one too small (Burger &
  // Dybvig). With a fractional cutoff a value below the last printed place
  // starts at that place, so its first digit is 0 and rounding decides.
  int k = static_cast<int>(
      std::ceil(static_cast<double>(p.mantissa_bit + p.exponent) *
                    0.30102999566398119521 -
                0.69));
  if (cutoff_max >= 0 && mode == cutoff_mode::fraction_length &&
      k <= -cutoff_max)
    k = -cutoff_max + 1;
  if (k > 0) {
    scale.mul_pow10(static_cast<unsigned>(k));
  } else if (k < 0) {
    value.mul_pow10(static_cast<unsigned>(-k));
    margin_low.mul_pow10(static_cast<unsigned>(-k));
    margin_high.mul_pow10(static_cast<unsigned>(-k));
  }
  while (compare(value, scale) >= 0) {
    scale.mul_small(10);
    ++k;
  }
  // Now value / scale < 1 and 10^k is one place above the first digit.
  value.mul_small(10);
  margin_low.mul_small(10);
  margin_high.mul_small(10);

  constexpr int max_digits = 4096;
  int cutoff_max_exp = k - max_digits;
  if (cutoff_max >= 0) {
    const int want =
        mode == cutoff_mode::total_length ? k - cutoff_max : -cutoff_max;
    cutoff_max_exp = std::max(cutoff_max_exp, want);
  }
  int cutoff_min_exp = k;
  if (cutoff_min >= 0) {
    const int want =
        mode == cutoff_mode::total_length ? k - cutoff_min : -cutoff_min;
    cutoff_min_exp = std::min(cutoff_min_exp, want);
  }
  out.exponent = k - 1;

  bool low = false, high = false;
  int digit = 0;
  for (;;) {
    --k; // exponent of the digit being produced
    digit = 0;
    while (compare(value, scale) >= 0) {
      value.sub(scale);
      ++digit;
    }
    big_uint value_high = value;
    value_high.add(margin_high);
    const int cl = compare(value, margin_low);
    const int ch = compare(value_high, scale);
    low = is_even ? cl <= 0 : cl < 0;
    high = is_even ? ch >= 0 : ch > 0;
    if (((low || high) && k <= cutoff_min_exp) || k <= cutoff_max_exp)
      break;
    out.digits.push_back(static_cast<char>('0' + digit));
    value.mul_small(10);
    margin_low.mul_small(10);
    margin_high.mul_small(10);
  }

  // Round the last digit: down if only the low neighbour is close, up if only
  // the high one is, else to nearest with ties to even.
  bool round_down = low;
  if (low == high) {
    value.shift_left(1);
    const int c = compare(value, scale);
    round_down = c < 0 || (c == 0 && digit % 2 == 0);
  }
  if (round_down) {
    out.digits.push_back(static_cast<char>('0' + digit));
  } else if (digit < 9) {
    out.digits.push_back(static_cast<char>('0' + digit + 1));
  } else {
    while (!out.digits.empty() && out.digits.back() == '9')
      out.digits.pop_back();
    if (out.digits.empty()) {
      out.digits = "1";
      out.exponent += 1;
    } else {
      ++out.digits.back();
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// dragon4_positional / dragon4_scientific (NumPy's FormatPositional and
// FormatScientific for unique mode).

struct float_options {
  int precision = -1;  // max digits (after the point / after the first)
  int min_digits = -1; // min digits, as above
  trim_mode trim = trim_mode::none;
  int pad_left = -1;   // positional: chars left of the point incl. sign;
                       // scientific: chars before the point incl. sign
  int pad_right = -1;  // positional only: chars right of the point
  int exp_digits = -1; // scientific only: minimum exponent digits (def. 2)
};

inline std::string nonfinite_str(const float_parts &p) {
  if (p.is_nan)
    return "nan";
  return p.negative ? "-inf" : "inf";
}

inline std::string format_positional(const float_parts &p,
                                     const float_options &o) {
  if (p.is_nan || p.is_inf)
    return nonfinite_str(p);
  const digits_t d =
      dragon4(p, cutoff_mode::fraction_length, o.precision, o.min_digits);
  std::string s;
  const int has_sign = p.negative ? 1 : 0;
  if (p.negative)
    s.push_back('-');
  const int nd = static_cast<int>(d.digits.size());
  int whole = 0, frac = 0;
  if (d.exponent >= 0) {
    whole = d.exponent + 1;
    if (nd <= whole) {
      s += d.digits;
      s.append(static_cast<std::size_t>(whole - nd), '0');
    } else {
      s.append(d.digits, 0, static_cast<std::size_t>(whole));
      s.push_back('.');
      s.append(d.digits, static_cast<std::size_t>(whole), std::string::npos);
      frac = nd - whole;
    }
  } else {
    const int zeros = -(d.exponent + 1);
    s += "0.";
    s.append(static_cast<std::size_t>(zeros), '0');
    s += d.digits;
    frac = nd + zeros;
    whole = 1;
  }
  if (o.trim != trim_mode::dpt_zeros && frac == 0)
    s.push_back('.');
  const int desired_frac = std::max(o.min_digits, 0);
  if (o.trim == trim_mode::leave_one_zero) {
    if (frac == 0) {
      s.push_back('0');
      ++frac;
    }
  } else if (o.trim == trim_mode::none && desired_frac > frac) {
    s.append(static_cast<std::size_t>(desired_frac - frac), '0');
    frac = desired_frac;
  }
  if (o.trim != trim_mode::none && frac > 0) {
    while (s.back() == '0') {
      s.pop_back();
      --frac;
    }
    if (s.back() == '.') {
      if (o.trim == trim_mode::leave_one_zero) {
        s.push_back('0');
        ++frac;
      } else if (o.trim == trim_mode::dpt_zeros) {
        s.pop_back();
      }
    }
  }
  if (o.pad_right >= frac) {
    if (o.trim == trim_mode::dpt_zeros && frac == 0)
      s.push_back(' ');
    s.append(static_cast<std::size_t>(o.pad_right - frac), ' ');
  }
  if (o.pad_left > whole + has_sign)
    s.insert(0, static_cast<std::size_t>(o.pad_left - whole - has_sign), ' ');
  return s;
}

inline std::string format_scientific(const float_parts &p,
                                     const float_options &o) {
  if (p.is_nan || p.is_inf)
    return nonfinite_str(p);
  std::string s;
  const int left = 1 + (p.negative ? 1 : 0);
  if (o.pad_left > left)
    s.append(static_cast<std::size_t>(o.pad_left - left), ' ');
  if (p.negative)
    s.push_back('-');
  const digits_t d = dragon4(p, cutoff_mode::total_length,
                             o.precision < 0 ? -1 : o.precision + 1,
                             o.min_digits < 0 ? -1 : o.min_digits + 1);
  s.push_back(d.digits[0]);
  int frac = static_cast<int>(d.digits.size()) - 1;
  if (frac > 0) {
    s.push_back('.');
    s.append(d.digits, 1, std::string::npos);
  }
  if (o.trim != trim_mode::dpt_zeros && frac == 0)
    s.push_back('.');
  const int add_digits = std::max(o.min_digits, 0);
  if (o.trim == trim_mode::leave_one_zero) {
    if (frac == 0) {
      s.push_back('0');
      ++frac;
    }
  } else if (o.trim == trim_mode::none && add_digits > frac) {
    s.append(static_cast<std::size_t>(add_digits - frac), '0');
    frac = add_digits;
  }
  if (o.trim != trim_mode::none && frac > 0) {
    while (s.back() == '0')
      s.pop_back();
    if (o.trim == trim_mode::leave_one_zero && s.back() == '.')
      s.push_back('0');
  }
  int e = d.exponent;
  s.push_back('e');
  s.push_back(e >= 0 ? '+' : '-');
  if (e < 0)
    e = -e;
  std::string ed = std::to_string(e);
  const int min_exp = o.exp_digits < 0 ? 2 : std::min(o.exp_digits, 5);
  if (static_cast<int>(ed.size()) < min_exp)
    ed.insert(0, static_cast<std::size_t>(min_exp) - ed.size(), '0');
  s += ed;
  return s;
}

// str() of a NumPy float scalar (np.float32 / np.float64), used for 0-d
// arrays: positional with at least one fractional digit when 1e-4 <= |x| <
// 1e16 or x == 0, else scientific without trailing zeros or point.
template <class F> std::string float_scalar_str(F x) {
  const float_parts p = decompose(x);
  if (p.is_nan || p.is_inf)
    return nonfinite_str(p);
  const double a = std::fabs(static_cast<double>(x));
  float_options o;
  if (a == 0 || (1e-4 <= a && a < 1e16)) {
    o.trim = trim_mode::leave_one_zero;
    return format_positional(p, o);
  }
  o.trim = trim_mode::dpt_zeros;
  return format_scientific(p, o);
}

// ---------------------------------------------------------------------------
// Element formatters (BoolFormat, IntegerFormat, FloatingFormat).

class bool_format {
public:
  explicit bool_format(const std::vector<bool> &) {}
  std::string operator()(bool x) const { return x ? " True" : "False"; }
};

template <class I> std::string int_str(I x) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, r.ptr);
}

template <class I> class integer_format {
public:
  explicit integer_format(const std::vector<I> &vals) {
    if (!vals.empty()) {
      const auto [mn, mx] = std::minmax_element(vals.begin(), vals.end());
      width_ = std::max(int_str(*mx).size(), int_str(*mn).size());
    }
  }
  std::string operator()(I x) const {
    std::string s = int_str(x);
    if (s.size() < width_)
      s.insert(0, width_ - s.size(), ' ');
    return s;
  }

private:
  std::size_t width_ = 0;
};

template <class F> class floating_format {
public:
  explicit floating_format(const std::vector<F> &vals) {
    std::vector<float_parts> finite;
    bool any_nonfinite = false, neg_inf = false;
    bool have_nonzero = false;
    F max_val = 0, min_val = 0;
    for (F x : vals) {
      if (!std::isfinite(x)) {
        any_nonfinite = true;
        if (std::isinf(x) && x < 0)
          neg_inf = true;
        continue;
      }
      finite.push_back(decompose(x));
      if (x != 0) {
        const F a = std::fabs(x);
        if (!have_nonzero) {
          max_val = min_val = a;
          have_nonzero = true;
        } else {
          max_val = std::max(max_val, a);
          min_val = std::min(min_val, a);
        }
      }
    }
    if (have_nonzero) {
      // The ratio is computed in F, like NumPy's max_val/min_val on
      // float32 scalars; it may overflow to inf, which counts as > 1e3.
      const F ratio = max_val / min_val;
      if (static_cast<double>(max_val) >= 1e8 ||
          static_cast<double>(min_val) < 1e-4 ||
          static_cast<double>(ratio) > 1000.0)
        exp_format_ = true;
    }

    if (finite.empty()) {
      pad_left_ = 0;
      pad_right_ = 0;
      trim_ = trim_mode::zeros;
      exp_size_ = -1;
      min_digits_ = -1;
    } else if (exp_format_) {
      float_options o;
      o.precision = float_precision;
      o.trim = trim_mode::zeros;
      int frac_max = 0, int_max = 0, exp_max = 0;
      for (const auto &p : finite) {
        const std::string s = format_scientific(p, o);
        const auto epos = s.find('e');
        const auto dot = s.find('.');
        int_max = std::max(int_max, static_cast<int>(dot));
        frac_max = std::max(frac_max, static_cast<int>(epos - dot - 1));
        exp_max = std::max(exp_max, static_cast<int>(s.size() - epos - 1));
      }
      exp_size_ = exp_max - 1;
      trim_ = trim_mode::none;
      precision_ = frac_max;
      min_digits_ = frac_max;
      pad_left_ = int_max;
      pad_right_ = exp_size_ + 2 + precision_;
    } else {
      float_options o;
      o.precision = float_precision;
      o.trim = trim_mode::zeros;
      int frac_max = 0, int_max = 0;
      for (const auto &p : finite) {
        const std::string s = format_positional(p, o);
        const auto dot = s.find('.');
        int_max = std::max(int_max, static_cast<int>(dot));
        frac_max = std::max(frac_max, static_cast<int>(s.size() - dot - 1));
      }
      pad_left_ = int_max;
      pad_right_ = frac_max;
      exp_size_ = -1;
      trim_ = trim_mode::zeros;
      min_digits_ = 0;
    }

    if (any_nonfinite) {
      const int offset = pad_right_ + 1;
      const int nan_len = 3;
      const int inf_len = 3 + (neg_inf ? 1 : 0);
      pad_left_ = std::max({pad_left_, nan_len - offset, inf_len - offset});
    }
  }

  std::string operator()(F x) const {
    const float_parts p = decompose(x);
    if (p.is_nan || p.is_inf) {
      std::string r = nonfinite_str(p);
      const int width = pad_left_ + pad_right_ + 1;
      if (width > static_cast<int>(r.size()))
        r.insert(0, static_cast<std::size_t>(width) - r.size(), ' ');
      return r;
    }
    float_options o;
    o.precision = precision_;
    o.min_digits = min_digits_;
    o.trim = trim_;
    o.pad_left = pad_left_;
    if (exp_format_) {
      o.exp_digits = exp_size_;
      return format_scientific(p, o);
    }
    o.pad_right = pad_right_;
    return format_positional(p, o);
  }

private:
  bool exp_format_ = false;
  int precision_ = float_precision;
  int min_digits_ = -1;
  trim_mode trim_ = trim_mode::zeros;
  int pad_left_ = 0;
  int pad_right_ = 0;
  int exp_size_ = -1;
};

template <class T>
inline constexpr bool is_char_type_v =
    std::is_same_v<T, char> || std::is_same_v<T, wchar_t> ||
    std::is_same_v<T, char8_t> || std::is_same_v<T, char16_t> ||
    std::is_same_v<T, char32_t>;

template <class T> struct format_for;
template <> struct format_for<bool> {
  using type = bool_format;
};
template <> struct format_for<float> {
  using type = floating_format<float>;
};
template <> struct format_for<double> {
  using type = floating_format<double>;
};
template <class T>
  requires(std::is_integral_v<T> && !std::is_same_v<T, bool> &&
           !is_char_type_v<T>)
struct format_for<T> {
  using type = integer_format<T>;
};

// ---------------------------------------------------------------------------
// _formatArray.

inline void extend_line(std::string &s, std::string &line,
                        const std::string &word, std::ptrdiff_t width,
                        const std::string &next_line_prefix) {
  const bool needs_wrap =
      static_cast<std::ptrdiff_t>(line.size() + word.size()) > width &&
      line.size() > next_line_prefix.size();
  if (needs_wrap) {
    const auto end = line.find_last_not_of(" \t\n\r\f\v");
    s.append(line, 0, end == std::string::npos ? 0 : end + 1);
    s.push_back('\n');
    line = next_line_prefix;
  }
  line += word;
}

template <class T, class Format> struct array_formatter {
  const T *data;
  const std::vector<std::ptrdiff_t> &shape;
  const std::vector<std::ptrdiff_t> &strides;
  const Format &format;
  bool summarize;

  std::string recurse(std::size_t axis, std::ptrdiff_t pos,
                      const std::string &hanging_indent,
                      std::ptrdiff_t curr_width) const {
    const std::size_t axes_left = shape.size() - axis;
    if (axes_left == 0)
      return format(data[pos]);
    const std::string next_hanging_indent = hanging_indent + ' ';
    const std::ptrdiff_t next_width = curr_width - 1;
    const std::ptrdiff_t len = shape[axis];
    const std::ptrdiff_t stride = strides[axis];
    const bool show_summary = summarize && 2 * edgeitems < len;
    const std::ptrdiff_t leading = show_summary ? edgeitems : 0;
    const std::ptrdiff_t trailing = show_summary ? edgeitems : len;
    auto item = [&](std::ptrdiff_t i) {
      return recurse(axis + 1, pos + i * stride, next_hanging_indent,
                     next_width);
    };

    std::string s;
    if (axes_left == 1) {
      const std::ptrdiff_t elem_width = curr_width - 1;
      std::string line = hanging_indent;
      for (std::ptrdiff_t i = 0; i < leading; ++i) {
        extend_line(s, line, item(i), elem_width, hanging_indent);
        line += ' ';
      }
      if (show_summary) {
        extend_line(s, line, "...", elem_width, hanging_indent);
        line += ' ';
      }
      for (std::ptrdiff_t i = trailing; i > 1; --i) {
        extend_line(s, line, item(len - i), elem_width, hanging_indent);
        line += ' ';
      }
      extend_line(s, line, item(len - 1), elem_width, hanging_indent);
      s += line;
    } else {
      const std::string line_sep(axes_left - 1, '\n');
      for (std::ptrdiff_t i = 0; i < leading; ++i)
        s += hanging_indent + item(i) + line_sep;
      if (show_summary)
        s += hanging_indent + "..." + line_sep;
      for (std::ptrdiff_t i = trailing; i > 1; --i)
        s += hanging_indent + item(len - i) + line_sep;
      s += hanging_indent + item(len - 1);
    }
    return "[" + s.substr(hanging_indent.size()) + "]";
  }
};

// The entries _leading_trailing keeps (all of them when not summarising).
template <class T>
void collect_shown(const T *data, const std::vector<std::ptrdiff_t> &shape,
                   const std::vector<std::ptrdiff_t> &strides, std::size_t axis,
                   std::ptrdiff_t pos, bool summarize, std::vector<T> &out) {
  if (axis == shape.size()) {
    out.push_back(data[pos]);
    return;
  }
  const std::ptrdiff_t len = shape[axis];
  for (std::ptrdiff_t i = 0; i < len; ++i) {
    if (summarize && 2 * edgeitems < len && i == edgeitems)
      i = len - edgeitems;
    collect_shown(data, shape, strides, axis + 1, pos + i * strides[axis],
                  summarize, out);
  }
}

} // namespace print_impl

// str() of one element as NumPy prints a 0-d array of that type.
template <class T> std::string scalar_str(T x) {
  if constexpr (std::is_same_v<T, bool>) {
    return x ? "True" : "False";
  } else if constexpr (std::is_floating_point_v<T>) {
    return print_impl::float_scalar_str(x);
  } else {
    return print_impl::int_str(x);
  }
}

// NumPy's str(a) for the strided array described by the arguments (strides
// and offset in elements).
template <class T>
std::string array_str(const T *data, const std::vector<std::ptrdiff_t> &shape,
                      const std::vector<std::ptrdiff_t> &strides,
                      std::ptrdiff_t offset) {
  using format_t = typename print_impl::format_for<T>::type;
  if (shape.empty())
    return scalar_str<T>(data[offset]);
  std::ptrdiff_t size = 1;
  bool big = false; // size > threshold, saturating
  for (std::ptrdiff_t n : shape) {
    if (n == 0)
      return "[]";
  }
  for (std::ptrdiff_t n : shape) {
    if (big)
      break;
    if (n > print_impl::threshold || size * n > print_impl::threshold)
      big = true;
    else
      size *= n;
  }
  std::vector<T> shown;
  print_impl::collect_shown(data, shape, strides, 0, offset, big, shown);
  const format_t format(shown);
  const print_impl::array_formatter<T, format_t> f{data, shape, strides, format,
                                                   big};
  return f.recurse(0, offset, " ", print_impl::linewidth);
}

template <class T>
void print_array(std::ostream &os, const T *data,
                 const std::vector<std::ptrdiff_t> &shape,
                 const std::vector<std::ptrdiff_t> &strides,
                 std::ptrdiff_t offset) {
  os << array_str(data, shape, strides, offset);
}

} // namespace nd::detail
