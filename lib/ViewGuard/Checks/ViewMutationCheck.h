//===--- ViewMutationCheck.h - viewguard-view-mutation --------------------===//
//
// A write through a view that also changes its base, where the code then
// treats the two as independent values (both are read afterwards), or where
// the base is someone else's storage used as scratch (a by-value or const&
// parameter, a member, a global, a capture) and the view is read afterwards.
// Option StrictMode: report whenever the base is read after the write.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_VIEWMUTATIONCHECK_H
#define VIEWGUARD_VIEWMUTATIONCHECK_H

#include "ViewGuardCheckBase.h"

namespace viewguard {

class ViewMutationCheck : public ViewGuardCheckBase {
public:
  ViewMutationCheck(llvm::StringRef Name,
                    clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;

protected:
  void checkFunction(const FunctionAnalysis &A) override;

private:
  bool checkWrite(const FunctionAnalysis &A, const Event &W, const Ref &R);
  const bool StrictMode;
};

} // namespace viewguard

#endif // VIEWGUARD_VIEWMUTATIONCHECK_H
