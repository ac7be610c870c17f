//===--- ExprEvaluator.cpp - The provenance of an array expression --------===//

#include "ExprEvaluator.h"
#include "AnalysisLimits.h"
#include "AstHelpers.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace viewguard {

Value ExprEvaluator::entryValue(const ValueDecl *D) {
  Value V;
  Ref R;
  R.S = Storages.forDecl(D);
  R.Rel = Relation::Owner;
  V.Refs.push_back(R);
  return V;
}

Value ExprEvaluator::lookup(const ValueDecl *D, const State &St) {
  auto It = St.find(D);
  if (It != St.end())
    return It->second;
  return entryValue(D);
}

Value ExprEvaluator::fresh(const Expr *At, Layout L, int NDim, StorageKind K) {
  Value V;
  Ref R;
  R.S = Storages.forExpr(At, K);
  V.Refs.push_back(R);
  V.L = L;
  V.NDim = NDim;
  return V;
}

Value ExprEvaluator::copy(const Expr *At, const Expr *Source,
                          const Value &SourceVal, llvm::StringRef Kind) {
  Value V;
  Ref R;
  R.S = Storages.copyMadeBy(At, Kind, Vars.rootOf(Source));
  V.Refs.push_back(R);
  // A deliberate copy of a C-contiguous array is C-contiguous whatever order
  // the library copies in (NumPy's np.copy keeps the source's order); other
  // copies (fancy indexing, arithmetic on a transpose) may not be.
  bool Explicit = Kind == "explicit";
  V.NDim = Explicit ? SourceVal.NDim : -1;
  V.L = Explicit && SourceVal.L == Layout::Contiguous ? Layout::Contiguous
                                                      : Layout::Unknown;
  if (Explicit && SourceVal.Geo && V.L == Layout::Contiguous) {
    Geometry G = *SourceVal.Geo;
    int64_t Stride = 1;
    for (size_t I = G.Shape.size(); I-- > 0;) {
      G.Strides[I] = Stride;
      Stride *= std::max<int64_t>(G.Shape[I], 1);
    }
    V.Geo = std::move(G);
  }
  return V;
}

/// Adds to \p Out a view of every array among the parts of a container's
/// initializer (braced lists, initializer lists, constructor arguments).
void ExprEvaluator::elementsOf(const Expr *E, const State &St, int Depth,
                               Value &Out, bool &Any) {
  if (!E || Depth > AnalysisLimits::MaxExprDepth)
    return;
  E = strip(E);
  if (M.isArrayType(E->getType())) {
    // Each element keeps the expression that made it (its note and
    // `.copy()` fix-it go there, not on the whole initializer).
    Value V = asView(eval(E, St, Depth + 1));
    for (Ref &R : V.Refs)
      R.Origin = E;
    Out = Any ? join(Out, V) : V;
    Any = true;
    return;
  }
  if (const auto *IL = dyn_cast<InitListExpr>(E)) {
    for (const Expr *Init : IL->inits())
      elementsOf(Init, St, Depth + 1, Out, Any);
  } else if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(E)) {
    elementsOf(SIL->getSubExpr(), St, Depth + 1, Out, Any);
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    for (const Expr *Arg : CE->arguments())
      elementsOf(Arg, St, Depth + 1, Out, Any);
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    for (const Expr *Arg : Call->arguments())
      elementsOf(Arg, St, Depth + 1, Out, Any);
  }
}

/// The value of a container expression: what its elements refer to.
Value ExprEvaluator::evalContainer(const Expr *E, const State &St, int Depth) {
  if (const ValueDecl *D = Vars.named(E)) {
    Value V = asView(lookup(D, St));
    for (Ref &R : V.Refs) {
      llvm::erase(R.Ancestors, D);
      R.Ancestors.insert(R.Ancestors.begin(), D);
    }
    return V;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
      CE && CE->getConstructor() &&
      CE->getConstructor()->isCopyOrMoveConstructor() && CE->getNumArgs() >= 1)
    return evalContainer(strip(CE->getArg(0)), St, Depth + 1);
  Value V;
  bool Any = false;
  elementsOf(E, St, Depth, V, Any);
  if (!Any)
    V = Value();
  V.L = Layout::Unknown;
  V.NDim = -1;
  V.Geo.reset();
  return V;
}

Value ExprEvaluator::eval(const Expr *E, const State &St, int Depth) {
  if (!E || Depth > AnalysisLimits::MaxExprDepth)
    return fresh(E, Layout::Unknown, -1, StorageKind::Unknown);
  E = strip(E);
  if (Vars.isContainerType(E->getType()))
    return evalContainer(E, St, Depth);
  if (const ValueDecl *D = Vars.named(E)) {
    // A new handle to the same storage: a view of everything D refers to.
    // Each ancestor once, nearest first, so that a variable rebound to a
    // view of itself in a loop (`v = v(nd::slice(1, nd::_))`) settles.
    Value V = asView(lookup(D, St));
    for (Ref &R : V.Refs) {
      llvm::erase(R.Ancestors, D);
      R.Ancestors.insert(R.Ancestors.begin(), D);
      if (R.Ancestors.size() > AnalysisLimits::MaxAncestors)
        R.Ancestors.resize(AnalysisLimits::MaxAncestors);
    }
    return V;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (M.arrayKindOf(CE->getType()) == ArrayKind::Value)
      return valueFrom(CE, St, Depth);
    if (CE->getConstructor() &&
        CE->getConstructor()->isCopyOrMoveConstructor() &&
        CE->getNumArgs() >= 1)
      return eval(CE->getArg(0), St, Depth + 1);
    // A view a constructor makes, as the model says (`cv::Mat(m, roi)`,
    // `cv::Mat_<float>(m)`): layout and shape unknown.
    FunctionRole Role = M.roleOf(CE->getConstructor());
    if (Role.Kind == Role::View || Role.Kind == Role::ViewIndexed ||
        Role.Kind == Role::ViewPermuted)
      if (const Expr *Src = Vars.sourceArg(CE, CE->getConstructor())) {
        Value V = asView(eval(Src, St, Depth + 1));
        V.L = Layout::Unknown;
        V.NDim = -1;
        V.Geo.reset();
        return V;
      }
    // A view type, or a constructor the model calls a view with no array
    // argument (`cv::Mat(rows, cols, type, data)`): a view of the memory
    // behind a pointer argument.
    if (M.arrayKindOf(CE->getType()) == ArrayKind::View ||
        Role.Kind == Role::View)
      if (std::optional<Value> V = pointerView(CE, St, Depth))
        return *V;
    int Depth0 = 0;
    for (const Expr *Arg : CE->arguments())
      Depth0 = std::max(Depth0, nestingDepth(Arg));
    return fresh(CE, Layout::Contiguous, Depth0 ? Depth0 : -1,
                 StorageKind::Local);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    // An element of a container (`rows[k]`, `std::get<0>(p)`): a view of
    // what the container's elements refer to.
    if (const Expr *C = Vars.containerOf(Call)) {
      Value V = eval(C, St, Depth + 1);
      V.L = Layout::Unknown;
      V.NDim = -1;
      V.Geo.reset();
      return V;
    }
    return evalCall(Call, St, Depth);
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
    return join(eval(CO->getTrueExpr(), St, Depth + 1),
                eval(CO->getFalseExpr(), St, Depth + 1));
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Comma)
    return eval(BO->getRHS(), St, Depth + 1);
  return fresh(E, Layout::Unknown, -1, StorageKind::Unknown);
}

/// A value array (Eigen::Matrix, xt::xarray) made by \p CE: a deliberate
/// copy of another value array; a copy of the source of a view it is built
/// from (`VectorXd r = m.row(i)`); fresh when built from an expression or
/// from no array.
Value ExprEvaluator::valueFrom(const CXXConstructExpr *CE, const State &St,
                               int Depth) {
  for (const Expr *Arg : CE->arguments()) {
    const Expr *Src = strip(Arg);
    switch (M.arrayKindOf(Src->getType())) {
    case ArrayKind::Value:
      return copy(CE, Src, eval(Src, St, Depth + 1), "explicit");
    case ArrayKind::View:
    case ArrayKind::Handle:
      return copy(CE, Src, eval(Src, St, Depth + 1), "conversion to a value");
    case ArrayKind::Expression:
      return fresh(CE, Layout::Contiguous, -1, StorageKind::Local);
    case ArrayKind::None:
      break;
    }
  }
  return fresh(CE, Layout::Contiguous, -1, StorageKind::Local);
}

/// A view type built over memory given by a pointer (`Eigen::Map<VectorXd>
/// m(v.data(), n)`, `xt::adapt(p, ...)`): a view of the array whose data()
/// it is, or of the storage behind a pointer parameter (the caller's).
std::optional<Value>
ExprEvaluator::pointerView(const Expr *Maker, llvm::ArrayRef<const Expr *> Args,
                           const State &St, int Depth) {
  for (const Expr *Arg : Args) {
    if (!strip(Arg)->getType()->isPointerType())
      continue;
    // Through casts (`const_cast<float *>(in)`, a conversion to `void *`).
    const Expr *P = strip(Arg->IgnoreParenCasts());
    if (const auto *Data = dyn_cast<CXXMemberCallExpr>(P)) {
      const Expr *Obj = strip(Data->getImplicitObjectArgument());
      const auto *MD = Data->getMethodDecl();
      if (Obj && MD && MD->getIdentifier() && MD->getName() == "data" &&
          M.isArrayType(Obj->getType()))
        return asView(eval(Obj, St, Depth + 1));
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(P))
      if (const auto *Param = dyn_cast<ParmVarDecl>(DRE->getDecl())) {
        Value V;
        Ref R;
        R.S = Storages.forDecl(Param);
        R.Rel = Relation::View;
        R.Origin = Maker;
        R.Ancestors.push_back(Param);
        V.Refs.push_back(R);
        return V;
      }
    return std::nullopt; // other memory: unknown to the analysis
  }
  return std::nullopt;
}

std::optional<Value> ExprEvaluator::pointerView(const CXXConstructExpr *CE,
                                                const State &St, int Depth) {
  return pointerView(CE, llvm::ArrayRef(CE->getArgs(), CE->getNumArgs()), St,
                     Depth);
}

/// A lazy expression (`b - A * x`): a read-only view of every array
/// operand.
Value ExprEvaluator::expressionOf(const CallExpr *Call, const State &St,
                                  int Depth) {
  Value V;
  bool Any = false;
  llvm::SmallVector<const Expr *, 4> Operands;
  if (const Expr *Obj = objectOf(Call))
    Operands.push_back(Obj);
  for (const Expr *Arg : paramArgs(Call))
    Operands.push_back(Arg);
  for (const Expr *Op : Operands) {
    if (!M.isArrayType(strip(Op)->getType()))
      continue;
    Value Part = asView(eval(Op, St, Depth + 1));
    V = Any ? join(V, Part) : Part;
    Any = true;
  }
  if (!Any)
    return fresh(Call, Layout::Unknown, -1, StorageKind::Local);
  V.L = Layout::Unknown;
  V.NDim = -1;
  V.Geo.reset();
  return V;
}

std::optional<bool> ExprEvaluator::viewOrCopy(const CallExpr *Call,
                                              const State &St) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD)
    return std::nullopt;
  Value Src = eval(Vars.sourceArg(Call, FD), St);
  Value Out;
  return Layouts.reshapeIsView(Src, Call, Out);
}

Region ExprEvaluator::regionOf(const Expr *E, const State &St) {
  const auto *Call = dyn_cast_or_null<CallExpr>(strip(E));
  if (!Call)
    return Region();
  Role Kind = M.roleOfCall(Call).Kind;
  if (Kind != Role::ViewIndexed && Kind != Role::Element)
    return Region();
  const ValueDecl *D = Vars.named(objectOf(Call));
  if (!D)
    return Region();
  auto It = St.find(D);
  return Layouts.regionOf(Call, It != St.end() ? It->second : Value());
}

std::optional<Value> ExprEvaluator::fromSummary(const CallExpr *Call,
                                                const FunctionDecl *FD,
                                                const State &St, int Depth) {
  const FunctionSummary *S = Summaries.summaryFor(FD);
  if (!S)
    return std::nullopt;
  Value V;
  bool Any = false;
  auto Args = paramArgs(Call);
  for (unsigned I = 0; I < Args.size() && I < S->ResultViewOf.size(); ++I)
    if (S->ResultViewOf[I]) {
      Value Arg = asView(eval(Args[I], St, Depth + 1));
      V = Any ? join(V, Arg) : Arg;
      Any = true;
    }
  if (!Any) {
    // A helper returning a copy of one argument: a copy of that argument's
    // array, made at the call.
    for (unsigned I = 0; I < Args.size() && I < S->ResultCopyOf.size(); ++I)
      if (!S->ResultCopyOf[I].empty())
        return copy(Call, Args[I], eval(Args[I], St, Depth + 1),
                    S->ResultCopyOf[I]);
    return std::nullopt;
  }
  V.L = Layout::Unknown;
  V.NDim = -1;
  V.Geo.reset();
  return V;
}

Value ExprEvaluator::evalCall(const CallExpr *Call, const State &St,
                              int Depth) {
  const FunctionDecl *FD = Call->getDirectCallee();
  FunctionRole Role = M.roleOfCall(Call);
  const Expr *Src = FD ? Vars.sourceArg(Call, FD) : nullptr;
  switch (Role.Kind) {
  case Role::View: {
    // `xt::adapt(ptr, ...)`: a view of the memory behind a pointer.
    if (!Src)
      if (std::optional<Value> V =
              pointerView(Call, paramArgs(Call), St, Depth))
        return *V;
    // Contiguity is kept (view(), squeeze()), the shape not necessarily.
    Value V = asView(eval(Src, St, Depth + 1));
    V.Geo.reset();
    V.NDim = -1;
    return V;
  }
  case Role::ViewPermuted: {
    Value S = eval(Src, St, Depth + 1);
    Value V = asView(S);
    Layouts.afterPermute(S, Call, V);
    return V;
  }
  case Role::ViewIndexed: {
    Value S = eval(Src, St, Depth + 1);
    Value V = asView(S);
    Layouts.afterIndexing(S, Call, V);
    return V;
  }
  case Role::ViewOrCopy: {
    Value S = eval(Src, St, Depth + 1);
    Value Result;
    std::optional<bool> IsView = Layouts.reshapeIsView(S, Call, Result);
    Value AsView = asView(S);
    AsView.L = Result.L;
    AsView.NDim = Result.NDim;
    AsView.Geo = Result.Geo;
    if (IsView && *IsView)
      return AsView;
    Value AsCopy = copy(Call, Src, S, FD->getName());
    AsCopy.L = Result.L == Layout::Unknown ? Layout::Contiguous : Result.L;
    AsCopy.NDim = Result.NDim;
    AsCopy.Geo = Result.Geo;
    if (!IsView)
      return join(AsView, AsCopy);
    return AsCopy;
  }
  case Role::Copy:
    return copy(Call, Src, eval(Src, St, Depth + 1), Role.CopyKind);
  case Role::Owner: {
    Value V = fresh(Call, Layout::Contiguous, 1, StorageKind::Local);
    Layouts.ofFactory(Call, V);
    return V;
  }
  case Role::Writes:
  case Role::MayWrite:
    if (Src)
      return eval(Src, St, Depth + 1);
    break;
  default:
    break;
  }
  if (Role.Kind == Role::None &&
      M.arrayKindOf(Call->getType()) == ArrayKind::Expression)
    return expressionOf(Call, St, Depth);
  // A rebinding used as a value denotes its left-hand side.
  if (isHandleAssignment(dyn_cast_or_null<CXXMethodDecl>(FD), M))
    return eval(objectOf(Call), St, Depth + 1);
  if (FD && !M.isLibraryFunction(FD))
    if (std::optional<Value> V = fromSummary(Call, FD, St, Depth))
      return *V;
  // Anything else returns an array the analysis cannot relate to its
  // arguments; a library function's result is at least a fresh, contiguous
  // array.
  bool Fresh = Role.Kind != Role::None ||
               (FD && (M.isLibraryFunction(FD) ||
                       FD->getASTContext().getSourceManager().isInSystemHeader(
                           FD->getLocation())));
  return fresh(Call, Fresh ? Layout::Contiguous : Layout::Unknown, -1,
               Fresh ? StorageKind::Local : StorageKind::Unknown);
}

} // namespace viewguard
