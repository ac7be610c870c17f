//===--- LostWriteCheck.cpp - viewguard-lost-write ------------------------===//

#include "LostWriteCheck.h"
#include "Analysis/AnalysisCache.h"
#include "Analysis/AstHelpers.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace viewguard {

void LostWriteCheck::checkFunction(const FunctionAnalysis &A) {
  for (const Event &E : A.events()) {
    switch (E.Kind) {
    case EventKind::Write:
      checkCopyWrite(A, E);
      break;
    case EventKind::TempWrite:
      checkTemporaryWrite(E);
      break;
    case EventKind::Rebind:
      checkRebind(A, E);
      break;
    default:
      break;
    }
  }
}

void LostWriteCheck::checkCopyWrite(const FunctionAnalysis &A, const Event &W) {
  // Only a definite copy: a write through something that may be a view on
  // another path may well arrive.
  if (!W.Var || W.Val.Refs.empty() || W.Val.isMay())
    return;
  const Ref &R = W.Val.Refs.front();
  const Storage &S = A.storage(R.S);
  if (!S.isCopy() || S.CopyKind == "explicit" || !S.CopiedFrom)
    return;
  // Is the copy (through any handle) used after the write?
  if (firstAfter(A, W, A.eventsOn(R.S), [&](const Event &E) {
        return (isRead(E) || E.Kind == EventKind::MayWrite) &&
               E.Val.refersTo(R.S);
      }))
    return;
  const ValueDecl *Source = S.CopiedFrom;
  const Event *SourceUse =
      firstAfter(A, W, A.eventsOf(Source), [&](const Event &E) {
        return E.Var == Source && E.Kind != EventKind::Derive &&
               E.Kind != EventKind::Rebind && E.Kind != EventKind::Metadata;
      });
  if (!SourceUse && !outlivesFunction(storageKindOfDecl(Source, A.function())))
    return;
  if (!claim(reportLoc(W.Anchor)))
    return;
  diag(reportLoc(W.Anchor),
       "write to '%0' never reaches '%1': '%2' is a copy made by %3")
      << nameOf(W.Var) << nameOf(Source) << nameOf(S.Holder ? S.Holder : W.Var)
      << S.CopyKind;
  const Expr *Made = R.Origin ? R.Origin : S.MadeBy;
  if (Made)
    diag(reportLoc(Made), "'%0' is a copy of '%1' made here",
         DiagnosticIDs::Note)
        << nameOf(S.Holder ? S.Holder : W.Var) << nameOf(Source);
  if (SourceUse && isRead(*SourceUse))
    diag(reportLoc(SourceUse->UseExpr), "'%0' is read here after the write",
         DiagnosticIDs::Note)
        << nameOf(Source);
}

void LostWriteCheck::checkTemporaryWrite(const Event &W) {
  if (!claim(reportLoc(W.Anchor)))
    return;
  if (W.HeaderAssign) {
    checkHeaderAssignment(W);
    return;
  }
  const char *Text = nullptr;
  switch (W.Form) {
  case WriteForm::Assign:
    Text = "assignment to a temporary copy made by %0 has no effect";
    break;
  case WriteForm::Compound:
    Text = "compound assignment to a temporary copy made by %0 has no effect";
    break;
  case WriteForm::Element:
    Text = "element write to a temporary copy made by %0 has no effect";
    break;
  case WriteForm::Call:
    Text = "'%1' on a temporary copy made by %0 has no effect";
    break;
  }
  auto D = diag(reportLoc(W.Anchor), Text) << W.CopyKind << W.Callee;

  // The exact rewrite: a whole selection assigned or filled with one value is
  // a scatter, `a.put(index, value)`.
  const auto *Copy = dyn_cast_or_null<CallExpr>(W.CopyExpr);
  const auto *WriteCall = dyn_cast_or_null<CallExpr>(W.Anchor);
  if (!Copy || !WriteCall || inMacro(W.Anchor))
    return;
  // The copy is made by one index: `a(idx)`, `t[idx]`, `t.index({mask})`.
  const ApiModel &Model = AnalysisCache::get(*Ctx, ApiOpts).model();
  const Expr *Object = objectOf(Copy);
  auto CopyArgs = paramArgs(Copy);
  if (!Object || CopyArgs.size() != 1 || !Model.roleOfCall(Copy).IndexCopy)
    return;
  const Expr *Value = nullptr;
  if (W.Form == WriteForm::Assign) {
    const auto *Assign = cast<CXXOperatorCallExpr>(WriteCall);
    if (strip(Assign->getArg(0)) != Copy)
      return;
    Value = Assign->getArg(1);
  } else if (W.Form == WriteForm::Call) {
    // A writing method that takes one non-array value fills the selection.
    const auto *Fill = dyn_cast<CXXMemberCallExpr>(WriteCall);
    if (!Fill || Fill->getNumArgs() != 1 ||
        strip(Fill->getImplicitObjectArgument()) != Copy ||
        Fill->getArg(0)->getType()->isRecordType())
      return;
    Value = Fill->getArg(0);
  } else {
    return;
  }
  std::string ObjectText = sourceText(Object);
  if (!isa<DeclRefExpr, MemberExpr, CallExpr, ParenExpr>(strip(Object)))
    ObjectText = "(" + ObjectText + ")";
  std::string IndexText = sourceText(CopyArgs[0]);
  std::string ValueText = sourceText(Value);
  if (ObjectText.empty() || IndexText.empty() || ValueText.empty())
    return;
  D << FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(WriteCall->getSourceRange()),
      spell(PutSpelling, ObjectText, ValueText, IndexText));
}

/// `A.row(i) = A.row(j);` in OpenCV: the copy assignment rebinds the
/// temporary header and no element of A changes. The library's assign
/// (`A.row(j).copyTo(A.row(i))`) was meant.
void LostWriteCheck::checkHeaderAssignment(const Event &W) {
  auto D = diag(reportLoc(W.Anchor),
                W.Var ? "assignment to a temporary handle rebinds it and "
                        "writes nothing into '%0'"
                      : "assignment to a temporary handle rebinds it and "
                        "writes nothing");
  if (W.Var)
    D << nameOf(W.Var);
  addAssignFix(D, W.Anchor);
}

/// Rewrites the assignment \p Anchor (`target = value`) as the library's
/// element copy (`target.assign(value)`, `value.copyTo(target)`).
void LostWriteCheck::addAssignFix(DiagnosticBuilder &D, const Expr *Anchor) {
  const auto *Assign = dyn_cast_or_null<CXXOperatorCallExpr>(Anchor);
  if (!Assign || Assign->getNumArgs() != 2 || inMacro(Assign))
    return;
  std::string Lhs = sourceText(Assign->getArg(0));
  std::string Rhs = sourceText(Assign->getArg(1));
  if (!Lhs.empty() && !Rhs.empty())
    D << FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Assign->getSourceRange()),
        spell(AssignSpelling, Lhs, Rhs));
}

void LostWriteCheck::checkRebind(const FunctionAnalysis &A, const Event &E) {
  if (!E.Var || E.Old.Refs.empty() || E.Old.isMay())
    return;
  const Ref &Old = E.Old.Refs.front();
  if (Old.Rel != Relation::View || E.Val.refersTo(Old.S))
    return;
  // The rebound handle is never used again ...
  if (firstAfter(A, E, A.eventsOf(E.Var), [&](const Event &U) {
        return U.Var == E.Var && U.Kind != EventKind::Derive &&
               U.Kind != EventKind::Rebind && U.Kind != EventKind::Metadata;
      }))
    return;
  // ... while the array it viewed is read.
  const Event *BaseRead =
      firstAfter(A, E, A.eventsOn(Old.S), [&](const Event &U) {
        if (!isRead(U) || !U.Var || U.Var == E.Var)
          return false;
        const Ref *UR = U.Val.find(Old.S);
        return UR && isBaseOf(U.Var, *UR, Old);
      });
  // Storage that outlives the function (the caller's array, a member) is
  // read after it even when this function does not read it.
  const Storage &S = A.storage(Old.S);
  const ValueDecl *Base = BaseRead               ? BaseRead->Var
                          : S.outlivesFunction() ? S.Holder
                                                 : nullptr;
  if (!Base || !claim(reportLoc(E.Anchor)))
    return;
  {
    auto D =
        diag(reportLoc(E.Anchor),
             "assignment rebinds the view '%0' instead of writing into '%1'")
        << nameOf(E.Var) << nameOf(Base);
    addAssignFix(D, E.Anchor);
  } // the warning is emitted before its note
  // A copy would not make the assignment write anything: the fix is the
  // assign() on the warning.
  noteViewCreated(E.Var, Old, E.Anchor, /*OfferCopy=*/false);
}

} // namespace viewguard
