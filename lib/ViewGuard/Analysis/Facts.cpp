//===--- Facts.cpp - The array facts of each CFG element ------------------===//

#include "Facts.h"
#include "AstHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace viewguard {

CFGFacts FactsGenerator::generate(const CFG &G,
                                  llvm::ArrayRef<const CFGBlock *> Blocks) {
  // A sub-statement that is an element of its own is handled there.
  for (const CFGBlock *B : G)
    for (const CFGElement &El : *B)
      if (auto CS = El.getAs<CFGStmt>())
        ElementStmts.insert(CS->getStmt());
  CFGFacts Facts(G.getNumBlockIDs());
  for (const CFGBlock *B : Blocks) {
    auto &Block = Facts[B->getBlockID()];
    Block.reserve(B->size());
    for (const CFGElement &El : *B)
      Block.push_back(factsOf(El));
  }
  return Facts;
}

ElementFacts FactsGenerator::factsOf(const CFGElement &El) {
  ElementFacts F;
  if (auto LE = El.getAs<CFGLifetimeEnds>()) {
    F.ScopeEnd = LE->getVarDecl();
    return F;
  }
  auto CS = El.getAs<CFGStmt>();
  if (!CS)
    return F;
  const Stmt *S = CS->getStmt();
  F.S = S;
  if (const auto *R = dyn_cast<ReturnStmt>(S))
    if (R->getRetValue() && M.isArrayType(R->getRetValue()->getType()))
      F.Returned = R->getRetValue();
  llvm::SmallVector<const Expr *, 8> Leaves;
  llvm::SmallVector<const Stmt *, 2> Defs;
  collect(S, S, Leaves, Defs);
  for (const Expr *Leaf : Leaves)
    F.Uses.push_back({Leaf, Vars.named(Leaf), Uses.fateOf(Leaf)});
  for (const Stmt *Def : Defs) {
    if (const auto *DS = dyn_cast<DeclStmt>(Def)) {
      for (const Decl *D : DS->decls()) {
        const auto *VD = dyn_cast<VarDecl>(D);
        if (!VD || !VD->getInit())
          continue;
        if (const auto *DD = dyn_cast<DecompositionDecl>(VD))
          for (const BindingDecl *B : DD->bindings()) {
            if (!M.isArrayType(B->getType()))
              continue;
            // Tuple-like bindings go through a holding variable.
            const Expr *Init = B->getBinding();
            if (const VarDecl *H = B->getHoldingVar())
              Init = H->getInit();
            if (Init)
              F.Defs.push_back({B, Init, Init, false});
          }
        // An object initialised member by member defines its tracked array
        // members (`Tile t{img(rows, cols)};` makes t.px a view of img).
        Vars.forEachMemberInit(VD,
                               [&](const ValueDecl *Path, const Expr *Init) {
                                 F.Defs.push_back({Path, Init, Init, false});
                               });
        if ((!M.isArrayType(VD->getType()) &&
             !Vars.isContainerType(VD->getType())) ||
            Vars.isAlias(VD))
          continue;
        // A range-for variable over a container is one of its elements.
        const Expr *Init = VD->getInit();
        if (const Expr *Range = Vars.rangeOf(VD))
          Init = Range;
        F.Defs.push_back({VD, Init, Init, false});
      }
      continue;
    }
    const auto *Call = cast<CallExpr>(Def);
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call);
        OC && isHandleAssignment(OC, M)) {
      if (const ValueDecl *Named = Vars.named(OC->getArg(0))) {
        F.Defs.push_back({Named, OC->getArg(1), OC, true});
        continue;
      }
      // `rows[k] = v` rebinds an element: the container may now hold v.
      const auto *Elem = dyn_cast<CallExpr>(strip(OC->getArg(0)));
      if (const Expr *C = Elem ? Vars.containerOf(Elem) : nullptr)
        F.Defs.push_back({Vars.named(C), OC->getArg(1), OC, false, true});
      continue;
    }
    const ValueDecl *Container = Vars.namedContainer(objectOf(Call));
    const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
    if (MD &&
        (MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator())) {
      // `rows = other`: a new set of elements (not a handle's rebinding).
      F.Defs.push_back({Container, paramArgs(Call)[0], Call, false});
      continue;
    }
    // push_back, emplace_back, insert, ...: every array argument may now be
    // an element.
    for (const Expr *Arg : paramArgs(Call))
      if (M.isArrayType(Arg->getType()))
        F.Defs.push_back({Container, Arg, Call, false, true});
  }
  return F;
}

void FactsGenerator::collect(const Stmt *S, const Stmt *Root,
                             llvm::SmallVectorImpl<const Expr *> &Leaves,
                             llvm::SmallVectorImpl<const Stmt *> &Defs) {
  if (!S)
    return;
  if (S != Root && ElementStmts.contains(S))
    return; // its own CFG element
  if (isa<UnaryExprOrTypeTraitExpr, CXXTypeidExpr, CXXNoexceptExpr>(S))
    return; // unevaluated
  if (const auto *L = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : L->capture_inits())
      collect(Init, Root, Leaves, Defs);
    return; // the body is analysed as a function of its own
  }
  if (const auto *E = dyn_cast<Expr>(S))
    if (isa<DeclRefExpr, MemberExpr>(E) && Vars.named(E)) {
      Leaves.push_back(E);
      return;
    }
  if (isa<DeclStmt>(S))
    Defs.push_back(S);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
    if (isHandleAssignment(OC, M)) {
      const auto *Elem = dyn_cast<CallExpr>(strip(OC->getArg(0)));
      if (Vars.named(OC->getArg(0)) || (Elem && Vars.containerOf(Elem)))
        Defs.push_back(S);
    }
  // A non-const call on a tracked container that takes an array, or its
  // assignment, changes what it holds.
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const auto *MD =
            dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee()))
      if (!MD->isConst() && Vars.namedContainer(objectOf(Call)) &&
          !Vars.containerOf(Call) &&
          (MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator() ||
           llvm::any_of(paramArgs(Call), [&](const Expr *A) {
             return M.isArrayType(A->getType());
           })))
        Defs.push_back(S);
  for (const Stmt *C : S->children())
    collect(C, Root, Leaves, Defs);
}

} // namespace viewguard
