//===--- FunctionAnalysis.h - The provenance analysis of one function -----===//
//
// What all viewguard checks query. For one function body it builds the CFG
// once and runs, in order:
//
//  1. Facts (Facts.h): every CFG element read once into uses of array
//     variables with their fates (UseClassifier.h) and definitions.
//  2. Propagation (Propagation.h): the forward fixpoint of the variables'
//     provenance (Lattice.h: storages, owner or view, layout, region), with
//     expressions evaluated by ExprEvaluator.h under the layout rules of
//     LayoutRules.h; then the events (Events.h), one pass.
//  3. Path queries (PathQueries.h): "after" on the CFG, with the
//     redefinitions of a variable as kills, so that no check walks the CFG.
//  4. Its summary for callers (Summaries.h).
//
// Functions too large for the analysis (AnalysisLimits.h) are skipped.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_FUNCTIONANALYSIS_H
#define VIEWGUARD_ANALYSIS_FUNCTIONANALYSIS_H

#include "AnalysisLimits.h"
#include "ApiModel.h"
#include "Events.h"
#include "Lattice.h"
#include "PathQueries.h"
#include "Propagation.h"
#include "Storage.h"
#include "Summaries.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/CFG.h"
#include <memory>
#include <vector>

namespace clang {
class ParentMap;
} // namespace clang

namespace viewguard {

class FunctionAnalysis {
public:
  /// Analyses \p Body of \p FD (a function or a lambda's call operator).
  /// Returns null when the body is skipped (too large, invalid). \p Observe,
  /// if given, sees the state before each statement.
  static std::unique_ptr<FunctionAnalysis>
  run(const clang::FunctionDecl *FD, const clang::Stmt *Body,
      clang::ASTContext &Ctx, const ApiModel &Model, SummaryProvider &Summaries,
      StateObserver Observe = nullptr);

  ~FunctionAnalysis();

  const std::vector<Storage> &storages() const { return Storages; }
  const Storage &storage(StorageId S) const { return Storages[S]; }
  const std::vector<Event> &events() const { return Log.all(); }
  const clang::FunctionDecl *function() const { return FD; }
  clang::ASTContext &context() const { return Ctx; }

  /// Whether \p Later can execute after \p First on some CFG path that does
  /// not pass through a definition of \p KilledVar (if given). \p LoopCarried
  /// is set when every such path goes around a loop back edge.
  bool after(const Event &First, const Event &Later,
             const clang::ValueDecl *KilledVar = nullptr,
             bool *LoopCarried = nullptr) const;

  /// Indices into events(), ascending: the events whose value refers to
  /// \p S; the events of \p Var; the events of one full expression.
  llvm::ArrayRef<unsigned> eventsOn(StorageId S) const { return Log.on(S); }
  llvm::ArrayRef<unsigned> eventsOf(const clang::ValueDecl *Var) const {
    return Log.of(Var);
  }
  llvm::ArrayRef<unsigned> eventsIn(const clang::Stmt *FullExpr) const {
    return Log.in(FullExpr);
  }

  /// The Derive event that created \p R for \p Var, if any.
  const Event *creationOf(const clang::ValueDecl *Var, const Ref &R) const;

  FunctionSummary summarize() const;

  /// Prints storages and events with names (VIEWGUARD_DEBUG=1 prints every
  /// analysed function; docs/analysis.md shows how to read it).
  void dump(llvm::raw_ostream &OS) const;

private:
  FunctionAnalysis(const clang::FunctionDecl *FD, const clang::Stmt *Body,
                   clang::ASTContext &Ctx);

  const clang::FunctionDecl *FD;
  const clang::Stmt *Body;
  clang::ASTContext &Ctx;
  std::unique_ptr<clang::CFG> Cfg;
  /// Parents of the statements of Body (built once, shared by the use
  /// classification and the path queries).
  std::unique_ptr<clang::ParentMap> Parents;
  std::vector<Storage> Storages;
  EventLog Log;
  std::unique_ptr<PathQueries> Paths;
  std::vector<const clang::ParmVarDecl *> ArrayParams;
  /// The storage of each of ArrayParams, in the same order.
  std::vector<StorageId> ParamStorage;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_FUNCTIONANALYSIS_H
