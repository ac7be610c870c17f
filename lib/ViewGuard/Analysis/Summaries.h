//===--- Summaries.h - What a function does to its array parameters -------===//
//
// A function defined in the translation unit is summarised from its own
// analysis: which array parameters it reads, writes or may write, and which
// its result is a view of. Call sites use the summary instead of guessing
// from the signature; AnalysisCache computes them on demand (recursion
// climbs to the least fixpoint).
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_SUMMARIES_H
#define VIEWGUARD_ANALYSIS_SUMMARIES_H

#include "Events.h"
#include "Storage.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallVector.h"
#include <string>

namespace viewguard {

/// Effects of a function on its parameters, one entry per parameter.
struct FunctionSummary {
  llvm::SmallVector<bool, 4> Reads, Writes, MayWrites, ResultViewOf;
  /// The result is a copy of the parameter made by this derivation ("fancy
  /// indexing", ...; "explicit" for a deliberate copy()); empty otherwise.
  llvm::SmallVector<std::string, 4> ResultCopyOf;

  /// No effect at all: the start of a recursive function's rounds.
  static FunctionSummary none(unsigned NumParams);
  bool operator==(const FunctionSummary &O) const {
    return Reads == O.Reads && Writes == O.Writes && MayWrites == O.MayWrites &&
           ResultViewOf == O.ResultViewOf;
  }
};

class SummaryProvider {
public:
  virtual ~SummaryProvider() = default;
  /// The summary of \p FD, or null when it has none (no body, a library
  /// function, too large).
  virtual const FunctionSummary *summaryFor(const clang::FunctionDecl *FD) = 0;
};

/// The summary of \p FD from the events of its body; \p ParamStorage gives
/// the storage of each array parameter (\p ArrayParams, same order).
FunctionSummary
summarize(const clang::FunctionDecl *FD, const EventLog &Events,
          llvm::ArrayRef<Storage> Storages,
          llvm::ArrayRef<const clang::ParmVarDecl *> ArrayParams,
          llvm::ArrayRef<StorageId> ParamStorage);

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_SUMMARIES_H
