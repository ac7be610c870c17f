//===--- ViewGuardCheckBase.h - What the viewguard checks share -----------===//
//
// Every viewguard check matches function bodies (and lambda bodies), asks the
// shared AnalysisCache for their provenance analysis and reports queries over
// it. This base does the matching, the API options, the de-duplication across
// template instantiations, and the notes and fix-its the checks share.
//
//===----------------------------------------------------------------------===//

#ifndef VIEWGUARD_VIEWGUARDCHECKBASE_H
#define VIEWGUARD_VIEWGUARDCHECKBASE_H

#include "Analysis/ApiModel.h"
#include "Analysis/FunctionAnalysis.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "llvm/ADT/DenseSet.h"
#include <functional>

namespace viewguard {

class ViewGuardCheckBase : public clang::tidy::ClangTidyCheck {
public:
  ViewGuardCheckBase(llvm::StringRef Name,
                     clang::tidy::ClangTidyContext *Context);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder) override;
  void check(const clang::ast_matchers::MatchFinder::MatchResult &Result) final;
  bool isLanguageVersionSupported(
      const clang::LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void onEndOfTranslationUnit() override;

protected:
  /// Reports this check's defects in one analysed function.
  virtual void checkFunction(const FunctionAnalysis &A) = 0;

  /// The first event after \p From (on some CFG path that does not redefine
  /// the event's variable) that satisfies \p Pred, among \p Candidates
  /// (indices into A.events(), ascending: the events of the storage or the
  /// variable \p Pred asks about, so that a query costs what it concerns and
  /// not the whole function).
  static const Event *firstAfter(const FunctionAnalysis &A, const Event &From,
                                 llvm::ArrayRef<unsigned> Candidates,
                                 llvm::function_ref<bool(const Event &)> Pred,
                                 bool *LoopCarried = nullptr);
  static bool isRead(const Event &E) {
    return E.Kind == EventKind::Read || E.Kind == EventKind::Escape;
  }
  /// Whether \p U, seen with \p URef, is the base of a view whose ref is
  /// \p ViewRef: the storage's own handle or a variable the view came from.
  static bool isBaseOf(const clang::ValueDecl *U, const Ref &URef,
                       const Ref &ViewRef);

  /// Where to report an expression: its expansion site inside macros.
  clang::SourceLocation reportLoc(const clang::Expr *E) const;
  bool inMacro(const clang::Expr *E) const;
  /// True the first time a diagnostic is claimed at \p Loc (template
  /// instantiations share locations: one diagnostic per defect).
  bool claim(clang::SourceLocation Loc);
  std::string sourceText(const clang::Expr *E) const;
  /// The name of what an event uses: its variable, or the container element
  /// it went through (`rows[k]`).
  std::string useName(const Event &E) const;
  /// Where to point at what an event uses: the container element it went
  /// through, or the variable.
  clang::SourceLocation useLoc(const Event &E) const {
    return reportLoc(E.Element ? E.Element : E.UseExpr);
  }
  /// The note at a view's creation, with the `.copy()` fix-it when
  /// \p OfferCopy, unless the defect itself (\p Defect) or the initializer
  /// is inside a macro.
  void noteViewCreated(const clang::ValueDecl *V, const Ref &R,
                       const clang::Expr *Defect, bool OfferCopy = true);
  /// For an `auto` variable holding a view or an expression of a value
  /// library, the fix-it that names the value type instead of `auto`.
  std::optional<clang::FixItHint> valueTypeFix(const clang::ValueDecl *V) const;
  /// Appends " on the next iteration of the loop" when \p LoopCarried.
  static std::string iterationSuffix(bool LoopCarried);

  /// Fills a fix-it spelling's placeholders ({array}, {value}, {index}).
  static std::string spell(llvm::StringRef Spelling, llvm::StringRef Array,
                           llvm::StringRef Value = "",
                           llvm::StringRef Index = "");

  ApiOptions ApiOpts;
  /// The options naming nd-style methods (empty when unset).
  std::string CopyMethod, AssignMethod, PutMethod;
  /// The fix-its' spellings: an option's method, else the selected model's
  /// (FixIts in a model file), else nd's (`copy`, `assign`, `put`).
  std::string CopySpelling, AssignSpelling, PutSpelling;
  clang::ASTContext *Ctx = nullptr;

private:
  /// Analyses one function body (a function, a lambda's call operator, an
  /// instantiation of a generic lambda) and reports its defects.
  void checkBody(const clang::FunctionDecl *FD, const clang::Stmt *Body);
  bool reportable(clang::SourceLocation Loc) const;

  llvm::DenseSet<unsigned> Claimed;
  /// Whether a header filter is set (--header-filter, HeaderFilterRegex):
  /// only then can a diagnostic outside the main file be shown.
  bool HeadersShown = false;
};

} // namespace viewguard

#endif // VIEWGUARD_VIEWGUARDCHECKBASE_H
