//===--- Sarif.h - SARIF 2.1.0 output for viewguard -----------------------===//
//
// Turns clang-tidy's diagnostics into a SARIF 2.1.0 log for code-scanning
// UIs: one rule per check, results with their primary location, related
// locations from the notes, fixes from the fix-its, paths relative to the
// %SRCROOT% base, and partial fingerprints that survive unrelated edits.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_TOOL_SARIF_H
#define VIEWGUARD_TOOL_SARIF_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/Support/raw_ostream.h"
#include <set>
#include <string>
#include <vector>

namespace viewguard {

/// Writes \p Errors as one SARIF run. \p SourceRoot is the directory the
/// %SRCROOT% base stands for; \p DocsDir holds the check pages the rules'
/// help links point to; results of \p PromotedChecks (--warnings-as-errors)
/// have level "error".
void writeSarif(llvm::ArrayRef<clang::tidy::ClangTidyError> Errors,
                const std::set<std::string> &PromotedChecks,
                llvm::StringRef SourceRoot, llvm::StringRef ToolVersion,
                llvm::StringRef DocsDir, llvm::raw_ostream &OS);

} // namespace viewguard

#endif // VIEWGUARD_TOOL_SARIF_H
