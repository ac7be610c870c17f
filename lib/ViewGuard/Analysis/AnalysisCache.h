//===--- AnalysisCache.h - One provenance analysis per function -----------===//
//
// The three checks query the same analysis. It is computed once per function
// per translation unit and shared, and it also provides the call summaries of
// functions defined in the translation unit (recursion included).
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_ANALYSISCACHE_H
#define VIEWGUARD_ANALYSIS_ANALYSISCACHE_H

#include "ApiModel.h"
#include "FunctionAnalysis.h"
#include "Summaries.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <deque>
#include <map>
#include <memory>

namespace viewguard {

class AnalysisCache : public SummaryProvider {
public:
  /// The cache for \p Ctx and the API described by \p Options.
  static AnalysisCache &get(clang::ASTContext &Ctx, const ApiOptions &Options);
  /// Drops everything cached for \p Ctx (its translation unit is done).
  static void release(clang::ASTContext &Ctx);

  /// The analysis of \p FD's \p Body, or null if it was skipped.
  const FunctionAnalysis *analysisFor(const clang::FunctionDecl *FD,
                                      const clang::Stmt *Body);
  const FunctionSummary *summaryFor(const clang::FunctionDecl *FD) override;
  const ApiModel &model() const { return Model; }

  /// Adds the CPU time of this thread from construction to destruction to
  /// the cache's analysis time, reported on stderr when the translation unit
  /// is released if VIEWGUARD_STATS is set (bench/ measures the analysis
  /// with it, apart from the parse).
  class Timer {
  public:
    explicit Timer(AnalysisCache &C);
    ~Timer();
    Timer(const Timer &) = delete;
    Timer &operator=(const Timer &) = delete;

  private:
    AnalysisCache &C;
    double Start;
  };

private:
  AnalysisCache(clang::ASTContext &Ctx, const ApiOptions &Options)
      : Ctx(Ctx), Model(Options) {}

  clang::ASTContext &Ctx;
  ApiModel Model;
  /// The analyses of the functions asked for most recently (the checks ask
  /// for a function one after the other); older ones are dropped, their
  /// summaries kept, so that memory does not grow with the translation unit.
  llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<FunctionAnalysis>>
      Analyses;
  std::deque<const clang::FunctionDecl *> Recent;
  static constexpr unsigned MaxKeptAnalyses = 8;
  /// How many analyses may be in progress at once, each waiting for the
  /// summary of a callee (a few KB of stack each).
  static constexpr unsigned MaxSummaryNesting = 128;
  llvm::DenseSet<const clang::FunctionDecl *> InProgress, UsedWhileInProgress;
  /// Functions whose summary is final (in Summaries, or none: skipped),
  /// whether or not their analysis is still in Analyses.
  llvm::DenseSet<const clang::FunctionDecl *> Summarized;
  double AnalysisSeconds = 0;
  unsigned FunctionsAnalysed = 0;
  // Node-based: summaries are handed out by pointer while others are added.
  std::map<const clang::FunctionDecl *, FunctionSummary> Summaries;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_ANALYSISCACHE_H
