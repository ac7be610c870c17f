//===--- StaleViewCheck.cpp - viewguard-stale-view ------------------------===//

#include "StaleViewCheck.h"
#include "Analysis/AnalysisCache.h"

using namespace clang;

namespace viewguard {

void StaleViewCheck::checkFunction(const FunctionAnalysis &A) {
  for (const Event &E : A.events()) {
    if (!isRead(E) || !E.Var)
      continue;
    for (const Ref &R : E.Val.Refs)
      if (R.Rel == Relation::View && checkRead(A, E, R))
        break;
  }
}

bool StaleViewCheck::checkRead(const FunctionAnalysis &A, const Event &Read,
                               const Ref &R) {
  const Event *Created = A.creationOf(Read.Var, R);
  if (!Created)
    return false;
  // The base, used in the same expression or call as the view.
  const Event *Base = nullptr;
  for (unsigned I : A.eventsIn(Read.FullExpr)) {
    const Event &U = A.events()[I];
    if (U.FullExpr != Read.FullExpr || !U.Var || U.Var == Read.Var ||
        U.Kind == EventKind::Derive || U.Kind == EventKind::Rebind)
      continue;
    const Ref *UR = U.Val.find(R.S);
    if (UR && isBaseOf(U.Var, *UR, R)) {
      Base = &U;
      break;
    }
  }
  // A lazy expression held in a variable (Eigen's `auto r = b - A * x;`)
  // can only be read: any read after an operand changed is taken as the
  // snapshot the author thought it was, base in the expression or not.
  bool Lazy = AnalysisCache::get(*Ctx, ApiOpts)
                  .model()
                  .arrayKindOf(Read.Var->getType()) == ArrayKind::Expression;
  if (!Base && !Lazy)
    return false;
  // A write to the storage through its base after the view was made and
  // before this read, with no new view in between.
  for (unsigned I : A.eventsOn(R.S)) {
    const Event &W = A.events()[I];
    if (W.Kind != EventKind::Write || !W.Var || W.Var == Read.Var)
      continue;
    // Through the base itself: a write through a sibling view is not what
    // the snapshot was taken against.
    const Ref *WR = W.Val.find(R.S);
    if (!WR || !isBaseOf(W.Var, *WR, R))
      continue;
    if (W.Part.disjointFrom(R.Part))
      continue; // another row, another range: the view does not see it
    if (!A.after(*Created, W, Read.Var) || !A.after(W, Read, Read.Var))
      continue;
    if (!claim(useLoc(Read)))
      return true;
    const ValueDecl *BaseVar = Base ? Base->Var : W.Var;
    diag(useLoc(Read), "'%0' is a view of '%1' and reflects the "
                       "write to '%1' made after it was created")
        << useName(Read) << nameOf(BaseVar);
    noteViewCreated(Read.Var, R, Read.UseExpr);
    diag(reportLoc(W.Anchor), "'%0' is modified here", DiagnosticIDs::Note)
        << nameOf(BaseVar);
    return true;
  }
  return false;
}

} // namespace viewguard
