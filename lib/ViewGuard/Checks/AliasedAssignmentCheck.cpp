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
  const CallExpr *Region = nullptr;   ///< The first block on the way up.
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
      if (!P.Region && M.regionArgs(Call->getDirectCallee()))
        P.Region = Call;
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

namespace {
/// The rectangle a block-like view selects: [Row, Row + Rows) x
/// [Col, Col + Cols); -1 extents for "to the end".
struct Rect {
  int64_t Row = 0, Col = 0, Rows = -1, Cols = -1;
  bool operator==(const Rect &O) const {
    return Row == O.Row && Col == O.Col && Rows == O.Rows && Cols == O.Cols;
  }
};
} // namespace

/// The rectangle \p Call views, when all its arguments are constants the
/// model explains.
static std::optional<Rect> rectOf(const CallExpr *Call, const ApiModel &M,
                                  ASTContext &Ctx) {
  const std::vector<std::string> *Meaning =
      Call ? M.regionArgs(Call->getDirectCallee()) : nullptr;
  if (!Meaning)
    return std::nullopt;
  auto Args = paramArgs(Call);
  if (Args.size() != Meaning->size())
    return std::nullopt;
  Rect R;
  bool HasRows = false, HasCols = false;
  for (unsigned I = 0; I < Args.size(); ++I) {
    std::optional<int64_t> V = constantInt(Args[I], Ctx);
    if (!V || *V < 0)
      return std::nullopt;
    const std::string &What = (*Meaning)[I];
    if (What == "row") {
      R.Row = *V;
    } else if (What == "col") {
      R.Col = *V;
    } else if (What == "rows") {
      R.Rows = *V;
      HasRows = true;
    } else {
      R.Cols = *V;
      HasCols = true;
    }
  }
  // `row(i)` is one row, `col(j)` one column.
  if (llvm::is_contained(*Meaning, "row") && !HasRows)
    R.Rows = 1;
  if (llvm::is_contained(*Meaning, "col") && !HasCols)
    R.Cols = 1;
  return R;
}

/// The variable \p E names, through implicit casts.
static const ValueDecl *namedVariable(const Expr *E) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E ? strip(E) : nullptr))
    return DRE->getDecl();
  return nullptr;
}

static bool overlap(int64_t A, int64_t LenA, int64_t B, int64_t LenB) {
  bool BeforeB = LenA >= 0 && A + LenA <= B;
  bool AfterB = LenB >= 0 && B + LenB <= A;
  return !BeforeB && !AfterB;
}

/// Whether the block views \p L and \p R of one array select overlapping,
/// different rectangles: a coefficient-wise copy between them reads
/// elements it already wrote.
static bool shiftedOverlap(const CallExpr *L, const CallExpr *R,
                           const ApiModel &M, ASTContext &Ctx) {
  std::optional<Rect> A = rectOf(L, M, Ctx), B = rectOf(R, M, Ctx);
  if (!A || !B || *A == *B)
    return false;
  return overlap(A->Row, A->Rows, B->Row, B->Rows) &&
         overlap(A->Col, A->Cols, B->Col, B->Cols);
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
    // Two different, overlapping blocks of one array.
    const auto *LhsBlock = dyn_cast<CallExpr>(Lhs);
    bool Shifted = !P.Permuted && !P.Temporary && LhsBlock && P.Region &&
                   namedVariable(objectOf(LhsBlock)) == U.Var &&
                   namedVariable(objectOf(P.Region)) == U.Var &&
                   shiftedOverlap(LhsBlock, P.Region, M, *Ctx);
    if (!P.Permuted && !(NoAlias && P.Temporary) && !Shifted)
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
    } else if (Shifted) {
      auto D = diag(reportLoc(Assign),
                    "assignment writes a block of '%0' while its right side "
                    "reads an overlapping block of '%0': elements are read "
                    "after they were overwritten (aliasing)")
               << nameOf(W.Var);
      if (!inMacro(P.Region)) {
        SourceLocation End = Lexer::getLocForEndOfToken(
            P.Region->getEndLoc(), 0, Ctx->getSourceManager(),
            Ctx->getLangOpts());
        if (End.isValid())
          D << FixItHint::CreateInsertion(End, ".eval()");
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
