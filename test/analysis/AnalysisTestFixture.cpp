//===--- AnalysisTestFixture.cpp - Unit tests of the provenance analysis --===//

#include "AnalysisTestFixture.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/PCHContainerOperations.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <functional>
#include <sstream>

using namespace clang;
using namespace clang::ast_matchers;

namespace viewguard {
void PrintTo(EventKind K, std::ostream *OS) { *OS << eventKindName(K); }
void PrintTo(Layout L, std::ostream *OS) { *OS << layoutName(L); }
void PrintTo(StorageKind K, std::ostream *OS) { *OS << storageKindName(K); }
void PrintTo(WriteForm F, std::ostream *OS) {
  switch (F) {
  case WriteForm::Assign:
    *OS << "assign";
    return;
  case WriteForm::Compound:
    *OS << "compound";
    return;
  case WriteForm::Element:
    *OS << "element";
    return;
  case WriteForm::Call:
    *OS << "call";
    return;
  }
}
} // namespace viewguard

namespace viewguard::test {

// ------------------------------------------------------------------ printing

std::string storageName(const FunctionAnalysis &A, StorageId S) {
  if (S < A.storages().size() && A.storage(S).Holder)
    return nameOf(A.storage(S).Holder);
  return "S" + std::to_string(S);
}

std::string describeStorage(const FunctionAnalysis &A, StorageId S) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  OS << "S" << S << ": ";
  if (S >= A.storages().size()) {
    OS << "(no such storage)";
    return Out;
  }
  const Storage &St = A.storage(S);
  OS << storageKindName(St.Kind);
  if (St.isCopy())
    OS << " (" << St.CopyKind << ")";
  if (St.CopiedFrom)
    OS << " of '" << nameOf(St.CopiedFrom) << "'";
  if (St.Holder)
    OS << ", held by '" << nameOf(St.Holder) << "'";
  return Out;
}

std::vector<StorageId> storagesOf(const Value &V) {
  std::vector<StorageId> Out;
  for (const Ref &R : V.Refs)
    if (!llvm::is_contained(Out, R.S))
      Out.push_back(R.S);
  return Out;
}

void PrintTo(const VarAt &X, std::ostream *OS) {
  *OS << "'" << X.Var << "' at point '" << X.Point << "': ";
  if (!X.Val) {
    *OS << X.Problem;
    return;
  }
  std::string Text;
  llvm::raw_string_ostream VS(Text);
  printValue(VS, *X.Val);
  *OS << Text;
  if (!X.Analysis)
    return;
  const char *Sep = " {";
  for (StorageId S : storagesOf(*X.Val)) {
    *OS << Sep << describeStorage(*X.Analysis, S);
    Sep = "; ";
  }
  if (*Sep == ';')
    *OS << "}";
}

void PrintTo(Order O, std::ostream *OS) {
  switch (O) {
  case Order::NotAfter:
    *OS << "NotAfter";
    return;
  case Order::After:
    *OS << "After";
    return;
  case Order::LoopCarried:
    *OS << "LoopCarried";
    return;
  }
}

// ----------------------------------------------------------------- the runs

void AnalysisTest::TearDown() {
  // The cache is keyed by the ASTContext's address, which the next test's
  // context may reuse.
  Analysis.reset();
  if (AST)
    AnalysisCache::release(AST->getASTContext());
}

bool AnalysisTest::parse(llvm::StringRef Code) {
  if (AST)
    AnalysisCache::release(AST->getASTContext());
  Analysis.reset();
  Points.clear();
  AST.reset();
  std::vector<std::string> Args = {
      "-std=c++20",        "-I" VIEWGUARD_TEST_ND_INCLUDE,
      "-resource-dir",     VIEWGUARD_TEST_RESOURCE_DIR,
      "-Wno-unused-value", "-Wno-unused-variable"};
  // With the precompiled prelude first, quietly: a PCH that does not fit
  // this libclang (or is missing) only costs the time of a full parse.
  if (llvm::sys::fs::exists(VIEWGUARD_TEST_PRELUDE_PCH)) {
    std::vector<std::string> WithPch = Args;
    WithPch.insert(WithPch.end(), {"-include-pch", VIEWGUARD_TEST_PRELUDE_PCH});
    AST = tooling::buildASTFromCodeWithArgs(
        Code, WithPch, "input.cc", "viewguard-analysis-tests",
        std::make_shared<PCHContainerOperations>(),
        tooling::getClangStripDependencyFileAdjuster(),
        tooling::FileContentMappings(), &QuietDiagnostics);
    if (AST && AST->getDiagnostics().hasErrorOccurred())
      AST.reset();
  }
  if (!AST) {
    Args.insert(Args.end(), {"-include", VIEWGUARD_TEST_PRELUDE});
    AST = tooling::buildASTFromCodeWithArgs(Code, Args, "input.cc",
                                            "viewguard-analysis-tests");
  }
  if (!AST) {
    ADD_FAILURE() << "the test program could not be parsed";
    return false;
  }
  if (AST->getDiagnostics().hasErrorOccurred()) {
    ADD_FAILURE() << "the test program does not compile (errors above)";
    return false;
  }
  Model = std::make_unique<ApiModel>(ApiOptions{});
  return true;
}

bool AnalysisTest::run(const FunctionDecl *FD, bool WithSummaries) {
  SummaryProvider &Summaries =
      WithSummaries ? static_cast<SummaryProvider &>(
                          AnalysisCache::get(context(), ApiOptions{}))
                    : static_cast<SummaryProvider &>(Null);
  auto Observe = [&](const Stmt *S, const State &Before) {
    const auto *Call = dyn_cast<CallExpr>(S);
    if (!Call || Call->getNumArgs() != 1)
      return;
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !Callee->getDeclName().isIdentifier() ||
        Callee->getName() != "point")
      return;
    const auto *Name =
        dyn_cast<StringLiteral>(Call->getArg(0)->IgnoreParenImpCasts());
    if (!Name)
      return;
    if (!Points.try_emplace(Name->getString(), Before).second)
      ADD_FAILURE() << "point '" << Name->getString().str()
                    << "' is observed twice";
  };
  Analysis = FunctionAnalysis::run(FD, FD->getBody(), context(), *Model,
                                   Summaries, Observe);
  if (!Analysis) {
    ADD_FAILURE() << "the analysis skipped '" << FD->getNameAsString() << "'";
    return false;
  }
  return true;
}

bool AnalysisTest::analyze(llvm::StringRef Code, llvm::StringRef Function,
                           bool WithSummaries) {
  if (!parse(Code))
    return false;
  auto Found = match(
      functionDecl(hasName(Function), isDefinition(), isExpansionInMainFile())
          .bind("f"),
      context());
  if (Found.size() != 1) {
    ADD_FAILURE() << Found.size() << " definitions of '" << Function.str()
                  << "' in the test program";
    return false;
  }
  return run(Found[0].getNodeAs<FunctionDecl>("f"), WithSummaries);
}

bool AnalysisTest::analyzeLambda(llvm::StringRef Code,
                                 llvm::StringRef Enclosing) {
  if (!parse(Code))
    return false;
  auto Found = match(functionDecl(hasName(Enclosing), isDefinition(),
                                  isExpansionInMainFile(),
                                  forEachDescendant(lambdaExpr().bind("l"))),
                     context());
  const LambdaExpr *First = nullptr;
  const SourceManager &SM = context().getSourceManager();
  for (const auto &N : Found) {
    const auto *L = N.getNodeAs<LambdaExpr>("l");
    if (!First ||
        SM.isBeforeInTranslationUnit(L->getBeginLoc(), First->getBeginLoc()))
      First = L;
  }
  if (!First) {
    ADD_FAILURE() << "no lambda in '" << Enclosing.str() << "'";
    return false;
  }
  return run(First->getCallOperator(), /*WithSummaries=*/true);
}

// --------------------------------------------------------------- questions

VarAt AnalysisTest::at(llvm::StringRef Point, llvm::StringRef Var) const {
  VarAt X;
  X.Point = Point.str();
  X.Var = Var.str();
  X.Analysis = Analysis.get();
  auto It = Points.find(Point);
  if (It == Points.end()) {
    X.Problem = "the point was not reached (or is not in the program)";
    return X;
  }
  std::string InScope;
  for (const auto &[D, V] : It->second) {
    InScope += " '" + nameOf(D) + "'";
    if (nameOf(D) != Var)
      continue;
    if (X.Val) {
      X.Val.reset();
      X.Problem = "more than one variable of that name is in the state";
      return X;
    }
    X.Val = V;
  }
  if (!X.Val && X.Problem.empty())
    X.Problem = "not in the state there; it holds" +
                (InScope.empty() ? std::string(" nothing") : InScope);
  return X;
}

static SourceLocation locationOf(const Event &E) {
  const Expr *At = E.UseExpr ? E.UseExpr : E.Anchor;
  return At ? At->getBeginLoc() : SourceLocation();
}

std::vector<const Event *>
AnalysisTest::eventsOf(llvm::StringRef Var, std::optional<EventKind> K) const {
  std::vector<const Event *> Out;
  if (!Analysis)
    return Out;
  for (const Event &E : Analysis->events())
    if (E.Var && nameOf(E.Var) == Var && (!K || E.Kind == *K))
      Out.push_back(&E);
  const SourceManager &SM = context().getSourceManager();
  // Source order; events at one location keep the log's order (pointers
  // into one vector compare as their indices).
  std::sort(Out.begin(), Out.end(), [&](const Event *A, const Event *B) {
    SourceLocation LA = SM.getExpansionLoc(locationOf(*A));
    SourceLocation LB = SM.getExpansionLoc(locationOf(*B));
    if (LA.isValid() && LB.isValid() && LA != LB)
      return SM.isBeforeInTranslationUnit(LA, LB);
    return std::less<const Event *>()(A, B);
  });
  return Out;
}

std::vector<EventKind> AnalysisTest::kindsOf(llvm::StringRef Var) const {
  std::vector<EventKind> Out;
  for (const Event *E : eventsOf(Var))
    Out.push_back(E->Kind);
  return Out;
}

const Event &AnalysisTest::event(llvm::StringRef Var, EventKind K,
                                 unsigned N) const {
  static const Event Dummy;
  auto Events = eventsOf(Var, K);
  if (N >= Events.size()) {
    ADD_FAILURE() << "'" << Var.str() << "' has " << Events.size() << " "
                  << eventKindName(K) << " events, asked for number " << N
                  << "\n"
                  << dump();
    return Dummy;
  }
  return *Events[N];
}

std::vector<const Event *> AnalysisTest::eventsOfKind(EventKind K) const {
  std::vector<const Event *> Out;
  if (Analysis)
    for (const Event &E : Analysis->events())
      if (E.Kind == K)
        Out.push_back(&E);
  return Out;
}

Order AnalysisTest::after(const Event &First, const Event &Later,
                          llvm::StringRef Killed) const {
  if (!Analysis)
    return Order::NotAfter;
  const ValueDecl *Kill = nullptr;
  if (!Killed.empty()) {
    Kill = decl(Killed);
    if (!Kill)
      ADD_FAILURE() << "no variable '" << Killed.str() << "' to kill";
  }
  bool LoopCarried = false;
  if (!Analysis->after(First, Later, Kill, &LoopCarried))
    return Order::NotAfter;
  return LoopCarried ? Order::LoopCarried : Order::After;
}

const ValueDecl *AnalysisTest::decl(llvm::StringRef Name) const {
  if (!Analysis)
    return nullptr;
  std::vector<const ValueDecl *> Found;
  auto Consider = [&](const ValueDecl *D) {
    if (D && nameOf(D) == Name && !llvm::is_contained(Found, D))
      Found.push_back(D);
  };
  for (const Event &E : Analysis->events())
    Consider(E.Var);
  for (const auto &P : Points)
    for (const auto &[D, V] : P.getValue())
      Consider(D);
  for (const Storage &S : Analysis->storages())
    Consider(S.Holder);
  for (const ParmVarDecl *P : Analysis->function()->parameters())
    Consider(P);
  if (Found.size() > 1)
    ADD_FAILURE() << "more than one declaration named '" << Name.str() << "'";
  return Found.empty() ? nullptr : Found.front();
}

const Storage *AnalysisTest::storageHeldBy(llvm::StringRef Name) const {
  if (!Analysis)
    return nullptr;
  for (const Storage &S : Analysis->storages())
    if (S.Holder && nameOf(S.Holder) == Name)
      return &S;
  return nullptr;
}

const FunctionDecl *AnalysisTest::functionNamed(llvm::StringRef Name) const {
  auto Found =
      match(functionDecl(hasName(Name), isExpansionInMainFile()).bind("f"),
            context());
  if (Found.empty()) {
    ADD_FAILURE() << "no function '" << Name.str() << "' in the test program";
    return nullptr;
  }
  return Found[0].getNodeAs<FunctionDecl>("f");
}

const FunctionSummary *AnalysisTest::summaryOf(llvm::StringRef Name) {
  const FunctionDecl *FD = functionNamed(Name);
  if (!FD)
    return nullptr;
  return AnalysisCache::get(context(), ApiOptions{}).summaryFor(FD);
}

std::string AnalysisTest::dump() const {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  if (Analysis)
    Analysis->dump(OS);
  return Out;
}

// ----------------------------------------------------------------- matchers

namespace {
using Pred = std::function<bool(const FunctionAnalysis &, const Value &,
                                std::ostream &)>;

class VarAtMatcher : public ::testing::MatcherInterface<const VarAt &> {
public:
  VarAtMatcher(std::string Desc, Pred P)
      : Desc(std::move(Desc)), P(std::move(P)) {}
  bool MatchAndExplain(const VarAt &X,
                       ::testing::MatchResultListener *L) const override {
    if (!X.Val || !X.Analysis)
      return false; // PrintTo says why

    std::ostringstream Why;
    bool Ok = P(*X.Analysis, *X.Val, Why);
    if (!Why.str().empty())
      *L << Why.str();
    return Ok;
  }
  void DescribeTo(std::ostream *OS) const override { *OS << Desc; }

private:
  std::string Desc;
  Pred P;
};

::testing::Matcher<const VarAt &> make(std::string Desc, Pred P) {
  return ::testing::MakeMatcher(
      new VarAtMatcher(std::move(Desc), std::move(P)));
}

std::string join(const std::vector<std::string> &Names) {
  std::string Out;
  for (const std::string &N : Names)
    Out += (Out.empty() ? "'" : ", '") + N + "'";
  return Out;
}

std::vector<std::string> sortedNames(const FunctionAnalysis &A,
                                     const Value &V) {
  std::vector<std::string> Out;
  for (StorageId S : storagesOf(V))
    Out.push_back(storageName(A, S));
  std::sort(Out.begin(), Out.end());
  return Out;
}

bool sameNames(const FunctionAnalysis &A, const Value &V,
               std::vector<std::string> Names, std::ostream &Why) {
  std::sort(Names.begin(), Names.end());
  std::vector<std::string> Have = sortedNames(A, V);
  if (Have == Names)
    return true;
  Why << "refers to " << (Have.empty() ? "nothing" : join(Have));
  return false;
}

std::string shapeText(llvm::ArrayRef<int64_t> Dims) {
  std::string Out = "{";
  for (size_t I = 0; I < Dims.size(); ++I)
    Out += (I ? ", " : "") + std::to_string(Dims[I]);
  return Out + "}";
}
} // namespace

::testing::Matcher<const VarAt &> ViewOf(std::vector<std::string> Names) {
  return make(
      "is a view of " + join(Names),
      [Names](const FunctionAnalysis &A, const Value &V, std::ostream &Why) {
        if (!sameNames(A, V, Names, Why))
          return false;
        for (const Ref &R : V.Refs)
          if (R.Rel != Relation::View) {
            Why << "is the owner of " << storageName(A, R.S);
            return false;
          }
        return true;
      });
}

::testing::Matcher<const VarAt &> IsOwner() {
  return make("is the own handle of one storage that is not a copy",
              [](const FunctionAnalysis &A, const Value &V, std::ostream &Why) {
                auto S = storagesOf(V);
                if (S.size() != 1) {
                  Why << "refers to " << S.size() << " storages";
                  return false;
                }
                for (const Ref &R : V.Refs)
                  if (R.Rel != Relation::Owner) {
                    Why << "is a view";
                    return false;
                  }
                if (A.storage(S[0]).isCopy()) {
                  Why << "owns a copy";
                  return false;
                }
                return true;
              });
}

::testing::Matcher<const VarAt &> IsCopy(std::string How, std::string From) {
  std::string Desc = "is the owner of a copy made by " + How;
  if (!From.empty())
    Desc += " of '" + From + "'";
  return make(Desc, [How, From](const FunctionAnalysis &A, const Value &V,
                                std::ostream &Why) {
    auto S = storagesOf(V);
    if (S.size() != 1) {
      Why << "refers to " << S.size() << " storages";
      return false;
    }
    const Storage &St = A.storage(S[0]);
    if (!St.isCopy()) {
      Why << "refers to a storage that is not a copy";
      return false;
    }
    if (St.CopyKind != How) {
      Why << "the copy is made by " << St.CopyKind;
      return false;
    }
    if (!From.empty() && (!St.CopiedFrom || nameOf(St.CopiedFrom) != From)) {
      Why << "the copy is made from "
          << (St.CopiedFrom ? "'" + nameOf(St.CopiedFrom) + "'"
                            : std::string("no variable"));
      return false;
    }
    for (const Ref &R : V.Refs)
      if (R.Rel != Relation::Owner) {
        Why << "is a view of the copy";
        return false;
      }
    return true;
  });
}

::testing::Matcher<const VarAt &> MayReferTo(std::vector<std::string> Names) {
  return make(
      "may refer to any of " + join(Names),
      [Names](const FunctionAnalysis &A, const Value &V, std::ostream &Why) {
        if (!V.isMay()) {
          Why << "is not a 'may' value";
          return false;
        }
        return sameNames(A, V, Names, Why);
      });
}

::testing::Matcher<const VarAt &> HasStorageKind(StorageKind K) {
  return make(
      std::string("refers to storage of kind ") + storageKindName(K),
      [K](const FunctionAnalysis &A, const Value &V, std::ostream &Why) {
        if (V.Refs.empty()) {
          Why << "refers to nothing";
          return false;
        }
        for (StorageId S : storagesOf(V))
          if (A.storage(S).Kind != K) {
            Why << "S" << S << " is " << storageKindName(A.storage(S).Kind);
            return false;
          }
        return true;
      });
}

::testing::Matcher<const VarAt &> HasLayout(Layout L) {
  return make(std::string("has layout ") + layoutName(L),
              [L](const FunctionAnalysis &, const Value &V, std::ostream &) {
                return V.L == L;
              });
}

::testing::Matcher<const VarAt &> HasNDim(int N) {
  return make("has ndim " + std::to_string(N),
              [N](const FunctionAnalysis &, const Value &V, std::ostream &) {
                return V.NDim == N;
              });
}

::testing::Matcher<const VarAt &> HasShape(std::vector<int64_t> Shape) {
  return make(
      "has the known shape " + shapeText(Shape),
      [Shape](const FunctionAnalysis &, const Value &V, std::ostream &Why) {
        if (!V.Geo) {
          Why << "its geometry is not known";
          return false;
        }
        return llvm::ArrayRef<int64_t>(V.Geo->Shape) ==
               llvm::ArrayRef<int64_t>(Shape);
      });
}

::testing::Matcher<const VarAt &> HasGeometry(std::vector<int64_t> Shape,
                                              std::vector<int64_t> Strides) {
  return make("has the known shape " + shapeText(Shape) + " and strides " +
                  shapeText(Strides),
              [Shape, Strides](const FunctionAnalysis &, const Value &V,
                               std::ostream &Why) {
                if (!V.Geo) {
                  Why << "its geometry is not known";
                  return false;
                }
                return llvm::ArrayRef<int64_t>(V.Geo->Shape) ==
                           llvm::ArrayRef<int64_t>(Shape) &&
                       llvm::ArrayRef<int64_t>(V.Geo->Strides) ==
                           llvm::ArrayRef<int64_t>(Strides);
              });
}

::testing::Matcher<const VarAt &> HasNoGeometry() {
  return make("has no known geometry",
              [](const FunctionAnalysis &, const Value &V, std::ostream &) {
                return !V.Geo;
              });
}

::testing::Matcher<const VarAt &>
HasRegion(std::vector<std::pair<int64_t, int64_t>> Axes) {
  std::string Desc = Axes.empty() ? "has no region" : "has the region ";
  for (auto [B, E] : Axes)
    Desc += B == Region::Any
                ? std::string("[:]")
                : "[" + std::to_string(B) + "," + std::to_string(E) + ")";
  return make(Desc, [Axes](const FunctionAnalysis &, const Value &V,
                           std::ostream &Why) {
    if (V.Refs.size() != 1) {
      Why << "has " << V.Refs.size() << " refs";
      return false;
    }
    const auto &Have = V.Refs.front().Part.Axes;
    return std::vector<std::pair<int64_t, int64_t>>(Have.begin(), Have.end()) ==
           Axes;
  });
}

::testing::Matcher<const VarAt &> DerivedFrom(std::vector<std::string> Names) {
  return make(
      "is derived from " + join(Names) + ", nearest first",
      [Names](const FunctionAnalysis &, const Value &V, std::ostream &Why) {
        if (V.Refs.size() != 1) {
          Why << "has " << V.Refs.size() << " refs";
          return false;
        }
        std::vector<std::string> Have;
        for (const ValueDecl *D : V.Refs.front().Ancestors)
          Have.push_back(nameOf(D));
        return Have == Names;
      });
}

} // namespace viewguard::test
