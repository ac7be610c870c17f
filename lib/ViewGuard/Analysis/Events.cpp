//===--- Events.cpp - What happens to array values, and where -------------===//

#include "Events.h"

using namespace clang;

namespace viewguard {

const char *eventKindName(EventKind K) {
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
  case EventKind::Returned:
    return "returned";
  }
  return "?";
}

void EventLog::add(Event E) {
  if (E.isDefinition())
    Definitions[E.Var].push_back(static_cast<unsigned>(Events.size()));
  Events.push_back(std::move(E));
}

void EventLog::index() {
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

template <typename Map, typename Key>
static llvm::ArrayRef<unsigned> lookupList(const Map &M, const Key &K) {
  auto It = M.find(K);
  return It == M.end() ? llvm::ArrayRef<unsigned>() : It->second;
}

llvm::ArrayRef<unsigned> EventLog::on(StorageId S) const {
  return lookupList(ByStorage, S);
}
llvm::ArrayRef<unsigned> EventLog::of(const ValueDecl *Var) const {
  return lookupList(ByVar, Var);
}
llvm::ArrayRef<unsigned> EventLog::in(const Stmt *FullExpr) const {
  return lookupList(ByFullExpr, FullExpr);
}
llvm::ArrayRef<unsigned> EventLog::definitionsOf(const ValueDecl *Var) const {
  return lookupList(Definitions, Var);
}

} // namespace viewguard
