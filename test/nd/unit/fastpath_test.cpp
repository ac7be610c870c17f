// The fast paths of nd's loops give the same values and errors as the
// general element-by-element definitions: coalesced and tiled copies
// (arrays larger than a tile, odd sizes, negative strides, conversions),
// self-overlapping destinations (written in C order), first-axis fancy
// indexing and mask indexing without offset tables (long index arrays,
// strided indices and sources, the first out-of-range index reported),
// contiguous element-wise loops, and large (huge-page) allocations.
#include "test_util.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace {

using nd::_;
using nd::all;
using nd::indices;
using nd::slice;

/// m(i, j) = i * 1000 + j, an r x c int64 matrix.
nd::array<std::int64_t> grid(std::ptrdiff_t r, std::ptrdiff_t c) {
  auto m = nd::zeros<std::int64_t>({r, c});
  for (std::ptrdiff_t i = 0; i < r; ++i)
    for (std::ptrdiff_t j = 0; j < c; ++j)
      m(i, j) = i * 1000 + j;
  return m;
}

// ------------------------------------------------------------- copies

TEST(FastCopy, TransposedCopyAcrossTiles) {
  for (auto [r, c] : {std::pair<std::ptrdiff_t, std::ptrdiff_t>{70, 37},
                      {33, 33},
                      {1, 90},
                      {90, 2},
                      {64, 65}}) {
    auto m = grid(r, c);
    auto t = m.T().copy();
    ASSERT_EQ(t.shape(), (nd::shape_t{c, r}));
    EXPECT_TRUE(t.is_c_contiguous());
    for (std::ptrdiff_t i = 0; i < c; ++i)
      for (std::ptrdiff_t j = 0; j < r; ++j)
        ASSERT_EQ(t(i, j), j * 1000 + i) << r << "x" << c;
    // Converted and assigned into a destination of another type.
    auto d = nd::zeros<double>({c, r});
    d.assign(m.T());
    for (std::ptrdiff_t i = 0; i < c; ++i)
      for (std::ptrdiff_t j = 0; j < r; ++j)
        ASSERT_EQ(d(i, j), static_cast<double>(j * 1000 + i));
  }
}

TEST(FastCopy, ThreeDimensionalPermutationsAndNegativeStrides) {
  auto x = nd::arange<int>(5 * 40 * 36).reshape({5, 40, 36});
  auto v = x.transpose({2, 0, 1})(slice(_, _, -1), all, slice(_, _, 3));
  auto c = v.copy();
  ASSERT_EQ(c.shape(), v.shape());
  for (std::ptrdiff_t i = 0; i < v.shape()[0]; ++i)
    for (std::ptrdiff_t j = 0; j < v.shape()[1]; ++j)
      for (std::ptrdiff_t k = 0; k < v.shape()[2]; ++k)
        ASSERT_EQ(c(i, j, k), v(i, j, k));
  EXPECT_EQ(ndtest::values(v.flatten()), ndtest::values(c));
  // np.copy keeps the memory order (order='K').
  auto k = nd::copy(x.transpose({1, 2, 0}));
  EXPECT_EQ(ndtest::values(k), ndtest::values(x.transpose({1, 2, 0})));
}

TEST(FastCopy, OverlappingTransposedAssignReadsTheOldValues) {
  auto m = grid(40, 40);
  auto expect = m.T().copy();
  m.assign(m.T()); // NumPy's m[...] = m.T: the source is copied first
  EXPECT_EQ(ndtest::values(m), ndtest::values(expect));
  auto a = nd::arange<int>(100);
  a(slice(1, _)).assign(a(slice(_, -1)));
  for (int i = 1; i < 100; ++i)
    ASSERT_EQ(a[i], i - 1);
}

TEST(FastCopy, SelfOverlappingDestinationIsWrittenInCOrder) {
  // Every element of `d` is the same memory: the last write wins.
  auto x = nd::zeros<int>({4});
  auto d = x.make_view({3, 50}, {0, 0}, 1);
  auto src = nd::arange<int>(150).reshape({3, 50});
  d.assign(src);
  EXPECT_VALUES(x, int, {0, 149, 0, 0});
  d.assign(src.T().copy().T()); // a transposed layout: still C order
  EXPECT_VALUES(x, int, {0, 149, 0, 0});
  // Rows of `e` overlap each other: element (i, j) is y[i + j].
  auto y = nd::zeros<int>({80});
  auto e = y.make_view({40, 40}, {1, 1}, 0);
  e.assign(nd::arange<int>(1600).reshape({40, 40}).T());
  for (int o = 0; o < 79; ++o) {
    const int i = o < 39 ? o : 39, j = o - i; // the last (i, j) in C order
    ASSERT_EQ(y[o], j * 40 + i) << o;
  }
  EXPECT_EQ(y[79], 0);
  // In place: every (i, j) adds one to y[i + j], in turn.
  y.fill(0);
  e += nd::ones<int>({40, 40});
  for (int o = 0; o < 79; ++o)
    ASSERT_EQ(y[o], o < 40 ? o + 1 : 79 - o) << o;
}

TEST(FastCopy, BroadcastSourceAndFlatten) {
  auto m = nd::zeros<float>({3, 70});
  m.assign(nd::array<int>{{1}, {2}, {3}});
  EXPECT_EQ(m(2, 69), 3.0f);
  EXPECT_EQ(m(0, 0), 1.0f);
  m.assign(nd::arange<int>(70));
  EXPECT_EQ(m(1, 69), 69.0f);
  auto f = grid(50, 3).T().flatten();
  EXPECT_EQ(f[0], 0);
  EXPECT_EQ(f[1], 1000);
  EXPECT_EQ(f[50], 1);
  EXPECT_EQ(f[149], 49002);
}

// ---------------------------------------------------------- elementwise

TEST(FastElementwise, ContiguousAndBroadcastLoops) {
  auto a = nd::arange<std::int32_t>(1000);
  auto b = nd::full<std::int32_t>({1000}, 2147483647);
  auto s = a + b; // wraps, as NumPy's int32 does
  EXPECT_EQ(s[0], 2147483647);
  EXPECT_EQ(s[1], -2147483647 - 1);
  auto m = nd::arange<double>(12).reshape({3, 4});
  auto r = m * nd::array<double>{1, 10, 100, 1000};
  EXPECT_VALUES(r, double,
                {0, 10, 200, 3000, 4, 50, 600, 7000, 8, 90, 1000, 11000});
  auto q = m.T() - m.T(); // F-contiguous operands: an F-contiguous result
  EXPECT_TRUE(q.is_f_contiguous());
  EXPECT_EQ(nd::sum(q), 0.0);
  auto mixed = nd::arange<std::int16_t>(300) * nd::arange<float>(300);
  EXPECT_EQ(mixed[299], 299.0f * 299.0f);
  m(all, slice(1, 3)) += nd::array<double>{100, 200};
  EXPECT_VALUES(m, double, {0, 101, 202, 3, 4, 105, 206, 7, 8, 109, 210, 11});
}

// ------------------------------------------------------- fancy indexing

TEST(FastFancy, LongIndexArraysWithNegativesAndStrides) {
  auto a = nd::arange<double>(5000);
  auto idx = nd::zeros<std::int64_t>({3000});
  for (std::ptrdiff_t i = 0; i < 3000; ++i)
    idx[i] = (i * 7919) % 10000 - 5000; // -5000 .. 4999
  auto g = a(idx);
  ASSERT_EQ(g.shape(), (nd::shape_t{3000}));
  for (std::ptrdiff_t i = 0; i < 3000; ++i) {
    const auto v = idx[i];
    ASSERT_EQ(g[i], static_cast<double>(v < 0 ? v + 5000 : v));
  }
  // A strided, reversed index view; a 2-D index array in F order (the
  // result follows the index layout when there is no subspace).
  auto every3 = idx(slice(_, _, -3));
  auto g3 = a(every3);
  for (std::ptrdiff_t i = 0; i < every3.size(); ++i)
    ASSERT_EQ(g3[i], a[every3[i]]);
  auto idx2 = idx(slice(0, 600)).reshape({20, 30}).T();
  auto g2 = a(idx2);
  ASSERT_EQ(g2.shape(), (nd::shape_t{30, 20}));
  EXPECT_TRUE(g2.is_f_contiguous());
  for (std::ptrdiff_t i = 0; i < 30; ++i)
    for (std::ptrdiff_t j = 0; j < 20; ++j)
      ASSERT_EQ(g2(i, j), a[idx2(i, j)]);
  // Other index element types.
  nd::array<std::uint8_t> small = {255, 0, 7};
  EXPECT_VALUES(a(small), double, {255, 0, 7});
}

TEST(FastFancy, RowsFromStridedAndTransposedSources) {
  auto m = grid(60, 50);
  nd::array<int> rows = {59, 0, -1, 3, 3};
  auto r = m(rows);
  ASSERT_EQ(r.shape(), (nd::shape_t{5, 50}));
  for (std::ptrdiff_t k = 0; k < 5; ++k)
    for (std::ptrdiff_t j = 0; j < 50; ++j)
      ASSERT_EQ(r(k, j), m(rows[k] < 0 ? rows[k] + 60 : rows[k], j));
  auto t = m.T(); // rows of the transpose are columns of m
  auto rt = t(nd::array<int>{9, 0});
  EXPECT_TRUE(rt.is_c_contiguous() || rt.is_f_contiguous());
  for (std::ptrdiff_t j = 0; j < 60; ++j) {
    ASSERT_EQ(rt(0, j), m(j, 9));
    ASSERT_EQ(rt(1, j), m(j, 0));
  }
  auto sv = m(slice(_, _, 2), slice(_, _, -3));
  auto rs = sv(indices{1, -2});
  for (std::ptrdiff_t j = 0; j < sv.shape()[1]; ++j) {
    ASSERT_EQ(rs(0, j), sv(1, j));
    ASSERT_EQ(rs(1, j), sv(28, j));
  }
}

TEST(FastFancy, FirstOutOfRangeIndexIsReported) {
  auto a = nd::arange<int>(10);
  auto idx = nd::zeros<std::int64_t>({500});
  idx[300] = 12;
  idx[400] = -11;
  EXPECT_ND_THROW(a(idx), nd::index_error,
                  "index 12 is out of bounds for axis 0 with size 10");
  idx[100] = -11;
  EXPECT_ND_THROW(a(idx), nd::index_error,
                  "index -11 is out of bounds for axis 0 with size 10");
  // Indices are checked even when the selected rows are empty.
  auto e = nd::zeros<int>({5, 0});
  EXPECT_ND_THROW(e(indices{1, 5}), nd::index_error,
                  "index 5 is out of bounds for axis 0 with size 5");
  EXPECT_EQ(e(indices{4, 0}).shape(), (nd::shape_t{2, 0}));
  auto z = nd::full<int>({}, 3);
  EXPECT_ND_THROW(z(indices{0}), nd::index_error, "too many indices");
}

// --------------------------------------------------------- mask indexing

TEST(FastMask, FullMasksOnContiguousAndStridedArrays) {
  auto a = nd::arange<int>(1000);
  auto mask = nd::zeros<bool>({1000});
  for (int i = 0; i < 1000; ++i)
    mask[i] = i % 3 == 1;
  mask[999] = false;
  mask[997] = false;
  auto g = a(mask);
  std::vector<int> expect;
  for (int i = 0; i < 1000; ++i)
    if (mask[i])
      expect.push_back(i);
  EXPECT_EQ(ndtest::values(g), expect);
  EXPECT_EQ(a(a < 0).shape(), (nd::shape_t{0}));
  EXPECT_VALUES(a(a == 999), int, {999});
  EXPECT_VALUES(a(a == 0), int, {0});
  // A strided source and a strided mask.
  auto v = a(slice(_, _, -2));
  auto mv = mask(slice(1, _, 2));
  auto gv = v(mv);
  std::vector<int> expect_v;
  for (std::ptrdiff_t i = 0; i < 500; ++i)
    if (mv[i])
      expect_v.push_back(v[i]);
  EXPECT_EQ(ndtest::values(gv), expect_v);
  // A 2-D mask over a transposed source: C order of the mask.
  auto m = grid(30, 40).T();
  auto mm = nd::zeros<bool>({40, 30});
  for (std::ptrdiff_t i = 0; i < 40; ++i)
    for (std::ptrdiff_t j = 0; j < 30; ++j)
      mm(i, j) = m(i, j) % 7 == 0;
  std::vector<std::int64_t> expect_m;
  for (std::ptrdiff_t i = 0; i < 40; ++i)
    for (std::ptrdiff_t j = 0; j < 30; ++j)
      if (mm(i, j))
        expect_m.push_back(m(i, j));
  EXPECT_EQ(ndtest::values(m(mm)), expect_m);
}

TEST(FastMask, LeadingMasksCopyBlocks) {
  auto x = nd::arange<int>(4 * 5 * 6).reshape({4, 5, 6});
  nd::array<bool> rows = {true, false, true, true};
  auto r = x(rows);
  ASSERT_EQ(r.shape(), (nd::shape_t{3, 5, 6}));
  EXPECT_EQ(r(1, 2, 3), x(2, 2, 3));
  EXPECT_EQ(r(2, 4, 5), x(3, 4, 5));
  auto xt = x.transpose({1, 0, 2}); // 5 x 4 x 6, blocks keep x's order
  nd::array<bool> m2 = {{true, false, false, true},
                        {false, false, false, false},
                        {false, true, false, false},
                        {false, false, false, false},
                        {true, true, true, true}};
  auto r2 = xt(m2);
  ASSERT_EQ(r2.shape(), (nd::shape_t{7, 6}));
  EXPECT_EQ(r2(1, 5), xt(0, 3, 5));
  EXPECT_EQ(r2(2, 0), xt(2, 1, 0));
  EXPECT_EQ(r2(6, 2), xt(4, 3, 2));
  auto none = x(nd::zeros<bool>({4}));
  EXPECT_EQ(none.shape(), (nd::shape_t{0, 5, 6}));
  EXPECT_ND_THROW(x(nd::zeros<bool>({3})), nd::index_error,
                  "boolean index did not match indexed array along "
                  "dimension 0; dimension is 4 but corresponding boolean "
                  "dimension is 3");
  EXPECT_ND_THROW(nd::arange<int>(3)(nd::zeros<bool>({3, 1})), nd::index_error,
                  "too many indices");
}

// ------------------------------------------------------------ allocation

TEST(FastAlloc, LargeArraysStartAsTheFactoriesSay) {
  const std::ptrdiff_t n = (std::ptrdiff_t{1} << 22) + 3; // > 32 MiB
  auto z = nd::zeros<double>({n});
  EXPECT_EQ(nd::sum(z), 0.0);
  auto o = nd::ones<double>({n});
  EXPECT_EQ(nd::sum(o), static_cast<double>(n));
  auto c = (o + z).copy();
  EXPECT_EQ(c[n - 1], 1.0);
  EXPECT_EQ(nd::sum(c), static_cast<double>(n));
  auto mid = nd::zeros<std::int32_t>({3000000}); // between 4 and 32 MiB
  EXPECT_EQ(nd::sum(mid), 0);
}

} // namespace
