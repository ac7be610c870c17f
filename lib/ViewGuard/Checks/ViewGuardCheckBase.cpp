//===--- ViewGuardCheckBase.cpp - What the viewguard checks share ---------===//

#include "ViewGuardCheckBase.h"
#include "Analysis/AnalysisCache.h"
#include "Analysis/AstHelpers.h"
#include "Analysis/TrackedVariables.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <dlfcn.h>

using namespace clang;
using namespace clang::ast_matchers;

namespace viewguard {

/// The shipped models' directory, found relative to the file this code was
/// loaded from, so that it works for the module inside clang-tidy-19 and for
/// the viewguard command, in a build tree and under any install prefix:
///   <prefix>/bin/viewguard                      -> <prefix>/share/viewguard
///   <prefix>/lib/viewguard/ViewGuardTidyModule.so -> <prefix>/share/viewguard
///   build/lib/ViewGuardTidyModule.so            -> build/share/viewguard
static std::string findModelDirectory() {
  Dl_info Info;
  if (!dladdr(reinterpret_cast<void *>(&findModelDirectory), &Info) ||
      !Info.dli_fname)
    return "";
  llvm::SmallString<256> Self;
  if (llvm::sys::fs::real_path(Info.dli_fname, Self))
    Self = Info.dli_fname;
  llvm::StringRef Dir = llvm::sys::path::parent_path(Self);
  for (const char *Up : {"..", "../.."}) {
    llvm::SmallString<256> Candidate(Dir);
    llvm::sys::path::append(Candidate, Up, "share", "viewguard", "models");
    llvm::sys::path::remove_dots(Candidate, /*remove_dot_dot=*/true);
    if (llvm::sys::fs::is_directory(Candidate))
      return std::string(Candidate);
  }
  return "";
}

ViewGuardCheckBase::ViewGuardCheckBase(StringRef Name,
                                       tidy::ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context) {
  const auto &Filter = Context->getOptions().HeaderFilterRegex;
  HeadersShown = Filter && !Filter->empty();
  // The API description is usually set once for all viewguard checks, as a
  // global option; a check-local value wins.
  ApiOptions::forEach(ApiOpts, [&](llvm::StringRef Name, std::string &Value) {
    Value = Options.getLocalOrGlobal(Name, "").str();
  });
  static const std::string ModelDirectory = findModelDirectory();
  ApiOpts.ModelDirectory = ModelDirectory;
  CopyMethod = Options.getLocalOrGlobal("CopyMethod", "").str();
  AssignMethod = Options.getLocalOrGlobal("AssignMethod", "").str();
  PutMethod = Options.getLocalOrGlobal("PutMethod", "").str();
  if (!ApiOpts.Libraries.empty()) {
    // A model that cannot be read is an error of the configuration, said
    // once per check; the check then runs without it.
    auto Loaded = loadLibraryModels(ApiOpts.Libraries, ApiOpts.ModelDirectory);
    if (!Loaded)
      configurationDiag("%0", DiagnosticIDs::Error)
          << llvm::toString(Loaded.takeError());
    else
      for (const auto &Model : *Loaded) {
        // The first selected model that spells a fix-it decides it.
        for (auto [Slot, Spelling] :
             {std::pair{&CopySpelling, &Model->FixIts.Copy},
              std::pair{&AssignSpelling, &Model->FixIts.Assign},
              std::pair{&PutSpelling, &Model->FixIts.Put}})
          if (Slot->empty())
            *Slot = *Spelling;
      }
  }
  // An option naming the library's method wins over a model's spelling;
  // nd's methods are the default.
  auto Resolve = [](const std::string &Method, std::string &Slot,
                    llvm::StringRef Before, llvm::StringRef After,
                    llvm::StringRef Default) {
    if (!Method.empty())
      Slot = (Before + Method + After).str();
    else if (Slot.empty())
      Slot = (Before + Default + After).str();
  };
  Resolve(CopyMethod, CopySpelling, "{array}.", "()", "copy");
  Resolve(AssignMethod, AssignSpelling, "{array}.", "({value})", "assign");
  Resolve(PutMethod, PutSpelling, "{array}.", "({index}, {value})", "put");
}

std::string ViewGuardCheckBase::spell(llvm::StringRef Spelling,
                                      llvm::StringRef Array,
                                      llvm::StringRef Value,
                                      llvm::StringRef Index) {
  std::string Out;
  while (!Spelling.empty()) {
    size_t Open = Spelling.find('{');
    Out += Spelling.take_front(Open).str();
    if (Open == llvm::StringRef::npos)
      break;
    size_t Close = Spelling.find('}', Open);
    llvm::StringRef Name = Spelling.slice(Open + 1, Close);
    if (Name == "array")
      Out += Array.str();
    else if (Name == "value")
      Out += Value.str();
    else if (Name == "indices" && !Index.starts_with("{"))
      Out += ("{" + Index + "}").str(); // libtorch's index list
    else
      Out += Index.str();
    Spelling = Spelling.drop_front(Close + 1);
  }
  return Out;
}

void ViewGuardCheckBase::storeOptions(tidy::ClangTidyOptions::OptionMap &Opts) {
  ApiOptions::forEach(ApiOpts,
                      [&](llvm::StringRef Name, const std::string &Value) {
                        Options.store(Opts, Name, Value);
                      });
  Options.store(Opts, "CopyMethod", CopyMethod);
  Options.store(Opts, "AssignMethod", AssignMethod);
  Options.store(Opts, "PutMethod", PutMethod);
}

void ViewGuardCheckBase::registerMatchers(MatchFinder *Finder) {
  // Lambda bodies are matched through their LambdaExpr, so that their
  // captures are known; every other function definition directly.
  Finder->addMatcher(
      functionDecl(isDefinition(), unless(isExpansionInSystemHeader()),
                   unless(cxxMethodDecl(ofClass(cxxRecordDecl(isLambda())))))
          .bind("function"),
      this);
  Finder->addMatcher(
      lambdaExpr(unless(isExpansionInSystemHeader())).bind("lambda"), this);
}

void ViewGuardCheckBase::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (const auto *L = Result.Nodes.getNodeAs<LambdaExpr>("lambda")) {
    if (!L->isGenericLambda()) {
      checkBody(L->getCallOperator(), L->getBody());
      return;
    }
    // A generic lambda's call operator is a template: its pattern is
    // dependent, its instantiations are analysed, each reported once per
    // location as for function templates.
    if (const FunctionTemplateDecl *T = L->getDependentCallOperator())
      for (const FunctionDecl *Spec : T->specializations())
        checkBody(Spec, Spec->getBody());
    return;
  }
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("function"))
    checkBody(FD, FD->getBody());
}

void ViewGuardCheckBase::checkBody(const FunctionDecl *FD, const Stmt *Body) {
  if (!FD || !Body || FD->isDependentContext() || FD->isInvalidDecl())
    return;
  // Code that does not compile is not analysed: its AST is incomplete and
  // the compiler's errors are what the user needs to see.
  if (Ctx->getDiagnostics().hasUncompilableErrorOccurred())
    return;
  // A function whose diagnostics clang-tidy would drop is analysed only if a
  // caller needs its summary: a header's inline functions are otherwise
  // analysed again in every translation unit that includes the header.
  if (!reportable(FD->getLocation()))
    return;
  AnalysisCache &Cache = AnalysisCache::get(*Ctx, ApiOpts);
  if (Cache.model().isLibraryFunction(FD))
    return; // the library's own implementation is described, not analysed
  AnalysisCache::Timer Time(Cache);
  if (const FunctionAnalysis *A = Cache.analysisFor(FD, Body))
    checkFunction(*A);
}

void ViewGuardCheckBase::onEndOfTranslationUnit() {
  if (Ctx)
    AnalysisCache::release(*Ctx);
  Claimed.clear();
  Ctx = nullptr;
}

bool ViewGuardCheckBase::reportable(SourceLocation Loc) const {
  if (HeadersShown)
    return true; // the header filter decides, as for any other check
  const SourceManager &SM = Ctx->getSourceManager();
  return SM.isInMainFile(SM.getExpansionLoc(Loc));
}

const Event *
ViewGuardCheckBase::firstAfter(const FunctionAnalysis &A, const Event &From,
                               llvm::ArrayRef<unsigned> Candidates,
                               llvm::function_ref<bool(const Event &)> Pred,
                               bool *LoopCarried) {
  const Event *Fallback = nullptr;
  bool FallbackLoop = false;
  for (unsigned I : Candidates) {
    const Event &E = A.events()[I];
    if (&E == &From || !Pred(E))
      continue;
    bool Loop = false;
    if (!A.after(From, E, E.Var, &Loop))
      continue;
    // Prefer a use reached without going around a loop.
    if (!Loop) {
      if (LoopCarried)
        *LoopCarried = false;
      return &E;
    }
    if (!Fallback) {
      Fallback = &E;
      FallbackLoop = true;
    }
  }
  if (LoopCarried)
    *LoopCarried = FallbackLoop;
  return Fallback;
}

bool ViewGuardCheckBase::isBaseOf(const ValueDecl *U, const Ref &URef,
                                  const Ref &ViewRef) {
  return URef.Rel == Relation::Owner ||
         llvm::is_contained(ViewRef.Ancestors, U);
}

SourceLocation ViewGuardCheckBase::reportLoc(const Expr *E) const {
  return Ctx->getSourceManager().getExpansionLoc(E->getBeginLoc());
}

bool ViewGuardCheckBase::inMacro(const Expr *E) const {
  return E->getBeginLoc().isMacroID() || E->getEndLoc().isMacroID();
}

bool ViewGuardCheckBase::claim(SourceLocation Loc) {
  return Claimed.insert(Loc.getRawEncoding()).second;
}

std::string ViewGuardCheckBase::useName(const Event &E) const {
  if (E.Element && !inMacro(E.Element)) {
    // `o->fill(0)` goes through the element `*o`.
    const auto *Arrow = dyn_cast<CXXOperatorCallExpr>(E.Element);
    std::string Text = Arrow && Arrow->getOperator() == OO_Arrow
                           ? "*" + sourceText(Arrow->getArg(0))
                           : sourceText(E.Element);
    if (!Text.empty() && Text.size() <= 40)
      return Text;
  }
  return nameOf(E.Var);
}

std::string ViewGuardCheckBase::sourceText(const Expr *E) const {
  return Lexer::getSourceText(
             CharSourceRange::getTokenRange(E->getSourceRange()),
             Ctx->getSourceManager(), Ctx->getLangOpts())
      .str();
}

void ViewGuardCheckBase::noteViewCreated(const ValueDecl *V, const Ref &R,
                                         const Expr *Defect, bool OfferCopy) {
  if (!R.Origin)
    return;
  // The `.copy()` goes after the initializer without the handle copy around
  // it (`auto b = a;` -> `a`, `nd::array<int> b(a);` -> `a`).
  const Expr *Target = strip(R.Origin, /*HandleCopies=*/true);
  // A container holds views: its element is the view. A variable made from
  // a container (a range-for variable) is one of its elements: no `.copy()`
  // of the container would help.
  const ApiModel &Model = AnalysisCache::get(*Ctx, ApiOpts).model();
  bool Container = V && isContainerOfArrays(V->getType(), Model);
  if (isContainerOfArrays(R.Origin->getType(), Model)) {
    diag(reportLoc(R.Origin), "'%0' is an element of '%1'", DiagnosticIDs::Note)
        << nameOf(V)
        << nameOf(R.Ancestors.empty() ? nullptr : R.Ancestors.front());
    return;
  }
  // Taken from a container whose element was made here.
  bool FromContainer =
      R.Ancestors.size() >= 2 &&
      isContainerOfArrays(R.Ancestors.front()->getType(), Model);
  const char *Text =
      FromContainer ? "'%0' is an element of '%1', a view of '%2' made here"
      : Container
          ? (R.Ancestors.empty() ? "an element of '%0' is a view made here"
                                 : "an element of '%0' is a view of '%1' "
                                   "made here")
      : R.Ancestors.empty() ? "'%0' is a view created here"
                            : "'%0' is a view of '%1' created here";
  DiagnosticBuilder Note = diag(reportLoc(R.Origin), Text, DiagnosticIDs::Note);
  Note << nameOf(V);
  if (!R.Ancestors.empty())
    Note << nameOf(R.Ancestors.front());
  if (FromContainer)
    Note << nameOf(R.Ancestors.back());
  // A structured binding's initializer is not written in the source.
  if (isa_and_nonnull<BindingDecl>(V))
    return;
  if (!OfferCopy || !Target || inMacro(Target) || inMacro(R.Origin) ||
      (Defect && inMacro(Defect)))
    return;
  // In a value library, `auto` keeps a view or a lazy expression; the
  // idiom is to name the value type (`Eigen::MatrixXd b = m.block(...)`).
  if (std::optional<FixItHint> Fix = valueTypeFix(V)) {
    Note << *Fix;
    return;
  }
  const SourceManager &SM = Ctx->getSourceManager();
  SourceLocation End = Lexer::getLocForEndOfToken(Target->getEndLoc(), 0, SM,
                                                  Ctx->getLangOpts());
  if (End.isInvalid())
    return;
  // A postfix `.copy()` binds tighter than anything but a primary or postfix
  // expression: parenthesize the rest.
  const Expr *Bare = Target->IgnoreImplicit();
  // A view made by a constructor in a declaration (`cv::Mat sub(img, roi)`)
  // has no expression to append to.
  if (isa<CXXConstructExpr>(Bare) && !isa<CXXTemporaryObjectExpr>(Bare))
    return;
  bool Postfix =
      isa<DeclRefExpr, MemberExpr, CallExpr, ParenExpr, CXXConstructExpr,
          ArraySubscriptExpr>(Bare) &&
      !(isa<CXXOperatorCallExpr>(Bare) &&
        cast<CXXOperatorCallExpr>(Bare)->getOperator() != OO_Call &&
        cast<CXXOperatorCallExpr>(Bare)->getOperator() != OO_Subscript);
  llvm::StringRef Spelling = CopySpelling;
  if (Spelling.consume_front("{array}") && !Spelling.contains('{')) {
    // A method (`.copy()`, `.clone()`): appended.
    if (Postfix) {
      Note << FixItHint::CreateInsertion(End, Spelling.str());
    } else {
      Note << FixItHint::CreateInsertion(Target->getBeginLoc(), "(")
           << FixItHint::CreateInsertion(End, ")" + Spelling.str());
    }
    return;
  }
  // A free function (`xt::eval({array})`): the initializer is replaced.
  std::string Initializer = sourceText(Target);
  if (!Initializer.empty())
    Note << FixItHint::CreateReplacement(
        CharSourceRange::getTokenRange(Target->getSourceRange()),
        spell(CopySpelling, Initializer));
}

std::optional<FixItHint>
ViewGuardCheckBase::valueTypeFix(const ValueDecl *V) const {
  const auto *Var = dyn_cast_or_null<VarDecl>(V);
  if (!Var || !Var->getTypeSourceInfo())
    return std::nullopt;
  // Plain `auto` (not `auto &`, not `const auto`).
  auto Auto = Var->getTypeSourceInfo()->getTypeLoc().getAs<AutoTypeLoc>();
  if (Auto.isNull() || Var->getType().isConstQualified() ||
      Var->getType()->isReferenceType() || Auto.getBeginLoc().isMacroID())
    return std::nullopt;
  const ApiModel &Model = AnalysisCache::get(*Ctx, ApiOpts).model();
  ArrayKind Kind = Model.arrayKindOf(Var->getType());
  if (Kind != ArrayKind::View && Kind != ArrayKind::Expression)
    return std::nullopt;
  std::string Name = Model.valueTypeName(Var->getType());
  if (Name.empty())
    return std::nullopt;
  return FixItHint::CreateReplacement(
      CharSourceRange::getTokenRange(Auto.getSourceRange()), Name);
}

std::string ViewGuardCheckBase::iterationSuffix(bool LoopCarried) {
  return LoopCarried ? ", on the next iteration of the loop" : "";
}

} // namespace viewguard
