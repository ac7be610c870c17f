//===--- LayoutTest.cpp - Layouts, geometry, reshape verdicts, regions ----===//
//
// NumPy's layout rules applied statically (LayoutRules.h): basic indexing and
// permutations keep or lose C-contiguity, constant shapes and strides are
// tracked as Geometry, reshape and ravel are views exactly when NumPy's
// no-copy reshape succeeds ("may" when that is not known), and constant basic
// indices of a storage's own handle give the region they select. Every
// verdict here was checked against NumPy (python3 -c "import numpy ...";
// np.shares_memory).
//
//===----------------------------------------------------------------------===//

#include "Analysis/LayoutRules.h"
#include "AnalysisTestFixture.h"

using namespace viewguard;
using namespace viewguard::test;
using ::testing::AllOf;
using ::testing::Not;

namespace {

class LayoutTest : public AnalysisTest {};

constexpr int64_t Any = Region::Any;

// ------------------------------------------------------------ geometry

TEST_F(LayoutTest, FactoryWithConstantShapeHasGeometry) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = nd::zeros<int>({2, 3});
      nd::array<int> b = {{1, 2}, {3, 4}};
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "m"), AllOf(HasLayout(Layout::Contiguous), HasNDim(2),
                                  HasGeometry({2, 3}, {3, 1})));
  // A braced list gives the rank, not the extents.
  EXPECT_THAT(at("p", "b"), AllOf(HasLayout(Layout::Contiguous), HasNDim(2),
                                  HasNoGeometry()));
}

TEST_F(LayoutTest, SlicesKeepOrLoseContiguity) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = nd::zeros<int>({4, 6});
      auto rows = m(nd::slice(1, 3));
      auto row = m(1, nd::all);
      auto col = m(nd::all, 1);
      auto every2 = m(nd::all, nd::slice(nd::_, nd::_, 2));
      auto rev = m(nd::slice(nd::_, nd::_, -1));
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "rows"), AllOf(HasLayout(Layout::Contiguous),
                                     HasGeometry({2, 6}, {6, 1})));
  EXPECT_THAT(at("p", "row"),
              AllOf(HasLayout(Layout::Contiguous), HasGeometry({6}, {1})));
  EXPECT_THAT(at("p", "col"),
              AllOf(HasLayout(Layout::Strided), HasGeometry({4}, {6})));
  EXPECT_THAT(at("p", "every2"),
              AllOf(HasLayout(Layout::Strided), HasGeometry({4, 3}, {6, 2})));
  EXPECT_THAT(at("p", "rev"),
              AllOf(HasLayout(Layout::Strided), HasGeometry({4, 6}, {-6, 1})));
}

TEST_F(LayoutTest, LayoutWithoutGeometry) {
  // Extents not known: the layout alone is still derived.
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
      auto row = m(1, nd::all);
      auto col = m(nd::all, 1);
      auto step = m(nd::slice(0, 2, 2));
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "row"), AllOf(HasLayout(Layout::Contiguous), HasNDim(1),
                                    HasNoGeometry()));
  EXPECT_THAT(at("p", "col"), AllOf(HasLayout(Layout::Strided), HasNDim(1)));
  EXPECT_THAT(at("p", "step"), AllOf(HasLayout(Layout::Strided), HasNDim(2)));
}

TEST_F(LayoutTest, NewAxisAddsAnAxisOfLengthOne) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = nd::zeros<int>({2, 3});
      auto n = m(nd::newaxis, nd::all);
      auto k = m(nd::all, nd::newaxis);
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "n"), AllOf(HasLayout(Layout::Contiguous),
                                  HasGeometry({1, 2, 3}, {0, 3, 1})));
  EXPECT_THAT(at("p", "k"), AllOf(HasLayout(Layout::Contiguous),
                                  HasGeometry({2, 1, 3}, {3, 0, 1})));
}

TEST_F(LayoutTest, PermutationsAreStrided) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(nd::array<int> p) {
      auto m = nd::zeros<int>({2, 3});
      auto t = m.T();
      auto s = m.swapaxes(0, 1);
      auto s2 = m.swapaxes(-1, 0);
      auto line = nd::zeros<int>({5});
      auto lt = line.T();
      nd::array<int> q = {{1, 2}, {3, 4}};
      auto qt = q.transpose();
      auto pt = p.T();
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "t"),
              AllOf(HasLayout(Layout::Strided), HasGeometry({3, 2}, {1, 3})));
  EXPECT_THAT(at("p", "s"),
              AllOf(HasLayout(Layout::Strided), HasGeometry({3, 2}, {1, 3})));
  EXPECT_THAT(at("p", "s2"), HasGeometry({3, 2}, {1, 3}));
  // A 1-D transpose is the array itself.
  EXPECT_THAT(at("p", "lt"), HasLayout(Layout::Contiguous));
  // Rank 2 without extents: strided all the same.
  EXPECT_THAT(at("p", "qt"), AllOf(HasLayout(Layout::Strided), HasNDim(2)));
  // A parameter's layout is not known, nor its transpose's.
  EXPECT_THAT(at("p", "pt"), HasLayout(Layout::Unknown));
}

// ------------------------------------------------- reshape and ravel

TEST_F(LayoutTest, ReshapeOfAStep2SliceOfConstantShapeIsAView) {
  // NumPy: np.shares_memory(a[0:8:2].reshape(2, 2), a) is True.
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto a = nd::zeros<int>({8});
      auto r = a(nd::slice(0, 8, 2)).reshape({2, 2});
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "r"), AllOf(ViewOf({"a"}), HasLayout(Layout::Strided),
                                  HasGeometry({2, 2}, {4, 2})));
}

TEST_F(LayoutTest, ReshapeOfAStep2SliceOfArangeIsAView) {
  // arange's extent is not known to the analysis (its arguments are not a
  // shape), but any 1-D array reshapes without a copy: a view.
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = nd::arange<int>(8);
      auto r = a(nd::slice(0, 8, 2)).reshape({2, 2});
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "a"), AllOf(HasNoGeometry(), HasNDim(1)));
  EXPECT_THAT(at("p", "r"), ViewOf({"a"}));
}

TEST_F(LayoutTest, ReshapeOfATransposeIsACopy) {
  // NumPy: np.shares_memory(m.T.reshape(6), m) is False.
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = nd::zeros<int>({2, 3});
      auto r = m.T().reshape({6});
      auto same = m.T().reshape({3, 2});
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "r"),
              AllOf(IsCopy("reshape", "m"), HasLayout(Layout::Contiguous),
                    HasGeometry({6}, {1})));
  EXPECT_THAT(at("p", "r"), Not(ViewOf({"m"})));
  // To its own shape: a view (NumPy: shares memory).
  EXPECT_THAT(at("p", "same"), AllOf(ViewOf({"m"}), HasShape({3, 2})));
}

TEST_F(LayoutTest, RavelOfATransposeIsACopy) {
  // NumPy: np.shares_memory(m.T.ravel(), m) is False.
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = nd::zeros<int>({2, 3});
      auto r = m.T().ravel();
      auto flat = m.ravel();
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "r"), IsCopy("ravel", "m"));
  EXPECT_THAT(at("p", "flat"), AllOf(ViewOf({"m"}), HasGeometry({6}, {1})));
}

TEST_F(LayoutTest, NoCopyReshapeOfAStridedArray) {
  // z[:, ::2].reshape(12) is a view (rows of stride 6 = 3 * 2 merge);
  // z[::2].reshape(12) and z[::2].ravel() copy; z[1:3].ravel() is a view.
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto z = nd::zeros<int>({4, 6});
      auto merged = z(nd::all, nd::slice(nd::_, nd::_, 2)).reshape({12});
      auto split = z(nd::all, nd::slice(nd::_, nd::_, 2)).reshape({4, 3});
      auto gaps = z(nd::slice(nd::_, nd::_, 2)).reshape({12});
      auto gaps_ravel = z(nd::slice(nd::_, nd::_, 2)).ravel();
      auto rows_ravel = z(nd::slice(1, 3)).ravel();
      auto inferred = z(nd::all, nd::slice(nd::_, nd::_, 2)).reshape({-1});
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "merged"), AllOf(ViewOf({"z"}), HasGeometry({12}, {2})));
  EXPECT_THAT(at("p", "split"), ViewOf({"z"}));
  EXPECT_THAT(at("p", "gaps"), IsCopy("reshape", "z"));
  EXPECT_THAT(at("p", "gaps_ravel"), IsCopy("ravel", "z"));
  EXPECT_THAT(at("p", "rows_ravel"), AllOf(ViewOf({"z"}), HasShape({12})));
  EXPECT_THAT(at("p", "inferred"), AllOf(ViewOf({"z"}), HasShape({12})));
}

TEST_F(LayoutTest, ReshapeOfUnknownShapeStridedIsMay) {
  // Strided without extents, in 2-D: a view or a copy depending on the
  // shape. (A 1-D array, strided or not, always reshapes to a view.)
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {{1, 2, 3, 4}, {5, 6, 7, 8}};
      auto s = a(nd::all, nd::slice(0, 4, 2));
      auto r = s.reshape({4});
      auto one = a(0, nd::slice(0, 4, 2)).reshape({2, 1});
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "s"), AllOf(HasLayout(Layout::Strided), HasNoGeometry()));
  // 'r' holds the possible copy.
  EXPECT_THAT(at("p", "r"), MayReferTo({"a", "r"}));
  ASSERT_NE(storageHeldBy("r"), nullptr);
  EXPECT_EQ(storageHeldBy("r")->CopyKind, "reshape");
  EXPECT_THAT(at("p", "one"), ViewOf({"a"}));
}

TEST_F(LayoutTest, ReshapeOfUnknownLayoutIsMay) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(const nd::array<int> &p) {
      auto r = p.reshape({2, 2});
      auto q = p.ravel();
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "r"), MayReferTo({"p", "r"}));
  EXPECT_THAT(at("p", "q"), MayReferTo({"p", "q"}));
}

TEST_F(LayoutTest, ReshapeOfContiguousWithoutExtentsIsAView) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3, 4};
      auto r = a.reshape({2, 2});
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "r"), AllOf(ViewOf({"a"}), HasLayout(Layout::Contiguous),
                                  HasGeometry({2, 2}, {2, 1})));
}

TEST_F(LayoutTest, ReshapeVerdictFollowsTheStateAtTheUse) {
  // One reshape expression, two sources: the copy branch writes a
  // temporary (lost), the view branch writes 'm'.
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = nd::zeros<int>({2, 3});
      nd::array<int> src = m.T();
      src.reshape({6}).fill(1);
      src = m;
      src.reshape({6}).fill(2);
    })cpp"));
  auto Temp = eventsOfKind(EventKind::TempWrite);
  ASSERT_EQ(Temp.size(), 1u);
  EXPECT_EQ(Temp[0]->CopyKind, "reshape");
  EXPECT_EQ(nameOf(Temp[0]->Var), "src");
  ASSERT_EQ(eventsOf("src", EventKind::Write).size(), 1u);
  EXPECT_TRUE(Analysis->after(*Temp[0], event("src", EventKind::Write)));
}

TEST(NoCopyReshapeTest, NumPysAttemptNoCopyReshape) {
  // The function LayoutRules runs on known geometries, against NumPy.
  Geometry Step2{{4}, {2}};
  auto S = attemptNoCopyReshape(Step2, {2, 2});
  ASSERT_TRUE(S.has_value());
  EXPECT_EQ(std::vector<int64_t>(S->begin(), S->end()),
            (std::vector<int64_t>{4, 2}));
  Geometry Transposed{{3, 2}, {1, 3}};
  EXPECT_FALSE(attemptNoCopyReshape(Transposed, {6}).has_value());
  EXPECT_TRUE(attemptNoCopyReshape(Transposed, {3, 2}).has_value());
  EXPECT_TRUE(isCContiguous(Geometry{{2, 1, 3}, {3, 0, 1}}));
  EXPECT_FALSE(isCContiguous(Transposed));
  EXPECT_TRUE(isCContiguous(Geometry{{0, 3}, {7, 5}})); // empty
}

// ----------------------------------------------------------------- regions

TEST_F(LayoutTest, RegionsOfConstantIndices) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(int i) {
      auto m = nd::zeros<int>({4, 6});
      auto row1 = m(1, nd::all);
      auto rows = m(nd::slice(1, 3));
      auto block = m(nd::slice(0, 2), nd::slice(2, 4));
      auto stepped = m(nd::slice(0, 4, 2));
      auto dynamic = m(i, nd::all);
      auto whole = m.view();
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "row1"), HasRegion({{1, 2}, {Any, Any}}));
  EXPECT_THAT(at("p", "rows"), HasRegion({{1, 3}}));
  EXPECT_THAT(at("p", "block"), HasRegion({{0, 2}, {2, 4}}));
  // Only step-1 ranges and constant integers are regions.
  EXPECT_THAT(at("p", "stepped"), HasRegion({{Any, Any}}));
  EXPECT_THAT(at("p", "dynamic"), HasRegion({{Any, Any}, {Any, Any}}));
  EXPECT_THAT(at("p", "whole"), HasRegion({}));
}

TEST_F(LayoutTest, RegionsOnlyOfTheStoragesOwnHandle) {
  // Indices of a view are relative to the view, not to the storage.
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = nd::zeros<int>({4, 6});
      auto rows = m(nd::slice(1, 3));
      auto sub = rows(0, nd::all);
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "sub"), AllOf(ViewOf({"m"}), HasRegion({})));
}

TEST_F(LayoutTest, DisjointRegions) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = nd::zeros<int>({4, 6});
      auto r0 = m(0, nd::all);
      auto r1 = m(1, nd::all);
      auto top = m(nd::slice(0, 2));
      point("p");
    })cpp"));
  auto Part = [&](const char *Var) {
    VarAt X = at("p", Var);
    EXPECT_TRUE(X.Val && X.Val->Refs.size() == 1) << Var;
    return X.Val && !X.Val->Refs.empty() ? X.Val->Refs[0].Part : Region();
  };
  EXPECT_TRUE(Part("r0").disjointFrom(Part("r1")));
  EXPECT_FALSE(Part("r0").disjointFrom(Part("top")));
  EXPECT_FALSE(Part("r1").disjointFrom(Part("top")));
}

TEST_F(LayoutTest, WriteEventsCarryTheRegionWritten) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = nd::zeros<int>({4, 6});
      m(1, nd::all).fill(0);
      m(0, 2) = 5;
      m(nd::slice(2, 4)) = 7;
    })cpp"));
  auto Writes = eventsOf("m", EventKind::Write);
  ASSERT_EQ(Writes.size(), 3u) << dump();
  auto Axes = [](const Event *E) {
    return std::vector<std::pair<int64_t, int64_t>>(E->Part.Axes.begin(),
                                                    E->Part.Axes.end());
  };
  EXPECT_EQ(Axes(Writes[0]),
            (std::vector<std::pair<int64_t, int64_t>>{{1, 2}, {Any, Any}}));
  EXPECT_EQ(Writes[0]->Form, WriteForm::Call);
  EXPECT_EQ(Axes(Writes[1]),
            (std::vector<std::pair<int64_t, int64_t>>{{0, 1}, {2, 3}}));
  EXPECT_EQ(Writes[1]->Form, WriteForm::Element);
  EXPECT_EQ(Axes(Writes[2]),
            (std::vector<std::pair<int64_t, int64_t>>{{2, 4}}));
  EXPECT_EQ(Writes[2]->Form, WriteForm::Assign);
}

} // namespace
