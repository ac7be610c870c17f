//===--- Events.h - What happens to array values, and where ---------------===//
//
// The checks see a function as a list of events: every use of an array
// variable classified once (a read, a write, a possible write, an escape, a
// derivation, a rebinding, ...) with the variable's provenance at that point
// and its position in the CFG. The EventLog holds them with the indices the
// checks' queries need (by storage, by variable, by full expression, and the
// definitions that kill a variable on a path).
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_EVENTS_H
#define VIEWGUARD_ANALYSIS_EVENTS_H

#include "Lattice.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <string>
#include <vector>

namespace viewguard {

enum class EventKind {
  Read,      ///< Element values are used.
  Write,     ///< Elements are written.
  MayWrite,  ///< Passed to an unknown callee that may write it.
  Escape,    ///< Leaves the function (returned, stored, captured).
  Derive,    ///< A variable is (re)defined from an array value.
  Rebind,    ///< A named handle is rebound by assignment.
  Use,       ///< Used to derive another array (neither read nor write).
  Metadata,  ///< Shape, strides or identity only.
  TempWrite, ///< A write to a temporary copy: it has no effect.
  Returned   ///< The function's result (Var is null): for its summary.
};

const char *eventKindName(EventKind K);

/// How a write was spelled, for diagnostics and fix-its.
enum class WriteForm { Assign, Compound, Element, Call };

struct Event {
  EventKind Kind = EventKind::Read;
  /// The variable used (or defined, for Derive/Rebind); may be null for
  /// TempWrite on a copy of an unnamed value.
  const clang::ValueDecl *Var = nullptr;
  /// The expression naming Var (DeclRefExpr/MemberExpr); for Derive the
  /// initializer, for Rebind the assignment.
  const clang::Expr *UseExpr = nullptr;
  /// Writes: the expression that performs the write (the assignment, the
  /// compound assignment, the writing call).
  const clang::Expr *Anchor = nullptr;
  WriteForm Form = WriteForm::Call;
  /// Writes through a constant basic index of the storage's own handle
  /// (`m(1, nd::all) = ...`): the part written.
  Region Part;
  std::string Callee; ///< Writing method, for WriteForm::Call.
  /// The container element the use went through (`rows[k]`), if any.
  const clang::Expr *Element = nullptr;
  Value Val; ///< Provenance of Var here (new value for Derive).
  Value Old; ///< Rebind: the provenance before.
  bool ThroughReturn = false; ///< Escape by a return statement.
  /// TempWrite: the copy expression, its kind, and the call doing the write.
  const clang::Expr *CopyExpr = nullptr;
  std::string CopyKind;
  /// TempWrite: a copy or move assignment to a temporary handle, which
  /// rebinds the temporary (CopyExpr) instead of writing elements.
  bool HeaderAssign = false;
  unsigned Block = 0, Elem = 0;
  /// The outermost expression containing the use: events with the same
  /// FullExpr happen in one expression statement, condition or call.
  const clang::Stmt *FullExpr = nullptr;

  bool isDefinition() const {
    return Kind == EventKind::Derive || Kind == EventKind::Rebind;
  }
};

class EventLog {
public:
  void add(Event E);
  /// Builds the indices; called once, after the last add().
  void index();

  const std::vector<Event> &all() const { return Events; }
  size_t size() const { return Events.size(); }
  /// Indices into all(), ascending: the events whose value refers to \p S;
  /// the events of \p Var; the events of one full expression.
  llvm::ArrayRef<unsigned> on(StorageId S) const;
  llvm::ArrayRef<unsigned> of(const clang::ValueDecl *Var) const;
  llvm::ArrayRef<unsigned> in(const clang::Stmt *FullExpr) const;
  /// The Derive and Rebind events of \p Var (the kills of a path query).
  llvm::ArrayRef<unsigned> definitionsOf(const clang::ValueDecl *Var) const;

private:
  std::vector<Event> Events;
  llvm::DenseMap<StorageId, llvm::SmallVector<unsigned, 8>> ByStorage;
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<unsigned, 8>>
      ByVar;
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 4>>
      ByFullExpr;
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<unsigned, 4>>
      Definitions;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_EVENTS_H
