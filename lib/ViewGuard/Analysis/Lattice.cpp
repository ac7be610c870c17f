//===--- Lattice.cpp - The provenance of an array value -------------------===//

#include "Lattice.h"
#include "AnalysisLimits.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace viewguard {

std::string nameOf(const ValueDecl *D) {
  return D ? D->getNameAsString() : std::string("<temporary>");
}

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
  if (Truncated)
    return true;
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
  if (L != O.L || NDim != O.NDim || Geo != O.Geo || Truncated != O.Truncated ||
      Refs.size() != O.Refs.size())
    return false;
  for (size_t I = 0; I < Refs.size(); ++I)
    if (!Refs[I].sameEntry(O.Refs[I]) ||
        Refs[I].Ancestors != O.Refs[I].Ancestors)
      return false;
  return true;
}

void addRef(Value &V, const Ref &R) {
  for (Ref &Existing : V.Refs)
    if (Existing.sameEntry(R)) {
      for (const ValueDecl *A : R.Ancestors)
        if (!llvm::is_contained(Existing.Ancestors, A))
          Existing.Ancestors.push_back(A);
      return;
    }
  if (V.Refs.size() >= AnalysisLimits::MaxRefsPerVariable) {
    V.Truncated = true;
    return;
  }
  V.Refs.insert(llvm::upper_bound(V.Refs, R, refLess), R);
}

Value join(const Value &A, const Value &B) {
  Value V = A;
  for (const Ref &R : B.Refs)
    addRef(V, R);
  if (A.L != B.L)
    V.L = Layout::Unknown;
  if (A.NDim != B.NDim)
    V.NDim = -1;
  if (A.Geo != B.Geo)
    V.Geo.reset();
  V.Truncated |= B.Truncated;
  return V;
}

Value asView(Value V) {
  for (Ref &R : V.Refs)
    R.Rel = Relation::View;
  return V;
}

bool sameState(const State &A, const State &B) {
  if (A.size() != B.size())
    return false;
  for (const auto &[D, V] : A) {
    auto It = B.find(D);
    if (It == B.end() || !(It->second == V))
      return false;
  }
  return true;
}

void joinInto(State &Into, const State &From) {
  for (const auto &[D, V] : From) {
    auto It = Into.find(D);
    if (It == Into.end())
      Into[D] = V;
    else
      It->second = join(It->second, V);
  }
}

const char *layoutName(Layout L) {
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

/// `S3 view of 'b' <- 'a' region[1,3)`: one ref, readable.
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
  if (V.Truncated)
    OS << " | more (refs dropped)";
  OS << " (layout " << layoutName(V.L) << ", ndim ";
  if (V.NDim < 0)
    OS << "?";
  else
    OS << V.NDim;
  if (V.Geo) {
    OS << ", shape";
    for (int64_t D : V.Geo->Shape)
      OS << " " << D;
    OS << ", strides";
    for (int64_t D : V.Geo->Strides)
      OS << " " << D;
  }
  OS << ")";
}

} // namespace viewguard
