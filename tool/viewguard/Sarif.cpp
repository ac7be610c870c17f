//===--- Sarif.cpp - SARIF 2.1.0 output for viewguard ---------------------===//

#include "Sarif.h"
#include "Checks/CheckDescriptions.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SHA1.h"
#include <map>
#include <memory>

using namespace clang;
using clang::tidy::ClangTidyError;

namespace viewguard {

namespace {

/// Line and column (both 1-based, column in bytes) of file offsets.
class LineTable {
public:
  std::pair<unsigned, unsigned> position(llvm::StringRef File,
                                         unsigned Offset) {
    const std::vector<unsigned> &Starts = lineStarts(File);
    auto It = std::upper_bound(Starts.begin(), Starts.end(), Offset);
    unsigned Line = static_cast<unsigned>(It - Starts.begin());
    unsigned Begin = Line ? Starts[Line - 1] : 0;
    // Columns count Unicode code points (the run's columnKind): skip UTF-8
    // continuation bytes.
    llvm::StringRef Text = Buffers[File] ? Buffers[File]->getBuffer() : "";
    unsigned Col = 1;
    for (unsigned I = Begin; I < Offset && I < Text.size(); ++I)
      if ((static_cast<unsigned char>(Text[I]) & 0xC0) != 0x80)
        ++Col;
    if (Text.empty())
      Col = Offset - Begin + 1;
    return {Line ? Line : 1, Col};
  }
  llvm::StringRef lineText(llvm::StringRef File, unsigned Offset) {
    auto [Line, Col] = position(File, Offset);
    const std::vector<unsigned> &Starts = lineStarts(File);
    llvm::StringRef Text = Buffers[File] ? Buffers[File]->getBuffer() : "";
    if (Line == 0 || Line > Starts.size())
      return "";
    unsigned Begin = Starts[Line - 1];
    return Text.substr(Begin).split('\n').first.trim();
  }

private:
  const std::vector<unsigned> &lineStarts(llvm::StringRef File) {
    auto It = Starts.find(File);
    if (It != Starts.end())
      return It->second;
    std::vector<unsigned> &S = Starts[File];
    S.push_back(0);
    if (auto Buf = llvm::MemoryBuffer::getFile(File)) {
      llvm::StringRef Text = (*Buf)->getBuffer();
      for (unsigned I = 0; I < Text.size(); ++I)
        if (Text[I] == '\n')
          S.push_back(I + 1);
      Buffers[File] = std::move(*Buf);
    } else {
      Buffers[File] = nullptr;
    }
    return S;
  }
  llvm::StringMap<std::vector<unsigned>> Starts;
  llvm::StringMap<std::unique_ptr<llvm::MemoryBuffer>> Buffers;
};

class SarifBuilder {
public:
  SarifBuilder(llvm::StringRef SourceRoot) : Root(SourceRoot.str()) {}

  llvm::json::Object artifactLocation(llvm::StringRef File) {
    llvm::SmallString<256> Rel(File);
    llvm::StringRef R = Rel;
    std::string Prefix = Root;
    if (!Prefix.empty() && Prefix.back() != '/')
      Prefix += '/';
    if (R.consume_front(Prefix))
      return llvm::json::Object{{"uri", uriEscape(R)},
                                {"uriBaseId", "%SRCROOT%"}};
    return llvm::json::Object{{"uri", "file://" + uriEscape(File)}};
  }

  llvm::json::Object region(llvm::StringRef File, unsigned Offset) {
    auto [Line, Col] = Lines.position(File, Offset);
    return llvm::json::Object{{"startLine", Line}, {"startColumn", Col}};
  }

  llvm::json::Object location(llvm::StringRef File, unsigned Offset,
                              std::optional<llvm::StringRef> Message = {}) {
    llvm::json::Object Loc{
        {"physicalLocation",
         llvm::json::Object{{"artifactLocation", artifactLocation(File)},
                            {"region", region(File, Offset)}}}};
    if (Message)
      Loc["message"] = llvm::json::Object{{"text", *Message}};
    return Loc;
  }

  /// A SARIF fix for the replacements of one diagnostic message.
  std::optional<llvm::json::Object> fix(const tooling::DiagnosticMessage &M,
                                        llvm::StringRef Description) {
    llvm::json::Array Changes;
    for (const auto &Entry : M.Fix) {
      llvm::StringRef File = Entry.first();
      llvm::json::Array Replacements;
      for (const tooling::Replacement &R : Entry.second) {
        auto [L0, C0] = Lines.position(R.getFilePath(), R.getOffset());
        auto [L1, C1] =
            Lines.position(R.getFilePath(), R.getOffset() + R.getLength());
        Replacements.push_back(llvm::json::Object{
            {"deletedRegion", llvm::json::Object{{"startLine", L0},
                                                 {"startColumn", C0},
                                                 {"endLine", L1},
                                                 {"endColumn", C1}}},
            {"insertedContent",
             // json::Value keeps a StringRef as a pointer: copy the text.
             llvm::json::Object{{"text", R.getReplacementText().str()}}}});
      }
      if (!Replacements.empty())
        Changes.push_back(
            llvm::json::Object{{"artifactLocation", artifactLocation(File)},
                               {"replacements", std::move(Replacements)}});
    }
    if (Changes.empty())
      return std::nullopt;
    return llvm::json::Object{
        {"description", llvm::json::Object{{"text", Description}}},
        {"artifactChanges", std::move(Changes)}};
  }

  std::string fingerprint(const ClangTidyError &E) {
    // Stable across unrelated edits: the rule, the file, the message and the
    // text of the reported line, but not its line number.
    llvm::SHA1 Hash;
    Hash.update(E.DiagnosticName);
    Hash.update(llvm::sys::path::filename(E.Message.FilePath));
    Hash.update(E.Message.Message);
    Hash.update(Lines.lineText(E.Message.FilePath, E.Message.FileOffset));
    return llvm::toHex(Hash.final(), /*LowerCase=*/true);
  }

  LineTable Lines;

  static std::string uriEscape(llvm::StringRef Path) {
    std::string Out;
    for (char C : Path) {
      if (llvm::isAlnum(C) || llvm::StringRef("/-._~").contains(C))
        Out += C;
      else {
        char Buf[4];
        snprintf(Buf, sizeof(Buf), "%%%02X", static_cast<unsigned char>(C));
        Out += Buf;
      }
    }
    return Out;
  }

private:
  std::string Root;
};

} // namespace

void writeSarif(llvm::ArrayRef<ClangTidyError> Errors,
                const std::set<std::string> &PromotedChecks,
                llvm::StringRef SourceRoot, llvm::StringRef ToolVersion,
                llvm::StringRef DocsDir, llvm::raw_ostream &OS) {
  SarifBuilder B(SourceRoot);
  // Rules: viewguard's three always, then any other check that reported.
  std::vector<std::string> RuleIds;
  for (const CheckDescription &D : CheckDescriptions)
    RuleIds.push_back(D.Name.str());
  llvm::sort(RuleIds);
  for (const ClangTidyError &E : Errors)
    if (!llvm::is_contained(RuleIds, E.DiagnosticName))
      RuleIds.push_back(E.DiagnosticName);
  llvm::json::Array Rules;
  for (const std::string &Id : RuleIds) {
    llvm::json::Object Rule{{"id", Id}, {"name", Id}};
    if (const CheckDescription *D = describeCheck(Id)) {
      Rule["shortDescription"] = llvm::json::Object{{"text", D->Short}};
      Rule["fullDescription"] = llvm::json::Object{{"text", D->Full}};
      Rule["helpUri"] = "file://" + DocsDir.str() + "/" + D->Doc.str();
      Rule["help"] = llvm::json::Object{
          {"text", "See docs/" + D->Doc.str() + " in the viewguard sources."}};
    } else {
      Rule["shortDescription"] = llvm::json::Object{{"text", Id}};
    }
    Rules.push_back(std::move(Rule));
  }

  llvm::json::Array Results;
  for (const ClangTidyError &E : Errors) {
    if (E.Message.FilePath.empty())
      continue; // diagnostics without a location (command line)
    llvm::json::Object Result{
        {"ruleId", E.DiagnosticName},
        {"level", E.DiagLevel == ClangTidyError::Error ||
                          PromotedChecks.count(E.DiagnosticName)
                      ? "error"
                      : "warning"},
        {"message", llvm::json::Object{{"text", E.Message.Message}}},
        {"locations", llvm::json::Array{B.location(E.Message.FilePath,
                                                   E.Message.FileOffset)}}};
    auto RuleIt = llvm::find(RuleIds, E.DiagnosticName);
    Result["ruleIndex"] = static_cast<int64_t>(RuleIt - RuleIds.begin());
    llvm::json::Array Related;
    llvm::json::Array Fixes;
    if (auto F = B.fix(E.Message, E.Message.Message))
      Fixes.push_back(std::move(*F));
    int Id = 0;
    for (const tooling::DiagnosticMessage &N : E.Notes) {
      if (N.FilePath.empty())
        continue;
      llvm::json::Object L = B.location(N.FilePath, N.FileOffset, N.Message);
      L["id"] = Id++;
      Related.push_back(std::move(L));
      if (auto F = B.fix(N, N.Message))
        Fixes.push_back(std::move(*F));
    }
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (!Fixes.empty())
      Result["fixes"] = std::move(Fixes);
    Result["partialFingerprints"] =
        llvm::json::Object{{"viewguardHash/v1", B.fingerprint(E)}};
    Results.push_back(std::move(Result));
  }

  std::string RootUri = "file://" + SarifBuilder::uriEscape(SourceRoot);
  if (RootUri.back() != '/')
    RootUri += '/';
  llvm::json::Object Run{
      {"tool",
       llvm::json::Object{
           {"driver",
            llvm::json::Object{
                {"name", "viewguard"},
                {"version", ToolVersion},
                {"informationUri", "file://" + DocsDir.str() + "/README.md"},
                {"rules", std::move(Rules)}}}}},
      {"originalUriBaseIds",
       llvm::json::Object{{"%SRCROOT%", llvm::json::Object{{"uri", RootUri}}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(Results)}};
  llvm::json::Object Log{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Log))) << "\n";
}

} // namespace viewguard
