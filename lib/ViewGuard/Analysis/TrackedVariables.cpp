//===--- TrackedVariables.cpp - Which expressions name an array variable --===//

#include "TrackedVariables.h"
#include "AstHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include <map>

using namespace clang;

namespace viewguard {

namespace {
/// The member paths of one translation unit: a synthetic VarDecl per
/// (object, array member), named `object.member`, made once, never added to
/// any DeclContext (nothing else sees it), so that the analysis can track the
/// path like any variable.
struct PathRegistry {
  llvm::DenseMap<std::pair<const VarDecl *, const FieldDecl *>,
                 const ValueDecl *>
      ByParts;
  llvm::DenseMap<const ValueDecl *,
                 std::pair<const VarDecl *, const FieldDecl *>>
      Parts;
};
} // namespace

/// Per thread (the standalone command analyses translation units in
/// parallel) and per ASTContext, dropped with the translation unit.
static std::map<const ASTContext *, PathRegistry> &registries() {
  static thread_local std::map<const ASTContext *, PathRegistry> R;
  return R;
}

void releaseMemberPaths(const ASTContext &Ctx) { registries().erase(&Ctx); }

static const ValueDecl *pathDecl(const VarDecl *Base, const FieldDecl *F) {
  ASTContext &Ctx = Base->getASTContext();
  PathRegistry &R = registries()[&Ctx];
  auto [It, New] = R.ByParts.try_emplace({Base, F}, nullptr);
  if (!New)
    return It->second;
  std::string Name = (Base->getName() + "." + F->getName()).str();
  auto *DC = const_cast<DeclContext *>(Base->getDeclContext());
  VarDecl *Path = VarDecl::Create(
      Ctx, DC, Base->getLocation(), Base->getLocation(), &Ctx.Idents.get(Name),
      F->getType(), Ctx.getTrivialTypeSourceInfo(F->getType()), SC_None);
  Path->setImplicit();
  It->second = Path;
  R.Parts[Path] = {Base, F};
  return Path;
}

std::pair<const VarDecl *, const FieldDecl *>
TrackedVariables::pathParts(const ValueDecl *Path) {
  if (!Path)
    return {nullptr, nullptr};
  auto &R = registries();
  auto It = R.find(&Path->getASTContext());
  if (It == R.end())
    return {nullptr, nullptr};
  auto P = It->second.Parts.find(Path);
  return P == It->second.Parts.end()
             ? std::pair<const VarDecl *, const FieldDecl *>{nullptr, nullptr}
             : P->second;
}

TrackedVariables::TrackedVariables(const ApiModel &M, const FunctionDecl *FD,
                                   const Stmt *Body)
    : M(M), FD(FD) {
  scanObjects(Body, nullptr, /*InLambda=*/false);
  for (auto &[Key, Path] : Paths)
    if (!Disqualified.contains(Key.first))
      Path = pathDecl(Key.first, Key.second);
  collect(Body);
}

/// An object whose array members can be tracked: a local variable or a
/// parameter of class type (or a reference to one) that is not itself an
/// array handle.
static bool isObjectVar(const VarDecl *V, const ApiModel &M) {
  // A structured binding's hidden object has no name to show; its
  // bindings are tracked instead.
  if (isa<DecompositionDecl>(V))
    return false;
  QualType T = V->getType().getNonReferenceType();
  return T->isRecordType() && !M.isArrayType(T) && !V->hasGlobalStorage();
}

void TrackedVariables::scanObjects(const Stmt *S, const Stmt *Parent,
                                   bool InLambda) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (V && isObjectVar(V, M)) {
      // Only `obj.field` with an array field is a tracked use; anything else
      // (the whole object passed, copied, assigned, a method called on it, a
      // lambda using it) may change its members without the analysis
      // seeing it.
      const auto *ME = dyn_cast_or_null<MemberExpr>(Parent);
      const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
      if (InLambda || !F)
        Disqualified.insert(V);
      else if (M.isArrayType(F->getType()))
        Paths.try_emplace({V, F}, nullptr);
    }
  }
  if (const auto *L = dyn_cast<LambdaExpr>(S)) {
    for (const Expr *Init : L->capture_inits())
      scanObjects(Init, S, InLambda);
    scanObjects(L->getBody(), S, /*InLambda=*/true);
    return;
  }
  for (const Stmt *C : S->children()) {
    // Parentheses and implicit casts between an object and its member access
    // do not count.
    const Stmt *Child = C;
    const Stmt *P = S;
    if (C && (isa<ImplicitCastExpr>(S) || isa<ParenExpr>(S)))
      P = Parent;
    scanObjects(Child, P, InLambda);
  }
}

const ValueDecl *TrackedVariables::memberPath(const VarDecl *Base,
                                              const FieldDecl *F) const {
  auto It = Paths.find({Base, F});
  return It == Paths.end() ? nullptr : It->second;
}

void TrackedVariables::forEachMemberInit(
    const VarDecl *Base,
    llvm::function_ref<void(const ValueDecl *, const Expr *)> Fn) const {
  const auto *IL = dyn_cast_or_null<InitListExpr>(
      Base->getInit() ? Base->getInit()->IgnoreImplicit() : nullptr);
  if (!IL)
    return;
  if (IL->isSyntacticForm() && IL->getSemanticForm())
    IL = IL->getSemanticForm();
  for (const auto &[Key, Path] : Paths) {
    if (Key.first != Base || !Path)
      continue;
    unsigned Index = Key.second->getFieldIndex();
    if (Index < IL->getNumInits())
      Fn(Path, IL->getInit(Index));
  }
}

bool TrackedVariables::isContainerType(QualType T) const {
  return isContainerOfArrays(T, M);
}

bool isContainerOfArrays(QualType T, const ApiModel &M) {
  T = T.getNonReferenceType();
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T->getAsCXXRecordDecl());
  if (!Spec || !Spec->isInStdNamespace() || M.isArrayType(T))
    return false;
  for (const TemplateArgument &A : Spec->getTemplateArgs().asArray()) {
    if (A.getKind() == TemplateArgument::Type && M.isArrayType(A.getAsType()))
      return true;
    if (A.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument &P : A.pack_elements())
        if (P.getKind() == TemplateArgument::Type &&
            M.isArrayType(P.getAsType()))
          return true;
  }
  return false;
}

const ValueDecl *TrackedVariables::namedContainer(const Expr *E) const {
  const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E ? strip(E) : nullptr);
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return VD && isContainerType(VD->getType()) ? VD : nullptr;
}

const Expr *TrackedVariables::containerOf(const CallExpr *Call) const {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return nullptr;
  QualType R = Callee->getReturnType();
  if (R->isPointerType())
    R = R->getPointeeType(); // optional's operator->
  if (!M.isArrayType(R))
    return nullptr;
  if (const Expr *Obj = objectOf(Call))
    return namedContainer(Obj) ? Obj : nullptr;
  // std::get<I>(tuple) and the like: a standard function of a container.
  if (Callee->isInStdNamespace() && Call->getNumArgs() >= 1 &&
      namedContainer(Call->getArg(0)))
    return Call->getArg(0);
  return nullptr;
}

void TrackedVariables::collect(const Stmt *S) {
  if (!S)
    return;
  if (isa<LambdaExpr>(S))
    return; // a lambda's body is a function of its own
  if (const auto *For = dyn_cast<CXXForRangeStmt>(S))
    if (For->getLoopVariable() &&
        M.isArrayType(For->getLoopVariable()->getType()) &&
        namedContainer(For->getRangeInit()))
      Ranges[For->getLoopVariable()] = For->getRangeInit();
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->getType()->isReferenceType() && VD->getInit() &&
            (M.isArrayType(VD->getType()) || isContainerType(VD->getType())))
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
    // A structured binding of an array (`auto &[lo, hi] = pair;`) is a
    // variable of its own, defined by its binding.
    if (const auto *B = dyn_cast<BindingDecl>(DRE->getDecl()))
      return M.isArrayType(B->getType()) ? B : nullptr;
    const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
    if (!VD ||
        (!M.isArrayType(VD->getType()) && !isContainerType(VD->getType())))
      return nullptr;
    auto It = Aliases.find(VD);
    return It != Aliases.end() ? It->second : VD;
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!F || !M.isArrayType(F->getType()))
      return nullptr;
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Base))
      return F;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Base))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
        return memberPath(V, F);
  }
  return nullptr;
}

const ValueDecl *TrackedVariables::rootOf(const Expr *E) const {
  for (int Guard = 0; E && Guard < 32; ++Guard) {
    E = strip(E, /*HandleCopies=*/true);
    if (const ValueDecl *D = named(E))
      return D;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      // A view a constructor makes (`cv::Mat(m, roi)`).
      Role R = M.roleOf(CE->getConstructor()).Kind;
      if (R != Role::View && R != Role::ViewPermuted && R != Role::ViewIndexed)
        return nullptr;
      E = sourceArg(CE, CE->getConstructor());
      continue;
    }
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call)
      return nullptr;
    const FunctionDecl *FD = Call->getDirectCallee();
    if (!FD)
      return nullptr;
    Role R = M.roleOfCall(Call).Kind;
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

const Expr *TrackedVariables::sourceArg(const CXXConstructExpr *CE,
                                        const FunctionDecl *Ctor) const {
  if (!Ctor)
    return nullptr;
  for (unsigned I = 0; I < CE->getNumArgs() && I < Ctor->getNumParams(); ++I)
    if (M.isArrayType(Ctor->getParamDecl(I)->getType()))
      return CE->getArg(I);
  return nullptr;
}

} // namespace viewguard
