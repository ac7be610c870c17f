//===--- CheckDescriptions.h - What each viewguard check reports ----------===//
//
// The one description of each check: the module registers the checks by
// these names, SARIF output describes its rules with these texts, and
// test/lit/tool/descriptions.test holds docs/checks/*.md to them.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_CHECKS_CHECKDESCRIPTIONS_H
#define VIEWGUARD_CHECKS_CHECKDESCRIPTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace viewguard {

struct CheckDescription {
  llvm::StringLiteral Name;  ///< viewguard-...
  llvm::StringLiteral Short; ///< One line, no final period.
  llvm::StringLiteral Full;  ///< A paragraph.
  llvm::StringLiteral Doc;   ///< Its page, relative to docs/.
};

inline constexpr CheckDescription CheckDescriptions[] = {
    {"viewguard-view-mutation", "Write through a view also modifies its base",
     "A write through a view (a slice, view(), T(), a reshape that is a "
     "view, a handle copy) changes the array it was made from, and the code "
     "then uses both as if they were independent, or the base is someone "
     "else's storage (a by-value or const& parameter, a member, a global, a "
     "capture).",
     "checks/view-mutation.md"},
    {"viewguard-lost-write", "Write to a copy never reaches the source",
     "A write to an array made by fancy or mask indexing, flatten, a reshape "
     "or ravel that copies, or arithmetic, is never read afterwards while "
     "the array it came from is: the edit is lost. Includes writes to "
     "temporary copies and rebinding a view handle.",
     "checks/lost-write.md"},
    {"viewguard-stale-view", "View used as a snapshot after its base changed",
     "A view taken as a snapshot of an array is read together with the array "
     "after the array was modified: it reflects the new values.",
     "checks/stale-view.md"},
    {"viewguard-aliased-assignment",
     "Assignment reads its destination in another order",
     "In a library that writes the destination of an assignment while it "
     "evaluates the right side (Eigen), the right side reads the "
     "destination's storage transposed, or noalias() skips the temporary of "
     "a product that reads it: elements are read after they were "
     "overwritten.",
     "checks/aliased-assignment.md"},
};

/// The description of check \p Name, or null for another check.
inline const CheckDescription *describeCheck(llvm::StringRef Name) {
  for (const CheckDescription &D : CheckDescriptions)
    if (D.Name == Name)
      return &D;
  return nullptr;
}

} // namespace viewguard

#endif // VIEWGUARD_CHECKS_CHECKDESCRIPTIONS_H
