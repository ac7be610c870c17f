//===--- AliasedAssignmentCheck.cpp - viewguard-aliased-assignment --------===//

#include "AliasedAssignmentCheck.h"
#include "Analysis/AnalysisCache.h"
#include "Analysis/AstHelpers.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Lex/Lexer.h"

using namespace clang;

namespace viewguard {

void AliasedAssignmentCheck::checkFunction(const FunctionAnalysis &A) {
  for (const Event &W : A.events())
    if (W.Kind == EventKind::Write && W.Form == WriteForm::Assign && W.Var)
      checkAssignment(A, W);
}

namespace {
/// How the right side of an assignment reads one use of an array.
struct ReadPath {
  const CallExpr *Permuted = nullptr; ///< A transpose on the way up.
  const Expr *Temporary = nullptr;    ///< A product on the way up.
  bool Copied = false;                ///< `.eval()` or a value made.
  bool Inside = false;                ///< The use is in the right side.
};
} // namespace

/// Walks from \p Use up to \p Rhs, noting what the value goes through.
static ReadPath readPath(const Expr *Use, const Expr *Rhs, ASTContext &Ctx,
                         const ApiModel &M) {
  ReadPath P;
  DynTypedNode Node = DynTypedNode::create(*Use);
  for (int Guard = 0; Guard < 64; ++Guard) {
    const auto *E = Node.get<Expr>();
    if (!E)
      return P;
    if (E == Rhs) {
      P.Inside = true;
      return P;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      FunctionRole R = M.roleOfCall(Call);
      if (R.Kind == Role::ViewPermuted && !P.Permuted)
        P.Permuted = Call;
      if (R.Kind == Role::Copy)
        P.Copied = true;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
        CE && M.arrayKindOf(CE->getType()) == ArrayKind::Value)
      P.Copied = true;
    if (!P.Temporary && M.isTemporaryExpression(E->getType()))
      P.Temporary = E;
    auto Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return P;
    Node = Parents[0];
  }
  return P;
}

void AliasedAssignmentCheck::checkAssignment(const FunctionAnalysis &A,
                                             const Event &W) {
  const auto *Assign = dyn_cast_or_null<CXXOperatorCallExpr>(W.Anchor);
  if (!Assign || Assign->getOperator() != OO_Equal || Assign->getNumArgs() != 2)
    return;
  const ApiModel &M = AnalysisCache::get(*Ctx, ApiOpts).model();
  const Expr *Lhs = strip(Assign->getArg(0));
  const Expr *Rhs = Assign->getArg(1);
  // `m.noalias() = ...`: the destination is noalias()'s object.
  const auto *NoAlias = dyn_cast<CallExpr>(Lhs);
  if (NoAlias && !M.isNoAliasFunction(NoAlias->getDirectCallee()))
    NoAlias = nullptr;
  const Expr *Dst = NoAlias ? strip(objectOf(NoAlias)) : Lhs;
  if (!Dst || !M.assignsInPlace(Dst->getType()))
    return;
  for (unsigned I : A.eventsIn(W.FullExpr)) {
    const Event &U = A.events()[I];
    if (&U == &W || !U.Var || !U.UseExpr || !isRead(U))
      continue;
    bool Shares = llvm::any_of(
        W.Val.Refs, [&](const Ref &R) { return U.Val.refersTo(R.S); });
    if (!Shares)
      continue;
    ReadPath P = readPath(U.UseExpr, Rhs, *Ctx, M);
    if (!P.Inside || P.Copied)
      continue;
    if (P.Temporary && !NoAlias)
      continue; // a product is evaluated into a temporary first
    if (!P.Permuted && !(NoAlias && P.Temporary))
      continue; // coefficient-wise, same order: safe
    if (!claim(reportLoc(Assign)))
      return;
    if (NoAlias && P.Temporary) {
      auto D = diag(reportLoc(Assign),
                    "noalias() promises that the right side does not read "
                    "'%0', but it does: the product is written into '%0' "
                    "while it is computed")
               << nameOf(W.Var);
      // Without noalias() Eigen evaluates the product into a temporary.
      if (!inMacro(NoAlias)) {
        std::string Object = sourceText(Dst);
        if (!Object.empty())
          D << FixItHint::CreateReplacement(
              CharSourceRange::getTokenRange(NoAlias->getSourceRange()),
              Object);
      }
    } else {
      auto D = diag(reportLoc(Assign),
                    "assignment writes '%0' while its right side reads "
                    "'%1' transposed: elements are read after they were "
                    "overwritten (aliasing)")
               << nameOf(W.Var) << nameOf(U.Var);
      // Evaluating the transposed operand first is Eigen's own advice.
      if (!inMacro(P.Permuted)) {
        SourceLocation End = Lexer::getLocForEndOfToken(
            P.Permuted->getEndLoc(), 0, Ctx->getSourceManager(),
            Ctx->getLangOpts());
        if (End.isValid())
          D << FixItHint::CreateInsertion(End, ".eval()");
      }
    }
    diag(reportLoc(U.UseExpr), "'%0' is read here", DiagnosticIDs::Note)
        << nameOf(U.Var);
    return;
  }
}

} // namespace viewguard
