//===--- PathQueries.h - "Can this happen after that?" --------------------===//
//
// The checks ask one question of the CFG: can event Later execute after
// event First on some path that does not redefine a given variable? Across
// blocks it is block reachability (Clang's
// CFGReverseBlockReachabilityAnalysis) and a breadth-first search that stops
// at blocks redefining the variable; inside one CFG element it is C++'s
// sequencing, asked of the function's own ParentMap.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_PATHQUERIES_H
#define VIEWGUARD_ANALYSIS_PATHQUERIES_H

#include "Events.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/Analyses/CFGReachabilityAnalysis.h"
#include "clang/Analysis/CFG.h"
#include <memory>
#include <vector>

namespace viewguard {

class PathQueries {
public:
  /// \p Order lists the visited blocks in reverse post-order.
  PathQueries(const clang::CFG &G,
              llvm::ArrayRef<const clang::CFGBlock *> Order,
              const clang::ParentMap &PM, const EventLog &Events);

  /// Whether \p Later can execute after \p First on some CFG path that does
  /// not pass through a definition of \p KilledVar (if given). \p LoopCarried
  /// is set when every such path goes around a loop back edge.
  bool after(const Event &First, const Event &Later,
             const clang::ValueDecl *KilledVar = nullptr,
             bool *LoopCarried = nullptr) const;

private:
  /// Whether \p To can be reached from \p From by one or more edges.
  bool reaches(unsigned From, unsigned To) const;
  bool sameBlockAfter(const Event &First, const Event &Later) const;
  bool sequencedBefore(const clang::Stmt *Before,
                       const clang::Stmt *After) const;
  const clang::Stmt *sequenceSuccessor(const clang::Stmt *S) const;
  bool isWithin(const clang::Stmt *S, const clang::Stmt *Ancestor) const;

  const clang::CFG &G;
  const clang::ParentMap &PM;
  const EventLog &Events;
  std::vector<const clang::CFGBlock *> BlockById;
  std::vector<unsigned> RPOIndex;
  mutable std::unique_ptr<clang::CFGReverseBlockReachabilityAnalysis> Reach;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_PATHQUERIES_H
