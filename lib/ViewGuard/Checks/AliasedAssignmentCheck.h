//===--- AliasedAssignmentCheck.h - viewguard-aliased-assignment ----------===//
//
// An assignment whose destination's storage its right side reads in another
// order, in a library that writes the destination while it evaluates the
// right side (Eigen): `m = m.transpose();` and
// `m.block(0, 0, 2, 2) = m.block(0, 0, 2, 2).transpose();` read elements
// already overwritten. Products are evaluated into a temporary first, unless
// `noalias()` promised that they need not be: `m.noalias() = m * m;` is the
// same defect. Libraries that evaluate into a temporary (xtensor) are never
// reported.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ALIASEDASSIGNMENTCHECK_H
#define VIEWGUARD_ALIASEDASSIGNMENTCHECK_H

#include "ViewGuardCheckBase.h"

namespace viewguard {

class AliasedAssignmentCheck : public ViewGuardCheckBase {
public:
  using ViewGuardCheckBase::ViewGuardCheckBase;

protected:
  void checkFunction(const FunctionAnalysis &A) override;

private:
  void checkAssignment(const FunctionAnalysis &A, const Event &W);
};

} // namespace viewguard

#endif // VIEWGUARD_ALIASEDASSIGNMENTCHECK_H
