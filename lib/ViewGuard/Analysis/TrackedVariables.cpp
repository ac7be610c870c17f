//===--- TrackedVariables.cpp - Which expressions name an array variable --===//

#include "TrackedVariables.h"
#include "AstHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

using namespace clang;

namespace viewguard {

TrackedVariables::TrackedVariables(const ApiModel &M, const Stmt *Body) : M(M) {
  collect(Body);
}

void TrackedVariables::collect(const Stmt *S) {
  if (!S)
    return;
  if (isa<LambdaExpr>(S))
    return; // a lambda's body is a function of its own
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->getType()->isReferenceType() && VD->getInit() &&
            M.isArrayType(VD->getType()))
          if (const ValueDecl *Target = named(VD->getInit()))
            Aliases[VD] = Target;
  for (const Stmt *C : S->children())
    collect(C);
}

const ValueDecl *TrackedVariables::named(const Expr *E) const {
  if (!E)
    return nullptr;
  E = strip(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD || !M.isArrayType(VD->getType()))
      return nullptr;
    auto It = Aliases.find(VD);
    return It != Aliases.end() ? It->second : VD;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (FD && M.isArrayType(FD->getType()) &&
        isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return FD;
  }
  return nullptr;
}

const ValueDecl *TrackedVariables::rootOf(const Expr *E) const {
  for (int Guard = 0; E && Guard < 32; ++Guard) {
    E = strip(E, /*HandleCopies=*/true);
    if (const ValueDecl *D = named(E))
      return D;
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call)
      return nullptr;
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD)
      return nullptr;
    Role R = M.roleOf(FD).Kind;
    if (R != Role::View && R != Role::ViewPermuted && R != Role::ViewIndexed &&
        R != Role::ViewOrCopy && R != Role::Copy)
      return nullptr;
    E = sourceArg(Call, FD);
  }
  return nullptr;
}

const Expr *TrackedVariables::sourceArg(const CallExpr *Call,
                                        const FunctionDecl *FD) const {
  if (const Expr *Obj = objectOf(Call))
    return Obj;
  auto Args = paramArgs(Call);
  for (unsigned I = 0; I < Args.size() && I < FD->getNumParams(); ++I)
    if (M.isArrayType(FD->getParamDecl(I)->getType()))
      return Args[I];
  return nullptr;
}

} // namespace viewguard
