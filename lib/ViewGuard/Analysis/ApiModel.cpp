//===--- ApiModel.cpp - What the analysed library's functions do ----------===//

#include "ApiModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace viewguard {

// The annotation vocabulary (docs/annotations.md; nd spells it in
// lib/nd/include/nd/annotations.hpp, and test/lit/tool/vocabulary.test holds
// the two together). Every string is "viewguard::" followed by one of these.
static constexpr llvm::StringLiteral AnnotationPrefix = "viewguard::";
static constexpr llvm::StringLiteral ArrayAnnotation = "array";
static constexpr std::pair<llvm::StringLiteral, Role> FunctionAnnotations[] = {
    {"returns_view", Role::View},
    {"returns_view:permuted", Role::ViewPermuted},
    {"returns_view:indexed", Role::ViewIndexed},
    {"returns_view_or_copy", Role::ViewOrCopy},
    {"returns_owner", Role::Owner},
    {"writes", Role::Writes},
    {"element", Role::Element},
    {"metadata", Role::Metadata},
};
/// "returns_copy:<how>", <how> naming the derivation.
static constexpr llvm::StringLiteral CopyAnnotationPrefix = "returns_copy:";
static constexpr std::pair<llvm::StringLiteral, IndexKind> IndexAnnotations[] =
    {
        {"index:slice", IndexKind::Slice},
        {"index:all", IndexKind::All},
        {"index:newaxis", IndexKind::NewAxis},
        {"index:placeholder", IndexKind::Placeholder},
};

static std::vector<std::string> splitNames(llvm::StringRef List) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  List.split(Parts, ';', -1, /*KeepEmpty=*/false);
  std::vector<std::string> Names;
  for (llvm::StringRef P : Parts) {
    P = P.trim();
    if (P.consume_front("::"))
      ; // Qualified names are compared without the leading "::".
    if (!P.empty())
      Names.push_back(P.str());
  }
  return Names;
}

std::string ApiOptions::key() const {
  std::string Key;
  forEach(*this, [&](llvm::StringRef, const std::string &Value) {
    Key += Value;
    Key += '|';
  });
  return Key;
}

ApiModel::ApiModel(ApiOptions Opts) : Options(std::move(Opts)) {
  ArrayTypeNames = splitNames(Options.ArrayTypes);
  ViewNames = splitNames(Options.ViewFunctions);
  ViewOrCopyNames = splitNames(Options.ViewOrCopyFunctions);
  CopyNames = splitNames(Options.CopyFunctions);
  WritingNames = splitNames(Options.WritingFunctions);
  MetadataNames = splitNames(Options.MetadataFunctions);
  ElementNames = splitNames(Options.ElementFunctions);
}

/// Yields the viewguard annotations of \p D (the part after "viewguard::").
template <typename Fn> static void forEachAnnotation(const Decl *D, Fn F) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
    llvm::StringRef S = A->getAnnotation();
    if (S.consume_front(AnnotationPrefix))
      F(S);
  }
}

static bool hasAnnotation(const Decl *D, llvm::StringRef Name) {
  bool Found = false;
  forEachAnnotation(D, [&](llvm::StringRef S) { Found |= S == Name; });
  return Found;
}

static bool nameIn(const NamedDecl *D, const std::vector<std::string> &Names) {
  if (Names.empty())
    return false;
  std::string Q = D->getQualifiedNameAsString();
  return llvm::is_contained(Names, Q);
}

bool ApiModel::isArrayClass(const CXXRecordDecl *RD) const {
  if (!RD)
    return false;
  RD = RD->getCanonicalDecl();
  auto It = ArrayCache.find(RD);
  if (It != ArrayCache.end())
    return It->second;
  bool Result = false;
  // The attribute sits on the class template's pattern; instantiations and
  // their redeclarations inherit it, but look at the pattern to be sure.
  const CXXRecordDecl *Pattern = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    if (ClassTemplateDecl *TD = Spec->getSpecializedTemplate())
      Pattern = TD->getTemplatedDecl();
  for (const CXXRecordDecl *C : {RD, Pattern})
    for (const Decl *R : C->redecls())
      Result |= hasAnnotation(R, ArrayAnnotation);
  if (!Result)
    Result = nameIn(Pattern, ArrayTypeNames) || nameIn(RD, ArrayTypeNames);
  ArrayCache[RD] = Result;
  return Result;
}

bool ApiModel::isArrayType(QualType T) const {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (const auto *RD = T->getAsCXXRecordDecl())
    return isArrayClass(RD);
  return false;
}

IndexKind ApiModel::indexKindOf(QualType T) const {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isIntegralOrUnscopedEnumerationType() && !T->isBooleanType())
    return IndexKind::Integer;
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return IndexKind::Other;
  IndexKind Kind = IndexKind::Other;
  for (const Decl *R : RD->redecls())
    forEachAnnotation(R, [&](llvm::StringRef S) {
      for (const auto &[Name, K] : IndexAnnotations)
        if (S == Name)
          Kind = K;
    });
  return Kind;
}

FunctionRole ApiModel::roleOf(const FunctionDecl *FD) const {
  if (!FD)
    return {};
  FD = FD->getCanonicalDecl();
  auto It = RoleCache.find(FD);
  if (It != RoleCache.end())
    return It->second;
  FunctionRole R = computeRole(FD);
  RoleCache[FD] = R;
  return R;
}

FunctionRole ApiModel::computeRole(const FunctionDecl *FD) const {
  FunctionRole R;
  auto Consider = [&](const FunctionDecl *D) {
    for (const FunctionDecl *Redecl : D->redecls())
      forEachAnnotation(Redecl, [&](llvm::StringRef S) {
        for (const auto &[Name, Kind] : FunctionAnnotations)
          if (S == Name)
            R.Kind = Kind;
        if (S.consume_front(CopyAnnotationPrefix)) {
          R.Kind = Role::Copy;
          R.CopyKind = S.str();
        }
      });
  };
  Consider(FD);
  // Template instantiations carry the attributes of their pattern, but member
  // functions of class templates are looked up through the pattern to be safe.
  if (R.Kind == Role::None)
    if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
      Consider(P);
  if (R.Kind != Role::None)
    return R;

  // Options name functions as written in the source: a member of a class
  // template is `ns::Tensor::fill_`, whatever the instantiation.
  const FunctionDecl *Named = FD;
  if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
    Named = P;
  auto Listed = [&](const std::vector<std::string> &Names) {
    return nameIn(FD, Names) || nameIn(Named, Names);
  };
  if (Listed(ViewNames))
    R.Kind = Role::View;
  else if (Listed(ViewOrCopyNames))
    R.Kind = Role::ViewOrCopy;
  else if (Listed(CopyNames)) {
    R.Kind = Role::Copy;
    R.CopyKind = FD->getNameAsString() + "()";
  } else if (Listed(WritingNames))
    R.Kind = Role::Writes;
  else if (Listed(MetadataNames))
    R.Kind = Role::Metadata;
  else if (Listed(ElementNames))
    R.Kind = Role::Element;
  return R;
}

static const NamespaceDecl *topLevelNamespace(const Decl *D) {
  const NamespaceDecl *Top = nullptr;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      Top = NS;
  return Top ? Top->getCanonicalDecl() : nullptr;
}

bool ApiModel::isLibraryFunction(const FunctionDecl *FD) const {
  if (roleOf(FD).Kind != Role::None)
    return true;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (isArrayClass(MD->getParent()))
      return true;
  // Code in the main file is the user's, whatever namespace it is in.
  const SourceManager &SM = FD->getASTContext().getSourceManager();
  if (SM.isInMainFile(SM.getExpansionLoc(FD->getLocation())))
    return false;
  const NamespaceDecl *NS = topLevelNamespace(FD);
  if (!NS)
    return false;
  auto It = LibraryNamespaces.find(NS);
  if (It != LibraryNamespaces.end())
    return It->second;
  // A namespace that declares an array class is that library's namespace.
  bool IsLibrary = false;
  std::vector<const DeclContext *> Work;
  for (const NamespaceDecl *R : NS->redecls())
    Work.push_back(R);
  while (!Work.empty() && !IsLibrary) {
    const DeclContext *DC = Work.back();
    Work.pop_back();
    for (const Decl *D : DC->decls()) {
      if (const auto *Inner = dyn_cast<NamespaceDecl>(D))
        Work.push_back(Inner);
      else if (const auto *CTD = dyn_cast<ClassTemplateDecl>(D))
        IsLibrary |= isArrayClass(CTD->getTemplatedDecl());
      else if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
        IsLibrary |= isArrayClass(RD);
      if (IsLibrary)
        break;
    }
  }
  LibraryNamespaces[NS] = IsLibrary;
  return IsLibrary;
}

} // namespace viewguard
