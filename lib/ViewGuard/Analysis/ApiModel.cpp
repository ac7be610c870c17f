//===--- ApiModel.cpp - What the analysed library's functions do ----------===//

#include "ApiModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace viewguard {

// The annotation vocabulary (docs/annotations.md; nd spells it in
// lib/nd/include/nd/annotations.hpp, and test/lit/tool/vocabulary.test holds
// the two together). Every string is "viewguard::" followed by one of these.
static constexpr llvm::StringLiteral AnnotationPrefix = "viewguard::";
static constexpr llvm::StringLiteral ArrayAnnotation = "array";
/// The array kinds of value libraries (ArrayKind).
static constexpr std::pair<llvm::StringLiteral, ArrayKind> ArrayAnnotations[] =
    {
        {"array", ArrayKind::Handle},
        {"array:value", ArrayKind::Value},
        {"array:view", ArrayKind::View},
        {"array:expression", ArrayKind::Expression},
};

static ArrayKind arrayKindNamed(llvm::StringRef S) {
  for (const auto &[Name, Kind] : ArrayAnnotations)
    if (S == Name)
      return Kind;
  return ArrayKind::None;
}
/// On a class: an argument wrapper whose conversions write (`output`) or only
/// read (`input`) the array; on a parameter: a destination the function
/// writes.
static constexpr llvm::StringLiteral OutputAnnotation = "output";
static constexpr llvm::StringLiteral InputAnnotation = "input";
/// On a parameter: a destination written or reallocated, depending on
/// run-time sizes and types.
static constexpr llvm::StringLiteral MayOutputAnnotation = "output:may";
static constexpr std::pair<llvm::StringLiteral, Role> FunctionAnnotations[] = {
    {"returns_view", Role::View},
    {"returns_view:permuted", Role::ViewPermuted},
    {"returns_view:indexed", Role::ViewIndexed},
    {"returns_view_or_copy", Role::ViewOrCopy},
    {"returns_owner", Role::Owner},
    {"writes", Role::Writes},
    {"writes:may", Role::MayWrite},
    {"element", Role::Element},
    {"metadata", Role::Metadata},
    {"returns_iterator", Role::Iterator},
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

std::optional<FunctionRole> parseFunctionAnnotation(llvm::StringRef S) {
  for (const auto &[Name, Kind] : FunctionAnnotations)
    if (S == Name) {
      FunctionRole R;
      R.Kind = Kind;
      return R;
    }
  if (S.consume_front(CopyAnnotationPrefix) && !S.empty()) {
    FunctionRole R;
    R.Kind = Role::Copy;
    R.CopyKind = S.str();
    return R;
  }
  return std::nullopt;
}

bool isTypeAnnotation(llvm::StringRef S) {
  if (arrayKindNamed(S) != ArrayKind::None || S == OutputAnnotation ||
      S == InputAnnotation)
    return true;
  return llvm::any_of(IndexAnnotations,
                      [&](const auto &A) { return A.first == S; });
}

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
  return Key + ModelDirectory;
}

ApiModel::ApiModel(ApiOptions Opts) : Options(std::move(Opts)) {
  ArrayTypeNames = splitNames(Options.ArrayTypes);
  ViewNames = splitNames(Options.ViewFunctions);
  ViewOrCopyNames = splitNames(Options.ViewOrCopyFunctions);
  CopyNames = splitNames(Options.CopyFunctions);
  WritingNames = splitNames(Options.WritingFunctions);
  MetadataNames = splitNames(Options.MetadataFunctions);
  ElementNames = splitNames(Options.ElementFunctions);
  if (!Options.Libraries.empty()) {
    auto Loaded = loadLibraryModels(Options.Libraries, Options.ModelDirectory);
    if (Loaded)
      Models = std::move(*Loaded);
    else
      LoadError = llvm::toString(Loaded.takeError());
  }
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

ArrayKind ApiModel::arrayKindOfClass(const CXXRecordDecl *RD) const {
  if (!RD)
    return ArrayKind::None;
  RD = RD->getCanonicalDecl();
  auto It = ArrayCache.find(RD);
  if (It != ArrayCache.end())
    return It->second;
  ArrayKind Result = ArrayKind::None;
  // The attribute sits on the class template's pattern; instantiations and
  // their redeclarations inherit it, but look at the pattern to be sure.
  const CXXRecordDecl *Pattern = RD;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    if (ClassTemplateDecl *TD = Spec->getSpecializedTemplate())
      Pattern = TD->getTemplatedDecl();
  for (const CXXRecordDecl *C : {RD, Pattern})
    for (const Decl *R : C->redecls())
      forEachAnnotation(R, [&](llvm::StringRef S) {
        if (ArrayKind K = arrayKindNamed(S); K != ArrayKind::None)
          Result = K;
      });
  if (Result == ArrayKind::None &&
      (nameIn(Pattern, ArrayTypeNames) || nameIn(RD, ArrayTypeNames)))
    Result = ArrayKind::Handle;
  if (Result == ArrayKind::None)
    Result = arrayKindNamed(modelTypeKind(RD));
  ArrayCache[RD] = Result;
  return Result;
}

ArrayKind ApiModel::arrayKindOf(QualType T) const {
  if (T.isNull())
    return ArrayKind::None;
  return arrayKindOfClass(T.getNonReferenceType()->getAsCXXRecordDecl());
}

bool ApiModel::isArrayType(QualType T) const {
  return arrayKindOf(T) != ArrayKind::None;
}

IndexKind ApiModel::indexKindOf(QualType T) const {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isIntegralOrUnscopedEnumerationType() && !T->isBooleanType())
    return IndexKind::Integer;
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD)
    return IndexKind::Other;
  IndexKind Kind = IndexKind::Other;
  auto Consider = [&](llvm::StringRef S) {
    for (const auto &[Name, K] : IndexAnnotations)
      if (S == Name)
        Kind = K;
  };
  for (const Decl *R : RD->redecls())
    forEachAnnotation(R, Consider);
  if (Kind == IndexKind::Other)
    Consider(modelTypeKind(RD));
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
        if (std::optional<FunctionRole> Parsed = parseFunctionAnnotation(S))
          R = *Parsed;
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
  if (const FunctionRule *Rule = modelRuleFor(FD))
    if (std::optional<FunctionRole> Parsed =
            parseFunctionAnnotation(Rule->Role))
      return *Parsed;

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

// ---- Model files ---------------------------------------------------------

/// The name a model rule uses for \p D: qualified, without template
/// arguments (the template's pattern for members of class templates).
static std::string ruleName(const NamedDecl *D) {
  // A constructor of a class template is `ns::Class::Class`, without the
  // injected template arguments.
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
    return ruleName(Ctor->getParent()) +
           "::" + Ctor->getParent()->getNameAsString();
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
      D = P;
  if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      if (ClassTemplateDecl *TD = Spec->getSpecializedTemplate())
        D = TD->getTemplatedDecl();
  return D->getQualifiedNameAsString();
}

/// Whether \p Name (a qualified name) is selected by \p Pattern, in which
/// `*` matches any run of characters, except in an operator's name
/// (`operator*=` is literal).
static bool nameMatches(llvm::StringRef Pattern, llvm::StringRef Name) {
  Pattern.consume_front("::");
  size_t Star = Pattern.find('*');
  if (Star != llvm::StringRef::npos &&
      Pattern.take_front(Star).contains("operator"))
    return Pattern == Name;
  if (Star == llvm::StringRef::npos)
    return Pattern == Name;
  llvm::StringRef Head = Pattern.take_front(Star);
  if (!Name.consume_front(Head))
    return false;
  llvm::StringRef Rest = Pattern.drop_front(Star + 1);
  // Try every split point for the remaining pattern (names are short).
  for (size_t I = 0; I <= Name.size(); ++I)
    if (nameMatches(Rest, Name.drop_front(I)))
      return true;
  return false;
}

/// Whether the parameter type \p T is selected by \p Pattern: a qualified
/// class or typedef name (any sugar level of the spelled type, or the class
/// template), or a builtin type as Clang prints it; references and
/// qualifiers are ignored.
static bool typeMatches(QualType T, llvm::StringRef Pattern) {
  if (Pattern == "*")
    return true;
  Pattern.consume_front("::");
  T = T.getNonReferenceType();
  // Every level of sugar: `cv::Scalar` is a typedef of `cv::Scalar_<double>`.
  for (const Type *Cur = T.getTypePtr(); Cur;) {
    if (const auto *TT = dyn_cast<TypedefType>(Cur)) {
      if (TT->getDecl()->getQualifiedNameAsString() == Pattern)
        return true;
      Cur = TT->desugar().getTypePtr();
    } else if (const auto *ET = dyn_cast<ElaboratedType>(Cur)) {
      Cur = ET->getNamedType().getTypePtr();
    } else if (const auto *ST = dyn_cast<SubstTemplateTypeParmType>(Cur)) {
      Cur = ST->getReplacementType().getTypePtr();
    } else {
      break;
    }
  }
  QualType C = T.getCanonicalType().getUnqualifiedType();
  if (const auto *RD = C->getAsCXXRecordDecl())
    return ruleName(RD) == Pattern;
  return C.getAsString() == Pattern;
}

static bool paramsMatch(const FunctionDecl *FD,
                        const std::vector<std::string> &Patterns) {
  unsigned N = FD->getNumParams();
  for (unsigned I = 0; I < Patterns.size(); ++I) {
    if (Patterns[I] == "...")
      return true;
    if (I >= N || !typeMatches(FD->getParamDecl(I)->getType(), Patterns[I]))
      return false;
  }
  return Patterns.size() == N;
}

static bool qualifierMatches(const FunctionDecl *FD, llvm::StringRef Q) {
  if (Q.empty())
    return true;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (!MD)
    return false;
  if (Q == "const")
    return MD->isConst();
  if (Q == "&&")
    return MD->getRefQualifier() == RQ_RValue;
  return MD->getRefQualifier() == RQ_LValue;
}

static bool ruleSelects(const FunctionRule &Rule, const FunctionDecl *FD,
                        llvm::StringRef Name) {
  return nameMatches(Rule.Name, Name) &&
         (!Rule.Params || paramsMatch(FD, *Rule.Params)) &&
         qualifierMatches(FD, Rule.Qualifier);
}

const FunctionRule *ApiModel::modelRuleFor(const FunctionDecl *FD) const {
  if (Models.empty())
    return nullptr;
  std::string Name = ruleName(FD);
  for (const auto &M : Models)
    for (const FunctionRule &Rule : M->Functions)
      if (!Rule.Role.empty() && ruleSelects(Rule, FD, Name)) {
        return &Rule;
      }
  return nullptr;
}

llvm::StringRef ApiModel::modelTypeKind(const CXXRecordDecl *RD,
                                        const LibraryModel **From) const {
  if (Models.empty() || !RD)
    return "";
  std::string Name = ruleName(RD);
  for (const auto &M : Models)
    for (const TypeRule &T : M->Types)
      if (nameMatches(T.Name, Name)) {
        if (From)
          *From = M.get();
        return T.Kind;
      }
  return "";
}

bool ApiModel::assignsInPlace(QualType T) const {
  const LibraryModel *From = nullptr;
  if (T.isNull() || arrayKindNamed(modelTypeKind(
                        T.getNonReferenceType()->getAsCXXRecordDecl(),
                        &From)) == ArrayKind::None)
    return false;
  return From && From->Aliasing.Assignment == "in-place";
}

static const NamespaceDecl *topLevelNamespace(const Decl *D);

std::string ApiModel::valueTypeName(QualType T) const {
  const auto *RD =
      T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  const LibraryModel *From = nullptr;
  if (!RD || arrayKindNamed(modelTypeKind(RD, &From)) == ArrayKind::None ||
      !From || From->ValueTypeMember.empty() || !RD->hasDefinition())
    return "";
  // The member typedef (`PlainObject`), looked up in the class and its
  // bases.
  ASTContext &Ctx = RD->getASTContext();
  QualType Value;
  auto Find = [&](const CXXRecordDecl *C) {
    for (const NamedDecl *D : C->lookup(&Ctx.Idents.get(From->ValueTypeMember)))
      if (const auto *TD = dyn_cast<TypedefNameDecl>(D)) {
        Value = TD->getUnderlyingType();
        return true;
      }
    return false;
  };
  if (!Find(RD))
    RD->forallBases([&](const CXXRecordDecl *B) { return !Find(B); });
  if (Value.isNull() || Value->isDependentType())
    return "";
  const Type *Canonical = Value.getCanonicalType().getTypePtr();
  const NamespaceDecl *NS = topLevelNamespace(RD);
  if (!NS)
    return "";
  auto [It, New] = TypedefNames.try_emplace(NS);
  if (New)
    for (const NamespaceDecl *R : NS->redecls())
      for (const Decl *D : R->decls())
        if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
          if (!TD->getUnderlyingType()->isDependentType())
            It->second.try_emplace(
                TD->getUnderlyingType().getCanonicalType().getTypePtr(),
                TD->getQualifiedNameAsString());
  auto Name = It->second.find(Canonical);
  return Name == It->second.end() ? "" : Name->second;
}

bool ApiModel::isTemporaryExpression(QualType T) const {
  const auto *RD =
      T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || Models.empty())
    return false;
  std::string Name = ruleName(RD);
  for (const auto &M : Models)
    for (const std::string &P : M->Aliasing.Temporaries)
      if (nameMatches(P, Name))
        return true;
  return false;
}

const std::vector<std::string> *
ApiModel::regionArgs(const FunctionDecl *FD) const {
  if (!FD || Models.empty())
    return nullptr;
  std::string Name = ruleName(FD);
  for (const auto &M : Models)
    for (const auto &R : M->Aliasing.Regions)
      if (nameMatches(R.Name, Name))
        return &R.Args;
  return nullptr;
}

bool ApiModel::isNoAliasFunction(const FunctionDecl *FD) const {
  if (!FD || Models.empty())
    return false;
  std::string Name = ruleName(FD);
  for (const auto &M : Models)
    for (const std::string &P : M->Aliasing.NoAlias)
      if (nameMatches(P, Name))
        return true;
  return false;
}

bool ApiModel::byValueIsHandle(QualType T) const {
  const LibraryModel *From = nullptr;
  if (T.isNull() ||
      modelTypeKind(T->getAsCXXRecordDecl(), &From) != ArrayAnnotation)
    return false;
  return From && From->ByValueParameters == "handle";
}

/// Whether \p E, an index argument, holds an array: directly, through the
/// library's index type built from it (`TensorIndex(mask)`), or as an
/// element of a braced list (`{Slice(), idx}`).
static bool holdsArray(const Expr *E, const ApiModel &M, int Depth = 0) {
  if (!E || Depth > 8)
    return false;
  E = E->IgnoreImplicit()->IgnoreParens();
  if (M.isArrayType(E->getType()))
    return true;
  if (const auto *MT = dyn_cast<MaterializeTemporaryExpr>(E))
    return holdsArray(MT->getSubExpr(), M, Depth + 1);
  if (const auto *SIL = dyn_cast<CXXStdInitializerListExpr>(E))
    return holdsArray(SIL->getSubExpr(), M, Depth + 1);
  if (const auto *IL = dyn_cast<InitListExpr>(E))
    return llvm::any_of(IL->inits(), [&](const Expr *I) {
      return holdsArray(I, M, Depth + 1);
    });
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    return llvm::any_of(CE->arguments(), [&](const Expr *A) {
      return holdsArray(A, M, Depth + 1);
    });
  return false;
}

FunctionRole ApiModel::roleOfCall(const CallExpr *Call) const {
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  FunctionRole R = roleOf(FD);
  if (R.Kind == Role::ViewIndexed) {
    // Basic indexing given an array is advanced indexing: a copy.
    llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
    if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(FD))
      Args = Args.drop_front();
    if (llvm::any_of(Args,
                     [&](const Expr *A) { return holdsArray(A, *this); })) {
      R.Kind = Role::Copy;
      R.CopyKind = "advanced indexing";
      R.IndexCopy = true;
    }
  } else if (R.Kind == Role::Copy && R.CopyKind != "explicit" && FD) {
    // A copying indexing operator (`a(idx)`, `t[idx]`) takes one index.
    auto Op = FD->getOverloadedOperator();
    R.IndexCopy =
        (Op == OO_Call || Op == OO_Subscript) && FD->getNumParams() == 1;
  }
  return R;
}

/// The standard algorithms that write through iterator arguments, and
/// which ones (an array's begin()/end() passed there is written: sorting a
/// view's elements sorts its base). Algorithms not listed read.
static constexpr std::pair<llvm::StringLiteral, unsigned>
    StdWritingArguments[] = {
        {"sort", 0b11},          {"stable_sort", 0b11},
        {"partial_sort", 0b111}, {"nth_element", 0b111},
        {"reverse", 0b11},       {"rotate", 0b111},
        {"shuffle", 0b11},       {"random_shuffle", 0b11},
        {"fill", 0b11},          {"fill_n", 0b1},
        {"iota", 0b11},          {"generate", 0b11},
        {"generate_n", 0b1},     {"replace", 0b11},
        {"replace_if", 0b11},    {"copy", 0b100},
        {"copy_n", 0b100},       {"copy_backward", 0b100},
        {"move", 0b100},         {"swap_ranges", 0b111},
        {"transform", 0b1100},   {"partition", 0b11},
        {"make_heap", 0b11},     {"sort_heap", 0b11},
};

/// Whether \p FD is a standard algorithm that writes through its argument
/// \p ArgIdx. `transform`'s destination is argument 2 (unary) or 3
/// (binary): the mask names both, the argument's type tells which.
static bool stdWritesArgument(const FunctionDecl *FD, unsigned ArgIdx) {
  if (!FD->isInStdNamespace() || !FD->getIdentifier() || ArgIdx >= 32)
    return false;
  for (const auto &[Name, Mask] : StdWritingArguments)
    if (FD->getName() == Name) {
      if (Name == "transform")
        return ArgIdx == (FD->getNumParams() == 4 ? 2u : 3u);
      return (Mask >> ArgIdx) & 1;
    }
  return false;
}

OutputKind ApiModel::outputKindOf(const FunctionDecl *FD,
                                  unsigned ArgIdx) const {
  if (!FD || ArgIdx >= FD->getNumParams())
    return OutputKind::None;
  if (stdWritesArgument(FD, ArgIdx))
    return OutputKind::Definite;
  const ParmVarDecl *P = FD->getParamDecl(ArgIdx);
  if (hasAnnotation(P, MayOutputAnnotation))
    return OutputKind::May;
  if (hasAnnotation(P, OutputAnnotation))
    return OutputKind::Definite;
  OutputKind Kind = argumentKindOf(P->getType()) == ArgumentKind::Output
                        ? OutputKind::Definite
                        : OutputKind::None;
  if (Models.empty())
    return Kind;
  std::string Name = ruleName(FD);
  for (const auto &M : Models)
    for (const FunctionRule &Rule : M->Functions) {
      bool May = llvm::is_contained(Rule.MayOutputs, ArgIdx);
      bool Definite = llvm::is_contained(Rule.Outputs, ArgIdx);
      if ((May || Definite) && ruleSelects(Rule, FD, Name))
        return May ? OutputKind::May : OutputKind::Definite;
    }
  return Kind;
}

ArgumentKind ApiModel::argumentKindOf(QualType T) const {
  const auto *RD =
      T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return ArgumentKind::None;
  ArgumentKind Kind = ArgumentKind::None;
  auto Consider = [&](llvm::StringRef S) {
    if (S == OutputAnnotation)
      Kind = ArgumentKind::Output;
    else if (S == InputAnnotation)
      Kind = ArgumentKind::Input;
  };
  for (const Decl *R : RD->redecls())
    forEachAnnotation(R, Consider);
  if (Kind == ArgumentKind::None)
    Consider(modelTypeKind(RD));
  return Kind;
}

bool ApiModel::isMetadataField(const FieldDecl *FD) const {
  if (!FD)
    return false;
  if (hasAnnotation(FD, "metadata"))
    return true;
  if (Models.empty())
    return false;
  std::string Name = FD->getQualifiedNameAsString();
  if (const auto *RD = dyn_cast<CXXRecordDecl>(FD->getParent()))
    Name = ruleName(RD) + "::" + FD->getNameAsString();
  for (const auto &M : Models)
    for (const FieldRule &F : M->Fields)
      if (nameMatches(F.Name, Name))
        return true;
  return false;
}

std::string ApiModel::fixItSpelling(llvm::StringRef Which) const {
  for (const auto &M : Models) {
    const std::string &S = Which == "Copy"     ? M->FixIts.Copy
                           : Which == "Assign" ? M->FixIts.Assign
                                               : M->FixIts.Put;
    if (!S.empty())
      return S;
  }
  return "";
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
