//===--- AnalysisCache.cpp - One provenance analysis per function ---------===//

#include "AnalysisCache.h"
#include "TrackedVariables.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdlib>
#include <ctime>

using namespace clang;

namespace viewguard {

using CacheKey = std::pair<const ASTContext *, std::string>;

/// Per thread: the standalone command analyses translation units in
/// parallel, each on its own thread with its own ASTContext.
static std::map<CacheKey, std::unique_ptr<AnalysisCache>> &caches() {
  static thread_local std::map<CacheKey, std::unique_ptr<AnalysisCache>> Caches;
  return Caches;
}

AnalysisCache &AnalysisCache::get(ASTContext &Ctx, const ApiOptions &Options) {
  auto &Slot = caches()[{&Ctx, Options.key()}];
  if (!Slot)
    Slot.reset(new AnalysisCache(Ctx, Options));
  return *Slot;
}

static bool statsEnabled() {
  static const bool Enabled = std::getenv("VIEWGUARD_STATS") != nullptr;
  return Enabled;
}

/// CPU seconds used by this thread so far (the standalone command analyses
/// each translation unit on one thread).
static double threadCpuSeconds() {
  timespec T;
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &T) != 0)
    return 0;
  return double(T.tv_sec) + double(T.tv_nsec) * 1e-9;
}

AnalysisCache::Timer::Timer(AnalysisCache &C)
    : C(C), Start(statsEnabled() ? threadCpuSeconds() : 0) {}

AnalysisCache::Timer::~Timer() {
  if (statsEnabled())
    C.AnalysisSeconds += threadCpuSeconds() - Start;
}

void AnalysisCache::release(ASTContext &Ctx) {
  releaseMemberPaths(Ctx);
  auto &C = caches();
  for (auto It = C.begin(); It != C.end();) {
    if (It->first.first != &Ctx) {
      ++It;
      continue;
    }
    if (statsEnabled()) {
      const SourceManager &SM = Ctx.getSourceManager();
      OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
      llvm::errs() << "viewguard-stats: " << (Main ? Main->getName() : "")
                   << ": " << It->second->FunctionsAnalysed
                   << " functions analysed in "
                   << llvm::format("%.6f", It->second->AnalysisSeconds)
                   << " s of CPU time\n";
    }
    It = C.erase(It);
  }
}

/// How many times a recursive function is re-analysed with the summary of
/// the previous round before its summary is taken as final.
static constexpr unsigned MaxRecursionRounds = 3;

const FunctionAnalysis *AnalysisCache::analysisFor(const FunctionDecl *FD,
                                                   const Stmt *Body) {
  auto It = Analyses.find(FD);
  if (It != Analyses.end())
    return It->second.get();
  if (InProgress.contains(FD))
    return nullptr;
  std::unique_ptr<FunctionAnalysis> Result;
  for (unsigned Round = 0; Round < MaxRecursionRounds; ++Round) {
    InProgress.insert(FD);
    UsedWhileInProgress.erase(FD);
    Result = FunctionAnalysis::run(FD, Body, Ctx, Model, *this);
    ++FunctionsAnalysed;
    InProgress.erase(FD);
    if (!Result) {
      Summaries.erase(FD); // no summary for a skipped function
      break;
    }
    FunctionSummary S = Result->summarize();
    bool Recursive = UsedWhileInProgress.contains(FD);
    auto Old = Summaries.find(FD);
    bool Stable = Old != Summaries.end() && Old->second == S;
    Summaries[FD] = std::move(S);
    if (!Recursive || Stable)
      break;
  }
  Summarized.insert(FD);
  const FunctionAnalysis *Raw = Result.get();
  static const bool Debug = std::getenv("VIEWGUARD_DEBUG") != nullptr;
  if (Debug && Raw)
    Raw->dump(llvm::errs());
  Analyses[FD] = std::move(Result);
  Recent.push_back(FD);
  if (Recent.size() > MaxKeptAnalyses) {
    Analyses.erase(Recent.front());
    Recent.pop_front();
  }
  return Raw;
}

const FunctionSummary *AnalysisCache::summaryFor(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  const Stmt *Body = FD->getBody(Def);
  if (!Body || !Def || Model.isLibraryFunction(Def) ||
      Ctx.getSourceManager().isInSystemHeader(Def->getLocation()))
    return nullptr;
  if (InProgress.contains(Def)) {
    // A recursive call: use the previous round's summary, starting from "no
    // effect", so that the rounds climb to the least fixpoint.
    UsedWhileInProgress.insert(Def);
    auto It = Summaries.find(Def);
    if (It == Summaries.end())
      It = Summaries.emplace(Def, FunctionSummary::none(Def->getNumParams()))
               .first;
    return &It->second;
  }
  // A summary outlives its analysis: reuse it rather than analysing the
  // callee again (and its callees, recursively) once its analysis has been
  // dropped from Analyses.
  if (Summarized.contains(Def)) {
    auto It = Summaries.find(Def);
    return It == Summaries.end() ? nullptr : &It->second;
  }
  // Each summary analysed on demand nests a whole analysis on the stack: a
  // chain of thousands of calls (generated code) would overflow it. Past the
  // bound the callee is taken as unknown, like a function defined elsewhere.
  if (InProgress.size() >= MaxSummaryNesting)
    return nullptr;
  if (!analysisFor(Def, Body))
    return nullptr;
  auto It = Summaries.find(Def);
  return It == Summaries.end() ? nullptr : &It->second;
}

} // namespace viewguard
