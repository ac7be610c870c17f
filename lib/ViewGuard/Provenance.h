//===--- Provenance.h - Which array variables share which storage ---------===//
//
// The dataflow all viewguard checks query. For one function body it builds the
// CFG once and computes:
//
//  1. Forward: for every program point, the provenance of each array variable:
//     the storages it refers to (a fresh owner, a parameter, a member, a
//     global, a capture, a copy made from other storages), whether it is the
//     storage's own handle or a view of it, and a static layout (contiguous,
//     strided or unknown) that decides whether a reshape is a view or a copy.
//     Branches merge as "may": a variable may refer to several storages.
//  2. Events: every use of an array variable classified once as a read, a
//     write, a possible write (unknown callee), a derivation, a rebinding or
//     an escape, with the provenance at that point. Writes to temporary copies
//     are events of their own.
//  3. Paths: "after" is answered on the CFG (a read earlier in a loop body is
//     after a write at its bottom), with the redefinitions of a variable as
//     kills, so a check never walks the CFG itself.
//
// Functions too large for the analysis (see AnalysisLimits) are skipped.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_PROVENANCE_H
#define VIEWGUARD_PROVENANCE_H

#include "ApiModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ParentMap;
} // namespace clang

namespace viewguard {

/// Bounds on the work per function: a body with more CFG blocks or more
/// array events than this, or whose forward fixpoint copies more variable
/// states than MaxStateCopies (blocks times variables in scope, summed over
/// the rounds) or does not settle within MaxBlockVisitsPerBlock rounds, is
/// skipped quietly (no diagnostics, no summary). The bounds keep a generated
/// or pathological function from costing more than about a second; a
/// hand-written function of 10,000 statements is analysed (bench/).
struct AnalysisLimits {
  static constexpr unsigned MaxBlocks = 20000;
  static constexpr unsigned MaxEvents = 100000;
  static constexpr uint64_t MaxStateCopies = 20000000;
  static constexpr unsigned MaxBlockVisitsPerBlock = 12;
  static constexpr unsigned MaxRefsPerVariable = 8;
};

using StorageId = unsigned;

/// The part of a storage a view selects, as constant half-open index ranges
/// of its leading axes (`m(1, nd::all)` is rows [1, 2)). Empty: all of it, or
/// not known. Two regions with disjoint ranges on one axis never overlap.
struct Region {
  llvm::SmallVector<std::pair<int64_t, int64_t>, 2> Axes;
  static constexpr int64_t Any = INT64_MIN;
  bool disjointFrom(const Region &O) const;
};

enum class StorageKind {
  Local,         ///< A fresh buffer made in this function.
  ParamByValue,  ///< The caller's array, passed by value (a shared handle).
  ParamConstRef, ///< The caller's array, passed by const reference.
  ParamRef,      ///< The caller's array, passed by non-const reference.
  Member,        ///< A data member of `*this`.
  Global,        ///< A variable with static storage duration.
  Capture,       ///< A variable of an enclosing function, captured by a lambda.
  Copy,          ///< A new buffer copied from other storage.
  Unknown,       ///< Returned by a function the analysis cannot see into.
};

struct Storage {
  StorageKind Kind = StorageKind::Unknown;
  /// The declaration that holds it: the parameter, member, global or captured
  /// variable; for a local or a copy, the variable it was first bound to.
  const clang::ValueDecl *Holder = nullptr;
  /// For a copy: how it was made ("fancy indexing", "explicit", "reshape"...),
  /// the expression that made it, and the variable it was copied from.
  std::string CopyKind;
  const clang::Expr *MadeBy = nullptr;
  const clang::ValueDecl *CopiedFrom = nullptr;

  /// Storage the caller (or the rest of the program) sees after we return.
  bool outlivesFunction() const {
    return Kind == StorageKind::ParamByValue ||
           Kind == StorageKind::ParamConstRef ||
           Kind == StorageKind::ParamRef || Kind == StorageKind::Member ||
           Kind == StorageKind::Global || Kind == StorageKind::Capture;
  }
  bool isCopy() const { return Kind == StorageKind::Copy; }
};

enum class Relation : uint8_t {
  Owner, ///< The variable is the storage's own handle.
  View,  ///< The variable is a view (or a handle copy) of the storage.
};

/// One storage a variable may refer to, and how it got there.
struct Ref {
  StorageId S = 0;
  Relation Rel = Relation::Owner;
  /// The expression that made the variable refer to S (its initializer or
  /// the right-hand side of a rebinding); null for parameters and the like.
  const clang::Expr *Origin = nullptr;
  /// The variables this one was derived from, nearest first.
  llvm::SmallVector<const clang::ValueDecl *, 2> Ancestors;
  /// For a view made by constant basic indexing of the storage's own handle.
  Region Part;

  bool sameEntry(const Ref &O) const {
    return S == O.S && Rel == O.Rel && Origin == O.Origin;
  }
};

enum class Layout : uint8_t { Contiguous, Strided, Unknown };

/// The provenance of an array value: a variable's state or an expression's.
struct Value {
  llvm::SmallVector<Ref, 2> Refs;
  Layout L = Layout::Unknown;
  int NDim = -1; ///< -1: unknown.

  const Ref *find(StorageId S) const;
  bool refersTo(StorageId S) const { return find(S) != nullptr; }
  /// More than one storage: which one depends on the path taken.
  bool isMay() const;
  bool operator==(const Value &O) const;
};

enum class EventKind {
  Read,     ///< Element values are used.
  Write,    ///< Elements are written.
  MayWrite, ///< Passed to an unknown callee that may write it.
  Escape,   ///< Leaves the function (returned, stored, captured).
  Derive,   ///< A variable is (re)defined from an array value.
  Rebind,   ///< A named handle is rebound by assignment.
  Use,      ///< Used to derive another array (neither read nor write).
  Metadata, ///< Shape, strides or identity only.
  TempWrite ///< A write to a temporary copy: it has no effect.
};

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
  Value Val;          ///< Provenance of Var here (new value for Derive).
  Value Old;          ///< Rebind: the provenance before.
  bool ThroughReturn = false; ///< Escape by a return statement.
  /// TempWrite: the copy expression, its kind, and the call doing the write.
  const clang::Expr *CopyExpr = nullptr;
  std::string CopyKind;
  unsigned Block = 0, Elem = 0;
  /// The outermost expression containing the use: events with the same
  /// FullExpr happen in one expression statement, condition or call.
  const clang::Stmt *FullExpr = nullptr;
};

/// Effects of a function defined in this translation unit on its array
/// parameters, used at its call sites.
struct FunctionSummary {
  llvm::SmallVector<bool, 4> Reads, Writes, MayWrites, ResultViewOf;
};

class SummaryProvider {
public:
  virtual ~SummaryProvider() = default;
  /// The summary of \p FD, or null when it has none (no body, a library
  /// function, too large).
  virtual const FunctionSummary *summaryFor(const clang::FunctionDecl *FD) = 0;
};

class FunctionAnalysis {
public:
  /// Analyses \p Body of \p FD (a function or a lambda's call operator).
  /// Returns null when the body is skipped (too large, invalid).
  static std::unique_ptr<FunctionAnalysis> run(const clang::FunctionDecl *FD,
                                               const clang::Stmt *Body,
                                               clang::ASTContext &Ctx,
                                               const ApiModel &Model,
                                               SummaryProvider &Summaries);

  ~FunctionAnalysis();

  const std::vector<Storage> &storages() const { return Storages; }
  const Storage &storage(StorageId S) const { return Storages[S]; }
  const std::vector<Event> &events() const { return Events; }
  const clang::FunctionDecl *function() const { return FD; }
  clang::ASTContext &context() const { return Ctx; }

  /// Whether \p Later can execute after \p First on some CFG path that does
  /// not pass through a definition of \p KilledVar (if given). \p LoopCarried
  /// is set when every such path goes around a loop back edge.
  bool after(const Event &First, const Event &Later,
             const clang::ValueDecl *KilledVar = nullptr,
             bool *LoopCarried = nullptr) const;

  /// Indices into events(), ascending: the events whose value refers to
  /// \p S; the events of \p Var; the events of one full expression.
  llvm::ArrayRef<unsigned> eventsOn(StorageId S) const;
  llvm::ArrayRef<unsigned> eventsOf(const clang::ValueDecl *Var) const;
  llvm::ArrayRef<unsigned> eventsIn(const clang::Stmt *FullExpr) const;

  /// The Derive event that created \p R for \p Var, if any.
  const Event *creationOf(const clang::ValueDecl *Var, const Ref &R) const;

  FunctionSummary summarize() const;

  /// Prints storages and events (set VIEWGUARD_DEBUG=1 to see them).
  void dump(llvm::raw_ostream &OS) const;

private:
  FunctionAnalysis(const clang::FunctionDecl *FD, const clang::Stmt *Body,
                   clang::ASTContext &Ctx);
  bool sameBlockAfter(const Event &First, const Event &Later) const;
  const llvm::BitVector &reachableFrom(unsigned Block) const;
  void indexEvents();
  bool sequencedBefore(const clang::Stmt *Before,
                       const clang::Stmt *After) const;
  const clang::Stmt *sequenceSuccessor(const clang::Stmt *S) const;
  bool isWithin(const clang::Stmt *S, const clang::Stmt *Ancestor) const;

  friend class ProvenanceBuilder;
  const clang::FunctionDecl *FD;
  const clang::Stmt *Body;
  clang::ASTContext &Ctx;
  std::unique_ptr<clang::CFG> Cfg;
  /// Parents of the statements of Body (built once, shared with the
  /// builder).
  std::unique_ptr<clang::ParentMap> Parents;
  std::vector<Storage> Storages;
  std::vector<Event> Events;
  /// Per block: the blocks reachable from it by one or more edges, computed
  /// when first asked (a full matrix is quadratic in the blocks).
  mutable std::vector<llvm::BitVector> Reach;
  mutable llvm::BitVector ReachKnown;
  llvm::DenseMap<StorageId, llvm::SmallVector<unsigned, 8>> ByStorage;
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<unsigned, 8>>
      ByVar;
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<unsigned, 4>>
      ByFullExpr;
  std::vector<unsigned> RPOIndex;
  std::vector<const clang::CFGBlock *> BlockById;
  /// Per variable: indices of its Derive and Rebind events (the kills).
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<unsigned, 4>>
      Definitions;
  std::vector<const clang::ParmVarDecl *> ArrayParams;
  /// The storage of each of ArrayParams, in the same order.
  std::vector<StorageId> ParamStorage;
};

/// The name to show for a variable, parameter or member.
std::string nameOf(const clang::ValueDecl *D);

/// Prints \p V as `S3 view of 'b' <- 'a' | S5 owner (layout strided, ndim
/// 2)`: the storages, owner or view, the variables it came from.
void printValue(llvm::raw_ostream &OS, const Value &V);

} // namespace viewguard

#endif // VIEWGUARD_PROVENANCE_H
