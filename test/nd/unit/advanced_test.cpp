// Advanced indexing: nd::indices, integer index arrays, boolean masks, and
// their mixes with basic indices. Results are copies with NumPy's shapes
// (and layouts); errors as NumPy's IndexError.
#include "test_util.hpp"

#include <cstddef>
#include <cstdint>

namespace {

using nd::_;
using nd::all;
using nd::indices;
using nd::newaxis;
using nd::slice;
using idx_array = nd::array<std::ptrdiff_t>;

nd::array<int> cube() { return nd::arange<int>(60).reshape({3, 4, 5}); }

// ------------------------------------------------------------------ fancy

TEST(Fancy, IndicesSelectAlongTheFirstAxis) {
  nd::array<int> a = {10, 20, 30, 40, 50};
  auto p = a(indices{0, 2, -1, 2});
  EXPECT_VALUES(p, int, {10, 30, 50, 30});
  EXPECT_TRUE(p.owns_data());
  EXPECT_FALSE(nd::shares_memory(p, a));
  p[0] = -1; // a copy: the source is unchanged
  EXPECT_EQ(a[0], 10);

  auto m = nd::arange<int>(6).reshape({3, 2});
  auto rows = m(indices{2, 0});
  EXPECT_SHAPE(rows, {2, 2});
  EXPECT_VALUES(rows, int, {4, 5, 0, 1});
}

TEST(Fancy, EmptyIndices) {
  auto m = nd::arange<int>(6).reshape({3, 2});
  auto e = m(indices{});
  EXPECT_SHAPE(e, {0, 2});
  EXPECT_EQ(e.size(), 0);
}

TEST(Fancy, IndexArrayShapeIsKept) {
  auto a = nd::arange<int>(10);
  idx_array idx = {{1, 2}, {3, -1}};
  auto r = a(idx);
  EXPECT_SHAPE(r, {2, 2});
  EXPECT_VALUES(r, int, {1, 2, 3, 9});
  auto m = nd::arange<int>(12).reshape({4, 3});
  auto r2 = m(idx);
  EXPECT_SHAPE(r2, {2, 2, 3});
  EXPECT_EQ(r2(1, 1, 2), 11);
  // Other integer element types work as index arrays too.
  nd::array<int> small = {3, 0};
  EXPECT_VALUES(a(small), int, {3, 0});
}

TEST(Fancy, OutOfRangeThrows) {
  nd::array<int> a = {1, 2, 3};
  EXPECT_ND_THROW(a(indices{0, 3}), nd::index_error,
                  "index 3 is out of bounds for axis 0 with size 3");
  EXPECT_ND_THROW(a(indices{-4}), nd::index_error,
                  "index -4 is out of bounds for axis 0 with size 3");
  auto m = nd::arange<int>(6).reshape({2, 3});
  EXPECT_ND_THROW(m(all, indices{3}), nd::index_error,
                  "index 3 is out of bounds for axis 1 with size 3");
}

TEST(Fancy, MixedWithSlicesAdjacentAdvancedIndicesStayInPlace) {
  auto x = cube();
  auto r = x(all, indices{0, 1}, all); // x[:, [0, 1], :]
  EXPECT_SHAPE(r, {3, 2, 5});
  EXPECT_EQ(r(2, 1, 4), x(2, 1, 4));
  auto r2 = x(all, 0, indices{1, 2}); // integer + list, adjacent
  EXPECT_SHAPE(r2, {3, 2});
  EXPECT_VALUES(r2, int, {1, 2, 21, 22, 41, 42});
  auto r3 = x(slice(1, _), indices{2}, slice(1, 3));
  EXPECT_SHAPE(r3, {2, 1, 2});
  EXPECT_VALUES(r3, int, {31, 32, 51, 52});
}

TEST(Fancy, SeparatedAdvancedIndicesGoFirst) {
  auto x = cube();
  auto r = x(indices{0, 1}, all, indices{0, 1}); // x[[0, 1], :, [0, 1]]
  EXPECT_SHAPE(r, {2, 4});
  EXPECT_VALUES(r, int, {0, 5, 10, 15, 21, 26, 31, 36});
  auto r2 = x(0, all, indices{1, 2}); // x[0, :, [1, 2]]: (2, 4)
  EXPECT_SHAPE(r2, {2, 4});
  EXPECT_VALUES(r2, int, {1, 6, 11, 16, 2, 7, 12, 17});
}

TEST(Fancy, IndexArraysBroadcastTogether) {
  auto x = cube();
  idx_array rows = {{0}, {2}};
  auto r = x(rows, indices{1, 3}); // x[[[0], [2]], [1, 3]]
  EXPECT_SHAPE(r, {2, 2, 5});
  EXPECT_EQ(r(1, 0, 0), x(2, 1, 0));
  EXPECT_EQ(r(0, 1, 4), x(0, 3, 4));
  EXPECT_ND_THROW(x(indices{0, 1}, indices{0, 1, 2}), nd::index_error,
                  "shape mismatch: indexing arrays could not be broadcast "
                  "together with shapes (2,) (3,)");
}

TEST(Fancy, NewaxisWithAdvancedIndices) {
  auto x = cube();
  auto r = x(newaxis, indices{0, 2}); // x[None, [0, 2]]
  EXPECT_SHAPE(r, {1, 2, 4, 5});
  auto r2 = x(indices{0, 2}, newaxis); // x[[0, 2], None]
  EXPECT_SHAPE(r2, {2, 1, 4, 5});
}

TEST(Fancy, LayoutAndBaseAsNumPy) {
  // NumPy allocates the broadcast index dimensions outermost and, when they
  // are not first in the result, returns a transposed view of that
  // allocation: m[:, [0, 1]] has strides (1, 3) elements and a base that is
  // not m.
  auto m = nd::arange<int>(12).reshape({4, 3});
  auto r = m(all, indices{0, 1});
  EXPECT_SHAPE(r, {4, 2});
  EXPECT_STRIDES(r, {1, 4});
  EXPECT_FALSE(r.owns_data());
  ASSERT_TRUE(r.base().has_value());
  EXPECT_FALSE(r.base()->is(m));
  EXPECT_FALSE(nd::shares_memory(r, m));
  EXPECT_VALUES(r, int, {0, 1, 3, 4, 6, 7, 9, 10});
  auto f = m(indices{0, 1});
  EXPECT_TRUE(f.owns_data());
  EXPECT_STRIDES(f, {3, 1});
}

// When every axis is indexed by the advanced indices (no subspace left, or
// a subspace of a single element), NumPy allocates the result in the memory
// order of the index arrays (NpyIter, order='K'): a[idx] of a transposed
// 2x2 idx has strides (1, 2). With a larger subspace the index dimensions
// are laid out in C order.
TEST(Fancy, ResultFollowsIndexOrderWithoutSubspace) {
  auto a = nd::arange<int>(4);
  idx_array idx = nd::array<std::ptrdiff_t>{{0, 1}, {2, 3}}.T();
  auto r = a(idx);
  EXPECT_VALUES(r, int, {0, 2, 1, 3});
  EXPECT_STRIDES(r, {1, 2});
  EXPECT_STRIDES(a(idx(slice(_, _, -1), all)), {1, 2});
  auto m = nd::arange<int>(12).reshape({4, 3});
  EXPECT_STRIDES(m(idx), {6, 3, 1});
  EXPECT_STRIDES(m(idx, 1), {1, 2});
  EXPECT_STRIDES(m(idx, slice(0, 1)), {1, 2, 1}); // one-element subspace
  EXPECT_STRIDES(m(idx, slice(1, 3)), {4, 2, 1});
  EXPECT_STRIDES(m(newaxis, idx, 0), {1, 1, 2});
}

TEST(Fancy, TooManyIndices) {
  nd::array<int> a = {1, 2, 3};
  EXPECT_ND_THROW(a(indices{0}, indices{0}), nd::index_error,
                  "too many indices for array: array is 1-dimensional, but 2 "
                  "were indexed");
}

// ------------------------------------------------------------------- masks

TEST(Mask, FullShapeMaskGivesOneDimensionalCopy) {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  auto big = arr(arr > 25);
  EXPECT_VALUES(big, int, {30, 40, 50});
  EXPECT_TRUE(big.owns_data());
  EXPECT_FALSE(nd::shares_memory(big, arr));
  big -= 25;
  EXPECT_VALUES(arr, int, {10, 20, 30, 40, 50});

  auto m = nd::arange<int>(6).reshape({2, 3});
  auto upper = m(m >= 3);
  EXPECT_SHAPE(upper, {3});
  EXPECT_VALUES(upper, int, {3, 4, 5});
}

TEST(Mask, LeadingDimensionsMask) {
  auto x = cube();
  nd::array<bool> rows = {true, false, true};
  auto r = x(rows);
  EXPECT_SHAPE(r, {2, 4, 5});
  EXPECT_EQ(r(1, 0, 0), 40);
  auto m2 = x(all, all, 0) > 20; // shape (3, 4): 7 true
  auto r2 = x(m2);
  EXPECT_SHAPE(r2, {7, 5});
  auto cols = nd::array<bool>{false, true, true, false};
  auto r3 = x(all, cols); // x[:, mask]
  EXPECT_SHAPE(r3, {3, 2, 5});
  EXPECT_EQ(r3(2, 1, 3), x(2, 2, 3));
}

TEST(Mask, EmptySelection) {
  nd::array<double> a = {1, 2, 3};
  auto none = a(a > 10.0);
  EXPECT_SHAPE(none, {0});
  EXPECT_EQ(ndtest::str(none), "[]");
}

TEST(Mask, WrongShapeThrows) {
  nd::array<int> a = {1, 2, 3};
  nd::array<bool> m = {true, false};
  EXPECT_ND_THROW(a(m), nd::index_error,
                  "boolean index did not match indexed array along dimension "
                  "0; dimension is 3 but corresponding boolean dimension is 2");
  auto x = cube();
  nd::array<bool> cols = {true, false, true};
  EXPECT_ND_THROW(x(all, cols), nd::index_error,
                  "along dimension 1; dimension is 4 but corresponding "
                  "boolean dimension is 3");
}

TEST(Mask, MixedWithIndices) {
  auto x = cube();
  nd::array<bool> rows = {true, false, true};
  auto r = x(rows, indices{1, 3}); // x[[0, 2], [1, 3]]
  EXPECT_SHAPE(r, {2, 5});
  EXPECT_EQ(r(0, 0), x(0, 1, 0));
  EXPECT_EQ(r(1, 0), x(2, 3, 0));
}

// ------------------------------------------------ writes to copies are lost

TEST(Copies, WritesToTemporariesDoNotReachTheSource) {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  arr(arr > 25) = 0;
  arr(indices{0, 1})[1] = 7;
  arr(arr < 15).fill(1);
  EXPECT_VALUES(arr, int, {10, 20, 30, 40, 50});
  auto picked = arr(indices{0, 2});
  picked[0] = -1;
  EXPECT_EQ(arr[0], 10);
}

} // namespace
