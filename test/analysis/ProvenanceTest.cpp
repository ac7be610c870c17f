//===--- ProvenanceTest.cpp - Owner, view or copy at named points ---------===//
//
// What each array variable refers to: the owner of a fresh buffer, a view of
// some storage (slicing, integer index, newaxis, permutations, handle copies
// and rebinding), a copy (fancy and mask indexing, copy(), flatten), "may"
// after branches and loops, and the storage kinds of parameters, members,
// globals and lambda captures.
//
//===----------------------------------------------------------------------===//

#include "AnalysisTestFixture.h"

using namespace viewguard;
using namespace viewguard::test;
using ::testing::AllOf;
using ::testing::Not;

namespace {

class ProvenanceTest : public AnalysisTest {};

// ------------------------------------------------------ owners and views

TEST_F(ProvenanceTest, FactoriesAndBracedListsMakeOwners) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3};
      auto z = nd::zeros<double>({2, 3});
      auto r = nd::arange<int>(5);
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "a"),
              AllOf(IsOwner(), HasStorageKind(StorageKind::Local)));
  EXPECT_THAT(at("p", "z"),
              AllOf(IsOwner(), HasStorageKind(StorageKind::Local)));
  EXPECT_THAT(at("p", "r"),
              AllOf(IsOwner(), HasStorageKind(StorageKind::Local)));
  EXPECT_THAT(at("p", "a"), Not(ViewOf({"a"})));
}

TEST_F(ProvenanceTest, SliceIsAViewOfItsBase) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3, 4};
      auto v = a(nd::slice(1, 3));
      auto w = v(nd::slice(0, 1));
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "v"), ViewOf({"a"}));
  // A view of a view refers to the owner's storage, as NumPy's base does.
  EXPECT_THAT(at("p", "w"), AllOf(ViewOf({"a"}), DerivedFrom({"v", "a"})));
  EXPECT_THAT(at("p", "a"), IsOwner());
}

TEST_F(ProvenanceTest, IntegerIndexWithAllIsAView) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
      auto row = m(1, nd::all);
      auto col = m(nd::all, 2);
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "row"), AllOf(ViewOf({"m"}), HasNDim(1)));
  EXPECT_THAT(at("p", "col"), AllOf(ViewOf({"m"}), HasNDim(1)));
}

TEST_F(ProvenanceTest, ElementIndexIsNoArray) {
  // `m(1, 2)` is a reference to one element: no array variable is made.
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
      auto e = m(1, 2);
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "e"), Not(ViewOf({"m"})));
  EXPECT_EQ(decl("e"), nullptr);
}

TEST_F(ProvenanceTest, NewAxisIsAView) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = nd::zeros<int>({2, 3});
      auto n = m(nd::newaxis, nd::all);
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "n"), AllOf(ViewOf({"m"}), HasNDim(3)));
}

TEST_F(ProvenanceTest, PermutationsAreViews) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = nd::zeros<int>({2, 3});
      auto t = m.T();
      auto tr = m.transpose();
      auto s = m.swapaxes(0, 1);
      auto v = m.view();
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "t"), ViewOf({"m"}));
  EXPECT_THAT(at("p", "tr"), ViewOf({"m"}));
  EXPECT_THAT(at("p", "s"), ViewOf({"m"}));
  EXPECT_THAT(at("p", "v"), ViewOf({"m"}));
}

// ------------------------------------------------------------------ copies

TEST_F(ProvenanceTest, FancyIndexingIsACopy) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {10, 20, 30, 40};
      auto sel = a(nd::indices{0, 2});
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "sel"), IsCopy("fancy indexing", "a"));
  EXPECT_THAT(at("p", "sel"), Not(ViewOf({"a"})));
  EXPECT_EQ(storageHeldBy("sel")->Kind, StorageKind::Copy);
}

TEST_F(ProvenanceTest, MaskIndexingIsACopy) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {10, 20, 30, 40};
      auto big = a(a > 25);
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "big"), IsCopy("mask indexing", "a"));
}

TEST_F(ProvenanceTest, CopyAndFlattenAreCopies) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = nd::zeros<int>({2, 3});
      auto c = m.copy();
      auto c2 = nd::copy(m);
      auto fl = m.flatten();
      auto sc = m(0, nd::all).copy();
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "c"), IsCopy("explicit", "m"));
  EXPECT_THAT(at("p", "c2"), IsCopy("explicit", "m"));
  EXPECT_THAT(at("p", "fl"), IsCopy("flatten()", "m"));
  // A copy of a view is copied from the view's root variable.
  EXPECT_THAT(at("p", "sc"), IsCopy("explicit", "m"));
}

TEST_F(ProvenanceTest, ArithmeticIsACopy) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3};
      auto b = a + 1;
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "b"), IsCopy("arithmetic", "a"));
}

TEST_F(ProvenanceTest, SliceOfACopyIsAViewOfTheCopy) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {10, 20, 30, 40};
      auto sel = a(nd::indices{0, 1, 2});
      auto v = sel(nd::slice(0, 2));
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "v"), ViewOf({"sel"}));
  EXPECT_THAT(at("p", "v"), Not(ViewOf({"a"})));
}

// ------------------------------------------- handle copies and rebinding

TEST_F(ProvenanceTest, HandleCopiesShareTheStorage) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3};
      auto b = a;
      nd::array<int> c = b;
      auto d = c.view();
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "b"), AllOf(ViewOf({"a"}), DerivedFrom({"a"})));
  EXPECT_THAT(at("p", "c"), AllOf(ViewOf({"a"}), DerivedFrom({"b", "a"})));
  EXPECT_THAT(at("p", "d"), AllOf(ViewOf({"a"}), DerivedFrom({"c", "b", "a"})));
}

TEST_F(ProvenanceTest, ReferenceAliasIsTheVariable) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3};
      auto &r = a;
      auto v = r(nd::slice(0, 2));
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "v"), ViewOf({"a"}));
  EXPECT_THAT(at("p", "r"), Not(ViewOf({"a"}))); // not a variable of its own
}

TEST_F(ProvenanceTest, RebindingReplacesTheProvenance) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3}, e = {7, 8};
      auto d = a(nd::slice(0, 2));
      point("before");
      d = e;
      point("after");
    })cpp"));
  EXPECT_THAT(at("before", "d"), ViewOf({"a"}));
  EXPECT_THAT(at("after", "d"), ViewOf({"e"}));
  const Event &R = event("d", EventKind::Rebind);
  ASSERT_EQ(R.Old.Refs.size(), 1u);
  EXPECT_EQ(storageName(*Analysis, R.Old.Refs[0].S), "a");
}

TEST_F(ProvenanceTest, AssignmentToATemporaryViewIsNoRebinding) {
  // `a(nd::slice(0, 2)) = b` writes a's elements; `a` still owns its buffer.
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3}, b = {7, 8};
      a(nd::slice(0, 2)) = b;
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "a"), IsOwner());
  EXPECT_TRUE(eventsOf("a", EventKind::Rebind).empty());
  EXPECT_EQ(eventsOf("a", EventKind::Write).size(), 1u);
}

// ------------------------------------------------------ branches and loops

TEST_F(ProvenanceTest, BranchesJoinAsMay) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(bool c) {
      nd::array<int> a = {1, 2, 3}, b = {4, 5, 6};
      auto v = a(nd::slice(0, 2));
      if (c)
        v = b;
      point("after_if");
    })cpp"));
  EXPECT_THAT(at("after_if", "v"), MayReferTo({"a", "b"}));
  EXPECT_THAT(at("after_if", "v"), Not(ViewOf({"a"})));
  EXPECT_THAT(at("after_if", "a"), IsOwner());
}

TEST_F(ProvenanceTest, BothBranchesViewingOneBaseAreNoMay) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(bool c) {
      nd::array<int> a = {1, 2, 3, 4};
      nd::array<int> v;
      if (c)
        v = a(nd::slice(0, 2));
      else
        v = a(nd::slice(2, 4));
      point("p");
    })cpp"));
  // Two refs (two origins) to one storage: a view of 'a' either way.
  EXPECT_THAT(at("p", "v"), ViewOf({"a"}));
}

TEST_F(ProvenanceTest, ConditionalOperatorIsMay) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(bool c) {
      nd::array<int> a = {1, 2, 3}, b = {4, 5, 6};
      auto v = c ? a : b;
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "v"), MayReferTo({"a", "b"}));
}

TEST_F(ProvenanceTest, ViewOrCopyBranchIsMay) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(bool c) {
      nd::array<int> a = {1, 2, 3, 4};
      auto v = c ? a(nd::slice(0, 2)) : a(nd::indices{0, 1});
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "v"), MayReferTo({"a", "v"})); // 'v' holds the copy
}

TEST_F(ProvenanceTest, ValueAfterALoopJoinsEveryIteration) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(int n) {
      auto a = nd::zeros<int>({4});
      nd::array<int> b = {1, 2};
      nd::array<int> v = a;
      for (int i = 0; i < n; ++i) {
        point("in_loop");
        v = b;
      }
      point("after_loop");
    })cpp"));
  // The loop may run zero times: 'a' or 'b', at the top of the body too.
  EXPECT_THAT(at("after_loop", "v"), MayReferTo({"a", "b"}));
  EXPECT_THAT(at("in_loop", "v"), MayReferTo({"a", "b"}));
}

TEST_F(ProvenanceTest, FreshViewEachIterationIsOneBase) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(int n) {
      auto a = nd::zeros<int>({8});
      for (int i = 0; i + 2 <= 8 && i < n; i += 2) {
        auto pair = a(nd::slice(i, i + 2));
        point("in_loop");
      }
      point("after_loop");
    })cpp"));
  EXPECT_THAT(at("in_loop", "pair"), ViewOf({"a"}));
  // Out of scope after the loop: the state drops it.
  EXPECT_THAT(at("after_loop", "pair"), Not(ViewOf({"a"})));
  EXPECT_THAT(at("after_loop", "a"), IsOwner());
}

TEST_F(ProvenanceTest, SelfSliceInALoopConverges) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(int n) {
      auto a = nd::zeros<int>({4});
      nd::array<int> v = a;
      for (int i = 0; i < n; ++i)
        v = v(nd::slice(1, nd::_));
      point("after_loop");
    })cpp"));
  EXPECT_THAT(at("after_loop", "v"), ViewOf({"a"}));
}

TEST_F(ProvenanceTest, PingPongBuffersInALoopConverge) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(int n) {
      auto cur = nd::zeros<double>({8});
      auto next = nd::zeros<double>({8});
      for (int i = 0; i < n; ++i) {
        next.assign(cur * 0.5);
        auto t = cur;
        cur = next;
        next = t;
      }
      point("after_loop");
    })cpp"));
  EXPECT_THAT(at("after_loop", "cur"), MayReferTo({"cur", "next"}));
  EXPECT_THAT(at("after_loop", "next"), MayReferTo({"cur", "next"}));
}

// --------------------------------------------------- where storage lives

TEST_F(ProvenanceTest, ParameterStorageKinds) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(nd::array<int> byval, const nd::array<int> &cref,
           nd::array<int> &ref, int n) {
      point("entry");
      auto x = byval(nd::slice(0, 1));
      auto y = cref(nd::slice(0, 1));
      auto z = ref.T();
      point("p");
    })cpp"));
  EXPECT_THAT(at("entry", "byval"),
              AllOf(IsOwner(), HasStorageKind(StorageKind::ParamByValue)));
  EXPECT_THAT(at("entry", "cref"),
              AllOf(IsOwner(), HasStorageKind(StorageKind::ParamConstRef)));
  EXPECT_THAT(at("entry", "ref"),
              AllOf(IsOwner(), HasStorageKind(StorageKind::ParamRef)));
  EXPECT_THAT(at("p", "x"), AllOf(ViewOf({"byval"}),
                                  HasStorageKind(StorageKind::ParamByValue)));
  EXPECT_THAT(at("p", "y"), AllOf(ViewOf({"cref"}),
                                  HasStorageKind(StorageKind::ParamConstRef)));
  EXPECT_THAT(at("p", "z"),
              AllOf(ViewOf({"ref"}), HasStorageKind(StorageKind::ParamRef)));
  // Parameters are unknown arrays: no layout.
  EXPECT_THAT(at("p", "z"), HasLayout(Layout::Unknown));
  EXPECT_EQ(storageHeldBy("n"), nullptr) << "an int parameter is not tracked";
  EXPECT_TRUE(storageHeldBy("byval")->outlivesFunction());
}

TEST_F(ProvenanceTest, MembersAreMemberStorage) {
  ASSERT_TRUE(analyze(R"cpp(
    struct Filter {
      nd::array<double> coeffs = {0.25, 0.5, 0.25};
      void m() {
        auto head = coeffs(nd::slice(0, 2));
        auto tail = this->coeffs(nd::slice(1, nd::_));
        point("p");
      }
    };)cpp",
                      "Filter::m"));
  EXPECT_THAT(at("p", "head"),
              AllOf(ViewOf({"coeffs"}), HasStorageKind(StorageKind::Member)));
  EXPECT_THAT(at("p", "tail"),
              AllOf(ViewOf({"coeffs"}), HasStorageKind(StorageKind::Member)));
  EXPECT_TRUE(storageHeldBy("coeffs")->outlivesFunction());
}

TEST_F(ProvenanceTest, GlobalsAreGlobalStorage) {
  ASSERT_TRUE(analyze(R"cpp(
    nd::array<int> g_table = nd::arange<int>(10);
    void f() {
      auto first = g_table(nd::slice(0, 3));
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "first"),
              AllOf(ViewOf({"g_table"}), HasStorageKind(StorageKind::Global)));
}

TEST_F(ProvenanceTest, LambdaCaptureByReferenceIsCaptureStorage) {
  ASSERT_TRUE(analyzeLambda(R"cpp(
    void f() {
      nd::array<int> data = {1, 2, 3, 4};
      auto g = [&data]() {
        auto head = data(nd::slice(0, 2));
        point("in_lambda");
        return nd::sum(head);
      };
      g();
    })cpp"));
  EXPECT_THAT(at("in_lambda", "head"),
              AllOf(ViewOf({"data"}), HasStorageKind(StorageKind::Capture)));
  EXPECT_TRUE(storageHeldBy("data")->outlivesFunction());
}

TEST_F(ProvenanceTest, LambdaCaptureByCopyIsCaptureStorageToo) {
  // Copying a handle shares the buffer: a by-copy capture is the caller's
  // array all the same.
  ASSERT_TRUE(analyzeLambda(R"cpp(
    void f() {
      nd::array<int> data = {1, 2, 3, 4};
      auto g = [data]() {
        auto head = data(nd::slice(0, 2));
        point("in_lambda");
        return nd::sum(head);
      };
      g();
    })cpp"));
  EXPECT_THAT(at("in_lambda", "head"),
              AllOf(ViewOf({"data"}), HasStorageKind(StorageKind::Capture)));
}

TEST_F(ProvenanceTest, DefaultCaptureAndLambdaParameters) {
  ASSERT_TRUE(analyzeLambda(R"cpp(
    void f() {
      nd::array<int> data = {1, 2, 3, 4};
      auto g = [&](nd::array<int> p) {
        auto a = data(nd::slice(0, 2));
        auto b = p(nd::slice(0, 1));
        point("in_lambda");
      };
      g(data);
    })cpp"));
  EXPECT_THAT(at("in_lambda", "a"), HasStorageKind(StorageKind::Capture));
  EXPECT_THAT(at("in_lambda", "b"),
              AllOf(ViewOf({"p"}), HasStorageKind(StorageKind::ParamByValue)));
}

TEST_F(ProvenanceTest, CapturingEscapesInTheEnclosingFunction) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> data = {1, 2, 3, 4};
      auto g = [&data]() { data.fill(0); };
      g();
    })cpp"));
  EXPECT_EQ(eventsOf("data", EventKind::Escape).size(), 1u);
  // The lambda's body is a function of its own: its write is not f's event.
  EXPECT_TRUE(eventsOf("data", EventKind::Write).empty());
}

TEST_F(ProvenanceTest, UnknownCallResultIsUnknownStorage) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      auto m = make();
      auto v = m(nd::slice(0, 1));
      point("p");
    })cpp"));
  EXPECT_THAT(at("p", "m"), HasStorageKind(StorageKind::Unknown));
  EXPECT_THAT(at("p", "v"), AllOf(ViewOf({"S0"}), HasLayout(Layout::Unknown)));
}

} // namespace
