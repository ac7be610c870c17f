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

#include "LibraryModel.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
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
  MayWrite,     ///< Writes them or rebinds, depending on run-time sizes.
  Element,      ///< Returns a reference to one element of its object.
  Metadata,     ///< Looks at shape, strides or identity only.
  Iterator,     ///< Returns an iterator over its elements (begin, end).
};

/// What kind of array type a class is. Handles (`nd::array`, `cv::Mat`,
/// `at::Tensor`) share storage on copy and rebind on assignment. Value
/// libraries (Eigen, xtensor) have value arrays, whose copies copy the
/// elements and whose assignment writes them, view types (`Eigen::Block`,
/// `xt::xview`), whose copies share and whose assignment writes through, and
/// lazy expressions (`Eigen::CwiseBinaryOp`, `xt::xfunction`), read-only
/// views of all their operands.
enum class ArrayKind { None, Handle, Value, View, Expression };

/// The kind of an argument of a basic-indexing call.
enum class IndexKind { Other, Integer, Slice, All, NewAxis, Placeholder };

/// What an argument wrapper type does with the array converted to it
/// (OpenCV's `_InputArray`, `_OutputArray`).
enum class ArgumentKind { None, Input, Output };

/// Whether a call writes one of its arguments: not at all, always, or
/// depending on run-time sizes and types (OpenCV reallocates a destination
/// whose size or type differs from the result's, leaving its old pixels
/// alone: such a write counts only for StrictMode).
enum class OutputKind { None, May, Definite };

struct FunctionRole {
  Role Kind = Role::None;
  /// For Role::Copy: how the copy is made ("fancy indexing", "explicit", ...).
  std::string CopyKind;
  /// Set by ApiModel::roleOfCall on a copy that an index argument made
  /// (`t.index({mask})`, `a(idx)`): the library's put fix-it applies.
  bool IndexCopy = false;
};

/// Parses one function annotation of the vocabulary ("returns_view",
/// "returns_copy:gather", "writes", ...): annotations and model files share
/// it.
std::optional<FunctionRole> parseFunctionAnnotation(llvm::StringRef Name);
/// Whether \p Name is an annotation a type can carry ("array", "output",
/// "input", "index:slice", ...).
bool isTypeAnnotation(llvm::StringRef Name);

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
  /// Shipped models or model files (LibraryModel.h), `opencv;libtorch`.
  std::string Libraries;
  /// Where the shipped models are (set by the checks, not an option).
  std::string ModelDirectory;

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
    F("Libraries", Options.Libraries);
  }
};

class ApiModel {
public:
  explicit ApiModel(ApiOptions Options);

  /// True for a (possibly cv-qualified or referenced) array type of any
  /// kind.
  bool isArrayType(clang::QualType T) const;
  bool isArrayClass(const clang::CXXRecordDecl *RD) const {
    return arrayKindOfClass(RD) != ArrayKind::None;
  }
  ArrayKind arrayKindOf(clang::QualType T) const;
  ArrayKind arrayKindOfClass(const clang::CXXRecordDecl *RD) const;
  FunctionRole roleOf(const clang::FunctionDecl *FD) const;
  /// The role of one call: roleOf its callee, refined by its arguments (a
  /// basic-indexing call given an array as an index is advanced indexing,
  /// which copies).
  FunctionRole roleOfCall(const clang::CallExpr *Call) const;
  /// Whether \p FD writes its explicit argument \p ArgIdx: the parameter is
  /// annotated `output` (`output:may`), a model lists it in Outputs
  /// (MayOutputs), or its type is an output wrapper. A "may" listed for the
  /// function wins over its parameter's type.
  OutputKind outputKindOf(const clang::FunctionDecl *FD, unsigned ArgIdx) const;
  /// What a (possibly referenced) argument wrapper type does.
  ArgumentKind argumentKindOf(clang::QualType T) const;
  /// Whether a by-value parameter of type \p T is, by the library's idiom,
  /// a handle the caller passes to be updated (a model's
  /// `ByValueParameters: handle`) rather than a copy-looking input.
  bool byValueIsHandle(clang::QualType T) const;
  /// Whether assigning to an array of type \p T writes it while reading the
  /// right side (a model's `Aliasing: {Assignment: in-place}`).
  bool assignsInPlace(clang::QualType T) const;
  /// Whether the expression type \p T is evaluated into a temporary before
  /// an assignment (Eigen's Product).
  bool isTemporaryExpression(clang::QualType T) const;
  /// The meaning of \p FD's arguments as a rectangle ("row", "col", "rows",
  /// "cols"), from a model's `Aliasing.Regions`; null when it has none.
  const std::vector<std::string> *
  regionArgs(const clang::FunctionDecl *FD) const;
  /// Whether \p FD promises that an assignment does not alias (`noalias()`).
  bool isNoAliasFunction(const clang::FunctionDecl *FD) const;
  /// The library's name for the value type of the view or expression type
  /// \p T (`Eigen::VectorXd` for a `Reshaped` of a `MatrixXd`), from the
  /// model's `ValueTypeMember` and a typedef of the library's namespace;
  /// empty when there is none.
  std::string valueTypeName(clang::QualType T) const;
  /// Whether reading the field \p FD of an array only looks at metadata.
  bool isMetadataField(const clang::FieldDecl *FD) const;
  IndexKind indexKindOf(clang::QualType T) const;
  /// The library's fix-it spelling for \p Which ("Copy", "Assign", "Put"),
  /// from the first selected model that has one; empty when none has.
  std::string fixItSpelling(llvm::StringRef Which) const;
  /// Why the selected models could not be loaded; empty when they were.
  const std::string &loadError() const { return LoadError; }
  /// True when \p FD belongs to an array library (its top-level namespace is
  /// the one of an array class): such functions are described by annotations
  /// and signatures, never analysed or summarised themselves.
  bool isLibraryFunction(const clang::FunctionDecl *FD) const;

  const ApiOptions &options() const { return Options; }

private:
  ApiOptions Options;
  std::vector<std::string> ArrayTypeNames, ViewNames, ViewOrCopyNames,
      CopyNames, WritingNames, MetadataNames, ElementNames;
  mutable llvm::DenseMap<const clang::CXXRecordDecl *, ArrayKind> ArrayCache;
  mutable llvm::DenseMap<const clang::FunctionDecl *, FunctionRole> RoleCache;
  mutable llvm::DenseMap<const clang::NamespaceDecl *, bool> LibraryNamespaces;
  /// Per library namespace: canonical type -> its typedef's qualified name.
  mutable llvm::DenseMap<const clang::NamespaceDecl *,
                         llvm::DenseMap<const clang::Type *, std::string>>
      TypedefNames;
  std::vector<std::shared_ptr<const LibraryModel>> Models;
  std::string LoadError;

  FunctionRole computeRole(const clang::FunctionDecl *FD) const;
  /// The first model rule that selects \p FD, or null.
  const FunctionRule *modelRuleFor(const clang::FunctionDecl *FD) const;
  /// The kind a model gives the class \p RD (or its template), or "".
  llvm::StringRef modelTypeKind(const clang::CXXRecordDecl *RD,
                                const LibraryModel **From = nullptr) const;
};

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_APIMODEL_H
