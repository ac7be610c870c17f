//===--- AnalysisTestFixture.h - Unit tests of the provenance analysis ----===//
//
// The analysis run on one function of a small program, and the questions the
// tests ask of it, in the style of Clang's LifetimeSafety unit tests: the
// program calls `point("name");` where a test wants to look, the fixture
// records through the StateObserver the State before that statement, and
// matchers say what a variable is there:
//
//   analyze(R"cpp(
//     void f(bool c) {
//       nd::array<int> a = {1, 2, 3}, b = {4, 5, 6};
//       auto v = a(nd::slice(0, 2));
//       if (c) v = b;
//       point("after_if");
//     })cpp");
//   EXPECT_THAT(at("after_if", "v"), MayReferTo({"a", "b"}));
//
// Storages are named by the declaration that holds them (the variable a fresh
// buffer or copy was first bound to, the parameter, the member, the captured
// variable), or "S<n>" when nothing holds them. Events are found by variable
// name and kind, in source order. docs/analysis-tests.md is the guide.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_TEST_ANALYSIS_ANALYSISTESTFIXTURE_H
#define VIEWGUARD_TEST_ANALYSIS_ANALYSISTESTFIXTURE_H

#include "Analysis/AnalysisCache.h"
#include "Analysis/ApiModel.h"
#include "Analysis/Events.h"
#include "Analysis/FunctionAnalysis.h"
#include "Analysis/Lattice.h"
#include "Analysis/Storage.h"
#include "Analysis/Summaries.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/ASTUnit.h"
#include "llvm/ADT/StringMap.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace viewguard {
// Readable names in gtest's messages for the analysis' enums.
void PrintTo(EventKind K, std::ostream *OS);
void PrintTo(Layout L, std::ostream *OS);
void PrintTo(StorageKind K, std::ostream *OS);
void PrintTo(WriteForm F, std::ostream *OS);
} // namespace viewguard

namespace viewguard::test {

/// The provenance of one variable at one named point, with the analysis that
/// computed it (to name its storages when printed).
struct VarAt {
  std::string Point, Var;
  const FunctionAnalysis *Analysis = nullptr;
  /// Nothing when the point was not reached or the variable is not in the
  /// state there; Problem then says which.
  std::optional<Value> Val;
  std::string Problem;
};
void PrintTo(const VarAt &X, std::ostream *OS);

/// `S2 copy (fancy indexing) of 'a', held by 'sel'`.
std::string describeStorage(const FunctionAnalysis &A, StorageId S);
/// The name tests use for a storage: its holder's name, else "S<n>".
std::string storageName(const FunctionAnalysis &A, StorageId S);
/// The storages \p V refers to, without repetition, in order.
std::vector<StorageId> storagesOf(const Value &V);

/// The answer of FunctionAnalysis::after, as one value.
enum class Order { NotAfter, After, LoopCarried };
void PrintTo(Order O, std::ostream *OS);

/// A SummaryProvider that knows no function: every call is judged by its
/// signature alone.
class NoSummaries : public SummaryProvider {
public:
  const FunctionSummary *summaryFor(const clang::FunctionDecl *) override {
    return nullptr;
  }
};

class AnalysisTest : public ::testing::Test {
protected:
  void TearDown() override;

  /// Parses \p Code after Inputs/Prelude.h (nd, `point`, and a few functions
  /// the analysis cannot see into) and analyses the function named \p Function
  /// (a qualified name such as "S::f" works), recording the named points.
  /// Summaries of the program's other functions come from AnalysisCache
  /// unless \p WithSummaries is false. Fails the test and returns false when
  /// the program does not compile, the function is not found or the analysis
  /// skipped it.
  bool analyze(llvm::StringRef Code, llvm::StringRef Function = "f",
               bool WithSummaries = true);
  /// The same for the call operator of the first lambda written in
  /// \p Enclosing.
  bool analyzeLambda(llvm::StringRef Code, llvm::StringRef Enclosing = "f");

  /// The state of \p Var before the statement `point("<Point>");`.
  VarAt at(llvm::StringRef Point, llvm::StringRef Var) const;
  /// Whether the point was reached (its block is analysed).
  bool reached(llvm::StringRef Point) const { return Points.count(Point); }

  /// The events of the variable named \p Var (of kind \p K, if given), in
  /// source order.
  std::vector<const Event *>
  eventsOf(llvm::StringRef Var,
           std::optional<EventKind> K = std::nullopt) const;
  /// Their kinds, for EXPECT_THAT(kindsOf("v"), ElementsAre(...)).
  std::vector<EventKind> kindsOf(llvm::StringRef Var) const;
  /// The \p N-th (from 0, in source order) event of kind \p K of \p Var;
  /// fails the test (and returns a dummy event) when there is none.
  const Event &event(llvm::StringRef Var, EventKind K, unsigned N = 0) const;
  /// The events with no variable (temporary writes of unnamed values).
  std::vector<const Event *> eventsOfKind(EventKind K) const;

  /// Can \p Later execute after \p First, on some path that does not
  /// redefine the variable named \p Killed (if given), and only around a
  /// loop back edge?
  Order after(const Event &First, const Event &Later,
              llvm::StringRef Killed = "") const;

  /// The variable, parameter or member of the analysed function named
  /// \p Name (from its events and named points); null if none.
  const clang::ValueDecl *decl(llvm::StringRef Name) const;
  /// The storage held by the declaration named \p Name; null if none.
  const Storage *storageHeldBy(llvm::StringRef Name) const;
  /// A declaration of the program's function \p Name (fails the test if
  /// there is none).
  const clang::FunctionDecl *functionNamed(llvm::StringRef Name) const;
  /// The summary AnalysisCache computes for the program's function \p Name
  /// (null when it has none: no body, too large).
  const FunctionSummary *summaryOf(llvm::StringRef Name);
  /// VIEWGUARD_DEBUG's dump of the analysis, for failure messages.
  std::string dump() const;

  clang::ASTContext &context() const { return AST->getASTContext(); }

  /// The diagnostics client of a parse with the precompiled prelude (it must
  /// outlive the AST that refers to it).
  clang::IgnoringDiagConsumer QuietDiagnostics;
  std::unique_ptr<clang::ASTUnit> AST;
  std::unique_ptr<ApiModel> Model;
  NoSummaries Null;
  std::unique_ptr<FunctionAnalysis> Analysis;
  llvm::StringMap<State> Points;

private:
  bool parse(llvm::StringRef Code);
  bool run(const clang::FunctionDecl *FD, bool WithSummaries);
};

// ----------------------------------------------------------------- matchers
//
// Each takes a VarAt (what at() returns) and explains a mismatch with the
// storages named.

/// A view (or handle copy) of exactly the storages held by \p Names.
::testing::Matcher<const VarAt &> ViewOf(std::vector<std::string> Names);
/// The storage's own handle (relation owner) of one storage that is not a
/// copy: a fresh buffer, or a parameter, member, ... on entry. Combine with
/// HasStorageKind to say which.
::testing::Matcher<const VarAt &> IsOwner();
/// The owner of one copy made by \p How ("fancy indexing", "explicit", ...),
/// copied from the variable \p From when given.
::testing::Matcher<const VarAt &> IsCopy(std::string How,
                                         std::string From = "");
/// "May": more than one storage, exactly those held by \p Names (a name may
/// be "S<n>" for a storage nothing holds).
::testing::Matcher<const VarAt &> MayReferTo(std::vector<std::string> Names);
/// Every storage referred to is of kind \p K.
::testing::Matcher<const VarAt &> HasStorageKind(StorageKind K);
::testing::Matcher<const VarAt &> HasLayout(Layout L);
::testing::Matcher<const VarAt &> HasNDim(int N);
/// A known Geometry with this shape (and these strides).
::testing::Matcher<const VarAt &> HasShape(std::vector<int64_t> Shape);
::testing::Matcher<const VarAt &> HasGeometry(std::vector<int64_t> Shape,
                                              std::vector<int64_t> Strides);
::testing::Matcher<const VarAt &> HasNoGeometry();
/// One ref whose region is these axes ({Region::Any, Region::Any} for `[:]`);
/// an empty list: no region (all of the storage, or not known).
::testing::Matcher<const VarAt &>
HasRegion(std::vector<std::pair<int64_t, int64_t>> Axes);
/// One ref derived from these variables, nearest first.
::testing::Matcher<const VarAt &> DerivedFrom(std::vector<std::string> Names);

} // namespace viewguard::test

#endif // VIEWGUARD_TEST_ANALYSIS_ANALYSISTESTFIXTURE_H
