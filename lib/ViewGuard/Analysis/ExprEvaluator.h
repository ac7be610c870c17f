//===--- ExprEvaluator.h - The provenance of an array expression ----------===//
//
// Given the provenance of the variables at a program point, the Value of an
// array expression: a variable's handle (a view of what it refers to), a view
// or copy made by a call the API model describes, a fresh array, the result
// of a function whose summary says it returns a view or a copy of an
// argument, or an unknown array. Storages are found or made in the
// StorageTable, one per expression, so that evaluating the same expression
// again finds the same storage.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_EXPREVALUATOR_H
#define VIEWGUARD_ANALYSIS_EXPREVALUATOR_H

#include "ApiModel.h"
#include "Lattice.h"
#include "LayoutRules.h"
#include "Storage.h"
#include "Summaries.h"
#include "TrackedVariables.h"
#include "clang/AST/Expr.h"

namespace viewguard {

class ExprEvaluator {
public:
  ExprEvaluator(const ApiModel &M, clang::ASTContext &Ctx,
                const TrackedVariables &Vars, StorageTable &Storages,
                SummaryProvider &Summaries)
      : M(M), Vars(Vars), Storages(Storages), Summaries(Summaries),
        Layouts(M, Ctx) {}

  /// The provenance of \p E in state \p St.
  Value eval(const clang::Expr *E, const State &St, int Depth = 0);
  /// The provenance of variable \p D in \p St (its entry storage when the
  /// state does not have it).
  Value lookup(const clang::ValueDecl *D, const State &St);
  /// The value of \p D on entry to the function: its own storage.
  Value entryValue(const clang::ValueDecl *D);

  /// For a view-or-copy call: whether it makes a view (true), a copy
  /// (false) or either, for the value of its source in \p St.
  std::optional<bool> viewOrCopy(const clang::CallExpr *Call, const State &St);
  /// The region a constant basic index \p E selects of the storage of its
  /// object (see LayoutRules::regionOf).
  Region regionOf(const clang::Expr *E, const State &St);

  const LayoutRules &layouts() const { return Layouts; }
  /// Whether \p E is a container of arrays (its value's refs keep the
  /// origins of its elements).
  bool isContainer(const clang::Expr *E) const {
    return E && Vars.isContainerType(E->getType());
  }

private:
  std::optional<Value> pointerView(const clang::Expr *Maker,
                                   llvm::ArrayRef<const clang::Expr *> Args,
                                   const State &St, int Depth);
  std::optional<Value> pointerView(const clang::CXXConstructExpr *CE,
                                   const State &St, int Depth);
  Value valueFrom(const clang::CXXConstructExpr *CE, const State &St,
                  int Depth);
  Value expressionOf(const clang::CallExpr *Call, const State &St, int Depth);
  Value evalCall(const clang::CallExpr *Call, const State &St, int Depth);
  Value evalContainer(const clang::Expr *E, const State &St, int Depth);
  void elementsOf(const clang::Expr *E, const State &St, int Depth, Value &Out,
                  bool &Any);
  Value fresh(const clang::Expr *At, Layout L, int NDim, StorageKind K);
  Value copy(const clang::Expr *At, const clang::Expr *Source,
             const Value &SourceVal, llvm::StringRef Kind);
  /// A function of this translation unit whose summary says its result is a
  /// view or a copy of some arguments.
  std::optional<Value> fromSummary(const clang::CallExpr *Call,
                                   const clang::FunctionDecl *FD,
                                   const State &St, int Depth);

  const ApiModel &M;
  const TrackedVariables &Vars;
  StorageTable &Storages;
  SummaryProvider &Summaries;
  LayoutRules Layouts;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_EXPREVALUATOR_H
