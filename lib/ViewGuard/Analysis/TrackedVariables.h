//===--- TrackedVariables.h - Which expressions name an array variable ----===//
//
// The analysis follows array variables: locals, parameters, globals, the
// captured variables of a lambda and the members of `*this`. A reference
// variable bound to one of them (`auto &r = a;`) is that variable. This class
// answers which tracked variable an expression names, and which one a chain
// of views or copies starts from.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_TRACKEDVARIABLES_H
#define VIEWGUARD_ANALYSIS_TRACKEDVARIABLES_H

#include "ApiModel.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

namespace viewguard {

class TrackedVariables {
public:
  /// Collects the reference aliases declared in \p Body (in source order, so
  /// that a reference to a reference resolves to the first variable).
  TrackedVariables(const ApiModel &M, const clang::Stmt *Body);

  /// The array variable, parameter or member of `*this` that \p E names.
  const clang::ValueDecl *named(const clang::Expr *E) const;
  /// The variable an array expression is ultimately derived from through
  /// views or copies (`a(nd::slice(1, 3)).T()` -> `a`), if any.
  const clang::ValueDecl *rootOf(const clang::Expr *E) const;
  /// The array a call described by the model acts on: its object for a
  /// member function, else its first array argument.
  const clang::Expr *sourceArg(const clang::CallExpr *Call,
                               const clang::FunctionDecl *FD) const;
  /// Whether \p VD is a reference bound to a tracked variable.
  bool isAlias(const clang::VarDecl *VD) const { return Aliases.count(VD); }

private:
  void collect(const clang::Stmt *S);

  const ApiModel &M;
  llvm::DenseMap<const clang::VarDecl *, const clang::ValueDecl *> Aliases;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_TRACKEDVARIABLES_H
