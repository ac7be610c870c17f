//===--- Propagation.h - Forward provenance over the CFG, and its events --===//
//
// The solver: the definitions of each element (Facts) are applied to the
// state, block by block, in reverse post-order with Clang's
// ForwardDataflowWorklist, joining at merges, until nothing changes. Then
// the event builder walks each block once more from its fixpoint input and
// turns the facts into events: each use with the provenance of its variable
// at that point, each definition with its new value, each write to a
// temporary copy once.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_PROPAGATION_H
#define VIEWGUARD_ANALYSIS_PROPAGATION_H

#include "Events.h"
#include "ExprEvaluator.h"
#include "Facts.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace viewguard {

/// Called with the state before each statement element when events are
/// built (the analysis unit tests read the state at named points with it).
using StateObserver =
    llvm::function_ref<void(const clang::Stmt *Element, const State &Before)>;

class Propagation {
public:
  /// \p Order lists the blocks \p POV visits, in reverse post-order.
  Propagation(const clang::CFG &G, clang::PostOrderCFGView &POV,
              llvm::ArrayRef<const clang::CFGBlock *> Order,
              const CFGFacts &Facts, ExprEvaluator &Eval,
              StorageTable &Storages)
      : G(G), POV(POV), Order(Order), Facts(Facts), Eval(Eval),
        Storages(Storages) {}

  /// Runs the fixpoint from \p Entry; false when it exceeds AnalysisLimits.
  bool solve(const State &Entry);
  /// Builds the events of every visited block into \p Log (false when there
  /// are more than AnalysisLimits::MaxEvents). \p PM gives the full
  /// expression of each event.
  bool buildEvents(EventLog &Log, const clang::ParentMap &PM,
                   StateObserver Observe = nullptr);

private:
  using DefCallback = llvm::function_ref<void(
      const DefFact &Def, const Value &New, const State &Before)>;
  /// The state at the entry of \p B from its predecessors' outputs.
  State inputOf(const clang::CFGBlock *B) const;
  /// Applies the definitions and scope ends of \p EF to \p St.
  void transfer(const ElementFacts &EF, State &St, DefCallback OnDef = nullptr);
  Value define(const DefFact &Def, const State &St);

  const clang::CFG &G;
  clang::PostOrderCFGView &POV;
  llvm::ArrayRef<const clang::CFGBlock *> Order;
  const CFGFacts &Facts;
  ExprEvaluator &Eval;
  StorageTable &Storages;
  State Entry;
  std::vector<State> Out;
  llvm::BitVector Done;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_PROPAGATION_H
