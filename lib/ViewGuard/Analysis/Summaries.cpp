//===--- Summaries.cpp - What a function does to its array parameters -----===//

#include "Summaries.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace viewguard {

FunctionSummary FunctionSummary::none(unsigned NumParams) {
  FunctionSummary S;
  S.Reads.assign(NumParams, false);
  S.Writes.assign(NumParams, false);
  S.MayWrites.assign(NumParams, false);
  S.ResultViewOf.assign(NumParams, false);
  S.ResultCopyOf.assign(NumParams, std::string());
  return S;
}

FunctionSummary summarize(const FunctionDecl *FD, const EventLog &Events,
                          llvm::ArrayRef<Storage> Storages,
                          llvm::ArrayRef<const ParmVarDecl *> ArrayParams,
                          llvm::ArrayRef<StorageId> ParamStorage) {
  FunctionSummary S = FunctionSummary::none(FD->getNumParams());
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    const auto *It = llvm::find(ArrayParams, FD->getParamDecl(I));
    if (It == ArrayParams.end())
      continue;
    StorageId Sid = ParamStorage[It - ArrayParams.begin()];
    for (unsigned Index : Events.on(Sid)) {
      const Event &E = Events.all()[Index];
      if (E.isDefinition())
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
  // A returned copy made from a parameter, on every path that returns.
  llvm::SmallVector<int, 4> Returned(FD->getNumParams(), 0);
  unsigned Returns = 0;
  for (const Event &E : Events.all()) {
    if (E.Kind != EventKind::Returned)
      continue;
    ++Returns;
    if (E.Val.Refs.size() != 1 || E.Val.Truncated)
      continue;
    const Storage &St = Storages[E.Val.Refs.front().S];
    if (!St.isCopy() || !St.CopiedFrom)
      continue;
    for (unsigned I = 0; I < FD->getNumParams(); ++I)
      if (St.CopiedFrom == FD->getParamDecl(I) && !S.ResultViewOf[I]) {
        ++Returned[I];
        S.ResultCopyOf[I] = St.CopyKind;
      }
  }
  for (unsigned I = 0; I < FD->getNumParams(); ++I)
    if (Returned[I] != static_cast<int>(Returns))
      S.ResultCopyOf[I].clear();
  return S;
}

} // namespace viewguard
