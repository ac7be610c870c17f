//===--- Lattice.h - The provenance of an array value ---------------------===//
//
// The abstract values of the dataflow. A Value is the set of storages an
// array variable (or expression) may refer to, each as a Ref: the storage, the
// relation (the storage's own handle or a view of it), where the reference was
// made and from which variables, and the part of the storage a constant basic
// index selects. Branches join as "may" (more than one storage). A State maps
// the array variables in scope to their Values.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_LATTICE_H
#define VIEWGUARD_ANALYSIS_LATTICE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

namespace viewguard {

using StorageId = unsigned;

/// The part of a storage a view selects, as constant half-open index ranges
/// of its leading axes (`m(1, nd::all)` is rows [1, 2)). Empty: all of it, or
/// not known. Two regions with disjoint ranges on one axis never overlap.
struct Region {
  llvm::SmallVector<std::pair<int64_t, int64_t>, 2> Axes;
  static constexpr int64_t Any = INT64_MIN;
  bool disjointFrom(const Region &O) const;
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

/// The static memory layout of an array value, as far as it is known: a
/// C-contiguous array, a strided one (some basic index or permutation made
/// it non-contiguous), or not known.
enum class Layout : uint8_t { Contiguous, Strided, Unknown };

/// The shape and the strides (in elements) of an array value, when every
/// extent and index that made it is a constant: enough to decide NumPy's
/// reshape and ravel exactly.
struct Geometry {
  llvm::SmallVector<int64_t, 4> Shape, Strides;
  bool operator==(const Geometry &O) const {
    return Shape == O.Shape && Strides == O.Strides;
  }
};

/// The provenance of an array value: a variable's state or an expression's.
struct Value {
  llvm::SmallVector<Ref, 2> Refs;
  Layout L = Layout::Unknown;
  int NDim = -1;               ///< -1: unknown.
  std::optional<Geometry> Geo; ///< Known only for constant shapes.
  /// More storages than AnalysisLimits::MaxRefsPerVariable were joined: the
  /// value may refer to storages not in Refs, and nothing about it is
  /// definite.
  bool Truncated = false;

  const Ref *find(StorageId S) const;
  bool refersTo(StorageId S) const { return find(S) != nullptr; }
  /// More than one storage: which one depends on the path taken.
  bool isMay() const;
  bool operator==(const Value &O) const;
};

/// Adds \p R to \p V, keeping the refs sorted and merging ancestors of equal
/// entries, so that equal states compare equal and joins are monotone.
void addRef(Value &V, const Ref &R);
/// The least upper bound: every ref of both; the layout and rank where they
/// agree.
Value join(const Value &A, const Value &B);
/// Every ref a view: what a new handle or a slice of \p V refers to.
Value asView(Value V);

/// The provenance of the array variables in scope at one program point.
using State = llvm::DenseMap<const clang::ValueDecl *, Value>;
bool sameState(const State &A, const State &B);
void joinInto(State &Into, const State &From);

/// The name to show for a variable, parameter or member.
std::string nameOf(const clang::ValueDecl *D);
const char *layoutName(Layout L);
/// Prints \p V as `S3 view of 'b' <- 'a' | S5 owner (layout strided, ndim
/// 2)`: the storages, owner or view, the variables it came from.
void printValue(llvm::raw_ostream &OS, const Value &V);

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_LATTICE_H
