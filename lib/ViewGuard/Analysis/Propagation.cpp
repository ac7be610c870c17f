//===--- Propagation.cpp - Forward provenance over the CFG, and its events ===//

#include "Propagation.h"
#include "AnalysisLimits.h"
#include "AstHelpers.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"

using namespace clang;

namespace viewguard {

Value Propagation::define(const DefFact &Def, const State &St) {
  Value E = Eval.eval(Def.Init, St);
  Region Part = Eval.regionOf(Def.Init, St);
  // Every ref now comes from this definition: refs that differed only in
  // their origin become one entry (their ancestors merged), or the values
  // of a loop would grow by one entry per round.
  Value V = E;
  V.Refs.clear();
  bool Elements = Eval.isContainer(Def.Init);
  for (Ref R : E.Refs) {
    if (!Elements || !R.Origin)
      R.Origin = Def.Init;
    R.Part = Part;
    Storages.nameHolder(R.S, Def.Var);
    addRef(V, R);
  }
  return V;
}

void Propagation::transfer(const ElementFacts &EF, State &St,
                           DefCallback OnDef) {
  // A variable out of scope cannot be used again: dropping it keeps the
  // state as small as the variables in scope, where block-scoped temporaries
  // would otherwise pile up and be copied into every later block.
  if (EF.ScopeEnd) {
    St.erase(EF.ScopeEnd);
    return;
  }
  for (const DefFact &Def : EF.Defs) {
    if (!Def.Var)
      continue;
    Value V = define(Def, St);
    if (Def.Accumulate)
      V = join(Eval.lookup(Def.Var, St), V);
    if (OnDef)
      OnDef(Def, V, St);
    St[Def.Var] = std::move(V);
  }
}

State Propagation::inputOf(const CFGBlock *B) const {
  State In = B == &G.getEntry() ? Entry : State();
  for (const CFGBlock *P : B->preds())
    if (P && Done.test(P->getBlockID()))
      joinInto(In, Out[P->getBlockID()]);
  return In;
}

bool Propagation::solve(const State &EntryState) {
  Entry = EntryState;
  unsigned N = G.getNumBlockIDs();
  Out.assign(N, State());
  Done.resize(N);
  std::vector<unsigned> Visits(N);
  uint64_t Copies = 0;
  ForwardDataflowWorklist Work(G, &POV);
  Work.enqueueBlock(&G.getEntry());
  while (const CFGBlock *B = Work.dequeue()) {
    unsigned Id = B->getBlockID();
    if (++Visits[Id] > AnalysisLimits::MaxBlockVisitsPerBlock)
      return false;
    State In = inputOf(B);
    for (const CFGBlock *P : B->preds())
      if (P && Done.test(P->getBlockID()))
        Copies += Out[P->getBlockID()].size();
    if (Copies > AnalysisLimits::MaxStateCopies)
      return false;
    for (const ElementFacts &EF : Facts[Id])
      transfer(EF, In);
    if (!Done.test(Id) || !sameState(In, Out[Id])) {
      Out[Id] = std::move(In);
      Done.set(Id);
      Work.enqueueSuccessors(B);
    }
  }
  return true;
}

/// The outermost expression or declaration around \p S: events with the same
/// one happen in one expression statement, condition or call.
static const Stmt *fullExprOf(const Stmt *S, const ParentMap &PM) {
  const Stmt *Root = S;
  for (const Stmt *P = Root ? PM.getParent(Root) : nullptr;
       P && (isa<Expr>(P) || isa<DeclStmt>(P)); P = PM.getParent(P))
    Root = P;
  return Root;
}

bool Propagation::buildEvents(EventLog &Log, const ParentMap &PM,
                              StateObserver Observe) {
  llvm::DenseSet<const Expr *> TempWritesSeen;
  for (const CFGBlock *B : Order) {
    unsigned Id = B->getBlockID();
    State St = inputOf(B);
    unsigned Elem = 0;
    auto Emit = [&](Event E) {
      E.Block = Id;
      E.Elem = Elem;
      E.FullExpr = fullExprOf(E.UseExpr ? E.UseExpr : E.Anchor, PM);
      Log.add(std::move(E));
    };
    for (const ElementFacts &EF : Facts[Id]) {
      if (Observe && EF.S)
        Observe(EF.S, St);
      for (const UseFact &U : EF.Uses) {
        const Fate &F = U.What.resolve(
            [&](const CallExpr *Call) { return Eval.viewOrCopy(Call, St); });
        for (const TempWriteFact &T : F.TempWrites) {
          if (!TempWritesSeen.insert(T.Anchor).second)
            continue;
          Event E;
          E.Kind = EventKind::TempWrite;
          E.Anchor = E.UseExpr = T.Anchor;
          E.Form = T.Form;
          E.Callee = T.Callee;
          E.CopyExpr = T.CopyExpr;
          E.CopyKind = T.CopyKind;
          E.HeaderAssign = T.HeaderAssign;
          E.Var = T.Var;
          Emit(std::move(E));
        }
        Value V = Eval.lookup(U.Var, St);
        auto EmitUse = [&](EventKind K) {
          Event E;
          E.Kind = K;
          E.Var = U.Var;
          E.UseExpr = U.Leaf;
          E.Anchor = K == EventKind::Write ? F.Anchor : U.Leaf;
          E.Form = F.Form;
          E.Callee = F.Callee;
          E.Element = F.Element;
          E.Val = V;
          E.ThroughReturn = F.Return;
          if (K == EventKind::Write)
            if (const auto *WC = dyn_cast_or_null<CallExpr>(F.Anchor)) {
              // `m(1, 0) = v` writes the element it indexes; `m(1, nd::all)
              // .fill(v)` the view its object selects.
              const Expr *Target =
                  F.Form == WriteForm::Element ? WC : objectOf(WC);
              if (Target)
                E.Part = Eval.regionOf(Target, St);
            }
          Emit(std::move(E));
        };
        if (F.Write)
          EmitUse(EventKind::Write);
        if (F.Read)
          EmitUse(EventKind::Read);
        if (F.MayWrite)
          EmitUse(EventKind::MayWrite);
        if (F.Escape)
          EmitUse(EventKind::Escape);
        if (F.Bound)
          EmitUse(EventKind::Use);
        if (F.Metadata && !F.Read && !F.Write && !F.Escape)
          EmitUse(EventKind::Metadata);
      }
      if (EF.Returned) {
        Event E;
        E.Kind = EventKind::Returned;
        E.UseExpr = E.Anchor = EF.Returned;
        E.Val = Eval.eval(EF.Returned, St);
        Emit(std::move(E));
      }
      transfer(EF, St,
               [&](const DefFact &Def, const Value &New, const State &Before) {
                 Event E;
                 E.Kind = Def.IsRebind ? EventKind::Rebind : EventKind::Derive;
                 E.Var = Def.Var;
                 E.UseExpr = Def.Init;
                 E.Anchor = Def.Anchor;
                 E.Val = New;
                 if (Def.IsRebind)
                   E.Old = Eval.lookup(Def.Var, Before);
                 Emit(std::move(E));
               });
      if (Log.size() > AnalysisLimits::MaxEvents)
        return false;
      ++Elem;
    }
  }
  return true;
}

} // namespace viewguard
