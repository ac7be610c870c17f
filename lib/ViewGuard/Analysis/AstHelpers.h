//===--- AstHelpers.h - Small questions about Clang expressions -----------===//
//
// The analysis asks the same few questions of the AST everywhere: what an
// expression denotes once the wrappers that do not change it are removed,
// which object and which arguments a call has, whether an operator assigns,
// whether an assignment rebinds an array handle. Each has one answer, here.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_ASTHELPERS_H
#define VIEWGUARD_ANALYSIS_ASTHELPERS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ArrayRef.h"
#include <optional>

namespace viewguard {

class ApiModel;

/// `std::move(x)` and `std::forward<T>(x)` denote `x`.
bool isStdMove(const clang::CallExpr *Call);

/// Strips the wrappers that do not change which array an expression denotes:
/// implicit casts, parentheses, temporaries, full-expressions, functional
/// casts, `std::move`/`std::forward`; with \p HandleCopies also the copy or
/// move constructor of a handle (`auto b = a;` initializes `b` from `a`).
const clang::Expr *strip(const clang::Expr *E, bool HandleCopies = false);

/// Whether \p P, a parent in the AST, is one of the wrappers strip() removes
/// (without handle copies).
bool isTransparentParent(const clang::Stmt *P);

/// `+=`, `-=`, `<<=` and the other compound assignments.
bool isCompoundAssign(clang::OverloadedOperatorKind K);

/// The object expression of a member call or member operator call.
const clang::Expr *objectOf(const clang::CallExpr *Call);

/// The arguments of \p Call that correspond to the callee's parameters (a
/// member operator call's first argument is its object).
llvm::ArrayRef<const clang::Expr *> paramArgs(const clang::CallExpr *Call);

/// Whether \p MD is the copy or move assignment of an array handle class:
/// `named = other` rebinds the handle `named`, it writes no element.
bool isHandleAssignment(const clang::CXXMethodDecl *MD, const ApiModel &M);
/// The same question of a call: `x = y` with a handle assignment operator.
bool isHandleAssignment(const clang::CallExpr *Call, const ApiModel &M);

/// The nesting depth of a braced initializer (`{{1, 2}, {3, 4}}` is 2).
int nestingDepth(const clang::Expr *E);
/// The number of elements of a braced shape argument such as `{2, 3}`, or
/// -1 when it is not a braced list.
int bracedLength(const clang::Expr *E);
std::optional<int64_t> constantInt(const clang::Expr *E,
                                   clang::ASTContext &Ctx);

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_ASTHELPERS_H
