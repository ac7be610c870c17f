//===--- DataDirectory.cpp - Where an installed viewguard finds its files -===//

#include "DataDirectory.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

// Set by tool/viewguard/CMakeLists.txt from GNUInstallDirs; the defaults are
// the usual layout.
#ifndef VIEWGUARD_INSTALL_BINDIR
#define VIEWGUARD_INSTALL_BINDIR "bin"
#endif
#ifndef VIEWGUARD_INSTALL_DATADIR
#define VIEWGUARD_INSTALL_DATADIR "share/viewguard"
#endif
#ifndef VIEWGUARD_INSTALL_DOCDIR
#define VIEWGUARD_INSTALL_DOCDIR "share/doc/viewguard"
#endif
#ifndef VIEWGUARD_RESOURCE_DIR
#define VIEWGUARD_RESOURCE_DIR ""
#endif

namespace viewguard {

namespace {

std::string underPrefix(llvm::StringRef Relative, bool ResolveLinks) {
  llvm::SmallString<256> Path(installPrefix());
  llvm::sys::path::append(Path, Relative);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  llvm::SmallString<256> Real;
  if (ResolveLinks && !llvm::sys::fs::real_path(Path, Real))
    return std::string(Real);
  return std::string(Path);
}

} // namespace

std::string installPrefix() {
  static int Anchor;
  // On Linux this reads /proc/self/exe; "viewguard" (searched on PATH) is
  // only the fallback where that is unavailable.
  llvm::SmallString<256> Path(llvm::sys::fs::getMainExecutable(
      "viewguard", reinterpret_cast<void *>(&Anchor)));
  llvm::sys::path::remove_filename(Path); // <prefix>/bin
  for (auto It = llvm::sys::path::begin(VIEWGUARD_INSTALL_BINDIR),
            End = llvm::sys::path::end(VIEWGUARD_INSTALL_BINDIR);
       It != End; ++It)
    llvm::sys::path::remove_filename(Path);
  return std::string(Path);
}

std::string dataDirectory() {
  return underPrefix(VIEWGUARD_INSTALL_DATADIR, /*ResolveLinks=*/false);
}

std::string docDirectory() {
  return underPrefix(VIEWGUARD_INSTALL_DOCDIR, /*ResolveLinks=*/true);
}

std::string clangResourceDirectory() {
  llvm::StringRef Configured = VIEWGUARD_RESOURCE_DIR;
  if (!Configured.empty() && llvm::sys::fs::is_directory(Configured))
    return Configured.str();
  std::string Local =
      underPrefix(("lib/clang/" + llvm::Twine(LLVM_VERSION_MAJOR)).str(),
                  /*ResolveLinks=*/false);
  if (llvm::sys::fs::is_directory(Local))
    return Local;
  return "";
}

} // namespace viewguard
