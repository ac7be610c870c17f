//===--- EventsTest.cpp - Events and the "after" path query ---------------===//
//
// Every use of an array variable becomes one event (read, write, may-write,
// escape, derive, rebind, use, metadata, temp-write) with the variable's
// provenance there; writes say how they were spelled. FunctionAnalysis::after
// answers whether one event can run after another, with redefinitions as
// kills, and says when only a loop's back edge makes it so.
//
//===----------------------------------------------------------------------===//

#include "AnalysisTestFixture.h"

using namespace viewguard;
using namespace viewguard::test;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

class EventsTest : public AnalysisTest {};

using K = EventKind;

// ------------------------------------------------------------------ kinds

TEST_F(EventsTest, DeriveUseReadWriteOfAView) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3};
      auto v = a(nd::slice(0, 2));
      v[0] = 7;
      use(v);
      use(a);
    })cpp"));
  EXPECT_THAT(kindsOf("a"), ElementsAre(K::Derive, K::Use, K::Read));
  EXPECT_THAT(kindsOf("v"), ElementsAre(K::Derive, K::Write, K::Read));
  // Each event carries the provenance of its variable there.
  const Event &W = event("v", K::Write);
  ASSERT_EQ(W.Val.Refs.size(), 1u);
  EXPECT_EQ(storageName(*Analysis, W.Val.Refs[0].S), "a");
  EXPECT_EQ(W.Val.Refs[0].Rel, Relation::View);
  // The storage index finds every event on a's buffer, through 'v' too.
  StorageId A = W.Val.Refs[0].S;
  EXPECT_EQ(Analysis->eventsOn(A).size(), 6u);
  // creationOf: the Derive that made the ref.
  EXPECT_EQ(Analysis->creationOf(W.Var, W.Val.Refs[0]), &event("v", K::Derive));
}

TEST_F(EventsTest, WriteForms) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> v = {1, 2, 3};
      v(nd::slice(0, 2)) = 7;
      v += 1;
      v[0] = 5;
      v(1) = 6;
      ++v[2];
      v.fill(0);
      v.assign(v * 2);
      v.put(nd::indices{0}, 1);
    })cpp"));
  auto W = eventsOf("v", K::Write);
  ASSERT_EQ(W.size(), 8u) << dump();
  EXPECT_EQ(W[0]->Form, WriteForm::Assign);
  EXPECT_EQ(W[1]->Form, WriteForm::Compound);
  EXPECT_EQ(W[2]->Form, WriteForm::Element);
  EXPECT_EQ(W[3]->Form, WriteForm::Element);
  EXPECT_EQ(W[4]->Form, WriteForm::Element);
  EXPECT_EQ(W[5]->Form, WriteForm::Call);
  EXPECT_EQ(W[5]->Callee, "fill");
  EXPECT_EQ(W[6]->Form, WriteForm::Call);
  EXPECT_EQ(W[6]->Callee, "assign");
  EXPECT_EQ(W[7]->Callee, "put");
  // The anchor is the whole write, the use expression the variable.
  EXPECT_TRUE(clang::isa<clang::CXXOperatorCallExpr>(W[1]->Anchor));
  EXPECT_TRUE(clang::isa<clang::DeclRefExpr>(W[1]->UseExpr));
}

TEST_F(EventsTest, ElementReadsAreReads) {
  ASSERT_TRUE(analyze(R"cpp(
    int f() {
      nd::array<int> v = {1, 2, 3};
      int x = v[0] + v(1);
      return x + nd::sum(v);
    })cpp"));
  EXPECT_THAT(kindsOf("v"), ElementsAre(K::Derive, K::Read, K::Read, K::Read));
}

TEST_F(EventsTest, MetadataIsNoRead) {
  ASSERT_TRUE(analyze(R"cpp(
    long f() {
      nd::array<int> v = {1, 2, 3};
      auto w = v;
      return v.size() + v.ndim() + (long)v.shape()[0] +
             (nd::shares_memory(v, w) ? 1 : 0);
    })cpp"));
  EXPECT_THAT(eventsOf("v", K::Read), IsEmpty());
  EXPECT_EQ(eventsOf("v", K::Metadata).size(), 4u);
  EXPECT_THAT(kindsOf("w"), ElementsAre(K::Derive, K::Metadata));
}

TEST_F(EventsTest, UnknownCalleesMayWrite) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> v = {1, 2, 3};
      use(v);
      touch(v);
      sink(v);
    })cpp"));
  // const& is a read; & and by value may be written.
  EXPECT_THAT(kindsOf("v"), ElementsAre(K::Derive, K::Read, K::Read,
                                        K::MayWrite, K::Read, K::MayWrite));
}

TEST_F(EventsTest, Escapes) {
  ASSERT_TRUE(analyze(R"cpp(
    struct Box { nd::array<int> held; };
    nd::array<int> f(bool c) {
      nd::array<int> a = {1, 2, 3}, b = {4, 5};
      Box box{b};
      if (c)
        return a(nd::slice(0, 2));
      return b;
    })cpp"));
  auto EA = eventsOf("a", K::Escape);
  ASSERT_EQ(EA.size(), 1u);
  EXPECT_TRUE(EA[0]->ThroughReturn);
  auto EB = eventsOf("b", K::Escape);
  ASSERT_EQ(EB.size(), 2u);
  EXPECT_FALSE(EB[0]->ThroughReturn); // stored into 'box'
  EXPECT_TRUE(EB[1]->ThroughReturn);
}

TEST_F(EventsTest, RebindAndDerive) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3}, b = {4, 5};
      auto row = a(nd::slice(0, 2));
      row = b;
    })cpp"));
  EXPECT_THAT(kindsOf("row"), ElementsAre(K::Derive, K::Rebind));
  const Event &R = event("row", K::Rebind);
  EXPECT_TRUE(R.isDefinition());
  EXPECT_TRUE(clang::isa<clang::CXXOperatorCallExpr>(R.Anchor));
  EXPECT_THAT((VarAt{"rebind", "row", Analysis.get(), R.Val, ""}),
              ViewOf({"b"}));
  EXPECT_THAT((VarAt{"rebind (old)", "row", Analysis.get(), R.Old, ""}),
              ViewOf({"a"}));
}

TEST_F(EventsTest, WriteToAMaskCopyIsATempWrite) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3, 4};
      a(a > 2) = 0;
    })cpp"));
  auto T = eventsOf("a", K::TempWrite);
  ASSERT_EQ(T.size(), 1u) << dump();
  EXPECT_EQ(T[0]->CopyKind, "mask indexing");
  EXPECT_EQ(T[0]->Form, WriteForm::Assign);
  EXPECT_NE(T[0]->CopyExpr, nullptr);
  // 'a' itself is only read: the mask and the copy.
  EXPECT_THAT(eventsOf("a", K::Write), IsEmpty());
  EXPECT_EQ(eventsOf("a", K::Read).size(), 2u);
}

TEST_F(EventsTest, TempWritesOfFancyCopies) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3, 4};
      a(nd::indices{0, 2}).fill(0);
      a(nd::indices{1})[0] = 9;
      a.copy() += 1;
    })cpp"));
  auto T = eventsOf("a", K::TempWrite);
  ASSERT_EQ(T.size(), 3u) << dump();
  EXPECT_EQ(T[0]->CopyKind, "fancy indexing");
  EXPECT_EQ(T[0]->Callee, "fill");
  EXPECT_EQ(T[1]->CopyKind, "fancy indexing");
  EXPECT_EQ(T[1]->Form, WriteForm::Element);
  EXPECT_EQ(T[2]->CopyKind, "explicit");
  EXPECT_EQ(T[2]->Form, WriteForm::Compound);
}

TEST_F(EventsTest, WritesThroughViewsAndPutAreNoTempWrites) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3, 4};
      a(nd::slice(1, 3)) = 0;
      a.put(a > 2, 0);
      a.T().fill(1);
    })cpp"));
  EXPECT_THAT(eventsOfKind(K::TempWrite), IsEmpty());
  EXPECT_EQ(eventsOf("a", K::Write).size(), 3u);
}

TEST_F(EventsTest, NamedCopyWritesAreWritesOfTheCopy) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> arr = {1, 2, 3};
      auto sel = arr(nd::indices{0, 2});
      sel[0] = -1;
      use(arr);
    })cpp"));
  const Event &W = event("sel", K::Write);
  ASSERT_EQ(W.Val.Refs.size(), 1u);
  EXPECT_TRUE(Analysis->storage(W.Val.Refs[0].S).isCopy());
  EXPECT_THAT(eventsOf("arr", K::Write), IsEmpty());
  EXPECT_THAT(eventsOfKind(K::TempWrite), IsEmpty());
}

TEST_F(EventsTest, FullExpressionGroupsEvents) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3};
      auto v = a(nd::slice(0, 2));
      v.assign(a(nd::slice(1, 3)));
    })cpp"));
  const Event &W = event("v", K::Write);
  auto Same = Analysis->eventsIn(W.FullExpr);
  bool HasReadOfA = false;
  for (unsigned I : Same) {
    const Event &E = Analysis->events()[I];
    HasReadOfA |= E.Kind == K::Read && nameOf(E.Var) == "a";
  }
  EXPECT_TRUE(HasReadOfA) << dump();
}

// ------------------------------------------------------------------ after

TEST_F(EventsTest, AfterInOneBlock) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3};
      auto v = a(nd::slice(0, 2));
      use(a);
      v[0] = 7;
      use(a);
    })cpp"));
  const Event &Before = event("a", K::Read, 0);
  const Event &W = event("v", K::Write);
  const Event &Later = event("a", K::Read, 1);
  EXPECT_EQ(after(W, Later), Order::After);
  EXPECT_EQ(after(W, Before), Order::NotAfter);
  EXPECT_EQ(after(Before, W), Order::After);
  EXPECT_EQ(Before.Block, Later.Block);
}

TEST_F(EventsTest, AfterInOneExpressionFollowsSequencing) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3};
      (use(a), a.fill(0)), use(a);
    })cpp"));
  const Event &R0 = event("a", K::Read, 0);
  const Event &W = event("a", K::Write);
  const Event &R1 = event("a", K::Read, 1);
  EXPECT_EQ(after(R0, W), Order::After);
  EXPECT_EQ(after(W, R1), Order::After);
  EXPECT_EQ(after(W, R0), Order::NotAfter);
}

TEST_F(EventsTest, AfterAcrossBlocks) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(bool c) {
      nd::array<int> a = {1, 2, 3};
      auto v = a(nd::slice(0, 2));
      v.fill(1);
      if (c)
        use(a);
      else
        use(v);
      use(v);
    })cpp"));
  const Event &W = event("v", K::Write);
  const Event &ThenRead = event("a", K::Read);
  const Event &ElseRead = event("v", K::Read, 0);
  const Event &Join = event("v", K::Read, 1);
  EXPECT_NE(W.Block, ThenRead.Block);
  EXPECT_EQ(after(W, ThenRead), Order::After);
  EXPECT_EQ(after(W, ElseRead), Order::After);
  EXPECT_EQ(after(W, Join), Order::After);
  // The two branches never follow each other.
  EXPECT_EQ(after(ThenRead, ElseRead), Order::NotAfter);
  EXPECT_EQ(after(ElseRead, ThenRead), Order::NotAfter);
  EXPECT_EQ(after(Join, W), Order::NotAfter);
}

TEST_F(EventsTest, RedefinitionKillsThePath) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(bool c) {
      nd::array<int> a = {1, 2, 3}, b = {4, 5};
      auto v = a(nd::slice(0, 2));
      v.fill(1);
      v = b;
      use(v);
    })cpp"));
  const Event &W = event("v", K::Write);
  const Event &R = event("v", K::Read);
  EXPECT_EQ(after(W, R), Order::After);
  EXPECT_EQ(after(W, R, "v"), Order::NotAfter);
  // Killing another variable changes nothing.
  EXPECT_EQ(after(W, R, "b"), Order::After);
}

TEST_F(EventsTest, RedefinitionOnOneBranchOnly) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(bool c) {
      nd::array<int> a = {1, 2, 3}, b = {4, 5};
      auto v = a(nd::slice(0, 2));
      v.fill(1);
      if (c)
        v = b;
      use(v);
    })cpp"));
  // The path around the rebinding reaches the read.
  EXPECT_EQ(after(event("v", K::Write), event("v", K::Read), "v"),
            Order::After);
}

// A use after a `for` or `while` loop is reached through the back edge too
// (the condition exits), but it is not on a next iteration: PathQueries says
// loop-carried only when the use's block leads back to the write's.

const char *const ForLoop = R"cpp(
    void f(int n) {
      auto acc = nd::zeros<int>({4});
      auto head = acc(nd::slice(0, 2));
      for (int i = 0; i < n; ++i) {
        use(head);
        head.fill(i);
      }
      use(acc);
    })cpp";

TEST_F(EventsTest, ReadAtTheTopOfTheLoopIsLoopCarried) {
  ASSERT_TRUE(analyze(ForLoop));
  const Event &Top = event("head", K::Read);
  const Event &W = event("head", K::Write);
  // A read at the top of the body runs after the write only on the next
  // iteration.
  EXPECT_EQ(after(W, Top), Order::LoopCarried);
  EXPECT_EQ(after(Top, W), Order::After);
}

TEST_F(EventsTest, ReadAfterAForLoopIsNotLoopCarried) {
  ASSERT_TRUE(analyze(ForLoop));
  // A read after the loop is reached by leaving it: not loop-carried.
  EXPECT_EQ(after(event("head", K::Write), event("acc", K::Read)),
            Order::After);
}

TEST_F(EventsTest, ReadAfterAForLoopIsAfter) {
  // What holds despite the bug above: the read is after the write.
  ASSERT_TRUE(analyze(ForLoop));
  EXPECT_NE(after(event("head", K::Write), event("acc", K::Read)),
            Order::NotAfter);
  EXPECT_EQ(after(event("acc", K::Read), event("head", K::Write)),
            Order::NotAfter);
}

TEST_F(EventsTest, ReadAfterAWhileLoopIsNotLoopCarried) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(int n) {
      auto a = nd::zeros<int>({3});
      auto v = a(nd::slice(0, 2));
      while (n-- > 0) {
        v[0] = n;
      }
      use(v);
    })cpp"));
  EXPECT_EQ(after(event("v", K::Write), event("v", K::Read)), Order::After);
}

TEST_F(EventsTest, WriteInALoopFollowsItself) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(int n) {
      auto a = nd::zeros<int>({3});
      auto v = a(nd::slice(0, 2));
      while (n-- > 0) {
        v[0] = n;
      }
    })cpp"));
  const Event &W = event("v", K::Write);
  EXPECT_EQ(after(W, W), Order::LoopCarried);
}

TEST_F(EventsTest, ReadAfterADoWhileLoopIsNotLoopCarried) {
  // The condition is at the bottom: the exit needs no back edge.
  ASSERT_TRUE(analyze(R"cpp(
    void f(int n) {
      auto a = nd::zeros<int>({3});
      auto v = a(nd::slice(0, 2));
      do {
        v.fill(n);
      } while (--n > 0);
      use(v);
    })cpp"));
  EXPECT_EQ(after(event("v", K::Write), event("v", K::Read)), Order::After);
}

TEST_F(EventsTest, ReadAfterABreakIsNotLoopCarried) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(int n, bool c) {
      auto a = nd::zeros<int>({3});
      auto v = a(nd::slice(0, 2));
      for (int i = 0; i < n; ++i) {
        v.fill(i);
        if (c)
          break;
      }
      use(v);
    })cpp"));
  EXPECT_EQ(after(event("v", K::Write), event("v", K::Read)), Order::After);
}

TEST_F(EventsTest, RedefinitionInTheLoopKillsTheCarriedPath) {
  ASSERT_TRUE(analyze(R"cpp(
    void f(int n) {
      auto a = nd::zeros<int>({8});
      for (int i = 0; i < n; ++i) {
        auto part = a(nd::slice(1, 3));
        use(part);
        part[0] = i;
      }
    })cpp"));
  const Event &W = event("part", K::Write);
  const Event &R = event("part", K::Read);
  // Around the back edge the read is of the next iteration's 'part'...
  EXPECT_EQ(after(W, R), Order::LoopCarried);
  // ...which its Derive redefines first.
  EXPECT_EQ(after(W, R, "part"), Order::NotAfter);
}

const char *const NestedLoops = R"cpp(
    void f(int n) {
      auto a = nd::zeros<int>({8});
      for (int i = 0; i < n; ++i) {
        use(a);
        for (int j = 0; j < n; ++j)
          a.fill(j);
        use(a);
      }
    })cpp";

TEST_F(EventsTest, NestedLoopsCarryToTheOuterTop) {
  ASSERT_TRUE(analyze(NestedLoops));
  EXPECT_EQ(after(event("a", K::Write), event("a", K::Read, 0)),
            Order::LoopCarried);
}

TEST_F(EventsTest, ReadAfterAnInnerLoopIsNotLoopCarried) {
  ASSERT_TRUE(analyze(NestedLoops));
  EXPECT_EQ(after(event("a", K::Write), event("a", K::Read, 1)), Order::After);
}

TEST_F(EventsTest, UnreachableCodeHasNoEvents) {
  ASSERT_TRUE(analyze(R"cpp(
    void f() {
      nd::array<int> a = {1, 2, 3};
      return;
      point("dead");
      a.fill(0);
    })cpp"));
  EXPECT_THAT(eventsOf("a", K::Write), IsEmpty());
  EXPECT_FALSE(reached("dead"));
}

} // namespace
