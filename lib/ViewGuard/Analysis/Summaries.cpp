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
  return S;
}

FunctionSummary summarize(const FunctionDecl *FD, const EventLog &Events,
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
  return S;
}

} // namespace viewguard
