//===--- LayoutRules.cpp - What indexing, permuting and reshaping do ------===//

#include "LayoutRules.h"
#include "AstHelpers.h"
#include "clang/AST/ExprCXX.h"
#include <numeric>

using namespace clang;

namespace viewguard {

bool isCContiguous(const Geometry &G) {
  for (int64_t D : G.Shape)
    if (D == 0)
      return true;
  int64_t Expected = 1;
  for (size_t I = G.Shape.size(); I-- > 0;) {
    if (G.Shape[I] == 1)
      continue;
    if (G.Strides[I] != Expected)
      return false;
    Expected *= G.Shape[I];
  }
  return true;
}

static llvm::SmallVector<int64_t, 4> cStrides(llvm::ArrayRef<int64_t> Shape) {
  llvm::SmallVector<int64_t, 4> St(Shape.size(), 1);
  int64_t S = 1;
  for (size_t I = Shape.size(); I-- > 0;) {
    St[I] = S;
    S *= std::max<int64_t>(Shape[I], 1);
  }
  return St;
}

static int64_t sizeOf(llvm::ArrayRef<int64_t> Shape) {
  int64_t N = 1;
  for (int64_t D : Shape)
    N *= D;
  return N;
}

std::optional<llvm::SmallVector<int64_t, 4>>
attemptNoCopyReshape(const Geometry &From, llvm::ArrayRef<int64_t> NewShape) {
  llvm::SmallVector<int64_t, 4> OldDims, OldStrides;
  for (size_t I = 0; I < From.Shape.size(); ++I)
    if (From.Shape[I] != 1) {
      OldDims.push_back(From.Shape[I]);
      OldStrides.push_back(From.Strides[I]);
    }
  const size_t OldN = OldDims.size(), NewN = NewShape.size();
  llvm::SmallVector<int64_t, 4> NewStrides(NewN, 0);
  size_t Oi = 0, Oj = 1, Ni = 0, Nj = 1;
  while (Ni < NewN && Oi < OldN) {
    int64_t Np = NewShape[Ni], Op = OldDims[Oi];
    while (Np != Op) {
      if (Np < Op) {
        if (Nj >= NewN)
          return std::nullopt;
        Np *= NewShape[Nj++];
      } else {
        if (Oj >= OldN)
          return std::nullopt;
        Op *= OldDims[Oj++];
      }
    }
    for (size_t Ok = Oi; Ok + 1 < Oj; ++Ok)
      if (OldStrides[Ok] != OldDims[Ok + 1] * OldStrides[Ok + 1])
        return std::nullopt;
    NewStrides[Nj - 1] = OldStrides[Oj - 1];
    for (size_t Nk = Nj - 1; Nk > Ni; --Nk)
      NewStrides[Nk - 1] = NewStrides[Nk] * NewShape[Nk];
    Ni = Nj++;
    Oi = Oj++;
  }
  int64_t Last = Ni >= 1 ? NewStrides[Ni - 1] : 1;
  for (size_t Nk = Ni; Nk < NewN; ++Nk)
    NewStrides[Nk] = Last;
  return NewStrides;
}

/// Sets the layout of \p Out from its geometry.
static void fromGeometry(Value &Out, Geometry G) {
  Out.NDim = static_cast<int>(G.Shape.size());
  Out.L = isCContiguous(G) ? Layout::Contiguous : Layout::Strided;
  Out.Geo = std::move(G);
}

/// A list of constant extents such as `{2, 3}`; nothing otherwise.
static std::optional<llvm::SmallVector<int64_t, 4>>
constantList(const Expr *E, ASTContext &Ctx) {
  for (int Guard = 0; E && Guard < 16; ++Guard) {
    E = strip(E);
    if (const auto *CE = dyn_cast<CXXConstructExpr>(E)) {
      if (CE->getNumArgs() == 0 && CE->isListInitialization())
        return llvm::SmallVector<int64_t, 4>();
      if (CE->getNumArgs() < 1)
        return std::nullopt;
      E = CE->getArg(0);
      continue;
    }
    if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(E)) {
      E = SIL->getSubExpr();
      continue;
    }
    const auto *IL = dyn_cast<InitListExpr>(E);
    if (!IL)
      return std::nullopt;
    llvm::SmallVector<int64_t, 4> Out;
    for (const Expr *Init : IL->inits()) {
      auto C = constantInt(Init, Ctx);
      if (!C)
        return std::nullopt;
      Out.push_back(*C);
    }
    return Out;
  }
  return std::nullopt;
}

void LayoutRules::ofFactory(const CallExpr *Call, Value &Out) const {
  Out.L = Layout::Contiguous;
  Out.NDim = 1;
  for (const Expr *Arg : paramArgs(Call))
    if (!Arg->getType()->isArithmeticType()) {
      Out.NDim = bracedLength(Arg);
      if (auto Shape = constantList(Arg, Ctx); Shape && !Shape->empty()) {
        bool Valid = llvm::all_of(*Shape, [](int64_t D) { return D >= 0; });
        if (Valid)
          fromGeometry(Out, Geometry{*Shape, cStrides(*Shape)});
      }
      break;
    }
}

struct LayoutRules::SliceArgs {
  bool Parsed = false;
  bool Constant = false; ///< Start, Stop and Step are constants or None.
  std::optional<int64_t> Start, Stop, Step; ///< Nothing: None (or unknown).
  bool StepKnown = false;
  bool Full = false; ///< `[:]` or `[::step]`.
};

LayoutRules::SliceArgs LayoutRules::sliceArgs(const Expr *Arg) const {
  SliceArgs S;
  const auto *CE = dyn_cast<CXXConstructExpr>(strip(Arg));
  if (!CE)
    return S;
  S.Parsed = true;
  llvm::SmallVector<const Expr *, 3> Parts;
  for (const Expr *P : CE->arguments())
    if (!isa<CXXDefaultArgExpr>(P))
      Parts.push_back(P);
  auto IsNone = [&](const Expr *P) {
    return M.indexKindOf(P->getType()) == IndexKind::Placeholder ||
           strip(P)->getType()->isNullPtrType();
  };
  S.Constant = true;
  auto Bound = [&](const Expr *P, std::optional<int64_t> &Out) {
    if (IsNone(P))
      return;
    Out = constantInt(P, Ctx);
    if (!Out)
      S.Constant = false;
  };
  const Expr *StartE = nullptr, *StopE = nullptr, *StepE = nullptr;
  if (Parts.size() == 1) {
    StopE = Parts[0];
  } else if (Parts.size() >= 2) {
    StartE = Parts[0];
    StopE = Parts[1];
    if (Parts.size() >= 3)
      StepE = Parts[2];
  }
  if (StartE)
    Bound(StartE, S.Start);
  if (StopE)
    Bound(StopE, S.Stop);
  S.Full = (!StartE || IsNone(StartE)) && (!StopE || IsNone(StopE));
  if (!StepE || IsNone(StepE)) {
    S.Step = 1;
    S.StepKnown = true;
  } else {
    S.Step = constantInt(StepE, Ctx);
    S.StepKnown = S.Step.has_value();
    if (!S.StepKnown)
      S.Constant = false;
  }
  if (S.StepKnown && *S.Step == 0)
    S.Constant = S.StepKnown = false; // the library throws
  return S;
}

/// Python's slice.indices(): the length of `[start:stop:step]` of an axis of
/// length \p Len.
static int64_t sliceLength(std::optional<int64_t> Start,
                           std::optional<int64_t> Stop, int64_t Step,
                           int64_t Len) {
  auto Adjust = [&](std::optional<int64_t> V, int64_t IfNone) {
    if (!V)
      return IfNone;
    int64_t X = *V;
    if (X < 0) {
      X += Len;
      if (X < 0)
        X = Step < 0 ? -1 : 0;
    } else if (X >= Len) {
      X = Step < 0 ? Len - 1 : Len;
    }
    return X;
  };
  int64_t B = Adjust(Start, Step < 0 ? Len - 1 : 0);
  int64_t E = Adjust(Stop, Step < 0 ? -1 : Len);
  if (Step < 0)
    return E < B ? (B - E - 1) / (-Step) + 1 : 0;
  return B < E ? (E - B - 1) / Step + 1 : 0;
}

/// Basic indexing keeps a C-contiguous array contiguous when it only fixes
/// leading axes, then takes one step-1 range, then whole axes. With a known
/// geometry the result's shape and strides are computed instead.
void LayoutRules::afterIndexing(const Value &Src, const CallExpr *Call,
                                Value &Out) const {
  int Ints = 0, NewAxes = 0;
  bool SeenRange = false, Contiguous = Src.L == Layout::Contiguous,
       Known = Src.L != Layout::Unknown;
  std::optional<Geometry> G;
  if (Src.Geo)
    G.emplace();
  size_t Axis = 0;
  auto TakeAxis = [&](bool Keep, int64_t Len, int64_t Step) {
    if (!G)
      return;
    if (Axis >= Src.Geo->Shape.size()) {
      G.reset(); // more indices than axes: the library throws
      return;
    }
    if (Keep) {
      G->Shape.push_back(Len);
      G->Strides.push_back(Src.Geo->Strides[Axis] * Step);
    }
    ++Axis;
  };
  for (const Expr *Arg : paramArgs(Call)) {
    switch (M.indexKindOf(Arg->getType())) {
    case IndexKind::Integer:
      ++Ints;
      if (SeenRange)
        Contiguous = false;
      TakeAxis(false, 0, 1);
      break;
    case IndexKind::NewAxis:
      ++NewAxes;
      if (G) {
        G->Shape.push_back(1);
        G->Strides.push_back(0);
      }
      break;
    case IndexKind::All:
      SeenRange = true;
      if (G && Axis < Src.Geo->Shape.size())
        TakeAxis(true, Src.Geo->Shape[Axis], 1);
      else
        G.reset();
      break;
    case IndexKind::Slice: {
      SliceArgs S = sliceArgs(Arg);
      if (!S.Parsed || !S.StepKnown) {
        Known = false;
        G.reset();
        break;
      }
      if (*S.Step != 1 || (SeenRange && !S.Full))
        Contiguous = false;
      SeenRange = true;
      if (G && S.Constant && Axis < Src.Geo->Shape.size())
        TakeAxis(true,
                 sliceLength(S.Start, S.Stop, *S.Step, Src.Geo->Shape[Axis]),
                 *S.Step);
      else
        G.reset();
      break;
    }
    default:
      Known = false;
      G.reset();
      break;
    }
  }
  if (G) {
    for (; Axis < Src.Geo->Shape.size(); ++Axis) {
      G->Shape.push_back(Src.Geo->Shape[Axis]);
      G->Strides.push_back(Src.Geo->Strides[Axis]);
    }
    fromGeometry(Out, std::move(*G));
    return;
  }
  Out.Geo.reset();
  Out.NDim = Src.NDim >= 0 ? Src.NDim - Ints + NewAxes : -1;
  if (Src.L == Layout::Contiguous && Known)
    Out.L = Contiguous ? Layout::Contiguous : Layout::Strided;
  else
    Out.L = Layout::Unknown;
}

void LayoutRules::afterPermute(const Value &Src, const CallExpr *Call,
                               Value &Out) const {
  auto Args = paramArgs(Call);
  if (Src.Geo) {
    Geometry G = *Src.Geo;
    bool Done = false;
    if (Args.empty()) {
      std::reverse(G.Shape.begin(), G.Shape.end());
      std::reverse(G.Strides.begin(), G.Strides.end());
      Done = true;
    } else if (Args.size() == 2) {
      auto I = constantInt(Args[0], Ctx), J = constantInt(Args[1], Ctx);
      int64_t N = static_cast<int64_t>(G.Shape.size());
      if (I && J) {
        int64_t A = *I < 0 ? *I + N : *I, B = *J < 0 ? *J + N : *J;
        if (A >= 0 && A < N && B >= 0 && B < N) {
          std::swap(G.Shape[A], G.Shape[B]);
          std::swap(G.Strides[A], G.Strides[B]);
          Done = true;
        }
      }
    }
    if (Done) {
      fromGeometry(Out, std::move(G));
      return;
    }
  }
  Out.Geo.reset();
  Out.NDim = Src.NDim;
  if (Src.NDim == 1 || Src.NDim == 0)
    Out.L = Src.L;
  else if (Src.NDim >= 2 && Src.L == Layout::Contiguous)
    Out.L = Layout::Strided;
  else
    Out.L = Layout::Unknown;
}

int LayoutRules::requestedRank(const CallExpr *Call) const {
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

std::optional<llvm::SmallVector<int64_t, 4>>
LayoutRules::requestedShape(const CallExpr *Call, int64_t Size) const {
  auto Args = paramArgs(Call);
  std::optional<llvm::SmallVector<int64_t, 4>> Shape;
  if (Args.empty())
    Shape = llvm::SmallVector<int64_t, 4>{-1};
  else if (Args.size() == 1 &&
           !Args[0]->getType()->isIntegralOrUnscopedEnumerationType())
    Shape = constantList(Args[0], Ctx);
  else {
    Shape.emplace();
    for (const Expr *Arg : Args) {
      auto C = constantInt(Arg, Ctx);
      if (!C)
        return std::nullopt;
      Shape->push_back(*C);
    }
  }
  if (!Shape)
    return std::nullopt;
  int Unknown = -1;
  int64_t Known = 1;
  for (size_t I = 0; I < Shape->size(); ++I) {
    if ((*Shape)[I] < 0) {
      if (Unknown >= 0)
        return std::nullopt; // the library throws
      Unknown = static_cast<int>(I);
    } else {
      Known *= (*Shape)[I];
    }
  }
  if (Unknown >= 0) {
    if (Size < 0 || Known == 0 || Size % Known != 0)
      return std::nullopt;
    (*Shape)[Unknown] = Size / Known;
  } else if (Size >= 0 && Known != Size) {
    return std::nullopt; // the library throws
  }
  return Shape;
}

std::optional<bool> LayoutRules::reshapeIsView(const Value &Src,
                                               const CallExpr *Call,
                                               Value &Out) const {
  bool Ravel = paramArgs(Call).empty();
  Out.Geo.reset();
  Out.NDim = requestedRank(Call);
  if (Src.Geo) {
    const Geometry &G = *Src.Geo;
    auto NewShape = requestedShape(Call, sizeOf(G.Shape));
    bool Contiguous = isCContiguous(G);
    if (NewShape) {
      std::optional<llvm::SmallVector<int64_t, 4>> Strides;
      if (Ravel ? Contiguous : (*NewShape == G.Shape || Contiguous))
        Strides = Contiguous ? cStrides(*NewShape)
                             : llvm::SmallVector<int64_t, 4>(G.Strides);
      else if (!Ravel)
        Strides = attemptNoCopyReshape(G, *NewShape);
      if (Strides) {
        fromGeometry(Out, Geometry{*NewShape, *Strides});
        return true;
      }
      fromGeometry(Out, Geometry{*NewShape, cStrides(*NewShape)});
      return false;
    }
    if (Contiguous) {
      Out.L = Layout::Contiguous;
      return true;
    }
    if (Ravel) {
      Out.L = Layout::Contiguous;
      return false;
    }
    Out.L = Layout::Unknown;
    return std::nullopt;
  }
  // Without the shape only a C-contiguous source is proved to give a view:
  // a strided one may still reshape without a copy (a step-2 slice into two
  // rows), and an axis of length 1 may make it contiguous after all.
  // A 1-D array splits into any shape without a copy, whatever its stride
  // (NumPy's no-copy reshape has a single old axis to split).
  if (Src.L == Layout::Contiguous ||
      (!Ravel && Src.NDim >= 0 && Src.NDim <= 1)) {
    Out.L = Src.L == Layout::Contiguous ? Layout::Contiguous : Layout::Unknown;
    if (Out.L == Layout::Unknown)
      return true;
    if (auto NewShape = requestedShape(Call, -1);
        NewShape && llvm::all_of(*NewShape, [](int64_t D) { return D >= 0; }))
      fromGeometry(Out, Geometry{*NewShape, cStrides(*NewShape)});
    return true;
  }
  Out.L = Layout::Unknown;
  return std::nullopt;
}

Region LayoutRules::regionOf(const CallExpr *Call, const Value &Object) const {
  Region R;
  if (Object.Refs.size() != 1 || Object.Refs.front().Rel != Relation::Owner)
    return R; // only indices relative to the whole storage are comparable
  for (const Expr *Arg : paramArgs(Call)) {
    std::pair<int64_t, int64_t> Range{Region::Any, Region::Any};
    switch (M.indexKindOf(Arg->getType())) {
    case IndexKind::Integer:
      if (auto C = constantInt(Arg, Ctx); C && *C >= 0)
        Range = {*C, *C + 1};
      break;
    case IndexKind::Slice: {
      SliceArgs S = sliceArgs(Arg);
      if (S.Constant && S.StepKnown && *S.Step == 1 && S.Start && S.Stop &&
          *S.Start >= 0 && *S.Stop >= *S.Start)
        Range = {*S.Start, *S.Stop};
      break;
    }
    case IndexKind::NewAxis:
      continue; // adds an axis of the view, not of the storage
    default:
      break;
    }
    R.Axes.push_back(Range);
  }
  return R;
}

} // namespace viewguard
