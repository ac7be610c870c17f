// Creation (initializer lists, factories) and the handle semantics of
// nd::array: copies of the handle share the array, named assignment
// rebinds, every element type works.
#include "test_util.hpp"

#include <cstdint>
#include <type_traits>

namespace {

using ndtest::values;

// ------------------------------------------------------------------ creation

TEST(Creation, OneDimensionalList) {
  nd::array<int> a = {10, 20, 30};
  EXPECT_SHAPE(a, {3});
  EXPECT_STRIDES(a, {1});
  EXPECT_EQ(a.ndim(), 1);
  EXPECT_EQ(a.size(), 3);
  EXPECT_EQ(a.offset(), 0);
  EXPECT_TRUE(a.owns_data());
  EXPECT_FALSE(a.base().has_value());
  EXPECT_VALUES(a, int, {10, 20, 30});
}

TEST(Creation, NestedLists) {
  nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
  EXPECT_SHAPE(m, {2, 3});
  EXPECT_STRIDES(m, {3, 1});
  EXPECT_VALUES(m, int, {1, 2, 3, 4, 5, 6});

  nd::array<double> c = {
      {{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}, {{9, 10}, {11, 12}}};
  EXPECT_SHAPE(c, {3, 2, 2});
  EXPECT_STRIDES(c, {4, 2, 1});
  EXPECT_EQ(c(2, 1, 0), 11.0);

  nd::array<std::int64_t> d = {{{{1}, {2}}}};
  EXPECT_SHAPE(d, {1, 1, 2, 1});
  EXPECT_EQ(d.ndim(), 4);
}

TEST(Creation, SingleElementRowsAreTwoDimensional) {
  nd::array<int> col = {{1}, {2}};
  EXPECT_SHAPE(col, {2, 1});
  nd::array<int> row = {{1, 2}};
  EXPECT_SHAPE(row, {1, 2});
  nd::array<double> one = {{{5}}};
  EXPECT_SHAPE(one, {1, 1, 1});
}

TEST(Creation, RaggedListThrowsValueError) {
  EXPECT_ND_THROW((nd::array<int>{{1, 2}, {3}}), nd::value_error,
                  "inhomogeneous shape after 1 dimensions");
}

TEST(Creation, DefaultIsEmptyOneDimensional) {
  nd::array<float> a;
  EXPECT_SHAPE(a, {0});
  EXPECT_EQ(a.size(), 0);
  EXPECT_TRUE(a.owns_data());
}

TEST(Creation, Arange) {
  EXPECT_VALUES(nd::arange<int>(5), int, {0, 1, 2, 3, 4});
  EXPECT_VALUES(nd::arange<int>(2, 5), int, {2, 3, 4});
  EXPECT_VALUES(nd::arange<int>(10, 0, -3), int, {10, 7, 4, 1});
  EXPECT_VALUES(nd::arange<std::int64_t>(-3, 4, 2), std::int64_t,
                {-3, -1, 1, 3});
  EXPECT_VALUES(nd::arange<double>(0, 1, 0.25), double, {0, 0.25, 0.5, 0.75});
  EXPECT_VALUES(nd::arange<float>(1.5f), float, {0, 1});
  // Empty ranges, as NumPy: no elements when ceil((stop - start) / step) <= 0.
  EXPECT_EQ(nd::arange<int>(5, 5).size(), 0);
  EXPECT_EQ(nd::arange<int>(5, 0).size(), 0);
  EXPECT_EQ(nd::arange<int>(0, 5, -1).size(), 0);
  EXPECT_TRUE(nd::arange<int>(3).owns_data());
}

// NumPy fills a floating arange from its first two elements: b0 = start,
// b1 = start + step (in double, then cast), delta = b1 - b0 and
// b[i] = b0 + i * delta, all in the element type. With a fractional step
// that is not start + i * step: np.arange(0.1, 2.0, 0.2)[2] is
// 0.50000000000000011, not 0.5.
TEST(Creation, ArangeFractionalStepAsNumPy) {
  const auto d = nd::arange<double>(0.1, 2.0, 0.2);
  ASSERT_EQ(d.size(), 10);
  const double delta = (0.1 + 0.2) - 0.1;
  for (std::ptrdiff_t i = 0; i < d.size(); ++i)
    EXPECT_EQ(d[i], 0.1 + static_cast<double>(i) * delta) << "i = " << i;
  EXPECT_EQ(d[2], 0.50000000000000011);
  const auto f = nd::arange<float>(0.1f, 2.0f, 0.2f);
  ASSERT_EQ(f.size(), 10);
  const float b1 =
      static_cast<float>(static_cast<double>(0.1f) + static_cast<double>(0.2f));
  const float fdelta = b1 - 0.1f;
  for (std::ptrdiff_t i = 0; i < f.size(); ++i)
    EXPECT_EQ(f[i], 0.1f + static_cast<float>(i) * fdelta) << "i = " << i;
}

TEST(Creation, ArangeStepZeroThrows) {
  EXPECT_ND_THROW(nd::arange<int>(0, 5, 0), nd::value_error, "step");
  EXPECT_ND_THROW(nd::arange<double>(0, 5, 0), nd::value_error, "step");
}

TEST(Creation, ZerosOnesFull) {
  auto z = nd::zeros<double>({2, 3});
  EXPECT_SHAPE(z, {2, 3});
  EXPECT_STRIDES(z, {3, 1});
  EXPECT_VALUES(z, double, {0, 0, 0, 0, 0, 0});
  EXPECT_VALUES(nd::ones<int>({2, 2}), int, {1, 1, 1, 1});
  EXPECT_VALUES(nd::full<std::int64_t>({3}, 7), std::int64_t, {7, 7, 7});
  EXPECT_VALUES(nd::ones<bool>({2}), bool, {true, true});
  auto s = nd::full<float>({}, 2.5f); // 0-d
  EXPECT_EQ(s.ndim(), 0);
  EXPECT_EQ(s.size(), 1);
  EXPECT_VALUES(s, float, {2.5f});
  EXPECT_EQ(nd::zeros<int>({0, 3}).size(), 0);
  EXPECT_TRUE(z.owns_data());
}

TEST(Creation, NegativeDimensionThrows) {
  EXPECT_ND_THROW(nd::zeros<int>({2, -1}), nd::value_error,
                  "negative dimensions are not allowed");
}

// ------------------------------------------------------ every element type

template <class T> class ElementTypes : public ::testing::Test {};
using AllTypes = ::testing::Types<bool, int, std::int64_t, float, double>;
TYPED_TEST_SUITE(ElementTypes, AllTypes);

TYPED_TEST(ElementTypes, CreateViewWriteCopy) {
  using T = TypeParam;
  nd::array<T> a = nd::zeros<T>({2, 3});
  auto row = a(1, nd::all);
  row.fill(T(1));
  EXPECT_EQ(a(1, 2), T(1));
  EXPECT_EQ(a(0, 2), T(0));
  auto c = a.copy();
  c(0, 0) = T(1);
  EXPECT_EQ(a(0, 0), T(0));
  EXPECT_TRUE(nd::shares_memory(a, row));
  EXPECT_FALSE(nd::shares_memory(a, c));
  EXPECT_TRUE(row.base()->is(a));
  auto t = a.T();
  EXPECT_SHAPE(t, {3, 2});
  EXPECT_EQ(t(2, 1), T(1));
  auto sel = a(a == T(1));
  EXPECT_EQ(sel.size(), 3);
  EXPECT_FALSE(nd::shares_memory(sel, a));
}

// ------------------------------------------------------------------ handles

TEST(Handle, CopySharesTheArray) {
  nd::array<int> a = {1, 2, 3};
  auto b = a; // NOLINT: the point is the copy
  EXPECT_TRUE(b.is(a));
  EXPECT_TRUE(nd::shares_memory(a, b));
  b[0] = 100;
  EXPECT_EQ(a[0], 100);
  // b is the same object, not a view: it owns the data like a does.
  EXPECT_TRUE(b.owns_data());
  EXPECT_FALSE(b.base().has_value());
}

void write_first(nd::array<int> by_value) { by_value[0] = -1; }

TEST(Handle, PassByValueSharesTheArray) {
  nd::array<int> a = {1, 2, 3};
  write_first(a);
  EXPECT_EQ(a[0], -1);
}

TEST(Handle, MoveKeepsSourceValid) {
  nd::array<int> a = {1, 2, 3};
  nd::array<int> b = std::move(a);
  EXPECT_TRUE(b.is(a)); // NOLINT: nd documents that the source stays valid
  EXPECT_EQ(a.size(), 3);
}

TEST(Handle, NamedAssignmentRebinds) {
  nd::array<int> m = nd::zeros<int>({2, 3});
  nd::array<int> ones = nd::ones<int>({3});
  auto row = m(0, nd::all);
  row = ones; // rebinds row: nothing is written into m
  EXPECT_TRUE(row.is(ones));
  EXPECT_VALUES(m, int, {0, 0, 0, 0, 0, 0});
  row[0] = 5; // writes ones now
  EXPECT_EQ(ones[0], 5);
  EXPECT_VALUES(m, int, {0, 0, 0, 0, 0, 0});
}

TEST(Handle, AssignWritesThrough) {
  nd::array<int> m = nd::zeros<int>({2, 3});
  nd::array<int> ones = nd::ones<int>({3});
  auto row = m(1, nd::all);
  row.assign(ones);
  EXPECT_FALSE(row.is(ones));
  EXPECT_VALUES(m, int, {0, 0, 0, 1, 1, 1});
}

TEST(Handle, TemporaryAssignmentWritesThrough) {
  nd::array<int> m = nd::zeros<int>({2, 3});
  nd::array<int> src = {7, 8, 9};
  m(0, nd::all) = src;
  m(1, nd::all) = 4;
  EXPECT_VALUES(m, int, {7, 8, 9, 4, 4, 4});
}

// A named array cannot be "assigned" a scalar: that would silently rebind in
// NumPy's model; nd makes it a compile error (use fill()).
template <class A>
concept scalar_assignable = requires(A &a) { a = 7; };
static_assert(!scalar_assignable<nd::array<int>>);
static_assert(requires(nd::array<int> a) { std::move(a) = 7; });
static_assert(std::is_copy_constructible_v<nd::array<double>>);

TEST(Handle, IsDistinguishesViews) {
  nd::array<int> a = {1, 2, 3};
  auto v = a.view();
  EXPECT_FALSE(v.is(a));
  EXPECT_TRUE(v.base()->is(a));
  EXPECT_FALSE(v.owns_data());
}

} // namespace
