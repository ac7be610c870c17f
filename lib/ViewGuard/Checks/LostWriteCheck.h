//===--- LostWriteCheck.h - viewguard-lost-write --------------------------===//
//
// A write that can never reach the array it was meant for: a write to a copy
// (fancy or mask indexing, flatten, a reshape or ravel that must copy,
// arithmetic) that is never read afterwards while its source is; any write to
// a temporary copy (`a(mask) = 0`); and rebinding a view handle
// (`row = other;`) whose base is read afterwards while the handle is not.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_LOSTWRITECHECK_H
#define VIEWGUARD_LOSTWRITECHECK_H

#include "ViewGuardCheckBase.h"

namespace viewguard {

class LostWriteCheck : public ViewGuardCheckBase {
public:
  using ViewGuardCheckBase::ViewGuardCheckBase;

protected:
  void checkFunction(const FunctionAnalysis &A) override;

private:
  void checkCopyWrite(const FunctionAnalysis &A, const Event &W);
  void checkTemporaryWrite(const Event &W);
  void checkHeaderAssignment(const Event &W);
  void addAssignFix(clang::DiagnosticBuilder &D, const clang::Expr *Anchor);
  void checkRebind(const FunctionAnalysis &A, const Event &E);
};

} // namespace viewguard

#endif // VIEWGUARD_LOSTWRITECHECK_H
