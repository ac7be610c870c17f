// Element-wise arithmetic, comparisons, logical operators (new arrays,
// broadcasting, NumPy's type rules), reductions, math functions, allclose,
// memory overlap queries, and printing basics.
#include "test_util.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace {

using nd::_;
using nd::all;
using nd::slice;

// ---------------------------------------------------------------- arithmetic

TEST(Arith, ResultsAreNewOwners) {
  nd::array<int> a = {1, 2, 3};
  auto b = a + 1;
  EXPECT_VALUES(b, int, {2, 3, 4});
  EXPECT_TRUE(b.owns_data());
  EXPECT_FALSE(nd::shares_memory(a, b));
  b[0] = 100;
  EXPECT_EQ(a[0], 1);
}

TEST(Arith, ArrayArrayAndScalarForms) {
  nd::array<int> a = {1, 2, 3};
  nd::array<int> b = {10, 20, 30};
  EXPECT_VALUES(a + b, int, {11, 22, 33});
  EXPECT_VALUES(b - a, int, {9, 18, 27});
  EXPECT_VALUES(a * b, int, {10, 40, 90});
  EXPECT_VALUES(10 - a, int, {9, 8, 7});
  EXPECT_VALUES(2 * a, int, {2, 4, 6});
  EXPECT_VALUES(-a, int, {-1, -2, -3});
}

TEST(Arith, Broadcasting) {
  nd::array<int> col = {{1}, {2}};
  nd::array<int> row = {10, 20, 30};
  auto s = col + row;
  EXPECT_SHAPE(s, {2, 3});
  EXPECT_VALUES(s, int, {11, 21, 31, 12, 22, 32});
  auto z = nd::zeros<int>({0, 3}) + row;
  EXPECT_SHAPE(z, {0, 3});
  auto scalar = nd::full<int>({}, 5) * row;
  EXPECT_SHAPE(scalar, {3});
  EXPECT_ND_THROW((row + nd::array<int>{1, 2}), nd::shape_error,
                  "operands could not be broadcast together with shapes (3,) "
                  "(2,)");
  EXPECT_ND_THROW(col + nd::zeros<int>({3, 1}), nd::shape_error,
                  "shapes (2,1) (3,1)");
}

TEST(Arith, TypeRulesFollowNumPy) {
  nd::array<int> i = {1, 2};
  nd::array<double> d = {0.5, 1.5};
  static_assert(std::is_same_v<decltype(i + 1), nd::array<int>>);
  static_assert(std::is_same_v<decltype(i + 1.5), nd::array<double>>);
  static_assert(std::is_same_v<decltype(i + d), nd::array<double>>);
  static_assert(std::is_same_v<decltype(i / 2), nd::array<double>>);
  static_assert(std::is_same_v<decltype(i / i), nd::array<double>>);
  static_assert(
      std::is_same_v<decltype(nd::array<float>{} * 2.0), nd::array<float>>);
  static_assert(std::is_same_v<decltype(i < 1), nd::array<bool>>);
  EXPECT_VALUES(i / 2, double, {0.5, 1.0});
  EXPECT_VALUES(i + d, double, {1.5, 3.5});
}

// NumPy promotes int32/int64 with float32 to float64 (a float32 cannot
// hold every int32): np.int32 + np.float32 -> float64, also for true
// division and inside in-place operations (computed in float64, then cast).
// std::common_type gives float.
TEST(Arith, IntegerAndFloat32PromoteToFloat64) {
  nd::array<int> i = {16777217, 3};
  nd::array<std::int64_t> l = {16777217, 3};
  nd::array<float> f = {1.0f, 0.5f};
  EXPECT_TRUE((std::is_same_v<decltype(i + f), nd::array<double>>));
  EXPECT_TRUE((std::is_same_v<decltype(l * f), nd::array<double>>));
  EXPECT_TRUE((std::is_same_v<decltype(f / i), nd::array<double>>));
  EXPECT_TRUE((std::is_same_v<decltype(f - l), nd::array<double>>));
  // Small integer types do fit in float32: those stay float.
  EXPECT_TRUE(
      (std::is_same_v<decltype(nd::array<bool>{true} + f), nd::array<float>>));
  EXPECT_TRUE((std::is_same_v<decltype(nd::array<std::int16_t>{1} + f),
                              nd::array<float>>));
  EXPECT_EQ(nd::sum(i + f), 16777218.0 + 3.5);
  nd::array<float> g = {1.0f, 0.0f};
  g += i; // float(1.0 + 16777217.0) = 16777218 (float(16777217) + 1 = 16777216)
  EXPECT_VALUES(g, float, {16777218.0f, 3.0f});
}

TEST(Arith, IntegerOverflowWraps) {
  nd::array<int> big = {std::numeric_limits<int>::max()};
  EXPECT_VALUES(big + 1, int, {std::numeric_limits<int>::min()});
  EXPECT_VALUES(big * 2, int, {-2});
}

TEST(Arith, ResultLayoutFollowsTheOperands) {
  // NumPy's ufuncs allocate in the operands' memory order (order='K').
  auto x = nd::arange<int>(6).reshape({2, 3}).T(); // (3, 2), strides (1, 3)
  auto y = x + 1;
  EXPECT_STRIDES(y, {1, 3});
  EXPECT_VALUES(y, int, {1, 4, 2, 5, 3, 6});
}

// NumPy's "trivial loop": when all operands are F-contiguous (length-1 axes
// ignored), the output is allocated in Fortran order, so a length-1 axis
// gets the running stride. np.zeros((3, 1, 4), int).T > 0 has strides
// (1, 4, 4) elements; np.abs of a transposed (1, 3, 1, 5) array has
// (1, 5, 5, 15).
TEST(Arith, FortranOrderOperandsGiveFortranResults) {
  auto t = nd::zeros<std::int64_t>({3, 1, 4}).T(); // (4, 1, 3)
  EXPECT_STRIDES(t, {1, 4, 4});
  EXPECT_STRIDES(t > t, {1, 4, 4});
  EXPECT_STRIDES(t + t, {1, 4, 4});
  auto u = nd::zeros<double>({1, 3, 1, 5}).T(); // (5, 1, 3, 1)
  EXPECT_STRIDES(nd::abs(u), {1, 5, 5, 15});
  EXPECT_STRIDES(nd::sqrt(u), {1, 5, 5, 15});
}

// NumPy's trivial loop ignores 0-d operands (they broadcast with stride 0):
// an F-contiguous array times a 0-d array is still allocated in Fortran
// order. x = np.zeros((2, 1, 3), np.float32).T; (x * np.array(2, np.float32))
// has strides (1, 3, 3) elements.
TEST(Arith, ZeroDimensionalOperandKeepsTheTrivialLoopLayout) {
  auto x = nd::zeros<float>({2, 1, 3}).T(); // (3, 1, 2), strides (1, 3, 3)
  EXPECT_STRIDES(x * nd::full<float>({}, 2.0f), {1, 3, 3});
  EXPECT_STRIDES(nd::full<float>({}, 2.0f) - x, {1, 3, 3});
  EXPECT_STRIDES(x / nd::full<bool>({}, true), {1, 3, 3});
  EXPECT_STRIDES(x * 2.0f, {1, 3, 3});
}

// ------------------------------------------------------------- comparisons

TEST(Compare, GiveBoolArrays) {
  nd::array<int> a = {1, 5, 3};
  EXPECT_VALUES(a > 2, bool, {false, true, true});
  EXPECT_VALUES(a >= 3, bool, {false, true, true});
  EXPECT_VALUES(a < 3, bool, {true, false, false});
  EXPECT_VALUES(a <= 1, bool, {true, false, false});
  EXPECT_VALUES(a == 5, bool, {false, true, false});
  EXPECT_VALUES(a != 5, bool, {true, false, true});
  EXPECT_VALUES(2 < a, bool, {false, true, true});
  nd::array<int> b = {{1}, {4}};
  auto c = a < b;
  EXPECT_SHAPE(c, {2, 3});
  EXPECT_VALUES(c, bool, {false, false, false, true, false, true});
}

TEST(Logical, AndOrNot) {
  nd::array<bool> p = {true, true, false, false};
  nd::array<bool> q = {true, false, true, false};
  EXPECT_VALUES(p & q, bool, {true, false, false, false});
  EXPECT_VALUES(p | q, bool, {true, true, true, false});
  EXPECT_VALUES(~p, bool, {false, false, true, true});
  nd::array<int> a = {1, 5, 3, 8};
  EXPECT_VALUES(a((a > 2) & (a < 8)), int, {5, 3});
  EXPECT_VALUES(a(~(a > 2)), int, {1});
}

// -------------------------------------------------------------- reductions

TEST(Reduce, SumMeanMinMax) {
  nd::array<int> a = {1, 2, 4};
  EXPECT_EQ(nd::sum(a), 7);
  static_assert(std::is_same_v<decltype(nd::sum(a)), std::int64_t>);
  EXPECT_DOUBLE_EQ(nd::mean(a), 7.0 / 3.0);
  EXPECT_EQ(nd::min(a), 1);
  EXPECT_EQ(nd::max(a), 4);
  nd::array<bool> b = {true, true, false};
  EXPECT_EQ(nd::sum(b), 2);
  nd::array<double> d = {{1.5, -2}, {4, 0.5}};
  EXPECT_DOUBLE_EQ(nd::sum(d), 4.0);
  EXPECT_DOUBLE_EQ(nd::mean(d(all, 0)), 2.75);
  EXPECT_EQ(nd::min(d.T()), -2);
  EXPECT_EQ(nd::max(d(slice(_, _, -1), all)), 4);
}

TEST(Reduce, EmptyArrays) {
  auto e = nd::zeros<double>({0});
  EXPECT_EQ(nd::sum(e), 0.0);
  EXPECT_TRUE(std::isnan(nd::mean(e)));
  EXPECT_ND_THROW(nd::min(e), nd::value_error,
                  "zero-size array to reduction operation minimum which has "
                  "no identity");
  EXPECT_ND_THROW(nd::max(e), nd::value_error,
                  "zero-size array to reduction operation maximum which has "
                  "no identity");
}

TEST(Reduce, NanPropagatesInMinMax) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  nd::array<double> d = {3, nan, 1};
  EXPECT_TRUE(std::isnan(nd::min(d)));
  EXPECT_TRUE(std::isnan(nd::max(d)));
}

TEST(MathFunctions, AbsSqrt) {
  nd::array<int> a = {-3, 0, 4};
  EXPECT_VALUES(nd::abs(a), int, {3, 0, 4});
  EXPECT_TRUE(nd::abs(a).owns_data());
  nd::array<double> d = {4, 2.25};
  EXPECT_VALUES(nd::sqrt(d), double, {2, 1.5});
  static_assert(std::is_same_v<decltype(nd::sqrt(a)), nd::array<double>>);
  EXPECT_VALUES(nd::sqrt(nd::array<int>{9}), double, {3});
  EXPECT_TRUE(std::isnan(nd::sqrt(nd::array<double>{-1})[0]));
}

TEST(Allclose, NumPyTolerances) {
  nd::array<double> a = {1, 2};
  EXPECT_TRUE(nd::allclose(a, nd::array<double>{1, 2.00001}));
  EXPECT_FALSE(nd::allclose(a, nd::array<double>{1, 2.001}));
  EXPECT_TRUE(nd::allclose(a, nd::array<double>{1, 2.001}, 1e-3));
  EXPECT_TRUE(nd::allclose(nd::array<double>{1e-9}, nd::array<double>{0}));
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_TRUE(nd::allclose(nd::array<double>{inf}, nd::array<double>{inf}));
  EXPECT_FALSE(nd::allclose(nd::array<double>{inf}, nd::array<double>{-inf}));
  EXPECT_FALSE(nd::allclose(nd::array<double>{nan}, nd::array<double>{nan}));
  // Broadcasting, and the error when shapes do not broadcast.
  EXPECT_TRUE(nd::allclose(nd::full<double>({2, 2}, 3), nd::array<double>{3}));
  EXPECT_TRUE(nd::allclose(nd::full<double>({2, 2}, 3), 3.0));
  EXPECT_ND_THROW(nd::allclose(a, nd::array<double>{1, 2, 3}), nd::shape_error,
                  "could not be broadcast");
}

TEST(Allclose, AViewComparedWithItsSourceIsAlwaysClose) {
  // ../shared/cases/stale_snapshot.cpp: the "snapshot" is a view.
  nd::array<double> x = {1.0, 2.0, 4.0};
  auto previous = x(all);
  x *= 0.5;
  EXPECT_TRUE(nd::allclose(x, previous));
  auto snapshot = x.copy();
  x *= 0.5;
  EXPECT_FALSE(nd::allclose(x, snapshot));
}

// ------------------------------------------------------ memory overlap

TEST(Memory, SharesMemoryIsExact) {
  auto a = nd::arange<int>(10);
  auto even = a(slice(_, _, 2));
  auto odd = a(slice(1, _, 2));
  EXPECT_TRUE(nd::may_share_memory(even, odd)); // bounds overlap
  EXPECT_FALSE(nd::shares_memory(even, odd));   // no common element
  EXPECT_TRUE(nd::shares_memory(a, even));
  EXPECT_TRUE(nd::shares_memory(even, a(slice(4, 5))));
  EXPECT_FALSE(nd::shares_memory(even, a(slice(5, 6))));
  EXPECT_FALSE(nd::may_share_memory(a(slice(_, 5)), a(slice(5, _))));
  EXPECT_FALSE(nd::shares_memory(a, a.copy()));
  EXPECT_FALSE(nd::shares_memory(a, a(slice(3, 3)))); // empty
  // Different element types never share (nd has no dtype views).
  EXPECT_FALSE(nd::shares_memory(a, nd::arange<double>(3)));
}

TEST(Memory, TwoDimensionalInterleaving) {
  auto m = nd::arange<int>(16).reshape({4, 4});
  auto tl = m(slice(_, 2), slice(_, 2));                // elements 0 1 4 5
  auto tr = m(slice(_, 2), slice(2, _));                // elements 2 3 6 7
  auto br = m(slice(2, _), slice(2, _));                // elements 10 11 14 15
  auto diag_blocks = m(slice(_, _, 2), slice(1, _, 2)); // 1 3 9 11
  EXPECT_TRUE(nd::may_share_memory(tl, tr));
  EXPECT_FALSE(nd::shares_memory(tl, tr));
  EXPECT_FALSE(nd::may_share_memory(tl, br));
  EXPECT_TRUE(nd::shares_memory(tl, diag_blocks)); // m(0, 1)
  EXPECT_TRUE(nd::shares_memory(m.T(), m(3, all)));
}

TEST(Memory, MaxWorkBound) {
  auto a = nd::arange<int>(10);
  auto even = a(slice(_, _, 2));
  auto odd = a(slice(1, _, 2));
  // max_work 0: only the bounds check, which cannot decide here.
  EXPECT_THROW(nd::shares_memory(even, odd, 0), nd::too_hard_error);
  EXPECT_FALSE(nd::shares_memory(even, odd, -1));
  EXPECT_FALSE(nd::shares_memory(a(slice(_, 5)), a(slice(5, _)), 0));
}

// ------------------------------------------------------------------ print

TEST(Print, NumPyStr) {
  using ndtest::str;
  EXPECT_EQ(str(nd::array<int>{10, 20, 30}), "[10 20 30]");
  EXPECT_EQ(str(nd::array<int>{{1, 2}, {3, 4}}), "[[1 2]\n [3 4]]");
  EXPECT_EQ(str(nd::array<double>{1.5, -2, 3.25}), "[ 1.5  -2.    3.25]");
  EXPECT_EQ(str(nd::array<bool>{true, false}), "[ True False]");
  EXPECT_EQ(str(nd::zeros<double>({2, 0})), "[]");
  EXPECT_EQ(str(nd::full<double>({}, 2.5)), "2.5");
  EXPECT_EQ(str(nd::arange<float>(3) / 3.0f),
            "[0.         0.33333334 0.6666667 ]");
  EXPECT_EQ(str(nd::arange<int>(24).reshape({2, 3, 4})),
            "[[[ 0  1  2  3]\n  [ 4  5  6  7]\n  [ 8  9 10 11]]\n\n"
            " [[12 13 14 15]\n  [16 17 18 19]\n  [20 21 22 23]]]");
  EXPECT_EQ(str(nd::arange<int>(1001)), "[   0    1    2 ...  998  999 1000]");
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(str(nd::array<double>{nan, inf, -inf, 1}), "[ nan  inf -inf   1.]");
  EXPECT_EQ(str(nd::array<double>{1e20, 1}), "[1.e+20 1.e+00]");
}

TEST(Print, ViewsPrintTheirOwnElements) {
  using ndtest::str;
  auto m = nd::arange<int>(6).reshape({2, 3});
  EXPECT_EQ(str(m.T()), "[[0 3]\n [1 4]\n [2 5]]");
  EXPECT_EQ(str(m(all, slice(_, _, -2))), "[[2 0]\n [5 3]]");
  EXPECT_EQ(str(m(1, all)), "[3 4 5]");
}

} // namespace
