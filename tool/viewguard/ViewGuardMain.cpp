//===--- ViewGuardMain.cpp - The standalone viewguard command -------------===//
//
// A clang-tidy driver with the viewguard checks linked in and on by default.
// It takes clang-tidy's usual flags (-p, --checks, --config, --config-file,
// --fix, --fix-notes, --export-fixes, --warnings-as-errors, --header-filter,
// --extra-arg), adds -j N across translation units, SARIF output
// (--export-sarif=FILE, --format=sarif), and Clang's resource directory.
// It finds its data and documentation relative to its own path
// (DataDirectory.h), so an installation works under any prefix.
//
// Exit status: 0 when nothing is reported as an error, 1 when findings are
// promoted to errors by --warnings-as-errors, 2 for usage or input errors
// (unknown option, missing file, code that does not compile, a missing or
// broken compilation database or configuration).
//
//===----------------------------------------------------------------------===//

#include "Analysis/LibraryModel.h"
#include "DataDirectory.h"
#include "Sarif.h"
#include "Version.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <memory>
#include <mutex>
#include <optional>
#include <set>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace {

enum ExitCode { Clean = 0, Findings = 1, InputError = 2 };

cl::OptionCategory ViewGuardCategory("viewguard options");

cl::opt<std::string> Checks("checks",
                            cl::desc("Checks to run, as in clang-tidy "
                                     "(default: -*,viewguard-*)."),
                            cl::cat(ViewGuardCategory));
cl::opt<std::string>
    WarningsAsErrors("warnings-as-errors",
                     cl::desc("Checks whose warnings are errors; any such "
                              "finding makes the exit status 1."),
                     cl::cat(ViewGuardCategory));
cl::opt<std::string> HeaderFilter("header-filter",
                                  cl::desc("Regex of headers to report in."),
                                  cl::cat(ViewGuardCategory));
cl::opt<std::string> Config("config",
                            cl::desc("Configuration in YAML, as in "
                                     ".clang-tidy."),
                            cl::cat(ViewGuardCategory));
cl::opt<std::string> ConfigFile("config-file",
                                cl::desc("Read the configuration from "
                                         "this file."),
                                cl::cat(ViewGuardCategory));
cl::opt<bool> Fix("fix", cl::desc("Apply the fix-its of warnings."),
                  cl::cat(ViewGuardCategory));
cl::opt<bool> FixErrors("fix-errors",
                        cl::desc("Apply fix-its even with compile errors."),
                        cl::cat(ViewGuardCategory));
cl::opt<bool> FixNotes("fix-notes",
                       cl::desc("Apply the fix-its of notes too (the "
                                ".copy() at a view's initializer)."),
                       cl::cat(ViewGuardCategory));
cl::opt<std::string> ExportFixes("export-fixes",
                                 cl::desc("Write the fixes as YAML for "
                                          "clang-apply-replacements."),
                                 cl::cat(ViewGuardCategory));
cl::opt<std::string> ExportSarif("export-sarif",
                                 cl::desc("Write the findings as SARIF 2.1.0 "
                                          "to this file."),
                                 cl::cat(ViewGuardCategory));
cl::opt<std::string> Format("format",
                            cl::desc("Output on stdout: text (default) or "
                                     "sarif."),
                            cl::init("text"), cl::cat(ViewGuardCategory));
cl::opt<std::string> SarifRoot("sarif-root",
                               cl::desc("Directory that %SRCROOT% stands "
                                        "for in SARIF (default: the "
                                        "current directory)."),
                               cl::cat(ViewGuardCategory));
cl::opt<unsigned> Jobs("j",
                       cl::desc("Translation units analysed in parallel "
                                "(0: one per core)."),
                       cl::init(1), cl::cat(ViewGuardCategory));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled checks and exit."),
                         cl::cat(ViewGuardCategory));
cl::list<std::string>
    Library("library",
            cl::desc("Models of array libraries to use: shipped ones by "
                     "name (opencv, libtorch) or model files by path; "
                     "comma-separated or repeated. Sets the Libraries "
                     "option."),
            cl::CommaSeparated, cl::cat(ViewGuardCategory));
cl::opt<bool> Quiet("quiet", cl::desc("Print only the findings."),
                    cl::cat(ViewGuardCategory));

void error(const Twine &Message) {
  WithColor::error(errs(), "viewguard") << Message << "\n";
}

/// Reads and parses one configuration file; an unreadable or invalid file
/// is an input error, not something to skip silently.
std::optional<ClangTidyOptions> readConfig(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer) {
    error("cannot read configuration file '" + Path +
          "': " + Buffer.getError().message());
    return std::nullopt;
  }
  auto Parsed = parseConfiguration((*Buffer)->getMemBufferRef());
  if (!Parsed) {
    error("invalid configuration file '" + Path +
          "': " + Parsed.getError().message());
    return std::nullopt;
  }
  return *Parsed;
}

/// Every .clang-tidy that applies to one of \p Files must parse.
bool validateConfigFiles(ArrayRef<std::string> Files) {
  std::set<std::string> Seen;
  for (const std::string &File : Files) {
    SmallString<256> Dir(File);
    sys::path::remove_filename(Dir);
    while (!Dir.empty()) {
      SmallString<256> Candidate(Dir);
      sys::path::append(Candidate, ".clang-tidy");
      if (Seen.insert(std::string(Candidate)).second &&
          sys::fs::exists(Candidate) && !readConfig(Candidate))
        return false;
      StringRef Parent = sys::path::parent_path(Dir);
      if (Parent == Dir)
        break;
      Dir = Parent;
    }
  }
  return true;
}

std::unique_ptr<ClangTidyOptionsProvider>
makeOptionsProvider(IntrusiveRefCntPtr<vfs::FileSystem> FS, bool &Ok) {
  Ok = true;
  ClangTidyGlobalOptions Global;
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,viewguard-*";
  if (auto User = sys::Process::GetEnv("USER"))
    Defaults.User = *User;
  ClangTidyOptions Overrides;
  if (Checks.getNumOccurrences())
    Overrides.Checks = Checks;
  if (WarningsAsErrors.getNumOccurrences())
    Overrides.WarningsAsErrors = WarningsAsErrors;
  if (HeaderFilter.getNumOccurrences())
    Overrides.HeaderFilterRegex = HeaderFilter;
  if (!Library.empty())
    Overrides.CheckOptions["Libraries"] =
        ClangTidyOptions::ClangTidyValue(llvm::join(Library, ";"));
  std::optional<ClangTidyOptions> Explicit;
  if (Config.getNumOccurrences()) {
    auto Parsed = parseConfiguration(MemoryBufferRef(Config, "--config"));
    if (!Parsed) {
      error("invalid --config: " + Parsed.getError().message());
      Ok = false;
      return nullptr;
    }
    Explicit = *Parsed;
  } else if (ConfigFile.getNumOccurrences()) {
    Explicit = readConfig(ConfigFile);
    if (!Explicit) {
      Ok = false;
      return nullptr;
    }
  }
  if (Explicit)
    return std::make_unique<ConfigOptionsProvider>(
        Global, Defaults, std::move(*Explicit), Overrides, FS);
  return std::make_unique<FileOptionsProvider>(Global, Defaults, Overrides, FS);
}

/// What one translation unit produced.
struct UnitResult {
  std::unique_ptr<ClangTidyContext> Context;
  std::vector<ClangTidyError> Errors;
};

bool isCompileError(const ClangTidyError &E) {
  return E.DiagLevel == ClangTidyError::Error &&
         StringRef(E.DiagnosticName).starts_with("clang-diagnostic-");
}

} // namespace

int main(int argc, const char **argv) {
  // Clang's builtin headers are found relative to the compiler's resource
  // directory, not to this binary: pass the one of the system's clang-19.
  std::vector<const char *> Args(argv, argv + argc);
  static const std::string ResourceDir = viewguard::clangResourceDirectory();
  static const std::string ResourceDirArg =
      "--extra-arg-before=-resource-dir=" + ResourceDir;
  bool UserResourceDir = false;
  for (const char *A : Args)
    UserResourceDir |= StringRef(A).contains("-resource-dir");
  if (!UserResourceDir && !ResourceDir.empty())
    Args.insert(Args.begin() + 1, ResourceDirArg.c_str());
  int ArgCount = static_cast<int>(Args.size());

  std::unique_ptr<tooling::CompilationDatabase> ExplicitDB;
  // An explicit -p must name a usable compilation database: running
  // "without flags" instead would analyse something else than the build.
  for (int I = 1; I < ArgCount; ++I) {
    StringRef A(Args[I]);
    if (A == "--")
      break;
    std::string BuildPath;
    if ((A == "-p" || A == "--p") && I + 1 < ArgCount)
      BuildPath = Args[I + 1];
    else if (A.starts_with("-p=") || A.starts_with("--p="))
      BuildPath = A.split('=').second.str();
    else
      continue;
    std::string Message;
    // A database in the directory itself must load; only when there is
    // none are parent directories searched, as clang-tidy does.
    SmallString<256> Own(BuildPath);
    sys::path::append(Own, "compile_commands.json");
    ExplicitDB = sys::fs::exists(Own)
                     ? tooling::CompilationDatabase::loadFromDirectory(
                           BuildPath, Message)
                     : tooling::CompilationDatabase::autoDetectFromDirectory(
                           BuildPath, Message);
    if (!ExplicitDB) {
      error("no usable compilation database in '" + BuildPath +
            "': " + Message);
      return InputError;
    }
  }

  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "viewguard " << viewguard::fullVersion() << " (LLVM "
       << LLVM_VERSION_STRING << ")\n"
       << "  version: " << viewguard::versionNumber() << "\n"
       << "  commit: " << viewguard::gitCommit() << "\n"
       << "  data directory: " << viewguard::dataDirectory() << "\n"
       << "  documentation: " << viewguard::docDirectory() << "\n"
       << "  clang resource directory: "
       << (ResourceDir.empty() ? "(Clang's default)" : ResourceDir) << "\n";
  });
  auto Parser = tooling::CommonOptionsParser::create(
      ArgCount, Args.data(), ViewGuardCategory, cl::ZeroOrMore,
      "viewguard: finds writes through array views that change more, or "
      "less, than intended.\n");
  if (!Parser) {
    error(toString(Parser.takeError()));
    return InputError;
  }
  if (Format != "text" && Format != "sarif") {
    error("unknown --format '" + Format + "' (expected text or sarif)");
    return InputError;
  }
  if (Format == "sarif" && (Fix || FixNotes || FixErrors)) {
    error("--format=sarif prints SARIF on stdout; use --export-sarif=FILE "
          "together with --fix");
    return InputError;
  }

  std::vector<std::string> Files;
  for (const std::string &F : Parser->getSourcePathList()) {
    SmallString<256> Abs(F);
    sys::fs::make_absolute(Abs);
    sys::path::remove_dots(Abs, /*remove_dot_dot=*/true);
    Files.push_back(std::string(Abs));
  }
  // Without source files CommonOptionsParser loads no database: `viewguard
  // -p build/` means every file of the -p database.
  const tooling::CompilationDatabase *DB =
      Files.empty() ? ExplicitDB.get() : &Parser->getCompilations();
  if (Files.empty() && DB)
    Files = DB->getAllFiles();
  if (Files.empty() && !ListChecks) {
    error("no input files (give source files, or -p with a compilation "
          "database)");
    return InputError;
  }
  for (const std::string &F : Files)
    if (!sys::fs::exists(F)) {
      error("no such file or directory: '" + F + "'");
      return InputError;
    }
  if (!validateConfigFiles(Files))
    return InputError;

  auto BaseFS =
      makeIntrusiveRefCnt<vfs::OverlayFileSystem>(vfs::getRealFileSystem());
  bool OptionsOk = true;
  if (ListChecks) {
    auto Provider = makeOptionsProvider(BaseFS, OptionsOk);
    if (!OptionsOk)
      return InputError;
    SmallString<256> Here;
    sys::fs::current_path(Here);
    std::string File =
        Files.empty() ? std::string(Here) + "/dummy.cpp" : Files.front();
    ClangTidyOptions Effective = Provider->getOptions(File);
    outs() << "Enabled checks:\n";
    for (const std::string &Name : getCheckNames(Effective, false))
      outs() << "    " << Name << "\n";
    return Clean;
  }

  for (const std::string &F : Files)
    if (DB->getCompileCommands(F).empty()) {
      error("no compile command for '" + F + "' in the compilation database");
      return InputError;
    }
  {
    // Nothing enabled (a typo in --checks) is a usage error, not a clean run.
    bool Ok = true;
    auto Provider = makeOptionsProvider(BaseFS, Ok);
    if (!Ok)
      return InputError;
    if (getCheckNames(Provider->getOptions(Files.front()), false).empty()) {
      error("no checks enabled (see --checks and .clang-tidy)");
      return InputError;
    }
  }

  // One clang-tidy context per translation unit, so that units can run in
  // parallel on Clang's thread pool; results are reported in input order.
  std::vector<UnitResult> Results(Files.size());
  bool ApplyNotes = FixNotes;
  auto RunOne = [&](size_t I) {
    bool Ok = true;
    auto Provider = makeOptionsProvider(BaseFS, Ok);
    if (!Ok)
      return;
    auto Context = std::make_unique<ClangTidyContext>(std::move(Provider));
    Results[I].Errors =
        runClangTidy(*Context, *DB, {Files[I]}, BaseFS, ApplyNotes);
    Results[I].Context = std::move(Context);
  };
  {
    // Option errors are reported once, before any work starts: among them
    // a library model that cannot be found or read.
    auto Provider = makeOptionsProvider(BaseFS, OptionsOk);
    if (!OptionsOk)
      return InputError;
    for (const auto &[Key, Value] :
         Provider->getOptions(Files.front()).CheckOptions)
      if (Key == "Libraries" || StringRef(Key).ends_with(".Libraries"))
        if (auto Loaded = viewguard::loadLibraryModels(
                Value.Value, viewguard::dataDirectory() + "/models");
            !Loaded) {
          error(toString(Loaded.takeError()));
          return InputError;
        }
  }
  unsigned Threads = Jobs == 0 ? hardware_concurrency().compute_thread_count()
                               : static_cast<unsigned>(Jobs);
  if (Threads <= 1 || Files.size() <= 1) {
    for (size_t I = 0; I < Files.size(); ++I)
      RunOne(I);
  } else {
    DefaultThreadPool Pool(hardware_concurrency(Threads));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] { RunOne(I); });
    Pool.wait();
  }

  std::vector<ClangTidyError> All;
  std::set<std::string> Promoted; // checks --warnings-as-errors promotes
  bool CompileErrors = false;
  unsigned WarningsAsErrorsCount = 0;
  FixBehaviour Behaviour =
      FixNotes ? FB_FixNotes : ((Fix || FixErrors) ? FB_Fix : FB_NoFix);
  for (UnitResult &R : Results) {
    if (!R.Context)
      return InputError;
    for (const ClangTidyError &E : R.Errors) {
      CompileErrors |= isCompileError(E);
      if (!isCompileError(E) && R.Context->treatAsError(E.DiagnosticName))
        Promoted.insert(E.DiagnosticName);
      All.push_back(E);
    }
    bool UnitHasCompileErrors = llvm::any_of(R.Errors, isCompileError);
    FixBehaviour UnitFix =
        UnitHasCompileErrors && !FixErrors ? FB_NoFix : Behaviour;
    if (Format == "text") {
      handleErrors(R.Errors, *R.Context, UnitFix, WarningsAsErrorsCount,
                   BaseFS);
    } else {
      for (const ClangTidyError &E : R.Errors)
        if (!isCompileError(E) && R.Context->treatAsError(E.DiagnosticName))
          ++WarningsAsErrorsCount;
    }
  }

  if (!ExportFixes.empty()) {
    std::error_code EC;
    raw_fd_ostream OS(ExportFixes, EC, sys::fs::OF_None);
    if (EC) {
      error("cannot write '" + ExportFixes + "': " + EC.message());
      return InputError;
    }
    exportReplacements(Files.front(), All, OS);
  }
  SmallString<256> Root(SarifRoot);
  if (Root.empty())
    sys::fs::current_path(Root);
  sys::fs::make_absolute(Root);
  sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
  if (!ExportSarif.empty()) {
    std::error_code EC;
    raw_fd_ostream OS(ExportSarif, EC, sys::fs::OF_Text);
    if (EC) {
      error("cannot write '" + ExportSarif + "': " + EC.message());
      return InputError;
    }
    viewguard::writeSarif(All, Promoted, Root, viewguard::fullVersion(),
                          viewguard::docDirectory(), OS);
  }
  if (Format == "sarif")
    viewguard::writeSarif(All, Promoted, Root, viewguard::fullVersion(),
                          viewguard::docDirectory(), outs());

  if (CompileErrors) {
    if (!Quiet)
      error("the input does not compile; it was not analysed");
    return InputError;
  }
  if (WarningsAsErrorsCount) {
    if (!Quiet)
      errs() << WarningsAsErrorsCount << " warning"
             << (WarningsAsErrorsCount == 1 ? "" : "s") << " treated as error"
             << (WarningsAsErrorsCount == 1 ? "" : "s") << "\n";
    return Findings;
  }
  return Clean;
}
