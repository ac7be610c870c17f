// Writes: fill, assign, compound assignment (scalars and broadcast arrays),
// assignment through a temporary view (overlap-safe), put with indices,
// masks and index arrays, and which writes reach which arrays.
#include "test_util.hpp"

#include <cstddef>
#include <cstdint>

namespace {

using nd::_;
using nd::all;
using nd::indices;
using nd::slice;

// --------------------------------------------------------------- fill

TEST(Fill, WritesEveryElementThroughAView) {
  auto m = nd::arange<int>(6).reshape({2, 3});
  m(all, slice(_, _, 2)).fill(-1);
  EXPECT_VALUES(m, int, {-1, 1, -1, -1, 4, -1});
  nd::array<bool> b = {true, false};
  b.fill(true);
  EXPECT_VALUES(b, bool, {true, true});
  auto e = nd::zeros<int>({0, 3});
  e.fill(5); // nothing to write
  EXPECT_EQ(e.size(), 0);
}

TEST(Fill, ZeroDimensional) {
  auto one = nd::arange<double>(4).reshape({2, 2})(1, 1, nd::newaxis).squeeze();
  EXPECT_EQ(one.ndim(), 0);
  one.fill(9.5);
  EXPECT_VALUES(*one.base(), double, {0, 1, 2, 9.5});
}

// ------------------------------------------------------------- assign

TEST(Assign, BroadcastsTheSource) {
  auto m = nd::zeros<int>({2, 3});
  m.assign(nd::array<int>{1, 2, 3});
  EXPECT_VALUES(m, int, {1, 2, 3, 1, 2, 3});
  m.assign(nd::array<int>{{7}, {8}});
  EXPECT_VALUES(m, int, {7, 7, 7, 8, 8, 8});
  m.assign(nd::full<int>({}, 4));
  EXPECT_VALUES(m, int, {4, 4, 4, 4, 4, 4});
  // Extra leading length-1 axes of the source are allowed, as in NumPy.
  m.assign(nd::ones<int>({1, 1, 3}));
  EXPECT_VALUES(m, int, {1, 1, 1, 1, 1, 1});
}

TEST(Assign, ShapeErrors) {
  auto m = nd::zeros<int>({2, 3});
  EXPECT_ND_THROW(m.assign(nd::zeros<int>({3})(slice(2))), nd::shape_error,
                  "could not broadcast input array from shape (2,) into "
                  "shape (2,3)");
  EXPECT_ND_THROW(m.assign(nd::zeros<int>({2, 2, 3})), nd::shape_error,
                  "could not broadcast input array from shape (2,2,3) into "
                  "shape (2,3)");
  nd::array<double> x = {0, 0, 0};
  EXPECT_ND_THROW(x(slice(0, 2)) = nd::zeros<double>({3}), nd::shape_error,
                  "could not broadcast input array from shape (3,) into "
                  "shape (2,)");
}

TEST(Assign, OtherElementTypeCastsWithinKind) {
  nd::array<double> d = {0.5, 0.5};
  d.assign(nd::array<int>{1, 2});
  EXPECT_VALUES(d, double, {1, 2});
  nd::array<std::int64_t> l = {0, 0};
  l(slice(_)) = nd::array<int>{3, 4};
  EXPECT_VALUES(l, std::int64_t, {3, 4});
}

TEST(Assign, OverlappingShiftRight) {
  auto a = nd::arange<int>(6);
  a(slice(1, _)) = a(slice(_, -1));
  EXPECT_VALUES(a, int, {0, 0, 1, 2, 3, 4});
}

TEST(Assign, OverlappingShiftLeft) {
  auto a = nd::arange<int>(6);
  a(slice(_, -1)) = a(slice(1, _));
  EXPECT_VALUES(a, int, {1, 2, 3, 4, 5, 5});
}

TEST(Assign, OverlappingReversal) {
  auto a = nd::arange<int>(6);
  a(slice(_, _, -1)) = a;
  EXPECT_VALUES(a, int, {5, 4, 3, 2, 1, 0});
  auto m = nd::arange<int>(6).reshape({2, 3});
  m.assign(m(slice(_, _, -1), all));
  EXPECT_VALUES(m, int, {3, 4, 5, 0, 1, 2});
  auto sq = nd::arange<int>(9).reshape({3, 3});
  sq.assign(sq.T());
  EXPECT_VALUES(sq, int, {0, 3, 6, 1, 4, 7, 2, 5, 8});
}

TEST(Assign, RowSwapWithAViewIsNotASwap) {
  // The classic trap (../shared/cases/row_swap_through_view.cpp).
  nd::array<double> m = {{1, 2}, {3, 4}};
  auto tmp = m(0, all);
  m(0, all) = m(1, all);
  m(1, all) = tmp;
  EXPECT_VALUES(m, double, {3, 4, 3, 4});
  nd::array<double> n = {{1, 2}, {3, 4}};
  auto saved = n(0, all).copy();
  n(0, all) = n(1, all);
  n(1, all) = saved;
  EXPECT_VALUES(n, double, {3, 4, 1, 2});
}

TEST(Assign, ThroughTemporaryScalar) {
  auto a = nd::arange<int>(10);
  a(slice(_, _, 2)) = 0;
  a(slice(1, 4)) += 100;
  EXPECT_VALUES(a, int, {0, 101, 100, 103, 0, 5, 0, 7, 0, 9});
}

// ------------------------------------------------------- compound assignment

TEST(Compound, ScalarOperands) {
  nd::array<int> a = {1, 2, 3};
  a += 1;
  a -= 3;
  a *= -2;
  EXPECT_VALUES(a, int, {2, 0, -2});
  nd::array<double> d = {1, 2};
  d /= 4;
  d *= 0.5;
  EXPECT_VALUES(d, double, {0.125, 0.25});
  nd::array<double> e = {1, 2};
  e += 1; // int scalar into a double array
  EXPECT_VALUES(e, double, {2, 3});
}

TEST(Compound, BroadcastArrays) {
  auto m = nd::zeros<double>({2, 3});
  m += nd::array<double>{1, 2, 3};
  m *= nd::array<double>{{2}, {3}};
  EXPECT_VALUES(m, double, {2, 4, 6, 3, 6, 9});
  m -= nd::full<double>({}, 1);
  m /= nd::array<double>{1, 2, 4};
  EXPECT_VALUES(m, double, {1, 1.5, 1.25, 2, 2.5, 2});
  nd::array<double> x = {1, 2, 3};
  x += nd::array<int>{1, 1, 1}; // same_kind: int into double
  EXPECT_VALUES(x, double, {2, 3, 4});
}

TEST(Compound, OutputMustNotGrow) {
  nd::array<double> x = {0, 0, 0};
  EXPECT_ND_THROW(x += nd::zeros<double>({2, 3}), nd::shape_error,
                  "non-broadcastable output operand with shape (3,) doesn't "
                  "match the broadcast shape (2,3)");
  EXPECT_ND_THROW(x *= nd::zeros<double>({2}), nd::shape_error,
                  "operands could not be broadcast together with shapes (3,) "
                  "(2,)");
}

TEST(Compound, OverlappingOperands) {
  auto a = nd::arange<int>(5);
  a += a(slice(_, _, -1));
  EXPECT_VALUES(a, int, {4, 4, 4, 4, 4});
  auto m = nd::arange<int>(9).reshape({3, 3});
  m += m.T();
  EXPECT_VALUES(m, int, {0, 4, 8, 4, 8, 12, 8, 12, 16});
}

TEST(Compound, ThroughViewsWritesTheSource) {
  nd::array<double> m = {{1, 2, 3}, {4, 5, 6}};
  auto row = m(1, all);
  row *= 2.0;
  row(slice(0, 2)).fill(0.0);
  EXPECT_VALUES(m, double, {1, 2, 3, 0, 0, 12});
}

// Same-kind casting: these do not compile, as NumPy raises for them.
template <class A, class B>
concept can_add_assign = requires(A &a, const B &b) { a += b; };
template <class A, class B>
concept can_div_assign = requires(A &a, const B &b) { a /= b; };
static_assert(!can_add_assign<nd::array<int>, nd::array<double>>);
static_assert(!can_add_assign<nd::array<int>, double>);
static_assert(!can_div_assign<nd::array<int>, int>);
static_assert(can_add_assign<nd::array<double>, nd::array<int>>);

// -------------------------------------------------------------------- put

TEST(Put, IndicesScalar) {
  auto a = nd::arange<int>(10);
  a.put(indices{9, 0, -2}, -9);
  EXPECT_VALUES(a, int, {-9, 1, 2, 3, 4, 5, 6, 7, -9, -9});
  auto m = nd::zeros<int>({3, 2});
  m.put(indices{0, 2}, 1); // whole rows, as NumPy's m[[0, 2]] = 1
  EXPECT_VALUES(m, int, {1, 1, 0, 0, 1, 1});
}

TEST(Put, IndicesValuesBroadcastAndLastWins) {
  auto a = nd::arange<int>(6);
  a.put(indices{0, 2, 0}, nd::array<int>{7, 8, 9});
  EXPECT_VALUES(a, int, {9, 1, 8, 3, 4, 5});
  auto m = nd::zeros<int>({3, 2});
  m.put(indices{1, 2}, nd::array<int>{5, 6});
  EXPECT_VALUES(m, int, {0, 0, 5, 6, 5, 6});
  EXPECT_ND_THROW(m.put(indices{1, 2}, nd::array<int>{1, 2, 3}),
                  nd::shape_error,
                  "shape mismatch: value array of shape (3,) could not be "
                  "broadcast to indexing result of shape (2,2)");
}

TEST(Put, Mask) {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  arr.put(arr > 25, 0);
  EXPECT_VALUES(arr, int, {10, 20, 0, 0, 0});
  arr.put(arr == 0, nd::array<int>{1, 2, 3});
  EXPECT_VALUES(arr, int, {10, 20, 1, 2, 3});
  EXPECT_ND_THROW(arr.put(arr > 1, nd::array<int>{1, 2}), nd::shape_error,
                  "cannot assign 2 input values to the 4 output values");
  EXPECT_ND_THROW(arr.put(nd::array<bool>{true}, 0), nd::index_error,
                  "boolean index did not match");
}

TEST(Put, IndexArray) {
  auto a = nd::zeros<double>({5});
  nd::array<std::ptrdiff_t> idx = {{0, 1}, {4, 4}};
  a.put(idx, 2.0);
  EXPECT_VALUES(a, double, {2, 2, 0, 0, 2});
  a.put(idx, nd::array<double>{{1, 2}, {3, 4}});
  EXPECT_VALUES(a, double, {1, 2, 0, 0, 4});
  EXPECT_ND_THROW(a.put(nd::array<std::ptrdiff_t>{5}, 0.0), nd::index_error,
                  "index 5 is out of bounds for axis 0 with size 5");
}

TEST(Put, ThroughAViewWritesTheOwner) {
  auto m = nd::arange<int>(6).reshape({2, 3});
  auto row = m(1, all);
  row.put(indices{0, 2}, 0);
  EXPECT_VALUES(m, int, {0, 1, 2, 0, 4, 0});
}

TEST(Put, OutOfRangeWritesNothing) {
  nd::array<int> a = {1, 2, 3};
  EXPECT_ND_THROW(a.put(indices{0, 5}, 9), nd::index_error,
                  "index 5 is out of bounds for axis 0 with size 3");
  EXPECT_VALUES(a, int, {1, 2, 3});
}

TEST(Put, OverlappingValuesAreReadBeforeWriting) {
  // nd reads all values before it writes (NumPy 1.24 does not buffer an
  // overlapping value array in a[[...]] = a, and reads rows it already
  // overwrote).
  nd::array<std::int64_t> a = {{-9, 3}, {11, 13}, {19, 11}, {-7, 12}};
  a.put(indices{2, -4, 0, 1}, a);
  EXPECT_VALUES(a, std::int64_t, {19, 11, -7, 12, -9, 3, -7, 12});
}

// When both the index and the values are wrong, NumPy broadcasts the values
// first and reports that (ValueError), before it looks at the indices.
TEST(Put, ValueShapeErrorComesBeforeIndexError) {
  auto a = nd::zeros<float>({0});
  EXPECT_ND_THROW(a.put(indices{0, 1}, a), nd::shape_error,
                  "shape mismatch: value array of shape (0,) could not be "
                  "broadcast to indexing result of shape (2,)");
}

} // namespace
