//===--- LibraryModel.h - A library's API described in a model file -------===//
//
// A library that cannot carry `[[clang::annotate("viewguard::...")]]`
// attributes (OpenCV, libtorch) is described by a model file: the same
// vocabulary as the annotations (docs/annotations.md), attached to types,
// functions (selected by qualified name, parameter types and qualifiers) and
// fields by name instead of by attribute. Shipped models live in models/
// and are selected with the `Libraries` option; a user's own file is named by
// its path. docs/models.md describes the format.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_ANALYSIS_LIBRARYMODEL_H
#define VIEWGUARD_ANALYSIS_LIBRARYMODEL_H

#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace viewguard {

/// A type and what it is: "array", "output" or "input" (an argument wrapper
/// that writes or only reads the array converted to it), or an index kind.
struct TypeRule {
  std::string Name;
  std::string Kind;
};

/// One function or overload set and its role.
struct FunctionRule {
  /// A qualified name without template arguments; `*` matches any run of
  /// characters (`at::*_out`, `at::Tensor::*_`). Constructors are named
  /// `ns::Class::Class`.
  std::string Name;
  /// When given, the overload's parameter types, one pattern each (see
  /// docs/models.md): a qualified class or typedef name, a builtin type,
  /// `*` for any one parameter, `...` for any remaining ones.
  std::optional<std::vector<std::string>> Params;
  /// "", "&", "&&" (the ref-qualifier), or "const".
  std::string Qualifier;
  /// An annotation of the vocabulary ("returns_view", "writes", ...), or ""
  /// when the rule only names outputs.
  std::string Role;
  /// Indices of explicit arguments that the function writes (destinations,
  /// like a parameter annotated `viewguard::output`).
  std::vector<unsigned> Outputs;
  /// Indices of explicit arguments the function writes or reallocates,
  /// depending on run-time sizes and types (OpenCV's cvtColor, resize):
  /// like `output:may`. Wins over an output wrapper's type.
  std::vector<unsigned> MayOutputs;
};

/// A data member and its role: "metadata" (rows, cols, step).
struct FieldRule {
  std::string Name;
  std::string Role;
};

/// The library's spellings for the checks' fix-its. Placeholders: {array}
/// the array (the copied expression, the assigned handle, the indexed
/// array), {value} the assigned value, {index} the index argument as
/// written, {indices} the same as a braced list (`mask` -> `{mask}`).
struct FixItSpellings {
  std::string Copy;   ///< A deliberate copy: "{array}.clone()".
  std::string Assign; ///< Copy elements into a view: "{value}.copyTo({array})".
  std::string
      Put; ///< Scatter through an index: "{array}.put({index}, {value})".
};

/// How the library evaluates `dst = expression`.
struct AliasingPolicy {
  /// "in-place" when the destination is written while the right side is
  /// read (Eigen), so a right side reading the destination's storage in
  /// another order (a transpose) reads already-written elements; "" or
  /// "temporary" when the right side is evaluated first (xtensor).
  std::string Assignment;
  /// Expression types evaluated into a temporary first even so (Eigen's
  /// Product): reading the destination through them is safe.
  std::vector<std::string> Temporaries;
  /// Functions that promise no aliasing and skip that temporary
  /// (`m.noalias() = m * m` is wrong).
  std::vector<std::string> NoAlias;
  /// View functions whose constant arguments give the rectangle they view,
  /// each argument one of "row", "col", "rows", "cols" (Eigen's
  /// `block(row, col, rows, cols)`, `row(row)`, `col(col)`): an assignment
  /// between two overlapping, different rectangles of one array aliases.
  struct RegionRule {
    std::string Name;
    std::vector<std::string> Args;
  };
  std::vector<RegionRule> Regions;
};

struct LibraryModel {
  std::string Library;     ///< The name `Libraries` selects it by.
  std::string Description; ///< One line, for humans.
  std::vector<TypeRule> Types;
  std::vector<FunctionRule> Functions;
  std::vector<FieldRule> Fields;
  FixItSpellings FixIts;
  /// "handle" when the library passes its arrays by value as handles to the
  /// caller's data (OpenCV, libtorch); "copy-like" (the default) when a
  /// by-value parameter reads like the callee's own copy (nd).
  std::string ByValueParameters;
  AliasingPolicy Aliasing;
  /// The member type of a view or expression class that names its value
  /// type (Eigen's `PlainObject`): the fix-it then replaces `auto` with the
  /// library's typedef for it (`Eigen::VectorXd`).
  std::string ValueTypeMember;
  std::string Path; ///< Where it was read from.
};

/// Reads and validates a model file: a YAML syntax error, an unknown key or
/// a role outside the vocabulary is an error naming the file and the entry.
llvm::Expected<std::shared_ptr<const LibraryModel>>
readLibraryModel(llvm::StringRef Path);

/// Loads the models a `Libraries` option names: each entry is a shipped
/// model's name (`opencv`, looked up as <ModelDirectory>/opencv.yaml) or a
/// model file's path. Loaded models are cached for the process.
llvm::Expected<std::vector<std::shared_ptr<const LibraryModel>>>
loadLibraryModels(llvm::StringRef Libraries, llvm::StringRef ModelDirectory);

} // namespace viewguard

#endif // VIEWGUARD_ANALYSIS_LIBRARYMODEL_H
