//===--- ViewGuardModule.cpp - The viewguard clang-tidy module ------------===//

#include "AliasedAssignmentCheck.h"
#include "CheckDescriptions.h"
#include "LostWriteCheck.h"
#include "StaleViewCheck.h"
#include "Version.h"
#include "ViewMutationCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace viewguard {

class ViewGuardModule : public clang::tidy::ClangTidyModule {
public:
  void addCheckFactories(
      clang::tidy::ClangTidyCheckFactories &CheckFactories) override {
    CheckFactories.registerCheck<ViewMutationCheck>(CheckDescriptions[0].Name);
    CheckFactories.registerCheck<LostWriteCheck>(CheckDescriptions[1].Name);
    CheckFactories.registerCheck<StaleViewCheck>(CheckDescriptions[2].Name);
    CheckFactories.registerCheck<AliasedAssignmentCheck>(
        CheckDescriptions[3].Name);
  }

  // clang-tidy --version prints LLVM's version only: the module's own shows
  // as an option, `viewguard.Version: '0.1.0+<commit>'` in
  // `clang-tidy-19 --load=... --dump-config`. No check reads it.
  clang::tidy::ClangTidyOptions getModuleOptions() override {
    clang::tidy::ClangTidyOptions Options;
    Options.CheckOptions["viewguard.Version"] = fullVersion();
    return Options;
  }
};

} // namespace viewguard

// Registered on load, both in the plugin (clang-tidy --load) and in the
// standalone command, which links these objects directly.
static clang::tidy::ClangTidyModuleRegistry::Add<viewguard::ViewGuardModule>
    X("viewguard-module",
      "Finds writes through array views that change more, or less, than "
      "intended.");

// Referenced by the standalone command to keep this object linked.
volatile int ViewGuardModuleAnchorSource = 0;
