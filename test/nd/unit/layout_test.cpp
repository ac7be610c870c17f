// Views that rearrange axes (view, T, transpose, swapaxes, squeeze), and
// reshape/ravel (a view exactly when NumPy gives one), copy, nd::copy,
// flatten.
#include "test_util.hpp"

#include <cstdint>

namespace {

using nd::_;
using nd::all;
using nd::newaxis;
using nd::slice;

nd::array<int> grid() { return nd::arange<int>(12).reshape({3, 4}); }

/// True when `r` is a view of `src`'s memory (NumPy: shares memory, and the
/// base is the owner of src's buffer).
template <class T>
bool is_view_of(const nd::array<T> &r, const nd::array<T> &src) {
  const auto owner = src.owns_data() ? src : *src.base();
  return !r.owns_data() && r.base()->is(owner) && nd::shares_memory(r, src);
}

// ------------------------------------------------------------ axis views

TEST(Layout, ViewIsANewHandleOnTheSameMemory) {
  auto m = grid();
  auto v = m.view();
  EXPECT_FALSE(v.is(m));
  EXPECT_TRUE(is_view_of(v, m));
  EXPECT_SHAPE(v, {3, 4});
  EXPECT_STRIDES(v, {4, 1});
  v(0, 0) = 99;
  EXPECT_EQ(m(0, 0), 99);
}

TEST(Layout, TransposeReversesAxes) {
  auto x = nd::arange<int>(24).reshape({2, 3, 4});
  auto t = x.T();
  EXPECT_SHAPE(t, {4, 3, 2});
  EXPECT_STRIDES(t, {1, 4, 12});
  EXPECT_TRUE(is_view_of(t, x));
  EXPECT_EQ(t(3, 2, 1), x(1, 2, 3));
  auto t2 = x.transpose();
  EXPECT_EQ(t2.shape(), t.shape());
  EXPECT_EQ(t2.strides(), t.strides());
  nd::array<int> a = {1, 2, 3};
  auto a_t = a.T(); // a new view object for 1-D, as NumPy's a.T
  EXPECT_FALSE(a_t.is(a));
  EXPECT_SHAPE(a_t, {3});
}

TEST(Layout, TransposeWithAxes) {
  auto x = nd::arange<int>(24).reshape({2, 3, 4});
  auto p = x.transpose({1, 2, 0});
  EXPECT_SHAPE(p, {3, 4, 2});
  EXPECT_STRIDES(p, {4, 1, 12});
  EXPECT_EQ(p(2, 3, 1), x(1, 2, 3));
  auto q = x.transpose({-1, 0, 1});
  EXPECT_SHAPE(q, {4, 2, 3});
  EXPECT_ND_THROW(x.transpose({0, 1}), nd::value_error,
                  "axes don't match array");
  EXPECT_ND_THROW(x.transpose({0, 0, 1}), nd::value_error,
                  "repeated axis in transpose");
  EXPECT_ND_THROW(x.transpose({0, 1, 3}), nd::axis_error,
                  "axis 3 is out of bounds for array of dimension 3");
}

TEST(Layout, Swapaxes) {
  auto x = nd::arange<int>(24).reshape({2, 3, 4});
  auto s = x.swapaxes(0, 2);
  EXPECT_SHAPE(s, {4, 3, 2});
  EXPECT_STRIDES(s, {1, 4, 12});
  EXPECT_TRUE(is_view_of(s, x));
  auto s2 = x.swapaxes(-1, 1);
  EXPECT_SHAPE(s2, {2, 4, 3});
  EXPECT_ND_THROW(x.swapaxes(0, 3), nd::axis_error,
                  "axis 3 is out of bounds for array of dimension 3");
  // NumPy's AxisError is an IndexError: so is nd's axis_error.
  EXPECT_ND_THROW(x.swapaxes(-4, 0), nd::index_error, "out of bounds");
}

TEST(Layout, Squeeze) {
  auto x = nd::arange<int>(6).reshape({1, 3, 1, 2});
  auto s = x.squeeze();
  EXPECT_SHAPE(s, {3, 2});
  EXPECT_STRIDES(s, {2, 1});
  EXPECT_TRUE(is_view_of(s, x));
  // Nothing to remove: NumPy returns the array itself.
  auto m = grid();
  EXPECT_TRUE(m.squeeze().is(m));
  // All ones: a 0-d view.
  auto one = nd::arange<int>(1).reshape({1, 1});
  auto z = one.squeeze();
  EXPECT_EQ(z.ndim(), 0);
  EXPECT_EQ(z.size(), 1);
  EXPECT_EQ(ndtest::str(z), "0");
}

// ------------------------------------------------------------- reshape

TEST(Reshape, ContiguousGivesAView) {
  auto a = nd::arange<int>(6);
  auto m = a.reshape({2, 3});
  EXPECT_TRUE(is_view_of(m, a));
  EXPECT_STRIDES(m, {3, 1});
  m(1, 0) = -3;
  EXPECT_EQ(a[3], -3);
  auto back = m.reshape({6});
  EXPECT_TRUE(back.base()->is(a));
}

TEST(Reshape, MinusOneIsInferred) {
  auto a = nd::arange<int>(12);
  EXPECT_SHAPE(a.reshape({-1, 3}), {4, 3});
  EXPECT_SHAPE(a.reshape({2, -1, 2}), {2, 3, 2});
  EXPECT_SHAPE(a.reshape({-1}), {12});
  EXPECT_SHAPE(nd::arange<int>(1).reshape({}), {});
  EXPECT_SHAPE(nd::zeros<int>({0, 3}).reshape({3, 0}), {3, 0});
}

TEST(Reshape, Errors) {
  auto a = nd::arange<int>(6);
  EXPECT_ND_THROW(a.reshape({4}), nd::value_error,
                  "cannot reshape array of size 6 into shape (4,)");
  EXPECT_ND_THROW(a.reshape({4, -1}), nd::value_error,
                  "cannot reshape array of size 6 into shape (4,newaxis)");
  EXPECT_ND_THROW(a.reshape({-1, -1}), nd::value_error,
                  "can only specify one unknown dimension");
  EXPECT_ND_THROW(nd::zeros<int>({0, 3}).reshape({-1, 0}), nd::value_error,
                  "cannot reshape array of size 0");
}

TEST(Reshape, TransposedNeedsACopyForC) {
  auto m = grid();
  auto t = m.T(); // (4, 3), strides (1, 4)
  auto flat = t.reshape({12});
  EXPECT_FALSE(nd::shares_memory(flat, m));
  EXPECT_STRIDES(flat, {1});
  EXPECT_VALUES(flat, int, {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
  // As in NumPy: a view of a temporary copy, not an owner.
  EXPECT_FALSE(flat.owns_data());
  ASSERT_TRUE(flat.base().has_value());
  EXPECT_FALSE(flat.base()->is(m));
  flat[0] = 100;
  EXPECT_EQ(m(0, 0), 0);
}

TEST(Reshape, TransposedSplitOfAnAxisIsAView) {
  auto m = grid();
  auto t = m.T();                // (4, 3), strides (1, 4)
  auto v = t.reshape({2, 2, 3}); // NumPy: strides (2, 1, 4), a view
  EXPECT_TRUE(nd::shares_memory(v, m));
  EXPECT_STRIDES(v, {2, 1, 4});
  v(1, 1, 2) = -1;
  EXPECT_EQ(m(2, 3), -1);
}

TEST(Reshape, StridedSources) {
  auto m = grid();
  auto cols = m(all, slice(_, _, 2)); // (3, 2), strides (4, 2)
  auto v = cols.reshape({6});         // merges: a view with stride 2
  EXPECT_TRUE(nd::shares_memory(v, m));
  EXPECT_STRIDES(v, {2});
  auto v2 = cols.reshape({3, 1, 2});
  EXPECT_TRUE(nd::shares_memory(v2, m));
  EXPECT_STRIDES(v2, {4, 4, 2});
  auto rows = m(slice(_, _, 2)); // (2, 4), strides (8, 1)
  auto c = rows.reshape({8});    // cannot merge: a copy
  EXPECT_FALSE(nd::shares_memory(c, m));
  EXPECT_VALUES(c, int, {0, 1, 2, 3, 8, 9, 10, 11});
  auto v3 = rows.reshape({2, 2, 2}); // splits only: a view
  EXPECT_TRUE(nd::shares_memory(v3, m));
  EXPECT_STRIDES(v3, {8, 2, 1});
}

TEST(Reshape, SlicedSources) {
  auto m = grid();
  auto mid = m(all, slice(1, 3)); // (3, 2), strides (4, 1)
  auto c = mid.reshape({6});
  EXPECT_FALSE(nd::shares_memory(c, m));
  EXPECT_VALUES(c, int, {1, 2, 5, 6, 9, 10});
  auto v = mid.reshape({3, 2, 1});
  EXPECT_TRUE(nd::shares_memory(v, m));
  EXPECT_STRIDES(v, {4, 1, 1});
  auto tv = mid.T().reshape({2, 3}); // (2, 3) strides (1, 4): same shape
  EXPECT_TRUE(nd::shares_memory(tv, m));
  auto ev = nd::arange<int>(8)(slice(_, _, 2)).reshape({2, 2});
  EXPECT_STRIDES(ev, {4, 2});
}

TEST(Reshape, SameShapeIsANewView) {
  auto m = grid();
  auto r = m.reshape({3, 4});
  EXPECT_FALSE(r.is(m));
  EXPECT_TRUE(nd::shares_memory(r, m));
}

// NumPy compares the requested shape with the current one BEFORE resolving
// -1: a.reshape(-1, 1) of a (3, 1) array with strides (1, 3) is a new view
// with C strides (1, 1), while a.reshape(3, 1) keeps (1, 3). Only the
// strides of length-1 (and empty) axes differ, which NumPy reports.
TEST(Reshape, MinusOneRecomputesStridesLikeNumPy) {
  nd::array<std::int64_t> a = {{20, -6, -1}};
  auto t = a.T(); // (3, 1), strides (1, 3)
  EXPECT_STRIDES(t.reshape({3, 1}), {1, 3});
  EXPECT_STRIDES(t.reshape({-1, 1}), {1, 1});
  auto e = nd::arange<double>(0); // (0,), stride 0 (a fresh empty array)
  EXPECT_STRIDES(e.reshape({0}), {0});
  EXPECT_STRIDES(e.reshape({-1}), {1});
  EXPECT_STRIDES(e.ravel(), {1});
}

// ------------------------------------------------------------------ ravel

TEST(Ravel, ContiguousIsAView) {
  auto m = grid();
  auto r = m.ravel();
  EXPECT_TRUE(is_view_of(r, m));
  r[5] = 55;
  EXPECT_EQ(m(1, 1), 55);
}

TEST(Ravel, NonContiguousAlwaysCopies) {
  auto m = grid();
  auto t = m.T().ravel();
  EXPECT_TRUE(t.owns_data());
  EXPECT_FALSE(nd::shares_memory(t, m));
  EXPECT_VALUES(t, int, {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
  // reshape({-1}) of every other column is a view; ravel copies anyway.
  auto cols = m(all, slice(_, _, 2));
  EXPECT_TRUE(nd::shares_memory(cols.reshape({-1}), m));
  auto rc = cols.ravel();
  EXPECT_TRUE(rc.owns_data());
  EXPECT_FALSE(nd::shares_memory(rc, m));
  // A column (3, 1) with strides (4, 1) is not C-contiguous either.
  EXPECT_TRUE(m(all, slice(_, 1)).ravel().owns_data());
}

// ---------------------------------------------------------------- copies

TEST(Copy, CopyIsACOrderOwner) {
  auto m = grid();
  auto t = m.T();
  for (auto c : {t.copy(), t.flatten().reshape({4, 3}).copy()}) {
    EXPECT_TRUE(c.owns_data());
    EXPECT_FALSE(c.base().has_value());
    EXPECT_FALSE(nd::shares_memory(c, m));
    EXPECT_STRIDES(c, {3, 1});
    EXPECT_VALUES(c, int, {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11});
  }
}

TEST(Copy, FreeFunctionKeepsMemoryOrder) {
  auto m = grid();
  auto c = nd::copy(m.T()); // np.copy: order='K'
  EXPECT_TRUE(c.owns_data());
  EXPECT_SHAPE(c, {4, 3});
  EXPECT_STRIDES(c, {1, 4});
  EXPECT_FALSE(nd::shares_memory(c, m));
  EXPECT_EQ(c(3, 2), 11);
  auto c2 = nd::copy(m(slice(_, _, -1), all));
  EXPECT_STRIDES(c2, {4, 1});
  EXPECT_EQ(c2(0, 0), 8);
}

TEST(Copy, FlattenAlwaysCopies) {
  auto m = grid();
  auto f = m.flatten();
  EXPECT_TRUE(f.owns_data());
  EXPECT_FALSE(nd::shares_memory(f, m));
  f[0] = 100;
  EXPECT_EQ(m(0, 0), 0);
  EXPECT_SHAPE(nd::full<int>({}, 3).flatten(), {1});
}

TEST(Copy, WritesToACopyStayThere) {
  nd::array<int> data = {10, 20, 30, 40, 50};
  auto c = data.copy();
  c[1] = 777;
  EXPECT_VALUES(data, int, {10, 20, 30, 40, 50});
  EXPECT_FALSE(nd::shares_memory(data, c));
}

} // namespace
