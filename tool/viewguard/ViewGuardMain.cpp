//===--- ViewGuardMain.cpp - The standalone viewguard command -------------===//
//
// clang-tidy's own driver with the viewguard checks linked in. It accepts
// every clang-tidy flag (-p, --fix, --fix-notes, --export-fixes, --config,
// --warnings-as-errors, ...), turns the viewguard checks on when no --checks
// is given, and passes Clang's resource directory (found when viewguard was
// built) so that builtin headers such as <stddef.h> resolve.
//
//===----------------------------------------------------------------------===//

#include "clang-tidy/tool/ClangTidyMain.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

extern volatile int ViewGuardModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED ViewGuardModuleAnchorDestination =
    ViewGuardModuleAnchorSource;

static bool hasFlag(const std::vector<const char *> &Args,
                    llvm::StringRef Name) {
  for (const char *A : Args) {
    llvm::StringRef S(A);
    if (S == "--")
      break;
    S.consume_front("-");
    S.consume_front("-");
    if (S == Name || (S.starts_with(Name) && S.drop_front(Name.size()).starts_with("=")))
      return true;
  }
  return false;
}

static bool mentions(const std::vector<const char *> &Args,
                     llvm::StringRef Text) {
  for (const char *A : Args)
    if (llvm::StringRef(A).contains(Text))
      return true;
  return false;
}

int main(int argc, const char **argv) {
  std::vector<const char *> Args(argv, argv + argc);
  std::vector<const char *> Extra;
  static const std::string ResourceDir =
      std::string("--extra-arg-before=-resource-dir=") + VIEWGUARD_RESOURCE_DIR;
  if (!mentions(Args, "-resource-dir"))
    Extra.push_back(ResourceDir.c_str());
  if (!hasFlag(Args, "checks") && !hasFlag(Args, "config") &&
      !hasFlag(Args, "config-file"))
    Extra.push_back("--checks=-*,viewguard-*");
  Args.insert(Args.begin() + 1, Extra.begin(), Extra.end());
  return clang::tidy::clangTidyMain(static_cast<int>(Args.size()), Args.data());
}
