//===--- LayoutRules.h - What indexing, permuting and reshaping do --------===//
//
// NumPy's rules for the memory layout of a derived array, applied statically:
// basic indexing and axis permutations keep or lose C-contiguity, and a
// reshape or ravel is a view exactly when NumPy's no-copy reshape succeeds.
// Where every extent and index is a constant the shape and strides are
// computed and the answer is exact; otherwise only what is provable is said:
// a C-contiguous source reshapes to a view, anything else "may" be either. A
// rule here must never contradict the library.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_LAYOUTRULES_H
#define VIEWGUARD_ANALYSIS_LAYOUTRULES_H

#include "ApiModel.h"
#include "Lattice.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace viewguard {

/// NumPy's C_CONTIGUOUS flag: extents of 1 are ignored, an empty array is
/// contiguous.
bool isCContiguous(const Geometry &G);
/// NumPy's _attempt_nocopy_reshape in C order: the strides of a view of
/// \p From with shape \p NewShape, or nothing when the layout needs a copy.
std::optional<llvm::SmallVector<int64_t, 4>>
attemptNoCopyReshape(const Geometry &From, llvm::ArrayRef<int64_t> NewShape);

class LayoutRules {
public:
  LayoutRules(const ApiModel &M, clang::ASTContext &Ctx) : M(M), Ctx(Ctx) {}

  /// A fresh array made by a factory call or a constructor.
  void ofFactory(const clang::CallExpr *Call, Value &Out) const;
  /// A view made by basic indexing (integers, slices, all, newaxis).
  void afterIndexing(const Value &Src, const clang::CallExpr *Call,
                     Value &Out) const;
  /// A view with permuted axes: no arguments reverse them (T, transpose),
  /// two constant integers swap two (swapaxes).
  void afterPermute(const Value &Src, const clang::CallExpr *Call,
                    Value &Out) const;
  /// A view-or-copy call (reshape with a shape, ravel without arguments):
  /// whether the result is a view (true), a copy (false), or either
  /// (nothing); \p Out gets the layout of the result either way.
  std::optional<bool> reshapeIsView(const Value &Src,
                                    const clang::CallExpr *Call,
                                    Value &Out) const;
  /// The part of the storage a basic index on the storage's own handle
  /// (\p Object holds its value) selects, when the indices are constant.
  Region regionOf(const clang::CallExpr *Call, const Value &Object) const;

private:
  /// The shape a reshape asks for, with one -1 resolved against \p Size
  /// (-1: not known); empty when not constant.
  std::optional<llvm::SmallVector<int64_t, 4>>
  requestedShape(const clang::CallExpr *Call, int64_t Size) const;
  int requestedRank(const clang::CallExpr *Call) const;
  struct SliceArgs;
  /// The start, stop and step of a slice argument (Python's slice(stop),
  /// slice(start, stop), slice(start, stop, step); the placeholder type is
  /// None).
  SliceArgs sliceArgs(const clang::Expr *Arg) const;

  const ApiModel &M;
  clang::ASTContext &Ctx;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_LAYOUTRULES_H
