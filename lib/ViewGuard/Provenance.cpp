//===--- Provenance.cpp - Which array variables share which storage -------===//

#include "Provenance.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <deque>

using namespace clang;

namespace viewguard {

std::string nameOf(const ValueDecl *D) {
  return D ? D->getNameAsString() : std::string("<temporary>");
}

//===----------------------------------------------------------------------===//
// Values
//===----------------------------------------------------------------------===//

bool Region::disjointFrom(const Region &O) const {
  for (size_t I = 0; I < Axes.size() && I < O.Axes.size(); ++I) {
    auto [A0, A1] = Axes[I];
    auto [B0, B1] = O.Axes[I];
    if (A0 == Any || B0 == Any)
      continue;
    if (A1 <= B0 || B1 <= A0)
      return true;
  }
  return false;
}

const Ref *Value::find(StorageId S) const {
  for (const Ref &R : Refs)
    if (R.S == S)
      return &R;
  return nullptr;
}

bool Value::isMay() const {
  for (const Ref &R : Refs)
    if (R.S != Refs.front().S)
      return true;
  return false;
}

static bool refLess(const Ref &A, const Ref &B) {
  if (A.S != B.S)
    return A.S < B.S;
  if (A.Rel != B.Rel)
    return A.Rel < B.Rel;
  return std::less<const Expr *>()(A.Origin, B.Origin);
}

bool Value::operator==(const Value &O) const {
  if (L != O.L || NDim != O.NDim || Refs.size() != O.Refs.size())
    return false;
  for (size_t I = 0; I < Refs.size(); ++I)
    if (!Refs[I].sameEntry(O.Refs[I]) ||
        Refs[I].Ancestors != O.Refs[I].Ancestors)
      return false;
  return true;
}

/// Adds \p R to \p V, keeping the refs sorted and merging ancestors of equal
/// entries, so that equal states compare equal and joins are monotone.
static void addRef(Value &V, const Ref &R) {
  for (Ref &Existing : V.Refs)
    if (Existing.sameEntry(R)) {
      for (const ValueDecl *A : R.Ancestors)
        if (!llvm::is_contained(Existing.Ancestors, A))
          Existing.Ancestors.push_back(A);
      return;
    }
  if (V.Refs.size() >= AnalysisLimits::MaxRefsPerVariable)
    return;
  V.Refs.insert(llvm::upper_bound(V.Refs, R, refLess), R);
}

static Value join(const Value &A, const Value &B) {
  Value V = A;
  for (const Ref &R : B.Refs)
    addRef(V, R);
  if (A.L != B.L)
    V.L = Layout::Unknown;
  if (A.NDim != B.NDim)
    V.NDim = -1;
  return V;
}

using State = llvm::DenseMap<const ValueDecl *, Value>;

static bool sameState(const State &A, const State &B) {
  if (A.size() != B.size())
    return false;
  for (const auto &[D, V] : A) {
    auto It = B.find(D);
    if (It == B.end() || !(It->second == V))
      return false;
  }
  return true;
}

static void joinInto(State &Into, const State &From) {
  for (const auto &[D, V] : From) {
    auto It = Into.find(D);
    if (It == Into.end())
      Into[D] = V;
    else
      It->second = join(It->second, V);
  }
}

//===----------------------------------------------------------------------===//
// Expression helpers
//===----------------------------------------------------------------------===//

/// `std::move(x)` and `std::forward<T>(x)` denote `x`.
static bool isStdMove(const CallExpr *Call) {
  const auto *FD = dyn_cast_or_null<FunctionDecl>(Call->getCalleeDecl());
  return FD && Call->getNumArgs() == 1 && FD->isInStdNamespace() &&
         FD->getIdentifier() &&
         (FD->getName() == "move" || FD->getName() == "forward");
}

/// Strips the wrappers that do not change which array an expression denotes.
static const Expr *strip(const Expr *E) {
  while (E) {
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
    else
      break;
  }
  return E;
}

static bool isTransparentParent(const Stmt *P) {
  return isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, FullExpr, CXXFunctionalCastExpr>(P);
}

static bool isCompoundAssign(OverloadedOperatorKind K) {
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

/// The object expression of a member call or member operator call.
static const Expr *objectOf(const CallExpr *Call) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call))
    return MC->getImplicitObjectArgument();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call))
    if (isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()) &&
        OC->getNumArgs() > 0)
      return OC->getArg(0);
  return nullptr;
}

/// The arguments of \p Call that correspond to the callee's parameters.
static llvm::ArrayRef<const Expr *> paramArgs(const CallExpr *Call) {
  llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
  if (isa<CXXOperatorCallExpr>(Call) &&
      isa_and_nonnull<CXXMethodDecl>(Call->getDirectCallee()) && !Args.empty())
    return Args.drop_front();
  return Args;
}

static int nestingDepth(const Expr *E, int Guard = 0) {
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

/// The number of elements of a braced shape argument such as `{2, 3}`.
static int bracedLength(const Expr *E) {
  E = strip(E);
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (CE->getNumArgs() >= 1)
      return bracedLength(CE->getArg(0));
    if (CE->isListInitialization())
      return 0;
  }
  if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(E))
    return bracedLength(SIL->getSubExpr());
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return static_cast<int>(IL->getNumInits());
  return -1;
}

static std::optional<int64_t> constantInt(const Expr *E, ASTContext &Ctx) {
  Expr::EvalResult R;
  if (E && !E->isValueDependent() && E->EvaluateAsInt(R, Ctx))
    return R.Val.getInt().getExtValue();
  return std::nullopt;
}

//===----------------------------------------------------------------------===//
// The builder
//===----------------------------------------------------------------------===//

namespace {
/// What happens to an array value at its use.
struct Fate {
  bool Read = false, Write = false, MayWrite = false, Escape = false,
       Metadata = false, Bound = false, Return = false;
  const Expr *Anchor = nullptr;
  WriteForm Form = WriteForm::Call;
  std::string Callee;

  void merge(const Fate &O) {
    Read |= O.Read;
    MayWrite |= O.MayWrite;
    Escape |= O.Escape;
    Metadata |= O.Metadata;
    Bound |= O.Bound;
    Return |= O.Return;
    if (O.Write && !Write) {
      Write = true;
      Anchor = O.Anchor;
      Form = O.Form;
      Callee = O.Callee;
    }
  }
};
} // namespace

class ProvenanceBuilder {
public:
  ProvenanceBuilder(FunctionAnalysis &A, const ApiModel &M,
                    SummaryProvider &Sum)
      : A(A), M(M), Sum(Sum), Ctx(A.Ctx), PM(*A.Parents), Mut(*A.Body, A.Ctx) {}

  bool build();

private:
  FunctionAnalysis &A;
  const ApiModel &M;
  SummaryProvider &Sum;
  ASTContext &Ctx;
  const ParentMap &PM;
  ExprMutationAnalyzer Mut;

  llvm::DenseSet<const Stmt *> ElementStmts;
  llvm::DenseMap<const ValueDecl *, StorageId> DeclStorage;
  llvm::DenseMap<const Expr *, StorageId> ExprStorage;
  llvm::DenseMap<const VarDecl *, const ValueDecl *> Aliases;
  llvm::DenseSet<const Expr *> TempWritesSeen;

  // Set while replaying a block in the recording pass.
  bool Recording = false;
  State *Cur = nullptr;
  unsigned CurBlock = 0, CurElem = 0;

  // Storage and values.
  StorageId newStorage(Storage S) {
    A.Storages.push_back(std::move(S));
    return static_cast<StorageId>(A.Storages.size() - 1);
  }
  StorageId storageForDecl(const ValueDecl *D);
  StorageId storageForExpr(const Expr *E, StorageKind K);
  Value defaultValue(const ValueDecl *D);
  Value lookup(const ValueDecl *D);
  const ValueDecl *trackedDecl(const Expr *E) const;
  const ValueDecl *baseVarOf(const Expr *E) const;

  // Evaluation of array expressions.
  Value eval(const Expr *E, int Depth = 0);
  Value evalCall(const CallExpr *Call, int Depth);
  Value asView(Value V);
  Value makeFresh(const Expr *At, Layout L, int NDim);
  Value makeCopy(const CallExpr *Call, const Expr *Source,
                 const Value &SourceVal, llvm::StringRef Kind);
  void layoutForIndexing(const Value &Src, const CallExpr *Call, Value &Out);
  void layoutForPermute(const Value &Src, Value &Out);
  /// Whether a view-or-copy call on a value with this layout is a view
  /// (true), a copy (false), or either (nullopt).
  std::optional<bool> viewOrCopyIsView(const Value &Src) const {
    if (Src.L == Layout::Contiguous)
      return true;
    if (Src.L == Layout::Strided)
      return false;
    return std::nullopt;
  }
  int resultNDimForReshape(const CallExpr *Call) const;
  Region regionOf(const Expr *E) const;
  const Expr *sourceArg(const CallExpr *Call, const FunctionDecl *FD) const;

  // Classification of uses.
  Fate fateOf(const Expr *E, int Depth = 0);
  Fate objectCall(const CallExpr *Call, const CXXMethodDecl *MD,
                  const Expr *Obj, int Depth);
  Fate roleCall(const CallExpr *Call, const FunctionDecl *FD,
                const FunctionRole &Role, const Expr *Source, int Depth);
  Fate argumentUse(const CallExpr *Call, unsigned ArgIdx, int Depth);
  Fate copyTemporary(const CallExpr *Call, llvm::StringRef Kind, int Depth);
  bool isElementWrite(const CallExpr *Element);

  // Traversal and transfer.
  void collect(const Stmt *S, const Stmt *Root,
               llvm::SmallVectorImpl<const Expr *> &Leaves,
               llvm::SmallVectorImpl<const Stmt *> &Defs);
  void processCFGElement(const CFGElement &El);
  void processElement(const Stmt *S);
  void define(const ValueDecl *D, const Expr *Init, const Expr *EventExpr,
              bool IsRebind);
  void emit(Event E);
  State entryState();
};

StorageId ProvenanceBuilder::storageForDecl(const ValueDecl *D) {
  auto It = DeclStorage.find(D);
  if (It != DeclStorage.end())
    return It->second;
  Storage S;
  S.Holder = D;
  if (const auto *P = dyn_cast<ParmVarDecl>(D);
      P && llvm::is_contained(A.ArrayParams, P)) {
    QualType T = P->getType();
    if (T->isLValueReferenceType())
      S.Kind = T.getNonReferenceType().isConstQualified()
                   ? StorageKind::ParamConstRef
                   : StorageKind::ParamRef;
    else
      S.Kind = StorageKind::ParamByValue;
  } else if (isa<FieldDecl>(D)) {
    S.Kind = StorageKind::Member;
  } else if (const auto *V = dyn_cast<VarDecl>(D)) {
    if (V->hasGlobalStorage())
      S.Kind = StorageKind::Global;
    else if (V->getParentFunctionOrMethod() != A.FD)
      S.Kind = StorageKind::Capture;
    else
      S.Kind = StorageKind::Unknown;
  }
  StorageId Id = newStorage(std::move(S));
  DeclStorage[D] = Id;
  return Id;
}

StorageId ProvenanceBuilder::storageForExpr(const Expr *E, StorageKind K) {
  auto It = ExprStorage.find(E);
  if (It != ExprStorage.end())
    return It->second;
  Storage S;
  S.Kind = K;
  S.MadeBy = E;
  StorageId Id = newStorage(std::move(S));
  ExprStorage[E] = Id;
  return Id;
}

Value ProvenanceBuilder::defaultValue(const ValueDecl *D) {
  Value V;
  Ref R;
  R.S = storageForDecl(D);
  R.Rel = Relation::Owner;
  V.Refs.push_back(R);
  return V;
}

Value ProvenanceBuilder::lookup(const ValueDecl *D) {
  auto It = Cur->find(D);
  if (It != Cur->end())
    return It->second;
  return defaultValue(D);
}

/// The array variable, parameter or member of `*this` that \p E names.
const ValueDecl *ProvenanceBuilder::trackedDecl(const Expr *E) const {
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

/// The variable an array expression is ultimately derived from through views
/// (`a(nd::slice(1, 3)).T()` -> `a`), if any.
const ValueDecl *ProvenanceBuilder::baseVarOf(const Expr *E) const {
  for (int Guard = 0; E && Guard < 32; ++Guard) {
    E = strip(E);
    if (const ValueDecl *D = trackedDecl(E))
      return D;
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() == 1 && CE->getConstructor() &&
          CE->getConstructor()->isCopyOrMoveConstructor()) {
        E = CE->getArg(0);
        continue;
      }
      return nullptr;
    }
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

const Expr *ProvenanceBuilder::sourceArg(const CallExpr *Call,
                                         const FunctionDecl *FD) const {
  if (const Expr *Obj = objectOf(Call))
    return Obj;
  auto Args = paramArgs(Call);
  for (unsigned I = 0; I < Args.size() && I < FD->getNumParams(); ++I)
    if (M.isArrayType(FD->getParamDecl(I)->getType()))
      return Args[I];
  return nullptr;
}

Value ProvenanceBuilder::asView(Value V) {
  for (Ref &R : V.Refs)
    R.Rel = Relation::View;
  return V;
}

Value ProvenanceBuilder::makeFresh(const Expr *At, Layout L, int NDim) {
  Value V;
  Ref R;
  R.S = storageForExpr(At, StorageKind::Local);
  V.Refs.push_back(R);
  V.L = L;
  V.NDim = NDim;
  return V;
}

Value ProvenanceBuilder::makeCopy(const CallExpr *Call, const Expr *Source,
                                  const Value &SourceVal,
                                  llvm::StringRef Kind) {
  Value V;
  Ref R;
  R.S = storageForExpr(Call, StorageKind::Copy);
  Storage &S = A.Storages[R.S];
  S.CopyKind = Kind.str();
  S.CopiedFrom = baseVarOf(Source);
  V.Refs.push_back(R);
  V.L = Layout::Contiguous;
  V.NDim = Kind == "explicit" ? SourceVal.NDim : -1;
  return V;
}

/// The region of the storage that \p E selects, when \p E is basic indexing
/// with non-negative constant integers and step-1 constant slices applied to
/// the storage's own handle.
Region ProvenanceBuilder::regionOf(const Expr *E) const {
  Region R;
  const auto *Call = dyn_cast_or_null<CallExpr>(strip(E));
  if (!Call)
    return R;
  Role Kind = M.roleOf(Call->getDirectCallee()).Kind;
  if (Kind != Role::ViewIndexed && Kind != Role::Element)
    return R;
  const ValueDecl *D = trackedDecl(objectOf(Call));
  if (!D)
    return R;
  auto It = Cur->find(D);
  Value V = It != Cur->end() ? It->second : Value();
  if (V.Refs.size() != 1 || V.Refs.front().Rel != Relation::Owner)
    return R; // only indices relative to the whole storage are comparable
  for (const Expr *Arg : paramArgs(Call)) {
    std::pair<int64_t, int64_t> Range{Region::Any, Region::Any};
    switch (M.indexKindOf(Arg->getType())) {
    case IndexKind::Integer:
      if (auto C = constantInt(Arg, Ctx); C && *C >= 0)
        Range = {*C, *C + 1};
      break;
    case IndexKind::Slice:
      if (const auto *CE = dyn_cast<CXXConstructExpr>(strip(Arg))) {
        if (CE->getNumArgs() >= 2) {
          auto B = constantInt(CE->getArg(0), Ctx);
          auto Z = constantInt(CE->getArg(1), Ctx);
          bool UnitStep = CE->getNumArgs() < 3 ||
                          isa<CXXDefaultArgExpr>(CE->getArg(2)) ||
                          M.indexKindOf(CE->getArg(2)->getType()) ==
                              IndexKind::Placeholder ||
                          constantInt(CE->getArg(2), Ctx) == 1;
          if (B && Z && *B >= 0 && *Z >= *B && UnitStep)
            Range = {*B, *Z};
        }
      }
      break;
    case IndexKind::NewAxis:
      continue; // adds an axis of the view, not of the storage
    default:
      break;
    }
    R.Axes.push_back(Range);
  }
  return R;
}

int ProvenanceBuilder::resultNDimForReshape(const CallExpr *Call) const {
  auto Args = paramArgs(Call);
  if (Args.empty())
    return 1; // ravel()
  if (Args.size() == 1)
    return bracedLength(Args[0]);
  // reshape(2, 3): one integer per dimension.
  for (const Expr *Arg : Args)
    if (!Arg->getType()->isIntegralOrUnscopedEnumerationType())
      return -1;
  return static_cast<int>(Args.size());
}

/// Basic indexing keeps a C-contiguous array contiguous when it only fixes
/// leading axes, then takes one step-1 range, then whole axes.
void ProvenanceBuilder::layoutForIndexing(const Value &Src,
                                          const CallExpr *Call, Value &Out) {
  int Ints = 0, NewAxes = 0;
  bool SeenRange = false, Contiguous = Src.L == Layout::Contiguous,
       Known = Src.L != Layout::Unknown;
  for (const Expr *Arg : paramArgs(Call)) {
    IndexKind K = M.indexKindOf(Arg->getType());
    switch (K) {
    case IndexKind::Integer:
      ++Ints;
      if (SeenRange)
        Contiguous = false;
      break;
    case IndexKind::NewAxis:
      ++NewAxes;
      break;
    case IndexKind::All:
      SeenRange = true;
      break;
    case IndexKind::Slice: {
      // Read the slice's constructor arguments: start, stop, step, where the
      // placeholder type stands for "None".
      const auto *CE = dyn_cast<CXXConstructExpr>(strip(Arg));
      if (!CE) {
        Known = false;
        break;
      }
      llvm::SmallVector<const Expr *, 3> Parts;
      for (const Expr *P : CE->arguments())
        if (!isa<CXXDefaultArgExpr>(P))
          Parts.push_back(P);
      auto IsNone = [&](const Expr *P) {
        return M.indexKindOf(P->getType()) == IndexKind::Placeholder ||
               strip(P)->getType()->isNullPtrType();
      };
      bool Full = false;
      if (Parts.size() >= 2)
        Full = IsNone(Parts[0]) && IsNone(Parts[1]);
      else if (Parts.size() == 1)
        Full = IsNone(Parts[0]);
      std::optional<int64_t> Step = 1;
      if (Parts.size() == 3 && !IsNone(Parts[2]))
        Step = constantInt(Parts[2], Ctx);
      if (!Step) {
        Known = false;
        break;
      }
      if (*Step != 1 || (SeenRange && !Full))
        Contiguous = false;
      SeenRange = true;
      break;
    }
    default:
      Known = false;
      break;
    }
  }
  Out.NDim = Src.NDim >= 0 ? Src.NDim - Ints + NewAxes : -1;
  if (Src.L == Layout::Contiguous && Known)
    Out.L = Contiguous ? Layout::Contiguous : Layout::Strided;
  else
    Out.L = Layout::Unknown;
}

void ProvenanceBuilder::layoutForPermute(const Value &Src, Value &Out) {
  Out.NDim = Src.NDim;
  if (Src.NDim == 1 || Src.NDim == 0)
    Out.L = Src.L;
  else if (Src.NDim >= 2 && Src.L == Layout::Contiguous)
    Out.L = Layout::Strided;
  else
    Out.L = Layout::Unknown;
}

Value ProvenanceBuilder::eval(const Expr *E, int Depth) {
  if (!E || Depth > 32)
    return makeFresh(E, Layout::Unknown, -1);
  E = strip(E);
  if (const ValueDecl *D = trackedDecl(E)) {
    // A new handle to the same storage: a view of everything D refers to.
    Value V = asView(lookup(D));
    for (Ref &R : V.Refs)
      R.Ancestors.insert(R.Ancestors.begin(), D);
    return V;
  }
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
    if (CE->getConstructor() &&
        CE->getConstructor()->isCopyOrMoveConstructor() &&
        CE->getNumArgs() >= 1)
      return eval(CE->getArg(0), Depth + 1);
    int Depth0 = 0;
    for (const Expr *Arg : CE->arguments())
      Depth0 = std::max(Depth0, nestingDepth(Arg));
    return makeFresh(CE, Layout::Contiguous, Depth0 ? Depth0 : -1);
  }
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return evalCall(Call, Depth);
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E))
    return join(eval(CO->getTrueExpr(), Depth + 1),
                eval(CO->getFalseExpr(), Depth + 1));
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && BO->getOpcode() == BO_Comma)
    return eval(BO->getRHS(), Depth + 1);
  Value V = makeFresh(E, Layout::Unknown, -1);
  A.Storages[V.Refs.front().S].Kind = StorageKind::Unknown;
  return V;
}

Value ProvenanceBuilder::evalCall(const CallExpr *Call, int Depth) {
  const FunctionDecl *FD = Call->getDirectCallee();
  FunctionRole Role = M.roleOf(FD);
  const Expr *Src = FD ? sourceArg(Call, FD) : nullptr;
  switch (Role.Kind) {
  case Role::View: {
    Value V = asView(eval(Src, Depth + 1));
    return V;
  }
  case Role::ViewPermuted: {
    Value S = eval(Src, Depth + 1);
    Value V = asView(S);
    layoutForPermute(S, V);
    return V;
  }
  case Role::ViewIndexed: {
    Value S = eval(Src, Depth + 1);
    Value V = asView(S);
    layoutForIndexing(S, Call, V);
    return V;
  }
  case Role::ViewOrCopy: {
    Value S = eval(Src, Depth + 1);
    int NDim = resultNDimForReshape(Call);
    Value AsView = asView(S);
    AsView.L = Layout::Contiguous;
    AsView.NDim = NDim;
    Value AsCopy = makeCopy(Call, Src, S, FD->getName());
    AsCopy.NDim = NDim;
    std::optional<bool> IsView = viewOrCopyIsView(S);
    if (!IsView)
      return join(AsView, AsCopy);
    return *IsView ? AsView : AsCopy;
  }
  case Role::Copy:
    return makeCopy(Call, Src, eval(Src, Depth + 1), Role.CopyKind);
  case Role::Owner: {
    int NDim = 1;
    for (const Expr *Arg : paramArgs(Call))
      if (!Arg->getType()->isArithmeticType()) {
        NDim = bracedLength(Arg);
        break;
      }
    return makeFresh(Call, Layout::Contiguous, NDim);
  }
  case Role::Writes:
    if (Src)
      return eval(Src, Depth + 1);
    break;
  default:
    break;
  }
  // A rebinding used as a value denotes its left-hand side.
  if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(FD))
    if ((MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator()) &&
        M.isArrayClass(MD->getParent()))
      return eval(objectOf(Call), Depth + 1);
  // A function of this translation unit that returns a view of a parameter.
  if (FD && !M.isLibraryFunction(FD))
    if (const FunctionSummary *S = Sum.summaryFor(FD)) {
      Value V;
      bool Any = false;
      auto Args = paramArgs(Call);
      for (unsigned I = 0; I < Args.size() && I < S->ResultViewOf.size(); ++I)
        if (S->ResultViewOf[I]) {
          V = Any ? join(V, asView(eval(Args[I], Depth + 1)))
                  : asView(eval(Args[I], Depth + 1));
          Any = true;
        }
      if (Any) {
        V.L = Layout::Unknown;
        V.NDim = -1;
        return V;
      }
    }
  // Anything else returns an array the analysis cannot relate to its
  // arguments; a library function's result is at least a fresh, contiguous
  // array.
  bool Fresh = Role.Kind != Role::None || (FD && M.isLibraryFunction(FD));
  Value V = makeFresh(Call, Fresh ? Layout::Contiguous : Layout::Unknown, -1);
  A.Storages[V.Refs.front().S].Kind =
      Fresh ? StorageKind::Local : StorageKind::Unknown;
  return V;
}

//===----------------------------------------------------------------------===//
// Uses
//===----------------------------------------------------------------------===//

Fate ProvenanceBuilder::fateOf(const Expr *E, int Depth) {
  Fate F;
  if (Depth > 32) {
    F.Read = true;
    return F;
  }
  const Stmt *Child = E;
  const Stmt *P = PM.getParent(E);
  while (P) {
    if (isTransparentParent(P)) {
      Child = P;
      P = PM.getParent(P);
      continue;
    }
    if (const auto *CE = dyn_cast<CXXConstructExpr>(P)) {
      if (CE->getConstructor() &&
          CE->getConstructor()->isCopyOrMoveConstructor() &&
          M.isArrayType(CE->getType())) {
        // A handle copy (by-value argument, return, initialization).
        Child = P;
        P = PM.getParent(P);
        continue;
      }
      // Stored into another object: treat as read and escaped.
      F.Read = F.Escape = true;
      return F;
    }
    break;
  }
  if (!P) {
    F.Read = true;
    return F;
  }
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
    F.Read = true;
    return F;
  }
  if (isa<ReturnStmt, CoreturnStmt>(P)) {
    F.Escape = F.Return = true;
    return F;
  }
  if (const auto *Call = dyn_cast<CallExpr>(P)) {
    const Expr *Obj = objectOf(Call);
    if (Obj && Obj == Child) {
      const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Call->getDirectCallee());
      if (MD)
        return objectCall(Call, MD, Obj, Depth);
      F.Read = true;
      return F;
    }
    auto Args = paramArgs(Call);
    for (unsigned I = 0; I < Args.size(); ++I)
      if (Args[I] == Child)
        return argumentUse(Call, I, Depth);
    if (Call->getCallee() == Child) {
      F.Read = true; // calling an array as a function: element access
      return F;
    }
    F.Read = true;
    return F;
  }
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(P)) {
    if (Child != CO->getCond())
      return fateOf(CO, Depth + 1);
    F.Read = true;
    return F;
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
    if (Mut.isMutated(E)) {
      F.Write = true;
      F.Anchor = E;
      F.Form = WriteForm::Element;
    } else {
      F.Read = true;
    }
    return F;
  }
  F.Read = true;
  return F;
}

Fate ProvenanceBuilder::objectCall(const CallExpr *Call,
                                   const CXXMethodDecl *MD, const Expr *Obj,
                                   int Depth) {
  FunctionRole Role = M.roleOf(MD);
  if (Role.Kind != Role::None)
    return roleCall(Call, MD, Role, Obj, Depth);
  Fate F;
  if ((MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator()) &&
      M.isArrayClass(MD->getParent())) {
    // `named = other` rebinds (handled as a definition); assigning to a
    // temporary handle without a `writes` annotation does nothing visible.
    if (!trackedDecl(Obj))
      F.Metadata = true;
    return F;
  }
  if (isa<CXXDestructorDecl>(MD) || isa<CXXConversionDecl>(MD)) {
    F.Metadata = true;
    return F;
  }
  F.Read = true;
  F.MayWrite = !MD->isConst() && !M.isLibraryFunction(MD);
  return F;
}

/// The effect on the source array of a call described by the API model.
Fate ProvenanceBuilder::roleCall(const CallExpr *Call, const FunctionDecl *FD,
                                 const FunctionRole &Role, const Expr *Source,
                                 int Depth) {
  Fate F;
  switch (Role.Kind) {
  case Role::Writes: {
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
  }
  case Role::Element:
    if (isElementWrite(Call)) {
      F.Write = true;
      F.Anchor = Call;
      F.Form = WriteForm::Element;
    } else {
      F.Read = true;
    }
    return F;
  case Role::Metadata:
    F.Metadata = true;
    return F;
  case Role::View:
  case Role::ViewPermuted:
  case Role::ViewIndexed: {
    Fate G = fateOf(Call, Depth + 1);
    if (G.Bound) {
      G.Bound = false;
      F.Bound = true; // the source is used to make a named view
    }
    F.merge(G);
    return F;
  }
  case Role::ViewOrCopy: {
    std::optional<bool> IsView = viewOrCopyIsView(eval(Source));
    if (IsView && !*IsView)
      return copyTemporary(Call, FD->getName(), Depth);
    Fate G = fateOf(Call, Depth + 1);
    F.merge(G);
    return F;
  }
  case Role::Copy:
    return copyTemporary(Call, Role.CopyKind, Depth);
  default:
    F.Read = true;
    return F;
  }
}

/// Whether the element reference \p Element returns is written. The common
/// shapes are decided from the parent (a value read, an assignment, an
/// increment); only a reference that goes further (bound to a reference,
/// passed to a call) needs ExprMutationAnalyzer, whose every query scans the
/// whole body.
bool ProvenanceBuilder::isElementWrite(const CallExpr *Element) {
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

/// A copy made from the source: the source is read; a write to the unnamed
/// copy is lost.
Fate ProvenanceBuilder::copyTemporary(const CallExpr *Call,
                                      llvm::StringRef Kind, int Depth) {
  Fate F;
  F.Read = true;
  Fate G = fateOf(Call, Depth + 1);
  if (G.Write && Recording && TempWritesSeen.insert(G.Anchor).second) {
    Event E;
    E.Kind = EventKind::TempWrite;
    E.Anchor = G.Anchor;
    E.UseExpr = G.Anchor;
    E.Form = G.Form;
    E.Callee = G.Callee;
    E.CopyExpr = Call;
    E.CopyKind = Kind.str();
    E.Var = baseVarOf(Call);
    emit(std::move(E));
  }
  return F;
}

Fate ProvenanceBuilder::argumentUse(const CallExpr *Call, unsigned ArgIdx,
                                    int Depth) {
  Fate F;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD) {
    F.Read = F.MayWrite = true;
    return F;
  }
  FunctionRole Role = M.roleOf(FD);
  if (Role.Kind == Role::Metadata) {
    F.Metadata = true;
    return F;
  }
  auto Args = paramArgs(Call);
  if (Role.Kind != Role::None) {
    // A free function described by the model acts on its first array
    // argument; its other arguments are read.
    if (!objectOf(Call) && sourceArg(Call, FD) == Args[ArgIdx])
      return roleCall(Call, FD, Role, Args[ArgIdx], Depth);
    F.Read = true;
    return F;
  }
  if (ArgIdx >= FD->getNumParams()) {
    F.Read = true; // C variadic
    return F;
  }
  QualType PT = FD->getParamDecl(ArgIdx)->getType();
  bool ConstRef =
      PT->isReferenceType() && PT.getNonReferenceType().isConstQualified();
  bool Library = M.isLibraryFunction(FD) ||
                 Ctx.getSourceManager().isInSystemHeader(FD->getLocation());
  if (!Library)
    if (const FunctionSummary *S = Sum.summaryFor(FD)) {
      if (ArgIdx < S->Reads.size()) {
        F.Read = S->Reads[ArgIdx];
        F.MayWrite = S->MayWrites[ArgIdx];
        if (S->Writes[ArgIdx]) {
          // Reported at the argument: that is what the callee writes.
          F.Write = true;
          F.Anchor = Args[ArgIdx];
          F.Form = WriteForm::Call;
          F.Callee = FD->getNameAsString();
        }
        if (S->ResultViewOf[ArgIdx]) {
          Fate G = fateOf(Call, Depth + 1);
          if (G.Bound) {
            G.Bound = false;
            F.Bound = true;
          }
          F.merge(G);
        }
        if (!F.Read && !F.Write && !F.MayWrite && !F.Escape && !F.Bound)
          F.Metadata = true; // passed but its elements are never used
      } else {
        F.Read = true;
      }
      return F;
    }
  F.Read = true;
  // An unknown callee taking a non-const array may write it.
  F.MayWrite = !ConstRef && !Library;
  if (Library && PT->isLValueReferenceType() && !ConstRef)
    F.MayWrite = true;
  return F;
}

//===----------------------------------------------------------------------===//
// Traversal, transfer and events
//===----------------------------------------------------------------------===//

void ProvenanceBuilder::collect(const Stmt *S, const Stmt *Root,
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
    if (trackedDecl(E) && (isa<DeclRefExpr>(E) || isa<MemberExpr>(E))) {
      Leaves.push_back(E);
      return;
    }
  if (isa<DeclStmt>(S))
    Defs.push_back(S);
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(OC->getDirectCallee()))
      if ((MD->isCopyAssignmentOperator() || MD->isMoveAssignmentOperator()) &&
          M.isArrayClass(MD->getParent()) && trackedDecl(OC->getArg(0)))
        Defs.push_back(S);
  for (const Stmt *C : S->children())
    collect(C, Root, Leaves, Defs);
}

void ProvenanceBuilder::emit(Event E) {
  E.Block = CurBlock;
  E.Elem = CurElem;
  const Stmt *Root = E.UseExpr ? E.UseExpr : E.Anchor;
  for (const Stmt *P = Root ? PM.getParent(Root) : nullptr;
       P && (isa<Expr>(P) || isa<DeclStmt>(P)); P = PM.getParent(P))
    Root = P;
  E.FullExpr = Root;
  if (E.Kind == EventKind::Derive || E.Kind == EventKind::Rebind)
    A.Definitions[E.Var].push_back(static_cast<unsigned>(A.Events.size()));
  A.Events.push_back(std::move(E));
}

void ProvenanceBuilder::define(const ValueDecl *D, const Expr *Init,
                               const Expr *EventExpr, bool IsRebind) {
  Value V = eval(Init);
  Region Part = regionOf(Init);
  for (Ref &R : V.Refs) {
    R.Origin = Init;
    R.Part = Part;
    Storage &S = A.Storages[R.S];
    if ((S.Kind == StorageKind::Local || S.Kind == StorageKind::Copy) &&
        !S.Holder)
      S.Holder = D;
  }
  if (Recording) {
    Event E;
    E.Kind = IsRebind ? EventKind::Rebind : EventKind::Derive;
    E.Var = D;
    E.UseExpr = Init;
    E.Anchor = EventExpr;
    E.Val = V;
    if (IsRebind)
      E.Old = lookup(D);
    emit(std::move(E));
  }
  (*Cur)[D] = std::move(V);
}

void ProvenanceBuilder::processCFGElement(const CFGElement &El) {
  if (auto CS = El.getAs<CFGStmt>()) {
    processElement(CS->getStmt());
    return;
  }
  // A variable out of scope cannot be used again: dropping it keeps the
  // state as small as the variables in scope, where block-scoped temporaries
  // would otherwise pile up and be copied into every later block.
  if (auto LE = El.getAs<CFGLifetimeEnds>())
    Cur->erase(LE->getVarDecl());
}

void ProvenanceBuilder::processElement(const Stmt *S) {
  llvm::SmallVector<const Expr *, 8> Leaves;
  llvm::SmallVector<const Stmt *, 2> Defs;
  collect(S, S, Leaves, Defs);

  if (Recording)
    for (const Expr *Leaf : Leaves) {
      const ValueDecl *D = trackedDecl(Leaf);
      Fate F = fateOf(Leaf);
      Value V = lookup(D);
      auto Emit = [&](EventKind K) {
        Event E;
        E.Kind = K;
        E.Var = D;
        E.UseExpr = Leaf;
        E.Anchor = K == EventKind::Write ? F.Anchor : Leaf;
        E.Form = F.Form;
        E.Callee = F.Callee;
        E.Val = V;
        E.ThroughReturn = F.Return;
        if (K == EventKind::Write)
          if (const auto *WC = dyn_cast_or_null<CallExpr>(F.Anchor)) {
            // `m(1, 0) = v` writes the element it indexes; `m(1, nd::all)
            // .fill(v)` the view its object selects.
            const Expr *Target =
                F.Form == WriteForm::Element ? WC : objectOf(WC);
            if (Target)
              E.Part = regionOf(Target);
          }
        emit(std::move(E));
      };
      if (F.Write)
        Emit(EventKind::Write);
      if (F.Read)
        Emit(EventKind::Read);
      if (F.MayWrite)
        Emit(EventKind::MayWrite);
      if (F.Escape)
        Emit(EventKind::Escape);
      if (F.Bound)
        Emit(EventKind::Use);
      if (F.Metadata && !F.Read && !F.Write && !F.Escape)
        Emit(EventKind::Metadata);
    }

  // Definitions take effect after the uses of the same element.
  for (const Stmt *Def : Defs) {
    if (const auto *DS = dyn_cast<DeclStmt>(Def)) {
      for (const Decl *Dl : DS->decls()) {
        const auto *VD = dyn_cast<VarDecl>(Dl);
        if (!VD || !VD->getInit() || !M.isArrayType(VD->getType()))
          continue;
        if (VD->getType()->isReferenceType()) {
          if (const ValueDecl *Target = trackedDecl(VD->getInit())) {
            Aliases[VD] = Target;
            continue;
          }
        }
        define(VD, VD->getInit(), VD->getInit(), /*IsRebind=*/false);
      }
      continue;
    }
    const auto *OC = cast<CXXOperatorCallExpr>(Def);
    define(trackedDecl(OC->getArg(0)), OC->getArg(1), OC, /*IsRebind=*/true);
  }
}

State ProvenanceBuilder::entryState() {
  State St;
  Cur = &St;
  for (const ParmVarDecl *P : A.ArrayParams) {
    St[P] = defaultValue(P);
    A.ParamStorage.push_back(St[P].Refs.front().S);
  }
  return St;
}

bool ProvenanceBuilder::build() {
  const CFG &G = *A.Cfg;
  unsigned N = G.getNumBlockIDs();
  for (const CFGBlock *B : G)
    for (const CFGElement &El : *B)
      if (auto CS = El.getAs<CFGStmt>())
        ElementStmts.insert(CS->getStmt());

  // Reverse post-order from the entry block.
  std::vector<const CFGBlock *> Order;
  {
    std::vector<bool> Seen(N);
    std::vector<std::pair<const CFGBlock *, unsigned>> Stack;
    Stack.push_back({&G.getEntry(), 0});
    Seen[G.getEntry().getBlockID()] = true;
    while (!Stack.empty()) {
      auto &[B, I] = Stack.back();
      if (I < B->succ_size()) {
        const CFGBlock *S = *(B->succ_begin() + I++);
        if (S && !Seen[S->getBlockID()]) {
          Seen[S->getBlockID()] = true;
          Stack.push_back({S, 0});
        }
        continue;
      }
      Order.push_back(B);
      Stack.pop_back();
    }
    std::reverse(Order.begin(), Order.end());
  }
  A.BlockById.assign(N, nullptr);
  for (const CFGBlock *B : G)
    A.BlockById[B->getBlockID()] = B;
  A.RPOIndex.assign(N, N);
  for (unsigned I = 0; I < Order.size(); ++I)
    A.RPOIndex[Order[I]->getBlockID()] = I;

  // Forward fixpoint.
  std::vector<State> Out(N);
  std::vector<bool> Done(N);
  State Entry = entryState();
  bool Changed = true;
  unsigned Rounds = 0;
  uint64_t Copies = 0;
  while (Changed) {
    if (++Rounds > AnalysisLimits::MaxBlockVisitsPerBlock)
      return false;
    Changed = false;
    for (const CFGBlock *B : Order) {
      State In = B == &G.getEntry() ? Entry : State();
      for (const CFGBlock *P : B->preds())
        if (P && Done[P->getBlockID()]) {
          Copies += Out[P->getBlockID()].size();
          joinInto(In, Out[P->getBlockID()]);
        }
      if (Copies > AnalysisLimits::MaxStateCopies)
        return false;
      Cur = &In;
      for (const CFGElement &El : *B)
        processCFGElement(El);
      unsigned Id = B->getBlockID();
      if (!Done[Id] || !sameState(In, Out[Id])) {
        Out[Id] = std::move(In);
        Done[Id] = true;
        Changed = true;
      }
    }
  }

  // Recording pass: replay each block from its fixpoint input.
  Recording = true;
  for (const CFGBlock *B : Order) {
    State In = B == &G.getEntry() ? Entry : State();
    for (const CFGBlock *P : B->preds())
      if (P && Done[P->getBlockID()])
        joinInto(In, Out[P->getBlockID()]);
    Cur = &In;
    CurBlock = B->getBlockID();
    CurElem = 0;
    for (const CFGElement &El : *B) {
      processCFGElement(El);
      if (A.Events.size() > AnalysisLimits::MaxEvents)
        return false;
      ++CurElem;
    }
  }

  A.Reach.assign(N, llvm::BitVector());
  A.ReachKnown.resize(N);
  A.indexEvents();
  return true;
}

//===----------------------------------------------------------------------===//
// FunctionAnalysis
//===----------------------------------------------------------------------===//

FunctionAnalysis::FunctionAnalysis(const FunctionDecl *FD, const Stmt *Body,
                                   ASTContext &Ctx)
    : FD(FD), Body(Body), Ctx(Ctx) {}

FunctionAnalysis::~FunctionAnalysis() = default;

std::unique_ptr<FunctionAnalysis>
FunctionAnalysis::run(const FunctionDecl *FD, const Stmt *Body, ASTContext &Ctx,
                      const ApiModel &Model, SummaryProvider &Summaries) {
  if (!FD || !Body || FD->isInvalidDecl() || FD->isDependentContext())
    return nullptr;
  std::unique_ptr<FunctionAnalysis> A(new FunctionAnalysis(FD, Body, Ctx));
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = false;
  Options.AddTemporaryDtors = false;
  Options.AddCXXDefaultInitExprInCtors = true;
  Options.AddLifetime = true;
  A->Cfg = CFG::buildCFG(FD, const_cast<Stmt *>(Body), &Ctx, Options);
  if (!A->Cfg || A->Cfg->getNumBlockIDs() > AnalysisLimits::MaxBlocks)
    return nullptr;
  for (const ParmVarDecl *P : FD->parameters())
    if (Model.isArrayType(P->getType()))
      A->ArrayParams.push_back(P);
  A->Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
  ProvenanceBuilder Builder(*A, Model, Summaries);
  if (!Builder.build())
    return nullptr;
  return A;
}

const Event *FunctionAnalysis::creationOf(const ValueDecl *Var,
                                          const Ref &R) const {
  auto It = Definitions.find(Var);
  if (It == Definitions.end())
    return nullptr;
  for (unsigned I : It->second)
    if (Events[I].UseExpr == R.Origin)
      return &Events[I];
  return nullptr;
}

void FunctionAnalysis::indexEvents() {
  for (unsigned I = 0; I < Events.size(); ++I) {
    const Event &E = Events[I];
    for (const Ref &R : E.Val.Refs) {
      auto &List = ByStorage[R.S];
      if (List.empty() || List.back() != I)
        List.push_back(I);
    }
    if (E.Var)
      ByVar[E.Var].push_back(I);
    if (E.FullExpr)
      ByFullExpr[E.FullExpr].push_back(I);
  }
}

llvm::ArrayRef<unsigned> FunctionAnalysis::eventsOn(StorageId S) const {
  auto It = ByStorage.find(S);
  return It == ByStorage.end() ? llvm::ArrayRef<unsigned>() : It->second;
}

llvm::ArrayRef<unsigned>
FunctionAnalysis::eventsOf(const ValueDecl *Var) const {
  auto It = ByVar.find(Var);
  return It == ByVar.end() ? llvm::ArrayRef<unsigned>() : It->second;
}

llvm::ArrayRef<unsigned>
FunctionAnalysis::eventsIn(const Stmt *FullExpr) const {
  auto It = ByFullExpr.find(FullExpr);
  return It == ByFullExpr.end() ? llvm::ArrayRef<unsigned>() : It->second;
}

const llvm::BitVector &FunctionAnalysis::reachableFrom(unsigned Block) const {
  llvm::BitVector &R = Reach[Block];
  if (ReachKnown.test(Block))
    return R;
  ReachKnown.set(Block);
  R.resize(BlockById.size());
  std::vector<const CFGBlock *> Work;
  auto Push = [&](const CFGBlock *S) {
    if (S && !R.test(S->getBlockID())) {
      R.set(S->getBlockID());
      Work.push_back(S);
    }
  };
  for (const CFGBlock *S : BlockById[Block]->succs())
    Push(S);
  while (!Work.empty()) {
    const CFGBlock *X = Work.back();
    Work.pop_back();
    for (const CFGBlock *S : X->succs())
      Push(S);
  }
  return R;
}

bool FunctionAnalysis::sameBlockAfter(const Event &First,
                                      const Event &Later) const {
  if (Later.Elem != First.Elem)
    return Later.Elem > First.Elem;
  const Stmt *F = First.Anchor ? First.Anchor : First.UseExpr;
  const Stmt *L = Later.UseExpr ? Later.UseExpr : Later.Anchor;
  return F && L && F != L && sequencedBefore(F, L);
}

// Sequencing inside one CFG element follows the rules of clang-tidy's
// ExprSequence (utils/ExprSequence.h): the operand sequenced after another
// under a comma, a braced initializer, a statement expression's compound
// statement or a declaration, and a parent after its operands. It is asked of
// the function's own ParentMap instead: ExprSequence asks the ASTContext,
// whose first parent query builds a parent map of the whole translation
// unit, headers included, which took 13% of the run on bench/'s generated
// 20,000-line unit for queries that never leave one function.

bool FunctionAnalysis::isWithin(const Stmt *S, const Stmt *Ancestor) const {
  for (; S; S = Parents->getParent(S))
    if (S == Ancestor)
      return true;
  return false;
}

const Stmt *FunctionAnalysis::sequenceSuccessor(const Stmt *S) const {
  const Stmt *P = Parents->getParent(S);
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P)) {
    if (BO->getOpcode() == BO_Comma && BO->getLHS() == S)
      return BO->getRHS();
  } else if (const auto *IL = dyn_cast_or_null<InitListExpr>(P)) {
    for (unsigned I = 1; I < IL->getNumInits(); ++I)
      if (IL->getInit(I - 1) == S)
        return IL->getInit(I);
  } else if (const auto *CS = dyn_cast_or_null<CompoundStmt>(P)) {
    const Stmt *Previous = nullptr;
    for (const Stmt *Child : CS->body()) {
      if (Previous == S)
        return Child;
      Previous = Child;
    }
  } else if (const auto *DS = dyn_cast_or_null<DeclStmt>(P)) {
    const Expr *PreviousInit = nullptr;
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (const Expr *Init = VD->getInit()) {
          if (PreviousInit == S)
            return Init;
          PreviousInit = Init;
        }
  }
  return nullptr;
}

bool FunctionAnalysis::sequencedBefore(const Stmt *Before,
                                       const Stmt *After) const {
  for (const Stmt *S = Before; S; S = Parents->getParent(S)) {
    if (S != Before && S == After)
      return true; // a parent is evaluated after its operands
    for (const Stmt *Next = sequenceSuccessor(S); Next;
         Next = sequenceSuccessor(Next))
      if (isWithin(After, Next))
        return true;
  }
  return false;
}

bool FunctionAnalysis::after(const Event &First, const Event &Later,
                             const ValueDecl *KilledVar,
                             bool *LoopCarried) const {
  llvm::SmallVector<const Event *, 4> Kills;
  if (KilledVar) {
    auto It = Definitions.find(KilledVar);
    if (It != Definitions.end())
      for (unsigned I : It->second)
        if (&Events[I] != &First && &Events[I] != &Later)
          Kills.push_back(&Events[I]);
  }
  // A kill in Block at an element strictly between From and To.
  auto KillBetween = [&](unsigned Block, int64_t From, int64_t To) {
    return llvm::any_of(Kills, [&](const Event *K) {
      return K->Block == Block && K->Elem > From && K->Elem < To;
    });
  };
  const int64_t BlockStart = -1, BlockEnd = INT64_MAX;
  if (LoopCarried)
    *LoopCarried = false;
  if (First.Block == Later.Block && sameBlockAfter(First, Later) &&
      !KillBetween(First.Block, First.Elem, Later.Elem))
    return true;
  if (!reachableFrom(First.Block).test(Later.Block))
    return false;
  // Leaving First's block: blocked by a kill at or after First in it (a
  // definition in First's own element takes effect after it).
  if (KillBetween(First.Block, int64_t(First.Elem) - 1, BlockEnd))
    return false;
  // Breadth-first over blocks, stopping at blocks that kill.
  llvm::BitVector Seen(BlockById.size());
  std::deque<unsigned> Work;
  auto Push = [&](unsigned B) {
    if (!Seen.test(B)) {
      Seen.set(B);
      Work.push_back(B);
    }
  };
  for (const CFGBlock *S : BlockById[First.Block]->succs())
    if (S)
      Push(S->getBlockID());
  while (!Work.empty()) {
    unsigned B = Work.front();
    Work.pop_front();
    if (B == Later.Block && !KillBetween(B, BlockStart, Later.Elem)) {
      if (LoopCarried)
        *LoopCarried = RPOIndex[Later.Block] <= RPOIndex[First.Block];
      return true;
    }
    if (KillBetween(B, BlockStart, BlockEnd))
      continue;
    for (const CFGBlock *S : BlockById[B]->succs())
      if (S)
        Push(S->getBlockID());
  }
  return false;
}

FunctionSummary FunctionAnalysis::summarize() const {
  FunctionSummary S;
  unsigned N = FD->getNumParams();
  S.Reads.assign(N, false);
  S.Writes.assign(N, false);
  S.MayWrites.assign(N, false);
  S.ResultViewOf.assign(N, false);
  for (unsigned I = 0; I < N; ++I) {
    auto It = llvm::find(ArrayParams, FD->getParamDecl(I));
    if (It == ArrayParams.end())
      continue;
    StorageId Sid = ParamStorage[It - ArrayParams.begin()];
    for (const Event &E : Events) {
      if (E.Kind == EventKind::Derive || E.Kind == EventKind::Rebind ||
          !E.Val.refersTo(Sid))
        continue;
      switch (E.Kind) {
      case EventKind::Read:
        S.Reads[I] = true;
        break;
      case EventKind::Write:
        S.Writes[I] = true;
        break;
      case EventKind::MayWrite:
        S.MayWrites[I] = true;
        break;
      case EventKind::Escape:
        S.Reads[I] = true;
        if (E.ThroughReturn)
          S.ResultViewOf[I] = true;
        break;
      default:
        break;
      }
    }
  }
  return S;
}

static const char *kindName(EventKind K) {
  switch (K) {
  case EventKind::Read:
    return "read";
  case EventKind::Write:
    return "write";
  case EventKind::MayWrite:
    return "may-write";
  case EventKind::Escape:
    return "escape";
  case EventKind::Derive:
    return "derive";
  case EventKind::Rebind:
    return "rebind";
  case EventKind::Use:
    return "use";
  case EventKind::Metadata:
    return "metadata";
  case EventKind::TempWrite:
    return "temp-write";
  }
  return "?";
}

static const char *storageKindName(StorageKind K) {
  switch (K) {
  case StorageKind::Local:
    return "local";
  case StorageKind::ParamByValue:
    return "parameter by value";
  case StorageKind::ParamConstRef:
    return "parameter by const reference";
  case StorageKind::ParamRef:
    return "parameter by reference";
  case StorageKind::Member:
    return "member";
  case StorageKind::Global:
    return "global";
  case StorageKind::Capture:
    return "capture";
  case StorageKind::Copy:
    return "copy";
  case StorageKind::Unknown:
    return "unknown";
  }
  return "?";
}

static const char *layoutName(Layout L) {
  switch (L) {
  case Layout::Contiguous:
    return "contiguous";
  case Layout::Strided:
    return "strided";
  case Layout::Unknown:
    return "unknown";
  }
  return "?";
}

static std::string lineCol(SourceLocation Loc, const SourceManager &SM) {
  if (Loc.isInvalid())
    return "?";
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Loc));
  if (P.isInvalid())
    return "?";
  return std::to_string(P.getLine()) + ":" + std::to_string(P.getColumn());
}

/// `S3 view of 'b' <- 'a' rows[1,2)`: one ref, readable.
static void printRef(llvm::raw_ostream &OS, const Ref &R) {
  OS << "S" << R.S << (R.Rel == Relation::View ? " view" : " owner");
  if (!R.Ancestors.empty()) {
    OS << " of";
    for (size_t I = 0; I < R.Ancestors.size(); ++I)
      OS << (I ? " <- '" : " '") << nameOf(R.Ancestors[I]) << "'";
  }
  if (!R.Part.Axes.empty()) {
    OS << " region";
    for (auto [B, E] : R.Part.Axes) {
      if (B == Region::Any)
        OS << "[:]";
      else
        OS << "[" << B << "," << E << ")";
    }
  }
}

void printValue(llvm::raw_ostream &OS, const Value &V) {
  if (V.Refs.empty())
    OS << "nothing";
  for (size_t I = 0; I < V.Refs.size(); ++I) {
    if (I)
      OS << " | ";
    printRef(OS, V.Refs[I]);
  }
  OS << " (layout " << layoutName(V.L) << ", ndim ";
  if (V.NDim < 0)
    OS << "?";
  else
    OS << V.NDim;
  OS << ")";
}

void FunctionAnalysis::dump(llvm::raw_ostream &OS) const {
  const SourceManager &SM = Ctx.getSourceManager();
  OS << "viewguard-debug: function '" << FD->getQualifiedNameAsString()
     << "' at " << lineCol(FD->getLocation(), SM) << "\n";
  for (StorageId I = 0; I < Storages.size(); ++I) {
    const Storage &S = Storages[I];
    OS << "  storage S" << I << ": " << storageKindName(S.Kind);
    if (S.isCopy())
      OS << " (" << S.CopyKind << ")";
    if (S.CopiedFrom)
      OS << " of '" << nameOf(S.CopiedFrom) << "'";
    if (S.Holder)
      OS << ", held by '" << nameOf(S.Holder) << "'";
    if (S.MadeBy)
      OS << ", made at " << lineCol(S.MadeBy->getBeginLoc(), SM);
    OS << "\n";
  }
  for (const Event &E : Events) {
    const Expr *At = E.Anchor ? E.Anchor : E.UseExpr;
    OS << "  event B" << E.Block << "." << E.Elem << " " << kindName(E.Kind)
       << " '" << nameOf(E.Var) << "' at "
       << (At ? lineCol(At->getBeginLoc(), SM) : std::string("?")) << ": ";
    printValue(OS, E.Val);
    if (E.Kind == EventKind::TempWrite)
      OS << " [copy made by " << E.CopyKind << "]";
    OS << "\n";
  }
}

} // namespace viewguard
