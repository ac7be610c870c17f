//===--- Facts.h - The array facts of each CFG element --------------------===//
//
// Before any propagation, every element of the CFG is read once and turned
// into facts: the uses of tracked array variables with their classified
// fates (UseClassifier), the definitions it makes (a variable initialised,
// a handle rebound), and the variable whose scope ends there. Propagation
// applies the definitions; the event builder joins the uses with the states.
// Nothing here depends on a program state.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_FACTS_H
#define VIEWGUARD_ANALYSIS_FACTS_H

#include "UseClassifier.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace viewguard {

/// A tracked variable named in the element, and what happens to it.
struct UseFact {
  const clang::Expr *Leaf = nullptr;
  const clang::ValueDecl *Var = nullptr;
  Fate What;
};

/// A variable (re)defined from an array expression: `auto v = init;` or
/// `v = init;` on a named handle (a rebinding).
struct DefFact {
  const clang::ValueDecl *Var = nullptr;
  const clang::Expr *Init = nullptr;
  /// The initializer, or the assignment for a rebinding.
  const clang::Expr *Anchor = nullptr;
  bool IsRebind = false;
  /// A container gains an element (`rows.push_back(v)`, `rows[k] = v`): the
  /// new value joins the old one instead of replacing it.
  bool Accumulate = false;
};

struct ElementFacts {
  const clang::Stmt *S = nullptr; ///< The element's statement, if any.
  llvm::SmallVector<UseFact, 4> Uses;
  /// Take effect after the uses of the same element.
  llvm::SmallVector<DefFact, 1> Defs;
  /// The array a return statement returns.
  const clang::Expr *Returned = nullptr;
  /// A variable going out of scope (CFGLifetimeEnds).
  const clang::VarDecl *ScopeEnd = nullptr;
};

/// Facts per block (indexed by block id), per element.
using CFGFacts = std::vector<std::vector<ElementFacts>>;

class FactsGenerator {
public:
  FactsGenerator(const ApiModel &M, const TrackedVariables &Vars,
                 UseClassifier &Uses)
      : M(M), Vars(Vars), Uses(Uses) {}

  /// The facts of the elements of \p Blocks (the blocks of \p G the
  /// analysis visits); other blocks get none.
  CFGFacts generate(const clang::CFG &G,
                    llvm::ArrayRef<const clang::CFGBlock *> Blocks);

private:
  ElementFacts factsOf(const clang::CFGElement &El);
  void collect(const clang::Stmt *S, const clang::Stmt *Root,
               llvm::SmallVectorImpl<const clang::Expr *> &Leaves,
               llvm::SmallVectorImpl<const clang::Stmt *> &Defs);

  const ApiModel &M;
  const TrackedVariables &Vars;
  UseClassifier &Uses;
  llvm::DenseSet<const clang::Stmt *> ElementStmts;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_FACTS_H
