//===--- LibraryModel.cpp - A library's API described in a model file -----===//

#include "LibraryModel.h"
#include "ApiModel.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include <mutex>

using namespace viewguard;

LLVM_YAML_IS_SEQUENCE_VECTOR(viewguard::TypeRule)
LLVM_YAML_IS_SEQUENCE_VECTOR(viewguard::FunctionRule)
LLVM_YAML_IS_SEQUENCE_VECTOR(viewguard::FieldRule)
LLVM_YAML_IS_SEQUENCE_VECTOR(viewguard::AliasingPolicy::RegionRule)

namespace llvm::yaml {

template <> struct MappingTraits<TypeRule> {
  static void mapping(IO &Io, TypeRule &R) {
    Io.mapRequired("Name", R.Name);
    Io.mapRequired("Kind", R.Kind);
  }
};

template <> struct MappingTraits<FunctionRule> {
  static void mapping(IO &Io, FunctionRule &R) {
    Io.mapRequired("Name", R.Name);
    Io.mapOptional("Params", R.Params);
    Io.mapOptional("Qualifier", R.Qualifier);
    Io.mapOptional("Role", R.Role);
    Io.mapOptional("Outputs", R.Outputs);
    Io.mapOptional("MayOutputs", R.MayOutputs);
  }
};

template <> struct MappingTraits<FieldRule> {
  static void mapping(IO &Io, FieldRule &R) {
    Io.mapRequired("Name", R.Name);
    Io.mapRequired("Role", R.Role);
  }
};

template <> struct MappingTraits<FixItSpellings> {
  static void mapping(IO &Io, FixItSpellings &F) {
    Io.mapOptional("Copy", F.Copy);
    Io.mapOptional("Assign", F.Assign);
    Io.mapOptional("Put", F.Put);
  }
};

template <> struct MappingTraits<AliasingPolicy::RegionRule> {
  static void mapping(IO &Io, AliasingPolicy::RegionRule &R) {
    Io.mapRequired("Name", R.Name);
    Io.mapRequired("Args", R.Args);
  }
};

template <> struct MappingTraits<AliasingPolicy> {
  static void mapping(IO &Io, AliasingPolicy &A) {
    Io.mapOptional("Assignment", A.Assignment);
    Io.mapOptional("Temporaries", A.Temporaries);
    Io.mapOptional("NoAlias", A.NoAlias);
    Io.mapOptional("Regions", A.Regions);
  }
};

template <> struct MappingTraits<LibraryModel> {
  static void mapping(IO &Io, LibraryModel &M) {
    Io.mapRequired("Library", M.Library);
    Io.mapOptional("Description", M.Description);
    Io.mapOptional("Types", M.Types);
    Io.mapOptional("Functions", M.Functions);
    Io.mapOptional("Fields", M.Fields);
    Io.mapOptional("FixIts", M.FixIts);
    Io.mapOptional("ByValueParameters", M.ByValueParameters);
    Io.mapOptional("Aliasing", M.Aliasing);
    Io.mapOptional("ValueTypeMember", M.ValueTypeMember);
  }
};

} // namespace llvm::yaml

namespace viewguard {

static llvm::Error modelError(llvm::StringRef Path, const llvm::Twine &What) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "library model '" + Path + "': " + What);
}

/// The semantic checks YAML cannot make: every role and kind is a word of
/// the vocabulary, and every placeholder of a fix-it is known.
static llvm::Error validate(const LibraryModel &M) {
  for (const TypeRule &T : M.Types)
    if (!isTypeAnnotation(T.Kind))
      return modelError(M.Path,
                        "type '" + T.Name + "': unknown kind '" + T.Kind + "'");
  for (const FunctionRule &F : M.Functions) {
    if (F.Name.empty())
      return modelError(M.Path, "a function has an empty name");
    if (!F.Role.empty() && !parseFunctionAnnotation(F.Role))
      return modelError(M.Path, "function '" + F.Name + "': unknown role '" +
                                    F.Role + "'");
    if (F.Role.empty() && F.Outputs.empty() && F.MayOutputs.empty())
      return modelError(M.Path, "function '" + F.Name +
                                    "': neither a role nor outputs");
    if (!F.Qualifier.empty() && F.Qualifier != "&" && F.Qualifier != "&&" &&
        F.Qualifier != "const")
      return modelError(M.Path, "function '" + F.Name +
                                    "': the qualifier must be '&', '&&' or "
                                    "'const', not '" +
                                    F.Qualifier + "'");
  }
  if (!M.ByValueParameters.empty() && M.ByValueParameters != "handle" &&
      M.ByValueParameters != "copy-like")
    return modelError(M.Path, "ByValueParameters must be 'handle' or "
                              "'copy-like', not '" +
                                  M.ByValueParameters + "'");
  if (!M.Aliasing.Assignment.empty() && M.Aliasing.Assignment != "in-place" &&
      M.Aliasing.Assignment != "temporary")
    return modelError(M.Path, "Aliasing.Assignment must be 'in-place' or "
                              "'temporary', not '" +
                                  M.Aliasing.Assignment + "'");
  for (const auto &R : M.Aliasing.Regions)
    for (const std::string &A : R.Args)
      if (A != "row" && A != "col" && A != "rows" && A != "cols")
        return modelError(M.Path, "region '" + R.Name + "': argument '" + A +
                                      "' is not row, col, rows or cols");
  for (const FieldRule &F : M.Fields)
    if (F.Role != "metadata")
      return modelError(M.Path, "field '" + F.Name + "': unknown role '" +
                                    F.Role + "' (fields can be 'metadata')");
  for (const std::string *Spelling :
       {&M.FixIts.Copy, &M.FixIts.Assign, &M.FixIts.Put}) {
    llvm::StringRef S = *Spelling;
    while (!S.empty()) {
      size_t Open = S.find('{');
      if (Open == llvm::StringRef::npos)
        break;
      size_t Close = S.find('}', Open);
      llvm::StringRef Name = S.slice(Open + 1, Close);
      if (Close == llvm::StringRef::npos ||
          (Name != "array" && Name != "value" && Name != "index" &&
           Name != "indices"))
        return modelError(M.Path, "fix-it '" + *Spelling +
                                      "': placeholders are {array}, {value}, "
                                      "{index} and {indices}");
      S = S.drop_front(Close + 1);
    }
  }
  return llvm::Error::success();
}

llvm::Expected<std::shared_ptr<const LibraryModel>>
readLibraryModel(llvm::StringRef Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return modelError(Path, Buffer.getError().message());
  auto M = std::make_shared<LibraryModel>();
  std::string Diagnostics;
  llvm::yaml::Input In(
      (*Buffer)->getBuffer(), nullptr,
      [](const llvm::SMDiagnostic &D, void *Out) {
        llvm::raw_string_ostream OS(*static_cast<std::string *>(Out));
        OS << "line " << D.getLineNo() << ": " << D.getMessage();
      },
      &Diagnostics);
  In >> *M;
  if (In.error())
    return modelError(Path,
                      Diagnostics.empty() ? In.error().message() : Diagnostics);
  M->Path = Path.str();
  if (llvm::Error E = validate(*M))
    return std::move(E);
  return M;
}

/// Whether a `Libraries` entry names a file rather than a shipped model.
static bool isPath(llvm::StringRef Entry) {
  return Entry.contains('/') || Entry.ends_with(".yaml");
}

llvm::Expected<std::vector<std::shared_ptr<const LibraryModel>>>
loadLibraryModels(llvm::StringRef Libraries, llvm::StringRef ModelDirectory) {
  static std::mutex Lock;
  static llvm::StringMap<std::shared_ptr<const LibraryModel>> Cache;
  std::vector<std::shared_ptr<const LibraryModel>> Models;
  llvm::SmallVector<llvm::StringRef, 4> Entries;
  Libraries.split(Entries, ';', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Entry : Entries) {
    Entry = Entry.trim();
    if (Entry.empty())
      continue;
    std::string Path = Entry.str();
    if (!isPath(Entry)) {
      if (ModelDirectory.empty())
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "library model '" + Entry +
                "': the shipped models were not found (no share/viewguard/"
                "models next to viewguard); name a model file by its path");
      llvm::SmallString<256> P(ModelDirectory);
      llvm::sys::path::append(P, Entry + ".yaml");
      if (!llvm::sys::fs::exists(P)) {
        std::vector<std::string> Names;
        std::error_code EC;
        for (llvm::sys::fs::directory_iterator It(ModelDirectory, EC), End;
             It != End && !EC; It.increment(EC))
          if (llvm::sys::path::extension(It->path()) == ".yaml")
            Names.push_back(llvm::sys::path::stem(It->path()).str());
        llvm::sort(Names);
        std::string Known = llvm::join(Names, ", ");
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "unknown library '" + Entry +
                "' (shipped models: " + (Known.empty() ? "none" : Known) +
                "; a model file is named by its path)");
      }
      Path = std::string(P);
    }
    std::lock_guard<std::mutex> Guard(Lock);
    auto It = Cache.find(Path);
    if (It == Cache.end()) {
      auto M = readLibraryModel(Path);
      if (!M)
        return M.takeError();
      It = Cache.try_emplace(Path, std::move(*M)).first;
    }
    Models.push_back(It->second);
  }
  return Models;
}

} // namespace viewguard
