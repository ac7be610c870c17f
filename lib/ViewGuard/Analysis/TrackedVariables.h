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
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace viewguard {

/// Whether \p T is a standard container or wrapper of array handles (see
/// TrackedVariables::isContainerType).
bool isContainerOfArrays(clang::QualType T, const ApiModel &M);

/// Drops the member paths made for \p Ctx's translation unit.
void releaseMemberPaths(const clang::ASTContext &Ctx);

class TrackedVariables {
public:
  /// Collects the reference aliases declared in \p Body (in source order, so
  /// that a reference to a reference resolves to the first variable), and the
  /// array members of local objects and parameters that are tracked as
  /// variables of their own.
  TrackedVariables(const ApiModel &M, const clang::FunctionDecl *FD,
                   const clang::Stmt *Body);

  /// The tracked variable standing for the array member \p F of the object
  /// \p Base (`t.px`), if that member path is tracked in this function.
  const clang::ValueDecl *memberPath(const clang::VarDecl *Base,
                                     const clang::FieldDecl *F) const;
  /// For a member path made by memberPath(), the object and the member.
  static std::pair<const clang::VarDecl *, const clang::FieldDecl *>
  pathParts(const clang::ValueDecl *Path);
  /// The member paths of object \p Base, with the members' initializers in
  /// \p Init (an aggregate initializer) when it gives them.
  void forEachMemberInit(
      const clang::VarDecl *Base,
      llvm::function_ref<void(const clang::ValueDecl *, const clang::Expr *)> F)
      const;

  /// The array variable, parameter or member of `*this` that \p E names.
  const clang::ValueDecl *named(const clang::Expr *E) const;
  /// The variable an array expression is ultimately derived from through
  /// views or copies (`a(nd::slice(1, 3)).T()` -> `a`), if any.
  const clang::ValueDecl *rootOf(const clang::Expr *E) const;
  /// The array a call described by the model acts on: its object for a
  /// member function, else its first array argument.
  const clang::Expr *sourceArg(const clang::CallExpr *Call,
                               const clang::FunctionDecl *FD) const;
  /// The array a constructor described by the model acts on: its first
  /// array argument (`cv::Mat(m, roi)`).
  const clang::Expr *sourceArg(const clang::CXXConstructExpr *CE,
                               const clang::FunctionDecl *Ctor) const;
  /// Whether \p T is a standard container or wrapper of array handles
  /// (`std::vector<nd::array<T>>`, `std::array`, `std::deque`, `std::pair`,
  /// `std::tuple`, `std::optional`...): a variable of such a type is tracked
  /// with the may-set of the storages its elements refer to.
  bool isContainerType(clang::QualType T) const;
  /// The tracked container \p E names, if any.
  const clang::ValueDecl *namedContainer(const clang::Expr *E) const;
  /// For an element access (`rows[k]`, `rows.at(k)`, `rows.front()`,
  /// `*opt`, `std::get<0>(p)`): the expression of the container it reads.
  const clang::Expr *containerOf(const clang::CallExpr *Call) const;
  /// The range a range-for loop variable iterates over, when it is a
  /// tracked container.
  const clang::Expr *rangeOf(const clang::VarDecl *LoopVar) const {
    return Ranges.lookup(LoopVar);
  }
  /// Whether \p VD is a reference bound to a tracked variable.
  bool isAlias(const clang::VarDecl *VD) const { return Aliases.count(VD); }

private:
  void collect(const clang::Stmt *S);
  /// Finds `obj.member` paths of array members, and the objects used any
  /// other way (passed, assigned, copied, a method called, captured by a
  /// lambda): those could change their members unseen and are not tracked.
  void scanObjects(const clang::Stmt *S, const clang::Stmt *Parent,
                   bool InLambda);

  const ApiModel &M;
  const clang::FunctionDecl *FD;
  llvm::DenseMap<const clang::VarDecl *, const clang::ValueDecl *> Aliases;
  llvm::DenseMap<std::pair<const clang::VarDecl *, const clang::FieldDecl *>,
                 const clang::ValueDecl *>
      Paths;
  llvm::DenseSet<const clang::VarDecl *> Disqualified;
  llvm::DenseMap<const clang::VarDecl *, const clang::Expr *> Ranges;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_TRACKEDVARIABLES_H
