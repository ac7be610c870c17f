//===--- ApiModel.h - What the analysed library's functions do ------------===//
//
// viewguard knows no function names. It learns an array library's API from
// `[[clang::annotate("viewguard::...")]]` attributes (see
// lib/nd/include/nd/annotations.hpp) and, for libraries that cannot be
// annotated, from check options naming types and functions by qualified name.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_APIMODEL_H
#define VIEWGUARD_ANALYSIS_APIMODEL_H

#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace viewguard {

/// What a call does to the array it is applied to (its object for a member
/// function, else its first array parameter).
enum class Role {
  None,         ///< Not described: judged by its signature.
  View,         ///< Returns a view, layout preserved.
  ViewPermuted, ///< Returns a view with permuted axes (transpose).
  ViewIndexed,  ///< Returns a view selected by basic-index arguments.
  ViewOrCopy,   ///< Returns a view when the layout allows it, else a copy.
  Copy,         ///< Returns a copy; CopyKind says how it was made.
  Owner,        ///< Returns a fresh array derived from no array argument.
  Writes,       ///< Writes the elements of its object.
  Element,      ///< Returns a reference to one element of its object.
  Metadata,     ///< Looks at shape, strides or identity only.
};

/// The kind of an argument of a basic-indexing call.
enum class IndexKind { Other, Integer, Slice, All, NewAxis, Placeholder };

struct FunctionRole {
  Role Kind = Role::None;
  /// For Role::Copy: how the copy is made ("fancy indexing", "explicit", ...).
  std::string CopyKind;
};

/// The options a check can set to describe a library without annotations.
/// Each is a semicolon-separated list of fully qualified names.
struct ApiOptions {
  std::string ArrayTypes;
  std::string ViewFunctions;
  std::string ViewOrCopyFunctions;
  std::string CopyFunctions;
  std::string WritingFunctions;
  std::string MetadataFunctions;
  std::string ElementFunctions;

  /// Identifies the configuration, for caching analyses across checks.
  std::string key() const;

  /// Calls \p F with each option's name and value: the one list of these
  /// options that the checks read, store and cache by.
  template <typename Self, typename Fn>
  static void forEach(Self &Options, Fn F) {
    F("ArrayTypes", Options.ArrayTypes);
    F("ViewFunctions", Options.ViewFunctions);
    F("ViewOrCopyFunctions", Options.ViewOrCopyFunctions);
    F("CopyFunctions", Options.CopyFunctions);
    F("WritingFunctions", Options.WritingFunctions);
    F("MetadataFunctions", Options.MetadataFunctions);
    F("ElementFunctions", Options.ElementFunctions);
  }
};

class ApiModel {
public:
  explicit ApiModel(ApiOptions Options);

  /// True for a (possibly cv-qualified or referenced) array handle type.
  bool isArrayType(clang::QualType T) const;
  bool isArrayClass(const clang::CXXRecordDecl *RD) const;
  FunctionRole roleOf(const clang::FunctionDecl *FD) const;
  IndexKind indexKindOf(clang::QualType T) const;
  /// True when \p FD belongs to an array library (its top-level namespace is
  /// the one of an array class): such functions are described by annotations
  /// and signatures, never analysed or summarised themselves.
  bool isLibraryFunction(const clang::FunctionDecl *FD) const;

  const ApiOptions &options() const { return Options; }

private:
  ApiOptions Options;
  std::vector<std::string> ArrayTypeNames, ViewNames, ViewOrCopyNames,
      CopyNames, WritingNames, MetadataNames, ElementNames;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, bool> ArrayCache;
  mutable llvm::DenseMap<const clang::FunctionDecl *, FunctionRole> RoleCache;
  mutable llvm::DenseMap<const clang::NamespaceDecl *, bool> LibraryNamespaces;

  FunctionRole computeRole(const clang::FunctionDecl *FD) const;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_APIMODEL_H
