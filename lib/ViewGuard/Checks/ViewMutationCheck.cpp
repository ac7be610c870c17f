//===--- ViewMutationCheck.cpp - viewguard-view-mutation ------------------===//

#include "ViewMutationCheck.h"
#include "Analysis/AnalysisCache.h"

using namespace clang;

namespace viewguard {

ViewMutationCheck::ViewMutationCheck(StringRef Name,
                                     tidy::ClangTidyContext *Context)
    : ViewGuardCheckBase(Name, Context),
      StrictMode(Options.get("StrictMode", false)) {}

void ViewMutationCheck::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  ViewGuardCheckBase::storeOptions(Opts);
  Options.store(Opts, "StrictMode", StrictMode);
}

void ViewMutationCheck::checkFunction(const FunctionAnalysis &A) {
  for (const Event &W : A.events()) {
    bool IsWrite = W.Kind == EventKind::Write ||
                   (StrictMode && W.Kind == EventKind::MayWrite);
    if (!IsWrite || !W.Var)
      continue;
    for (const Ref &R : W.Val.Refs)
      if (checkWrite(A, W, R))
        break; // one diagnostic per write
  }
}

/// How to name storage that outlives the function, for rule (b).
static std::string outlivingName(const Storage &S) {
  std::string Name = "'" + nameOf(S.Holder) + "'";
  switch (S.Kind) {
  case StorageKind::ParamByValue:
  case StorageKind::ParamConstRef:
    return "the caller's array passed as " + Name;
  case StorageKind::Member:
    return "member " + Name;
  case StorageKind::Global:
    return "global " + Name;
  case StorageKind::Capture:
    return "captured " + Name;
  default:
    return Name;
  }
}

bool ViewMutationCheck::checkWrite(const FunctionAnalysis &A, const Event &W,
                                   const Ref &R) {
  const Storage &S = A.storage(R.S);
  // A by-value parameter of a library whose idiom passes handles by value
  // (OpenCV, libtorch) is the caller's array to update, like a non-const
  // reference; elsewhere it looks like a copy.
  const ApiModel &Model = AnalysisCache::get(*Ctx, ApiOpts).model();
  bool ByValue = S.Kind == StorageKind::ParamByValue && S.Holder;
  ArrayKind ParamKind =
      ByValue ? Model.arrayKindOf(S.Holder->getType()) : ArrayKind::None;
  // A by-value value array (Eigen::VectorXd) is the callee's own copy.
  bool OwnCopy = ParamKind == ArrayKind::Value;
  // A by-value view type (Eigen's `Ref<VectorXd>`) is the in-out idiom.
  bool HandleParam = ByValue && (ParamKind == ArrayKind::View ||
                                 Model.byValueIsHandle(S.Holder->getType()));
  bool ExplicitOutput =
      S.Kind == StorageKind::ParamRef || HandleParam || OwnCopy;
  // A by-value parameter is itself a handle on the caller's array.
  bool SelfParam = R.Rel == Relation::Owner && !HandleParam && !OwnCopy &&
                   S.Kind == StorageKind::ParamByValue && S.Holder == W.Var;
  if (R.Rel != Relation::View && !SelfParam)
    return false;

  bool ViewLoop = false, BaseLoop = false;
  const Event *ViewRead = firstAfter(
      A, W, A.eventsOn(R.S),
      [&](const Event &E) {
        return isRead(E) && E.Var == W.Var && E.Val.refersTo(R.S);
      },
      &ViewLoop);
  const Event *BaseRead = firstAfter(
      A, W, A.eventsOn(R.S),
      [&](const Event &E) {
        if (!isRead(E) || !E.Var || E.Var == W.Var)
          return false;
        const Ref *U = E.Val.find(R.S);
        return U && isBaseOf(E.Var, *U, R);
      },
      &BaseLoop);

  // (b) someone else's storage used as scratch: the caller, the object, the
  // program. A non-const reference parameter is an explicit output.
  bool Scratch = S.outlivesFunction() && !ExplicitOutput && ViewRead;
  bool Independent = ViewRead && BaseRead;
  bool Strict = StrictMode && BaseRead;
  if (!Scratch && !Independent && !Strict)
    return false;
  if (!claim(reportLoc(W.Anchor)))
    return true;

  // A possible write (StrictMode) or a possible view: "may".
  bool May = W.Val.isMay() || W.Kind == EventKind::MayWrite;
  if (Scratch) {
    if (SelfParam)
      diag(reportLoc(W.Anchor),
           "write through parameter '%0' also modifies the caller's array")
          << nameOf(W.Var);
    else
      diag(reportLoc(W.Anchor), May ? "write through '%0' may also modify %1"
                                    : "write through '%0' also modifies %1")
          << useName(W) << outlivingName(S);
  } else {
    diag(reportLoc(W.Anchor), May ? "write through '%0' may also modify '%1'"
                                  : "write through '%0' also modifies '%1'")
        << useName(W) << nameOf(BaseRead->Var);
  }
  if (!SelfParam)
    noteViewCreated(W.Var, R, W.Anchor);
  if (ViewRead)
    diag(useLoc(*ViewRead), "'%0' is read here after the write%1",
         DiagnosticIDs::Note)
        << useName(*ViewRead) << iterationSuffix(ViewLoop);
  if (BaseRead)
    diag(reportLoc(BaseRead->UseExpr), "'%0' is read here after the write%1",
         DiagnosticIDs::Note)
        << nameOf(BaseRead->Var) << iterationSuffix(BaseLoop);
  return true;
}

} // namespace viewguard
