//===--- DataDirectory.h - Where an installed viewguard finds its files ---===//
//
// Everything is found relative to the running executable, so that an
// installation can live under any prefix (and be moved):
//
//   <prefix>/bin/viewguard            the command
//   <prefix>/share/viewguard          data: the shipped library models
//   <prefix>/share/doc/viewguard      the documentation (SARIF help links)
//
// A build tree has the same layout: build/bin/viewguard, and CMake links
// build/share/viewguard/models and build/share/doc/viewguard to the
// sources' models/ and docs/.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_TOOL_DATADIRECTORY_H
#define VIEWGUARD_TOOL_DATADIRECTORY_H

#include <string>

namespace viewguard {

/// The prefix viewguard runs from: the directory above the bin/ that holds
/// the executable (symbolic links to the executable resolved).
std::string installPrefix();

/// <prefix>/share/viewguard: the shipped library models (models/). The
/// directory may be missing, e.g. when nothing was shipped.
std::string dataDirectory();

/// <prefix>/share/doc/viewguard, symbolic links resolved (in a build tree,
/// the sources' docs/).
std::string docDirectory();

/// Clang's resource directory (builtin headers such as <stddef.h>) to pass
/// as -resource-dir: the one of the clang-19 viewguard was built with when it
/// exists, else <prefix>/lib/clang/<LLVM major> when that exists, else ""
/// (Clang then looks relative to the executable, as clang-tidy does).
std::string clangResourceDirectory();

} // namespace viewguard

#endif // VIEWGUARD_TOOL_DATADIRECTORY_H
