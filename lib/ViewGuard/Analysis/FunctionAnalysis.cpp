//===--- FunctionAnalysis.cpp - The provenance analysis of one function ---===//

#include "FunctionAnalysis.h"
#include "ExprEvaluator.h"
#include "Facts.h"
#include "TrackedVariables.h"
#include "UseClassifier.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace viewguard {

FunctionAnalysis::FunctionAnalysis(const FunctionDecl *FD, const Stmt *Body,
                                   ASTContext &Ctx)
    : FD(FD), Body(Body), Ctx(Ctx) {}

FunctionAnalysis::~FunctionAnalysis() = default;

namespace {
/// Whether a body mentions an array type at all: most functions of a code
/// base do not, and they need no CFG and no parent map.
class ArrayMention : public RecursiveASTVisitor<ArrayMention> {
public:
  explicit ArrayMention(const ApiModel &M) : M(M) {}
  bool Found = false;
  bool VisitExpr(Expr *E) {
    Found |= M.isArrayType(E->getType());
    return !Found;
  }
  bool VisitValueDecl(ValueDecl *D) {
    Found |= M.isArrayType(D->getType());
    return !Found;
  }

private:
  const ApiModel &M;
};
} // namespace

/// Whether a body has a try statement: only such bodies pay for the
/// exception edges that make their handlers reachable.
static bool hasTry(const Stmt *S) {
  if (!S)
    return false;
  if (isa<CXXTryStmt>(S))
    return true;
  if (isa<LambdaExpr>(S))
    return false; // its body is a function of its own
  for (const Stmt *C : S->children())
    if (hasTry(C))
      return true;
  return false;
}

static bool mentionsArrays(const Stmt *Body, const ApiModel &M) {
  ArrayMention V(M);
  V.TraverseStmt(const_cast<Stmt *>(Body));
  return V.Found;
}

std::unique_ptr<FunctionAnalysis>
FunctionAnalysis::run(const FunctionDecl *FD, const Stmt *Body, ASTContext &Ctx,
                      const ApiModel &Model, SummaryProvider &Summaries,
                      StateObserver Observe) {
  if (!FD || !Body || FD->isInvalidDecl() || FD->isDependentContext())
    return nullptr;
  std::unique_ptr<FunctionAnalysis> A(new FunctionAnalysis(FD, Body, Ctx));
  for (const ParmVarDecl *P : FD->parameters())
    if (Model.isArrayType(P->getType()))
      A->ArrayParams.push_back(P);
  StorageTable Storages(FD);
  for (const ParmVarDecl *P : A->ArrayParams)
    A->ParamStorage.push_back(Storages.forDecl(P));
  if (A->ArrayParams.empty() && !mentionsArrays(Body, Model)) {
    A->Storages = Storages.release();
    A->Log.index();
    return A; // nothing to track: no events, an empty summary
  }

  CFG::BuildOptions Options;
  Options.AddImplicitDtors = false;
  Options.AddTemporaryDtors = false;
  Options.AddCXXDefaultInitExprInCtors = true;
  Options.AddLifetime = true;
  // Without exception edges a catch handler has no predecessor and would
  // never be analysed: with them, every call in a try body may go to its
  // handlers.
  Options.AddEHEdges = hasTry(Body);
  A->Cfg = CFG::buildCFG(FD, const_cast<Stmt *>(Body), &Ctx, Options);
  if (!A->Cfg || A->Cfg->getNumBlockIDs() > AnalysisLimits::MaxBlocks)
    return nullptr;
  const CFG &G = *A->Cfg;
  A->Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
  PostOrderCFGView POV(&G);
  std::vector<const CFGBlock *> Order(POV.begin(), POV.end());

  TrackedVariables Vars(Model, FD, Body);
  UseClassifier Uses(Model, Ctx, Body, *A->Parents, Vars, Summaries);
  CFGFacts Facts = FactsGenerator(Model, Vars, Uses).generate(G, Order);

  ExprEvaluator Eval(Model, Ctx, Vars, Storages, Summaries);
  State Entry;
  for (const ParmVarDecl *P : A->ArrayParams)
    Entry[P] = Eval.entryValue(P);
  Propagation Flow(G, POV, Order, Facts, Eval, Storages);
  if (!Flow.solve(Entry) || !Flow.buildEvents(A->Log, *A->Parents, Observe))
    return nullptr;
  A->Log.index();
  A->Storages = Storages.release();
  A->Paths = std::make_unique<PathQueries>(G, Order, *A->Parents, A->Log);
  return A;
}

bool FunctionAnalysis::after(const Event &First, const Event &Later,
                             const ValueDecl *KilledVar,
                             bool *LoopCarried) const {
  if (!Paths)
    return false;
  return Paths->after(First, Later, KilledVar, LoopCarried);
}

const Event *FunctionAnalysis::creationOf(const ValueDecl *Var,
                                          const Ref &R) const {
  for (unsigned I : Log.definitionsOf(Var))
    if (Log.all()[I].UseExpr == R.Origin)
      return &Log.all()[I];
  return nullptr;
}

FunctionSummary FunctionAnalysis::summarize() const {
  return viewguard::summarize(FD, Log, Storages, ArrayParams, ParamStorage);
}

static std::string lineCol(SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isInvalid())
    return "?";
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return "?";
  return std::to_string(P.getLine()) + ":" + std::to_string(P.getColumn());
}

void FunctionAnalysis::dump(llvm::raw_ostream &OS) const {
  const SourceManager &SM = Ctx.getSourceManager();
  OS << "viewguard-debug: function '" << FD->getQualifiedNameAsString()
     << "' at " << lineCol(FD->getLocation(), SM) << "\n";
  for (StorageId I = 0; I < Storages.size(); ++I) {
    const Storage &S = Storages[I];
    OS << "  storage S" << I << ": " << storageKindName(S.Kind);
    if (S.isCopy())
      OS << " (" << S.CopyKind << ")";
    if (S.CopiedFrom)
      OS << " of '" << nameOf(S.CopiedFrom) << "'";
    if (S.Holder)
      OS << ", held by '" << nameOf(S.Holder) << "'";
    if (S.MadeBy)
      OS << ", made at " << lineCol(S.MadeBy->getBeginLoc(), SM);
    OS << "\n";
  }
  for (const Event &E : Log.all()) {
    const Expr *At = E.Anchor ? E.Anchor : E.UseExpr;
    OS << "  event B" << E.Block << "." << E.Elem << " "
       << eventKindName(E.Kind) << " '" << nameOf(E.Var) << "' at "
       << (At ? lineCol(At->getBeginLoc(), SM) : std::string("?")) << ": ";
    printValue(OS, E.Val);
    if (E.Kind == EventKind::TempWrite)
      OS << (E.HeaderAssign ? " [assignment to a temporary handle]"
                            : " [copy made by " + E.CopyKind + "]");
    OS << "\n";
  }
}

} // namespace viewguard
