//===--- PathQueries.cpp - "Can this happen after that?" ------------------===//

#include "PathQueries.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include <deque>

using namespace clang;

namespace viewguard {

PathQueries::PathQueries(const CFG &G, llvm::ArrayRef<const CFGBlock *> Order,
                         const ParentMap &PM, const EventLog &Events)
    : G(G), PM(PM), Events(Events) {
  unsigned N = G.getNumBlockIDs();
  BlockById.assign(N, nullptr);
  for (const CFGBlock *B : G)
    BlockById[B->getBlockID()] = B;
  RPOIndex.assign(N, N);
  for (unsigned I = 0; I < Order.size(); ++I)
    RPOIndex[Order[I]->getBlockID()] = I;
}

bool PathQueries::reaches(unsigned From, unsigned To) const {
  if (!Reach)
    Reach = std::make_unique<CFGReverseBlockReachabilityAnalysis>(G);
  // Clang's analysis answers "by zero or more edges" and never says a block
  // reaches itself; a loop back to the same block goes through a successor.
  for (const CFGBlock *S : BlockById[From]->succs())
    if (S && (S->getBlockID() == To || Reach->isReachable(S, BlockById[To])))
      return true;
  return false;
}

bool PathQueries::sameBlockAfter(const Event &First, const Event &Later) const {
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

bool PathQueries::isWithin(const Stmt *S, const Stmt *Ancestor) const {
  for (; S; S = PM.getParent(S))
    if (S == Ancestor)
      return true;
  return false;
}

const Stmt *PathQueries::sequenceSuccessor(const Stmt *S) const {
  const Stmt *P = PM.getParent(S);
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

bool PathQueries::sequencedBefore(const Stmt *Before, const Stmt *After) const {
  for (const Stmt *S = Before; S; S = PM.getParent(S)) {
    if (S != Before && S == After)
      return true; // a parent is evaluated after its operands
    for (const Stmt *Next = sequenceSuccessor(S); Next;
         Next = sequenceSuccessor(Next))
      if (isWithin(After, Next))
        return true;
  }
  return false;
}

bool PathQueries::after(const Event &First, const Event &Later,
                        const ValueDecl *KilledVar, bool *LoopCarried) const {
  llvm::SmallVector<const Event *, 4> Kills;
  if (KilledVar)
    for (unsigned I : Events.definitionsOf(KilledVar)) {
      const Event &K = Events.all()[I];
      if (&K != &First && &K != &Later)
        Kills.push_back(&K);
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
  if (!reaches(First.Block, Later.Block))
    return false;
  // Leaving First's block: blocked by a kill at or after First in it (a
  // definition in First's own element takes effect after it).
  if (KillBetween(First.Block, int64_t(First.Elem) - 1, BlockEnd))
    return false;
  // Breadth-first over blocks, stopping at blocks that kill. A use is on a
  // next iteration when every path to it goes around a loop that contains
  // it: around a back edge U -> H (an edge to a block not later in reverse
  // post-order) such that the use can get back to U without passing H. A use
  // after a loop is reached through its back edge too (a `for` leaves
  // through its condition), but is not in that loop.
  llvm::DenseMap<std::pair<unsigned, unsigned>, bool> InLoopCache;
  auto InLoopOf = [&](unsigned U, unsigned H) {
    auto [It, New] = InLoopCache.try_emplace({U, H}, false);
    if (!New)
      return It->second;
    bool Found = Later.Block == U || Later.Block == H;
    llvm::BitVector Seen(BlockById.size());
    std::vector<unsigned> Work{Later.Block};
    Seen.set(Later.Block);
    while (!Found && !Work.empty()) {
      unsigned B = Work.back();
      Work.pop_back();
      for (const CFGBlock *S : BlockById[B]->succs()) {
        if (!S || S->getBlockID() == H || Seen.test(S->getBlockID()))
          continue;
        if (S->getBlockID() == U) {
          Found = true;
          break;
        }
        Seen.set(S->getBlockID());
        Work.push_back(S->getBlockID());
      }
    }
    return InLoopCache[{U, H}] = Found;
  };
  auto Search = [&](bool AroundLoops) {
    llvm::BitVector Seen(BlockById.size());
    std::deque<unsigned> Work;
    auto Push = [&](unsigned From, const CFGBlock *S) {
      if (!S)
        return;
      unsigned B = S->getBlockID();
      if (!AroundLoops && RPOIndex[B] <= RPOIndex[From] && InLoopOf(From, B))
        return;
      if (!Seen.test(B)) {
        Seen.set(B);
        Work.push_back(B);
      }
    };
    for (const CFGBlock *S : BlockById[First.Block]->succs())
      Push(First.Block, S);
    while (!Work.empty()) {
      unsigned B = Work.front();
      Work.pop_front();
      if (B == Later.Block && !KillBetween(B, BlockStart, Later.Elem))
        return true;
      if (KillBetween(B, BlockStart, BlockEnd))
        continue;
      for (const CFGBlock *S : BlockById[B]->succs())
        Push(B, S);
    }
    return false;
  };
  if (Search(/*AroundLoops=*/false))
    return true;
  if (!Search(/*AroundLoops=*/true))
    return false;
  if (LoopCarried)
    *LoopCarried = true;
  return true;
}

} // namespace viewguard
