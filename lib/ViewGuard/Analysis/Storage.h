//===--- Storage.h - The buffers array variables refer to -----------------===//
//
// A storage is one buffer as the analysis sees it: made in this function (an
// owner, a copy), or held by something that outlives it (a parameter, a
// member, a global, a capture), or returned by a call it cannot see into. The
// StorageTable numbers them for one function; a storage is made once per
// declaration or per expression, so evaluating an expression again (as the
// fixpoint does) finds the same storage.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_STORAGE_H
#define VIEWGUARD_ANALYSIS_STORAGE_H

#include "Lattice.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include <string>
#include <vector>

namespace viewguard {

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

const char *storageKindName(StorageKind K);

/// The one rule for "the rest of the program sees this storage after the
/// function returns": parameters, members, globals and the variables of an
/// enclosing function a lambda uses.
bool outlivesFunction(StorageKind K);

/// The kind of storage the declaration \p D holds when it is used in the
/// body of \p FD (a parameter of FD, a member, a global, a capture), or
/// StorageKind::Unknown for a local variable of FD.
StorageKind storageKindOfDecl(const clang::ValueDecl *D,
                              const clang::FunctionDecl *FD);

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

  bool outlivesFunction() const { return viewguard::outlivesFunction(Kind); }
  bool isCopy() const { return Kind == StorageKind::Copy; }
};

class StorageTable {
public:
  explicit StorageTable(const clang::FunctionDecl *FD) : FD(FD) {}

  /// The storage a declaration holds on entry (a parameter, a member, a
  /// global, a capture; a local variable read before any definition the
  /// analysis saw gets an unknown one).
  StorageId forDecl(const clang::ValueDecl *D);
  /// The storage the expression \p E makes, of kind \p K when first made.
  StorageId forExpr(const clang::Expr *E, StorageKind K);
  /// A copy made by \p E from \p From, \p How naming the derivation.
  StorageId copyMadeBy(const clang::Expr *E, llvm::StringRef How,
                       const clang::ValueDecl *From);
  /// Names the variable a fresh buffer or copy was first bound to (the first
  /// definition wins, so that this is monotone across fixpoint rounds).
  void nameHolder(StorageId S, const clang::ValueDecl *D);

  const Storage &operator[](StorageId S) const { return All[S]; }
  const std::vector<Storage> &all() const { return All; }
  std::vector<Storage> release() { return std::move(All); }

private:
  StorageId add(Storage S);

  const clang::FunctionDecl *FD;
  std::vector<Storage> All;
  llvm::DenseMap<const clang::ValueDecl *, StorageId> ByDecl;
  llvm::DenseMap<const clang::Expr *, StorageId> ByExpr;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_STORAGE_H
