//===--- AstHelpers.cpp - Small questions about Clang expressions ---------===//

#include "AstHelpers.h"
#include "ApiModel.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace viewguard {

bool isStdMove(const CallExpr *Call) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl());
  return FD && Call->getNumArgs() == 1 && FD->isInStdNamespace() &&
         FD->getIdentifier() &&
         (FD->getName() == "move" || FD->getName() == "forward");
}

static bool isHandleCopy(const Expr *E) {
  const auto *CE = dyn_cast<CXXConstructExpr>(E);
  return CE && CE->getNumArgs() == 1 && CE->getConstructor() &&
         CE->getConstructor()->isCopyOrMoveConstructor();
}

const Expr *strip(const Expr *E, bool HandleCopies) {
  for (int Guard = 0; E && Guard < 64; ++Guard) {
    if (const auto *C = dyn_cast<ImplicitCastExpr>(E))
      E = C->getSubExpr();
    else if (const auto *P = dyn_cast<ParenExpr>(E))
      E = P->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *F = dyn_cast<FullExpr>(E))
      E = F->getSubExpr();
    else if (const auto *FC = dyn_cast<CXXFunctionalCastExpr>(E))
      E = FC->getSubExpr();
    else if (const auto *Call = dyn_cast<CallExpr>(E); Call && isStdMove(Call))
      E = Call->getArg(0);
    else if (HandleCopies && isHandleCopy(E))
      E = cast<CXXConstructExpr>(E)->getArg(0);
    else
      break;
  }
  return E;
}

bool isTransparentParent(const Stmt *P) {
  return isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, FullExpr, CXXFunctionalCastExpr>(P);
}

bool isCompoundAssign(OverloadedOperatorKind K) {
  switch (K) {
  case OO_PlusEqual:
  case OO_MinusEqual:
  case OO_StarEqual:
  case OO_SlashEqual:
  case OO_PercentEqual:
  case OO_CaretEqual:
  case OO_AmpEqual:
  case OO_PipeEqual:
  case OO_LessLessEqual:
  case OO_GreaterGreaterEqual:
    return true;
  default:
    return false;
  }
}

const Expr *objectOf(const CallExpr *Call) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    return MC->getImplicitObjectArgument();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call))
    if (isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()) &&
        OC->getNumArgs() > 0)
      return OC->getArg(0);
  return nullptr;
}

llvm::ArrayRef<const Expr *> paramArgs(const CallExpr *Call) {
  llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
  if (isa<CXXOperatorCallExpr>(Call) &&
      isa_and_nonnull<CXXMethodDecl>(Call->getDirectCallee()) && !Args.empty())
    return Args.drop_front();
  return Args;
}

bool isHandleAssignment(const CXXMethodDecl *MD, const ApiModel &M) {
  // Only handles rebind: assignment to a value array or a view type writes
  // its elements.
  if (!MD || M.arrayKindOfClass(MD->getParent()) != ArrayKind::Handle)
    return false;
  if (MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator())
    return true;
  // Assignment from another array class of the library
  // (`cv::Mat_<float> &operator=(const cv::Mat &)`) shares the same way.
  return MD->getOverloadedOperator() == OO_Equal && MD->getNumParams() == 1 &&
         M.isArrayType(MD->getParamDecl(0)->getType());
}

bool isHandleAssignment(const CallExpr *Call, const ApiModel &M) {
  const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call);
  return OC && OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
         isHandleAssignment(
             dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee()), M);
}

static int nestingDepth(const Expr *E, int Guard) {
  if (!E || Guard > 16)
    return 0;
  E = strip(E);
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return 1 +
           (IL->getNumInits() ? nestingDepth(IL->getInit(0), Guard + 1) : 0);
  if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(E))
    return nestingDepth(SIL->getSubExpr(), Guard + 1);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    if (CE->getNumArgs() == 1)
      return nestingDepth(CE->getArg(0), Guard + 1);
  return 0;
}

int nestingDepth(const Expr *E) { return nestingDepth(E, 0); }

int bracedLength(const Expr *E) {
  for (int Guard = 0; E && Guard < 16; ++Guard) {
    E = strip(E);
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() >= 1) {
        E = CE->getArg(0);
        continue;
      }
      if (CE->isListInitialization())
        return 0;
    }
    if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(E)) {
      E = SIL->getSubExpr();
      continue;
    }
    if (const auto *IL = dyn_cast<InitListExpr>(E))
      return static_cast<int>(IL->getNumInits());
    return -1;
  }
  return -1;
}

std::optional<int64_t> constantInt(const Expr *E, ASTContext &Ctx) {
  Expr::EvalResult R;
  if (E && !E->isValueDependent() && E->EvaluateAsInt(R, Ctx))
    return R.Val.getInt().getExtValue();
  return std::nullopt;
}

} // namespace viewguard
