//===--- StaleViewCheck.h - viewguard-stale-view --------------------------===//
//
// A view taken as a snapshot: `v` is made from `b`, `b`'s storage is then
// written through something other than `v`, and `v` is read together with `b`
// as if it still held the old values (`auto old = x(nd::all); x += dx;
// if (nd::allclose(x, old))` is always true).
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_STALEVIEWCHECK_H
#define VIEWGUARD_STALEVIEWCHECK_H

#include "ViewGuardCheckBase.h"

namespace viewguard {

class StaleViewCheck : public ViewGuardCheckBase {
public:
  using ViewGuardCheckBase::ViewGuardCheckBase;

protected:
  void checkFunction(const FunctionAnalysis &A) override;

private:
  bool checkRead(const FunctionAnalysis &A, const Event &Read, const Ref &R);
};

} // namespace viewguard

#endif // VIEWGUARD_STALEVIEWCHECK_H
