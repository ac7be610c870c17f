//===--- UseClassifier.cpp - What happens to an array at one of its uses --===//

#include "UseClassifier.h"
#include "AnalysisLimits.h"
#include "AstHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace viewguard {

Fate Fate::merge(const Fate &A, const Fate &B) {
  if (A.Decision || B.Decision) {
    const Fate &D = A.Decision ? A : B;
    const Fate &Other = A.Decision ? B : A;
    Fate R;
    R.Decision = D.Decision;
    R.IfCopy = std::make_shared<Fate>(merge(*D.IfCopy, Other));
    R.IfView = std::make_shared<Fate>(merge(*D.IfView, Other));
    return R;
  }
  Fate R = A;
  R.Read |= B.Read;
  R.MayWrite |= B.MayWrite;
  R.Escape |= B.Escape;
  R.Metadata |= B.Metadata;
  R.Bound |= B.Bound;
  R.Return |= B.Return;
  if (B.Write && !R.Write) {
    R.Write = true;
    R.Anchor = B.Anchor;
    R.Form = B.Form;
    R.Callee = B.Callee;
  }
  R.TempWrites.append(B.TempWrites.begin(), B.TempWrites.end());
  if (!R.Element)
    R.Element = B.Element;
  return R;
}

const Fate &Fate::resolve(
    llvm::function_ref<std::optional<bool>(const CallExpr *)> Decide) const {
  const Fate *F = this;
  while (F->Decision) {
    std::optional<bool> IsView = Decide(F->Decision);
    F = IsView && !*IsView ? F->IfCopy.get() : F->IfView.get();
  }
  return *F;
}

static Fate readFate() {
  Fate F;
  F.Read = true;
  return F;
}

static Fate metadataFate() {
  Fate F;
  F.Metadata = true;
  return F;
}

Fate UseClassifier::fateOf(const Expr *E, int Depth) {
  Fate F;
  if (Depth > AnalysisLimits::MaxExprDepth)
    return readFate();
  const Stmt *Child = E;
  const Stmt *P = PM.getParent(E);
  while (P) {
    if (isTransparentParent(P)) {
      Child = P;
      P = PM.getParent(P);
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
      // A value array made from an array copies its elements.
      if (M.arrayKindOf(CE->getType()) == ArrayKind::Value)
        return readFate();
      if (CE->getConstructor() &&
          CE->getConstructor()->isCopyOrMoveConstructor() &&
          M.isArrayType(CE->getType())) {
        // A handle copy (by-value argument, return, initialization).
        Child = P;
        P = PM.getParent(P);
        continue;
      }
      return constructorUse(CE, cast<Expr>(Child), Depth);
    }
    break;
  }
  if (!P)
    return readFate();
  if (isa<DeclStmt>(P)) {
    F.Bound = true;
    return F;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(P)) {
    // `obj.method(...)`: the object's parent is the callee MemberExpr.
    const Stmt *CallP = PM.getParentIgnoreParens(ME);
    const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(CallP);
    const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    if (MC && MD && MC->getCallee()->IgnoreParens() == ME)
      return objectCall(MC, MD, ME->getBase(), Depth);
    // `m.rows`, `m.step`: fields a model calls metadata.
    if (M.isMetadataField(dyn_cast<FieldDecl>(ME->getMemberDecl())))
      return metadataFate();
    return readFate();
  }
  if (isa<ReturnStmt, CoreturnStmt>(P)) {
    F.Escape = F.Return = true;
    return F;
  }
  if (const auto *Call = dyn_cast<CallExpr>(P)) {
    const Expr *Obj = objectOf(Call);
    if (Obj && Obj == Child) {
      if (const auto *MD =
              dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee()))
        return objectCall(Call, MD, Obj, Depth);
      return readFate();
    }
    auto Args = paramArgs(Call);
    for (unsigned I = 0; I < Args.size(); ++I)
      if (Args[I] == Child)
        return argumentUse(Call, I, Depth);
    // Calling an array as a function is an element access; anything else
    // reads it.
    return readFate();
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(P)) {
    if (Child != CO->getCond())
      return fateOf(CO, Depth + 1);
    return readFate();
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(P);
      BO && BO->getOpcode() == BO_Comma) {
    if (Child == BO->getRHS())
      return fateOf(BO, Depth + 1);
    return F; // discarded
  }
  if (isa<LambdaExpr, InitListExpr>(P)) {
    F.Read = F.Escape = true;
    return F;
  }
  if (isa<CXXForRangeStmt>(P)) {
    // Iterating a container defines the loop variable as its element.
    if (Vars.namedContainer(E))
      return metadataFate();
    if (Mut.isMutated(E)) {
      F.Write = true;
      F.Anchor = E;
      F.Form = WriteForm::Element;
      return F;
    }
    return readFate();
  }
  return readFate();
}

/// Marks the uses in \p G as made through the element \p Element, for the
/// diagnostics' names (`'rows[k]'`).
static Fate throughElement(Fate G, const CallExpr *Element) {
  if (G.Decision) {
    G.IfCopy = std::make_shared<Fate>(throughElement(*G.IfCopy, Element));
    G.IfView = std::make_shared<Fate>(throughElement(*G.IfView, Element));
    return G;
  }
  if (!G.Element)
    G.Element = Element;
  return G;
}

Fate UseClassifier::objectCall(const CallExpr *Call, const CXXMethodDecl *MD,
                               const Expr *Obj, int Depth) {
  if (Vars.namedContainer(Obj)) {
    // An element of a container is used as the container's view; any other
    // member (size, push_back, begin, ...) does not read the elements, and
    // what a call adds to the container is a definition.
    if (Vars.containerOf(Call))
      return throughElement(fateOf(Call, Depth + 1), Call);
    return metadataFate();
  }
  bool HandleAssign = isHandleAssignment(MD, M);
  // `named = other` rebinds (a definition, not a use), whatever the
  // operator's role says: a role describes assignment to a temporary.
  if (HandleAssign && Vars.named(Obj))
    return Fate();
  FunctionRole Role = M.roleOfCall(Call);
  if (Role.Kind != Role::None)
    return roleCall(Call, MD, Role, Obj, Depth);
  ArrayKind ObjKind = M.arrayKindOf(Obj->getType());
  if (ObjKind == ArrayKind::Value || ObjKind == ArrayKind::View) {
    // Assignment to a value array or through a view type writes the
    // elements (`c = m.block(...)`, `blk = other`, `v += 1`).
    OverloadedOperatorKind Op = MD->getOverloadedOperator();
    if (Op == OO_Equal || isCompoundAssign(Op)) {
      Fate F;
      F.Write = true;
      F.Anchor = Call;
      F.Form = Op == OO_Equal ? WriteForm::Assign : WriteForm::Compound;
      F.Callee = MD->getNameAsString();
      return F;
    }
  }
  // A lazy expression (`m.cwiseProduct(x)`) reads its operands when it is
  // evaluated: it is used the way the expression is.
  if (M.arrayKindOf(Call->getType()) == ArrayKind::Expression)
    return fateOf(Call, Depth + 1);
  if (HandleAssign) {
    // A copy or move assignment that the library does not say writes
    // (`A.row(i) = A.row(j)` in OpenCV): on a temporary it rebinds the
    // temporary and writes nothing. Through a reference (`get() = m`) it
    // rebinds whatever that refers to.
    if (!isa<MaterializeTemporaryExpr>(Obj->IgnoreParens()))
      return metadataFate();
    Fate F = metadataFate();
    TempWriteFact T;
    T.Anchor = Call;
    T.Form = WriteForm::Assign;
    T.Callee = "operator=";
    T.CopyExpr = Obj;
    T.Var = Vars.rootOf(Obj);
    T.HeaderAssign = true;
    F.TempWrites.push_back(std::move(T));
    return F;
  }
  if (isa<CXXDestructorDecl>(MD) || isa<CXXConversionDecl>(MD))
    return metadataFate();
  Fate F = readFate();
  F.MayWrite = !MD->isConst() && !M.isLibraryFunction(MD);
  return F;
}

/// The effect on the source array of a call described by the API model.
Fate UseClassifier::roleCall(const CallExpr *Call, const FunctionDecl *FD,
                             const FunctionRole &Role, const Expr *Source,
                             int Depth) {
  Fate F;
  switch (Role.Kind) {
  case Role::Writes:
    F.Write = true;
    F.Anchor = Call;
    F.Form = WriteForm::Call;
    F.Callee = FD->getNameAsString();
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
      if (OC->getOperator() == OO_Equal)
        F.Form = WriteForm::Assign;
      else if (isCompoundAssign(OC->getOperator()))
        F.Form = WriteForm::Compound;
    }
    return F;
  case Role::MayWrite:
    F.Read = F.MayWrite = true;
    return F;
  case Role::Iterator:
    return iteratorUse(Call);
  case Role::Element:
    if (isElementWrite(Call)) {
      F.Write = true;
      F.Anchor = Call;
      F.Form = WriteForm::Element;
      return F;
    }
    return readFate();
  case Role::Metadata:
    return metadataFate();
  case Role::View:
  case Role::ViewPermuted:
  case Role::ViewIndexed:
    // The source is used the way the view is: a view bound to a name
    // "uses" it, a view written writes it.
    return fateOf(Call, Depth + 1);
  case Role::ViewOrCopy: {
    Fate D;
    D.Decision = Call;
    D.IfCopy =
        std::make_shared<Fate>(copyTemporary(Call, FD->getName(), Depth));
    D.IfView = std::make_shared<Fate>(fateOf(Call, Depth + 1));
    return D;
  }
  case Role::Copy:
    return copyTemporary(Call, Role.CopyKind, Depth);
  default:
    return readFate();
  }
}

/// Whether the element reference \p Element returns is written. The common
/// shapes are decided from the parent (a value read, an assignment, an
/// increment); only a reference that goes further (bound to a reference,
/// passed to a call) needs ExprMutationAnalyzer, whose every query scans the
/// whole body.
bool UseClassifier::isElementWrite(const CallExpr *Element) {
  // A const element (`&m.at<uchar>(y, x)` on a const matrix) or a value
  // cannot be written through.
  QualType T = Element->getCallReturnType(Ctx);
  if (!T->isReferenceType() || T.getNonReferenceType().isConstQualified())
    return false;
  const Stmt *P = PM.getParentIgnoreParens(Element);
  if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(P))
    if (Cast->getCastKind() == CK_LValueToRValue)
      return false;
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P))
    if (BO->isAssignmentOp() && BO->getLHS()->IgnoreParens() == Element)
      return true;
  if (const auto *UO = dyn_cast_or_null<UnaryOperator>(P))
    if (UO->isIncrementDecrementOp())
      return true;
  return Mut.isMutated(Element);
}

/// Replaces every concrete outcome of \p G by \p Fn of it.
static Fate mapOutcomes(const Fate &G,
                        llvm::function_ref<Fate(const Fate &)> Fn) {
  if (!G.Decision)
    return Fn(G);
  Fate R;
  R.Decision = G.Decision;
  R.IfCopy = std::make_shared<Fate>(mapOutcomes(*G.IfCopy, Fn));
  R.IfView = std::make_shared<Fate>(mapOutcomes(*G.IfView, Fn));
  return R;
}

/// A copy made from the source: the source is read; a write to the unnamed
/// copy is lost.
Fate UseClassifier::copyTemporary(const CallExpr *Call, llvm::StringRef Kind,
                                  int Depth) {
  return mapOutcomes(fateOf(Call, Depth + 1), [&](const Fate &G) {
    Fate F = readFate();
    if (G.Write) {
      TempWriteFact T;
      T.Anchor = G.Anchor;
      T.Form = G.Form;
      T.Callee = G.Callee;
      T.CopyExpr = Call;
      T.CopyKind = Kind.str();
      T.Var = Vars.rootOf(Call);
      F.TempWrites.push_back(std::move(T));
    }
    F.TempWrites.append(G.TempWrites.begin(), G.TempWrites.end());
    return F;
  });
}

/// An iterator over the source's elements (`v.begin()`): written through
/// when it is passed where a function writes (`std::sort(v.begin(),
/// v.end())`), else read.
Fate UseClassifier::iteratorUse(const CallExpr *Iter) {
  // Through the iterator's copy into a by-value parameter.
  auto [Call, I] = argumentSlot(Iter, /*ThroughConstructs=*/true);
  if (!Call || M.outputKindOf(Call->getDirectCallee(), I) == OutputKind::None)
    return readFate();
  Fate F;
  F.Write = true;
  F.Anchor = Call;
  F.Form = WriteForm::Call;
  F.Callee = Call->getDirectCallee()->getNameAsString();
  return F;
}

std::pair<const CallExpr *, unsigned>
UseClassifier::argumentSlot(const Expr *E, bool ThroughConstructs) const {
  const Stmt *Child = E, *P = PM.getParent(E);
  while (P && (isTransparentParent(P) ||
               (ThroughConstructs && isa<CXXConstructExpr>(P)))) {
    Child = P;
    P = PM.getParent(P);
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(P);
  if (!Call || !Call->getDirectCallee())
    return {nullptr, 0};
  auto Args = paramArgs(Call);
  for (unsigned I = 0; I < Args.size(); ++I)
    if (Args[I] == Child)
      return {Call, I};
  return {nullptr, 0};
}

/// The array \p Arg is written by \p FD as its destination.
Fate UseClassifier::outputWrite(const FunctionDecl *FD, const Expr *Arg,
                                OutputKind Kind) {
  Fate F;
  if (Kind == OutputKind::May) {
    F.Read = F.MayWrite = true;
    return F;
  }
  F.Write = true;
  F.Anchor = Arg;
  F.Form = WriteForm::Call;
  F.Callee = FD->getNameAsString();
  return F;
}

/// An array passed to a constructor that is not a handle copy: a view the
/// model describes (`cv::Mat(m, roi)`), an argument wrapper
/// (`cv::_OutputArray` made for `cvtColor(src, dst, ...)`), or stored into
/// another object.
Fate UseClassifier::constructorUse(const CXXConstructExpr *CE, const Expr *Arg,
                                   int Depth) {
  ArgumentKind Wrapper = M.argumentKindOf(CE->getType());
  if (Wrapper != ArgumentKind::None) {
    // The wrapper is the argument of a call: the call's parameter type says
    // whether the array is written.
    auto [Call, I] = argumentSlot(CE, /*ThroughConstructs=*/false);
    if (!Call)
      return readFate();
    const FunctionDecl *FD = Call->getDirectCallee();
    OutputKind K = M.outputKindOf(FD, I);
    return K != OutputKind::None ? outputWrite(FD, Arg, K) : readFate();
  }
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  FunctionRole Role = M.roleOf(Ctor);
  bool IsSource = Ctor && Vars.sourceArg(CE, Ctor) == Arg;
  if (IsSource && (Role.Kind == Role::View || Role.Kind == Role::ViewIndexed ||
                   Role.Kind == Role::ViewPermuted))
    return fateOf(CE, Depth + 1); // used the way the view is
  if (Role.Kind != Role::None ||
      M.arrayKindOf(CE->getType()) == ArrayKind::Value)
    return readFate(); // a value array copies the elements
  // Stored into another object: read and escaped.
  Fate F;
  F.Read = F.Escape = true;
  return F;
}

Fate UseClassifier::argumentUse(const CallExpr *Call, unsigned ArgIdx,
                                int Depth) {
  Fate F;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD) {
    F.Read = F.MayWrite = true;
    return F;
  }
  FunctionRole Role = M.roleOfCall(Call);
  if (Role.Kind == Role::Metadata)
    return metadataFate();
  auto Args = paramArgs(Call);
  if (Vars.containerOf(Call) == Args[ArgIdx])
    return throughElement(fateOf(Call, Depth + 1), Call); // std::get<I>(t)
  // An operand of a lazy expression (`b - A * x`): used the way the
  // expression is.
  if (Role.Kind == Role::None &&
      M.arrayKindOf(Call->getType()) == ArrayKind::Expression)
    return fateOf(Call, Depth + 1);
  // A destination (`cap.read(frame)`, `at::add_out(out, ...)`).
  if (OutputKind K = M.outputKindOf(FD, ArgIdx); K != OutputKind::None)
    return outputWrite(FD, Args[ArgIdx], K);
  if (Role.Kind != Role::None) {
    // A free function described by the model acts on its first array
    // argument; its other arguments are read.
    if (!objectOf(Call) && Vars.sourceArg(Call, FD) == Args[ArgIdx])
      return roleCall(Call, FD, Role, Args[ArgIdx], Depth);
    return readFate();
  }
  if (ArgIdx >= FD->getNumParams())
    return readFate(); // C variadic
  QualType PT = FD->getParamDecl(ArgIdx)->getType();
  bool ConstRef =
      PT->isReferenceType() && PT.getNonReferenceType().isConstQualified();
  bool Library = M.isLibraryFunction(FD) ||
                 Ctx.getSourceManager().isInSystemHeader(FD->getLocation());
  if (!Library)
    if (const FunctionSummary *S = Summaries.summaryFor(FD)) {
      if (ArgIdx >= S->Reads.size())
        return readFate();
      F.Read = S->Reads[ArgIdx];
      F.MayWrite = S->MayWrites[ArgIdx];
      if (S->Writes[ArgIdx]) {
        // Reported at the argument: that is what the callee writes.
        F.Write = true;
        F.Anchor = Args[ArgIdx];
        F.Form = WriteForm::Call;
        F.Callee = FD->getNameAsString();
      }
      if (S->ResultViewOf[ArgIdx])
        F = Fate::merge(F, fateOf(Call, Depth + 1));
      // Passed but its elements are never used.
      return mapOutcomes(F, [](const Fate &G) {
        Fate R = G;
        if (!R.Read && !R.Write && !R.MayWrite && !R.Escape && !R.Bound)
          R.Metadata = true;
        return R;
      });
    }
  F.Read = true;
  // An unknown callee taking a non-const array may write it.
  F.MayWrite = !ConstRef && !Library;
  if (Library && PT->isLValueReferenceType() && !ConstRef)
    F.MayWrite = true;
  return F;
}

} // namespace viewguard
