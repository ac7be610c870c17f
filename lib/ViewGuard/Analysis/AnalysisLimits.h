//===--- AnalysisLimits.h - Bounds on the work per function ---------------===//
//
// A body with more CFG blocks or more array events than these, or whose
// forward fixpoint copies more variable states than MaxStateCopies (blocks
// times variables in scope, summed over the visits) or visits a block more
// than MaxBlockVisitsPerBlock times, is skipped quietly (no diagnostics, no
// summary). The bounds keep a generated or pathological function from costing
// more than about a second; a hand-written function of 10,000 statements is
// analysed (bench/).
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_ANALYSISLIMITS_H
#define VIEWGUARD_ANALYSIS_ANALYSISLIMITS_H

#include <cstdint>

namespace viewguard {

struct AnalysisLimits {
  static constexpr unsigned MaxBlocks = 20000;
  static constexpr unsigned MaxEvents = 100000;
  static constexpr uint64_t MaxStateCopies = 20000000;
  static constexpr unsigned MaxBlockVisitsPerBlock = 12;
  static constexpr unsigned MaxRefsPerVariable = 8;
  /// The variables a view remembers it was derived from (for notes).
  static constexpr unsigned MaxAncestors = 8;
  /// Nesting of array expressions evaluated or classified (a guard against
  /// pathological ASTs, never reached by code people write).
  static constexpr int MaxExprDepth = 32;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_ANALYSISLIMITS_H
