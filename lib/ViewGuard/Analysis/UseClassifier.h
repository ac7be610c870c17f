//===--- UseClassifier.h - What happens to an array at one of its uses ----===//
//
// Each appearance of a tracked array variable is classified once, from the
// AST around it: its elements are read, written (and how: assignment,
// compound assignment, element, writing call), possibly written by a callee
// the analysis cannot see, it escapes (returned, stored, captured), it is
// bound to a new variable, or only its metadata is looked at. A write to a
// temporary copy made from it (`a(mask) = 0`) is recorded with the use.
//
// One answer depends on the program point: whether a view-or-copy call
// (reshape, ravel) makes a view or a copy depends on the layout of its
// source there. The classification keeps both outcomes as a Decision, which
// the event builder resolves with the state at the use.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_USECLASSIFIER_H
#define VIEWGUARD_ANALYSIS_USECLASSIFIER_H

#include "ApiModel.h"
#include "Events.h"
#include "Summaries.h"
#include "TrackedVariables.h"
#include "clang/AST/ParentMap.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <optional>

namespace viewguard {

/// A write to a temporary copy: it changes nothing anyone sees.
struct TempWriteFact {
  const clang::Expr *Anchor = nullptr; ///< The write.
  WriteForm Form = WriteForm::Call;
  std::string Callee;
  const clang::Expr *CopyExpr = nullptr; ///< The call making the copy.
  std::string CopyKind;
  const clang::ValueDecl *Var = nullptr; ///< The variable copied from.
  /// A copy or move assignment to a temporary handle (`A.row(i) = B;`): it
  /// rebinds the temporary and writes no element. CopyExpr is the temporary.
  bool HeaderAssign = false;
};

/// What happens to an array value at its use.
struct Fate {
  bool Read = false, Write = false, MayWrite = false, Escape = false,
       Metadata = false, Bound = false, Return = false;
  const clang::Expr *Anchor = nullptr; ///< The write, when Write.
  /// The container element the use goes through (`rows[k]`), if any.
  const clang::CallExpr *Element = nullptr;
  WriteForm Form = WriteForm::Call;
  std::string Callee;
  llvm::SmallVector<TempWriteFact, 1> TempWrites;

  /// When set, the fate depends on whether this view-or-copy call makes a
  /// copy (IfCopy) or a view, or either (IfView); the fields above are
  /// unused.
  const clang::CallExpr *Decision = nullptr;
  std::shared_ptr<const Fate> IfCopy, IfView;

  /// Both happen: reads, writes and escapes of either (the first write
  /// kept), decisions distributed.
  static Fate merge(const Fate &A, const Fate &B);
  /// The fate for the outcome \p Decide gives each view-or-copy call
  /// (true: view, false: copy, nothing: either, taken as a view).
  const Fate &resolve(
      llvm::function_ref<std::optional<bool>(const clang::CallExpr *)> Decide)
      const;
};

class UseClassifier {
public:
  UseClassifier(const ApiModel &M, clang::ASTContext &Ctx,
                const clang::Stmt *Body, const clang::ParentMap &PM,
                const TrackedVariables &Vars, SummaryProvider &Summaries)
      : M(M), Ctx(Ctx), PM(PM), Vars(Vars), Summaries(Summaries),
        Mut(*Body, Ctx) {}

  /// The fate of the array expression \p E (a variable's name, or a value
  /// derived from it) given the expressions around it.
  Fate fateOf(const clang::Expr *E, int Depth = 0);

private:
  Fate objectCall(const clang::CallExpr *Call, const clang::CXXMethodDecl *MD,
                  const clang::Expr *Obj, int Depth);
  Fate roleCall(const clang::CallExpr *Call, const clang::FunctionDecl *FD,
                const FunctionRole &Role, const clang::Expr *Source, int Depth);
  Fate argumentUse(const clang::CallExpr *Call, unsigned ArgIdx, int Depth);
  Fate copyTemporary(const clang::CallExpr *Call, llvm::StringRef Kind,
                     int Depth);
  Fate iteratorUse(const clang::CallExpr *Iter);
  /// The call \p E is an argument of (through implicit nodes, and through
  /// copies into by-value parameters when \p ThroughConstructs), and its
  /// explicit argument index; null when it is none.
  std::pair<const clang::CallExpr *, unsigned>
  argumentSlot(const clang::Expr *E, bool ThroughConstructs) const;
  Fate constructorUse(const clang::CXXConstructExpr *CE, const clang::Expr *Arg,
                      int Depth);
  Fate outputWrite(const clang::FunctionDecl *FD, const clang::Expr *Arg,
                   OutputKind Kind);
  bool isElementWrite(const clang::CallExpr *Element);

  const ApiModel &M;
  clang::ASTContext &Ctx;
  const clang::ParentMap &PM;
  const TrackedVariables &Vars;
  SummaryProvider &Summaries;
  clang::ExprMutationAnalyzer Mut;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_USECLASSIFIER_H
