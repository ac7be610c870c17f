//===--- Storage.cpp - The buffers array variables refer to ---------------===//

#include "Storage.h"
#include "TrackedVariables.h"

using namespace clang;

namespace viewguard {

const char *storageKindName(StorageKind K) {
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

bool outlivesFunction(StorageKind K) {
  switch (K) {
  case StorageKind::ParamByValue:
  case StorageKind::ParamConstRef:
  case StorageKind::ParamRef:
  case StorageKind::Member:
  case StorageKind::Global:
  case StorageKind::Capture:
    return true;
  default:
    return false;
  }
}

StorageKind storageKindOfDecl(const ValueDecl *D, const FunctionDecl *FD) {
  // A member of an object (`t.px`) is the caller's when the object is.
  if (auto [Base, Field] = TrackedVariables::pathParts(D); Base) {
    StorageKind K = storageKindOfDecl(Base, FD);
    return outlivesFunction(K) ? K : StorageKind::Unknown;
  }
  if (const auto *P = dyn_cast<ParmVarDecl>(D)) {
    if (P->getParentFunctionOrMethod() != FD)
      return StorageKind::Capture; // an enclosing function's parameter
    QualType T = P->getType();
    if (T->isLValueReferenceType())
      return T.getNonReferenceType().isConstQualified()
                 ? StorageKind::ParamConstRef
                 : StorageKind::ParamRef;
    // A pointer parameter points at the caller's elements (viewed by
    // `Eigen::Map`, `xt::adapt`): an output unless it points to const.
    if (T->isPointerType())
      return T->getPointeeType().isConstQualified() ? StorageKind::ParamConstRef
                                                    : StorageKind::ParamRef;
    return StorageKind::ParamByValue;
  }
  if (isa<FieldDecl>(D))
    return StorageKind::Member;
  if (const auto *V = dyn_cast<VarDecl>(D)) {
    if (V->hasGlobalStorage())
      return StorageKind::Global;
    if (V->getParentFunctionOrMethod() != FD)
      return StorageKind::Capture;
  }
  return StorageKind::Unknown;
}

StorageId StorageTable::add(Storage S) {
  All.push_back(std::move(S));
  return static_cast<StorageId>(All.size() - 1);
}

StorageId StorageTable::forDecl(const ValueDecl *D) {
  auto It = ByDecl.find(D);
  if (It != ByDecl.end())
    return It->second;
  Storage S;
  S.Holder = D;
  S.Kind = storageKindOfDecl(D, FD);
  StorageId Id = add(std::move(S));
  ByDecl[D] = Id;
  return Id;
}

StorageId StorageTable::forExpr(const Expr *E, StorageKind K) {
  auto It = ByExpr.find(E);
  if (It != ByExpr.end())
    return It->second;
  Storage S;
  S.Kind = K;
  S.MadeBy = E;
  StorageId Id = add(std::move(S));
  ByExpr[E] = Id;
  return Id;
}

StorageId StorageTable::copyMadeBy(const Expr *E, llvm::StringRef How,
                                   const ValueDecl *From) {
  auto It = ByExpr.find(E);
  if (It != ByExpr.end())
    return It->second;
  StorageId Id = forExpr(E, StorageKind::Copy);
  All[Id].CopyKind = How.str();
  All[Id].CopiedFrom = From;
  return Id;
}

void StorageTable::nameHolder(StorageId S, const ValueDecl *D) {
  Storage &St = All[S];
  if ((St.Kind == StorageKind::Local || St.Kind == StorageKind::Copy) &&
      !St.Holder)
    St.Holder = D;
}

} // namespace viewguard
