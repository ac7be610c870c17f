// Element access and basic indexing (integers, slices, nd::all,
// nd::newaxis): results are views, with NumPy's shapes, strides, offsets and
// Python's slice clipping.
#include "test_util.hpp"

#include <cstdint>
#include <limits>

namespace {

using nd::_;
using nd::all;
using nd::newaxis;
using nd::slice;

// ----------------------------------------------------------- element access

TEST(Element, SubscriptOneDimensional) {
  nd::array<int> a = {10, 20, 30};
  EXPECT_EQ(a[0], 10);
  EXPECT_EQ(a[-1], 30);
  EXPECT_EQ(a[-3], 10);
  a[1] = 21;
  EXPECT_VALUES(a, int, {10, 21, 30});
  static_assert(std::is_same_v<decltype(a[0]), int &>);
}

TEST(Element, SubscriptErrors) {
  nd::array<int> a = {10, 20, 30};
  EXPECT_ND_THROW(a[3], nd::index_error,
                  "index 3 is out of bounds for axis 0 with size 3");
  EXPECT_ND_THROW(a[-4], nd::index_error,
                  "index -4 is out of bounds for axis 0 with size 3");
  nd::array<int> m = {{1, 2}, {3, 4}};
  EXPECT_ND_THROW(m[0], nd::index_error, "needs a 1-dimensional array");
}

TEST(Element, CallWithOneIntegerPerDimension) {
  nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
  EXPECT_EQ(m(0, 0), 1);
  EXPECT_EQ(m(1, 2), 6);
  EXPECT_EQ(m(-1, -3), 4);
  m(0, 1) = 20;
  EXPECT_EQ(m(0, 1), 20);
  static_assert(std::is_same_v<decltype(m(0, 0)), int &>);
  // Any integer type works as an index.
  EXPECT_EQ(m(std::int64_t{1}, short{1}), 5);
  EXPECT_EQ(m(1u, 0ul), 4);
}

TEST(Element, CallErrors) {
  nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
  EXPECT_ND_THROW(m(2, 0), nd::index_error,
                  "index 2 is out of bounds for axis 0 with size 2");
  EXPECT_ND_THROW(m(0, -4), nd::index_error,
                  "index -4 is out of bounds for axis 1 with size 3");
  EXPECT_ND_THROW(m(0, 0, 0), nd::index_error,
                  "too many indices for array: array is 2-dimensional, but 3 "
                  "were indexed");
  // NumPy's m[0] is a row; nd's m(0) would be an element: refused.
  EXPECT_ND_THROW(m(0), nd::index_error, "one integer per dimension");
}

TEST(Element, ThroughViewsWritesTheOwner) {
  nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
  auto t = m.T();
  t(2, 0) = 30;
  EXPECT_EQ(m(0, 2), 30);
  auto r = m(slice(_, _, -1), slice(_, _, -1));
  r(0, 0) = 60;
  EXPECT_EQ(m(1, 2), 60);
}

// ------------------------------------------------------------------- slices

TEST(Slice, PythonSemanticsOnOneAxis) {
  auto a = nd::arange<int>(10);
  EXPECT_VALUES(a(slice(1, 4)), int, {1, 2, 3});
  EXPECT_VALUES(a(slice(3)), int, {0, 1, 2});
  EXPECT_VALUES(a(slice(_, _, 3)), int, {0, 3, 6, 9});
  EXPECT_VALUES(a(slice(-3, _)), int, {7, 8, 9});
  EXPECT_VALUES(a(slice(_, -7)), int, {0, 1, 2});
  EXPECT_VALUES(a(slice(8, 2, -2)), int, {8, 6, 4});
  EXPECT_VALUES(a(slice(_, _, -4)), int, {9, 5, 1});
  EXPECT_VALUES(a(slice(_, -7, -1)), int, {9, 8, 7, 6, 5, 4});
  EXPECT_VALUES(a(slice(-2, -5, -1)), int, {8, 7, 6});
  EXPECT_VALUES(a(slice(_)), int, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
}

TEST(Slice, OutOfRangeBoundsAreClipped) {
  auto a = nd::arange<int>(5);
  EXPECT_VALUES(a(slice(-100, 2)), int, {0, 1});
  EXPECT_VALUES(a(slice(3, 100)), int, {3, 4});
  EXPECT_VALUES(a(slice(100, -100, -1)), int, {4, 3, 2, 1, 0});
  EXPECT_VALUES(a(slice(-100, 100, 2)), int, {0, 2, 4});
  const auto big = std::numeric_limits<std::int64_t>::max();
  EXPECT_VALUES(a(slice(-big, big)), int, {0, 1, 2, 3, 4});
  EXPECT_VALUES(a(slice(_, _, -big)), int, {4});
}

TEST(Slice, EmptyResults) {
  auto a = nd::arange<int>(5);
  for (auto v : {a(slice(3, 3)), a(slice(4, 1)), a(slice(1, 4, -1)),
                 a(slice(10, 20)), a(slice(-100, -50))}) {
    EXPECT_SHAPE(v, {0});
    EXPECT_EQ(v.size(), 0);
    EXPECT_FALSE(v.owns_data());
    EXPECT_TRUE(v.base()->is(a));
    EXPECT_FALSE(nd::shares_memory(v, a)); // no element in common
    EXPECT_EQ(ndtest::str(v), "[]");
  }
}

TEST(Slice, StepZeroThrowsValueError) {
  auto a = nd::arange<int>(5);
  EXPECT_ND_THROW(a(slice(_, _, 0)), nd::value_error,
                  "slice step cannot be zero");
  EXPECT_ND_THROW(slice(1, 2, 0), nd::value_error, "slice step cannot be zero");
}

TEST(Slice, StridesAndOffsets) {
  auto a = nd::arange<int>(10);
  auto r = a(slice(_, _, -1));
  EXPECT_STRIDES(r, {-1});
  EXPECT_EQ(r.offset(), 9);
  auto s = a(slice(1, _, 2));
  EXPECT_STRIDES(s, {2});
  EXPECT_EQ(s.offset(), 1);
  auto ss = s(slice(_, _, -2)); // a[1::2][::-2] = a[9], a[5], a[1]
  EXPECT_STRIDES(ss, {-4});
  EXPECT_EQ(ss.offset(), 9);
  EXPECT_VALUES(ss, int, {9, 5, 1});
  EXPECT_TRUE(ss.base()->is(a)); // views of views collapse to the owner
}

TEST(Slice, TwoDimensional) {
  auto m = nd::arange<int>(12).reshape({3, 4});
  auto sub = m(slice(1, _), slice(_, 2));
  EXPECT_SHAPE(sub, {2, 2});
  EXPECT_STRIDES(sub, {4, 1});
  EXPECT_EQ(sub.offset(), 4);
  EXPECT_VALUES(sub, int, {4, 5, 8, 9});
  auto col = m(all, 1);
  EXPECT_SHAPE(col, {3});
  EXPECT_STRIDES(col, {4});
  EXPECT_VALUES(col, int, {1, 5, 9});
  auto row = m(-1, all);
  EXPECT_VALUES(row, int, {8, 9, 10, 11});
  auto rev = m(slice(_, _, -2), slice(_, _, -3));
  EXPECT_SHAPE(rev, {2, 2});
  EXPECT_STRIDES(rev, {-8, -3});
  EXPECT_VALUES(rev, int, {11, 8, 3, 0});
}

TEST(Slice, MissingTrailingAxesAreWhole) {
  auto x = nd::arange<int>(24).reshape({2, 3, 4});
  auto v = x(1, slice(1, _));
  EXPECT_SHAPE(v, {2, 4});
  EXPECT_EQ(v.offset(), 16);
  EXPECT_EQ(v(0, 0), 16);
  auto w = x(slice(_, _, -1));
  EXPECT_SHAPE(w, {2, 3, 4});
  EXPECT_EQ(w(0, 0, 0), 12);
}

TEST(Slice, NewaxisInsertsLengthOneWithStrideZero) {
  nd::array<int> a = {1, 2, 3};
  auto r = a(newaxis, all);
  EXPECT_SHAPE(r, {1, 3});
  EXPECT_STRIDES(r, {0, 1});
  auto c = a(all, newaxis);
  EXPECT_SHAPE(c, {3, 1});
  EXPECT_STRIDES(c, {1, 0});
  auto n = a(newaxis);
  EXPECT_SHAPE(n, {1, 3});
  auto m = nd::arange<int>(6).reshape({2, 3});
  auto mixed = m(newaxis, 1, newaxis, slice(_, _, 2));
  EXPECT_SHAPE(mixed, {1, 1, 2});
  EXPECT_STRIDES(mixed, {0, 0, 2});
  EXPECT_EQ(mixed.offset(), 3);
  EXPECT_VALUES(mixed, int, {3, 5});
  EXPECT_TRUE(mixed.base()->is(m.base().value()));
}

TEST(Slice, IntegersOnlyPlusNewaxisIsAView) {
  auto m = nd::arange<int>(6).reshape({2, 3});
  auto v = m(1, 2, newaxis); // NumPy m[1, 2, None]: shape (1,)
  EXPECT_SHAPE(v, {1});
  EXPECT_EQ(v.offset(), 5);
  v[0] = 50;
  EXPECT_EQ(m(1, 2), 50);
}

TEST(Slice, TooManyIndices) {
  nd::array<int> a = {1, 2, 3};
  EXPECT_ND_THROW(a(all, all), nd::index_error,
                  "too many indices for array: array is 1-dimensional, but 2 "
                  "were indexed");
  EXPECT_ND_THROW(a(1, slice(1)), nd::index_error, "too many indices");
  // newaxis does not count.
  EXPECT_SHAPE(a(newaxis, all, newaxis), {1, 3, 1});
}

TEST(Slice, IntegerOutOfRange) {
  auto m = nd::arange<int>(6).reshape({2, 3});
  EXPECT_ND_THROW(m(2, all), nd::index_error,
                  "index 2 is out of bounds for axis 0 with size 2");
  EXPECT_ND_THROW(m(all, -4), nd::index_error,
                  "index -4 is out of bounds for axis 1 with size 3");
}

// ------------------------------------------------- views share the source

TEST(Views, WritesPropagateBothWays) {
  nd::array<int> data = {10, 20, 30, 40, 50};
  auto sliced = data(slice(1, 4));
  sliced[0] = 111;
  EXPECT_VALUES(data, int, {10, 111, 30, 40, 50});
  data[3] = 444;
  EXPECT_VALUES(sliced, int, {111, 30, 444});
  EXPECT_TRUE(nd::shares_memory(data, sliced));
  EXPECT_FALSE(sliced.owns_data());
  EXPECT_TRUE(sliced.base()->is(data));
}

TEST(Views, ViewOfViewHasTheOwnerAsBase) {
  auto a = nd::arange<double>(12);
  auto m = a.reshape({3, 4});
  auto r = m(1, all);
  auto e = r(slice(_, _, 2));
  EXPECT_TRUE(m.base()->is(a));
  EXPECT_TRUE(r.base()->is(a));
  EXPECT_TRUE(e.base()->is(a));
  e.fill(-1);
  EXPECT_VALUES(a, double, {0, 1, 2, 3, -1, 5, -1, 7, 8, 9, 10, 11});
}

TEST(Views, ViewOutlivesTheOriginalHandle) {
  nd::array<int> v;
  {
    auto a = nd::arange<int>(5);
    v = a(slice(1, 3));
  }
  EXPECT_VALUES(v, int, {1, 2});
  EXPECT_TRUE(v.base().has_value());
  EXPECT_VALUES(*v.base(), int, {0, 1, 2, 3, 4});
}

} // namespace
