//===--- SummariesTest.cpp - Call summaries and the pre-filter ------------===//
//
// A function defined in the translation unit is summarised from its own
// analysis (which array parameters it reads, writes, may write, and which
// its result is a view of), and its callers use the summary. A function that
// mentions no array type is not analysed at all: no CFG, no events.
//
//===----------------------------------------------------------------------===//

#include "AnalysisTestFixture.h"

using namespace viewguard;
using namespace viewguard::test;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

class SummariesTest : public AnalysisTest {};

using K = EventKind;

const char *const Helpers = R"cpp(
    void fill_first(nd::array<int> &x, int v) { x[0] = v; }
    nd::array<int> head(const nd::array<int> &x) {
      return x(nd::slice(0, 2));
    }
    int total(const nd::array<int> &x) { return nd::sum(x); }
    long count(const nd::array<int> &x) { return x.size(); }
    void forward(nd::array<int> &x) { touch(x); }
    nd::array<int> pick(bool c, nd::array<int> p, nd::array<int> q) {
      return c ? p : q;
    }
)cpp";

TEST_F(SummariesTest, WritesItsReferenceParameter) {
  ASSERT_TRUE(analyze(std::string(Helpers) + R"cpp(
    void f() {})cpp"));
  const FunctionSummary *S = summaryOf("fill_first");
  ASSERT_NE(S, nullptr);
  EXPECT_THAT(S->Writes, ElementsAre(true, false));
  EXPECT_THAT(S->Reads, ElementsAre(false, false));
  EXPECT_THAT(S->ResultViewOf, ElementsAre(false, false));
}

TEST_F(SummariesTest, ReturnsAViewOfItsParameter) {
  ASSERT_TRUE(analyze(std::string(Helpers) + R"cpp(
    void f() {})cpp"));
  const FunctionSummary *S = summaryOf("head");
  ASSERT_NE(S, nullptr);
  EXPECT_THAT(S->ResultViewOf, ElementsAre(true));
  EXPECT_THAT(S->Writes, ElementsAre(false));
  // Returning reads (the caller may read the result).
  EXPECT_THAT(S->Reads, ElementsAre(true));
}

TEST_F(SummariesTest, ReadsMetadataAndMayWrites) {
  ASSERT_TRUE(analyze(std::string(Helpers) + R"cpp(
    void f() {})cpp"));
  const FunctionSummary *Total = summaryOf("total");
  ASSERT_NE(Total, nullptr);
  EXPECT_THAT(Total->Reads, ElementsAre(true));
  const FunctionSummary *Count = summaryOf("count");
  ASSERT_NE(Count, nullptr);
  EXPECT_THAT(Count->Reads, ElementsAre(false));
  EXPECT_THAT(Count->MayWrites, ElementsAre(false));
  const FunctionSummary *Fwd = summaryOf("forward");
  ASSERT_NE(Fwd, nullptr);
  EXPECT_THAT(Fwd->MayWrites, ElementsAre(true));
  EXPECT_THAT(Fwd->Writes, ElementsAre(false));
  const FunctionSummary *Pick = summaryOf("pick");
  ASSERT_NE(Pick, nullptr);
  EXPECT_THAT(Pick->ResultViewOf, ElementsAre(false, true, true));
}

TEST_F(SummariesTest, CallerSeesTheWrite) {
  ASSERT_TRUE(analyze(std::string(Helpers) + R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3};
      auto v = a(nd::slice(1, 3));
      fill_first(v, 7);
    })cpp"));
  const Event &W = event("v", K::Write);
  EXPECT_EQ(W.Form, WriteForm::Call);
  EXPECT_EQ(W.Callee, "fill_first");
  // Reported at the argument: that is what the callee writes.
  EXPECT_EQ(W.Anchor, W.UseExpr);
  EXPECT_THAT(eventsOf("v", K::MayWrite), IsEmpty());
}

TEST_F(SummariesTest, WithoutSummariesTheCallMayWrite) {
  ASSERT_TRUE(analyze(std::string(Helpers) + R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3};
      auto v = a(nd::slice(1, 3));
      fill_first(v, 7);
    })cpp",
                      "f", /*WithSummaries=*/false));
  EXPECT_THAT(eventsOf("v", K::Write), IsEmpty());
  EXPECT_EQ(eventsOf("v", K::MayWrite).size(), 1u);
}

TEST_F(SummariesTest, CallerSeesTheReturnedView) {
  ASSERT_TRUE(analyze(std::string(Helpers) + R"cpp(
    void f(bool c) {
      nd::array<int> a = {1, 2, 3}, b = {4, 5, 6};
      auto h = head(a);
      auto p = pick(c, a, b);
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "h"), AllOf(ViewOf({"a"}), HasLayout(Layout::Unknown)));
  EXPECT_THAT(at("p", "p"), MayReferTo({"a", "b"}));
}

TEST_F(SummariesTest, WithoutSummariesTheResultIsUnknown) {
  ASSERT_TRUE(analyze(std::string(Helpers) + R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3};
      auto h = head(a);
      point("p");
    })cpp",
                      "f", /*WithSummaries=*/false));
  EXPECT_THAT(at("p", "h"), HasStorageKind(StorageKind::Unknown));
}

TEST_F(SummariesTest, MetadataOnlyCalleeIsNoRead) {
  ASSERT_TRUE(analyze(std::string(Helpers) + R"cpp(
    long f() {
      nd::array<int> a = {1, 2, 3};
      return count(a) + total(a);
    })cpp"));
  EXPECT_THAT(kindsOf("a"), ElementsAre(K::Derive, K::Metadata, K::Read));
}

TEST_F(SummariesTest, RecursiveFunctionGetsASummary) {
  ASSERT_TRUE(analyze(R"cpp(
    void zero_down(nd::array<int> &x, int n) {
      if (n <= 0)
        return;
      x[n - 1] = 0;
      zero_down(x, n - 1);
    }
    void f() {})cpp"));
  const FunctionSummary *S = summaryOf("zero_down");
  ASSERT_NE(S, nullptr);
  EXPECT_THAT(S->Writes, ElementsAre(true, false));
}

TEST_F(SummariesTest, BodilessFunctionsHaveNoSummary) {
  ASSERT_TRUE(analyze(R"cpp(
    void external(nd::array<int> &);
    void f() {})cpp"));
  EXPECT_EQ(summaryOf("external"), nullptr); // declared, never defined
  EXPECT_EQ(AnalysisCache::get(context(), ApiOptions{}).summaryFor(nullptr),
            nullptr);
}

// -------------------------------------------------------------- pre-filter

TEST_F(SummariesTest, FunctionWithoutArraysHasNoEvents) {
  ASSERT_TRUE(analyze(R"cpp(
    int f(int x) {
      int y = x + 1;
      point("p");
      return y * 2;
    })cpp"));
  EXPECT_THAT(Analysis->events(), IsEmpty());
  EXPECT_THAT(Analysis->storages(), IsEmpty());
  // No CFG is built: the observer sees nothing, and nothing is after
  // anything.
  EXPECT_FALSE(reached("p"));
  Event E;
  EXPECT_FALSE(Analysis->after(E, E));
  EXPECT_THAT(Analysis->summarize().Writes, ElementsAre(false));
}

TEST_F(SummariesTest, UnusedArrayParameterIsAnalysed) {
  // An array parameter alone is enough to build the CFG.
  ASSERT_TRUE(analyze(R"cpp(
    int f(const nd::array<int> &p) {
      point("p");
      return 1;
    })cpp"));
  EXPECT_TRUE(reached("p"));
  EXPECT_EQ(Analysis->storages().size(), 1u);
  EXPECT_THAT(Analysis->events(), IsEmpty());
}

TEST_F(SummariesTest, ArrayMentionedOnlyInAnExpressionIsAnalysed) {
  ASSERT_TRUE(analyze(R"cpp(
    int f() {
      point("p");
      return nd::sum(make());
    })cpp"));
  EXPECT_TRUE(reached("p"));
}

} // namespace
