// callnames: for every call and construction in the main file, prints the
// name a viewguard model rule must use for the callee (ruleName(), copied from
// lib/ViewGuard/Analysis/ApiModel.cpp at 2f7cee8), the raw
// getQualifiedNameAsString(), the declaring class, the parameter types as
// typeMatches() sees them, the result type and the pattern's source location;
// for every variable its type and first-base chain. A probe, not part of the
// build:
//   clang++-19 -std=c++17 -O1 -fno-rtti -I/usr/lib/llvm-19/include callnames.cpp \
//     -L/usr/lib/llvm-19/lib -lclang-cpp -lLLVM-19 -Wl,-rpath,/usr/lib/llvm-19/lib -o callnames
//   ./callnames probe.cpp -- -std=c++17 -isystem /usr/include/eigen3 \
//     -isystem /usr/lib/llvm-19/lib/clang/19/include
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/Tooling.h"
#include "clang/Lex/Lexer.h"
#include "llvm/Support/CommandLine.h"
using namespace clang;

static std::string ruleName(const NamedDecl *D) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
    return ruleName(Ctor->getParent()) + "::" + Ctor->getParent()->getNameAsString();
  if (const auto *FD = dyn_cast<FunctionDecl>(D))
    if (const FunctionDecl *P = FD->getTemplateInstantiationPattern())
      D = P;
  if (const auto *RD = dyn_cast<CXXRecordDecl>(D))
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
      if (ClassTemplateDecl *TD = Spec->getSpecializedTemplate())
        D = TD->getTemplatedDecl();
  return D->getQualifiedNameAsString();
}
static std::string typeName(QualType T) {
  QualType C = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (const auto *RD = C->getAsCXXRecordDecl()) return ruleName(RD);
  return C.getAsString();
}
static std::string paramList(const FunctionDecl *FD) {
  std::string S = "(";
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    if (I) S += ", ";
    S += typeName(FD->getParamDecl(I)->getType());
  }
  S += ")";
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) {
    if (MD->isConst()) S += " const";
    if (MD->getRefQualifier() == RQ_LValue) S += " &";
    if (MD->getRefQualifier() == RQ_RValue) S += " &&";
  }
  return S;
}

class V : public RecursiveASTVisitor<V> {
public:
  ASTContext &Ctx;
  explicit V(ASTContext &C) : Ctx(C) {}
  bool shouldVisitTemplateInstantiations() const { return false; }
  std::string text(SourceRange R) {
    auto &SM = Ctx.getSourceManager();
    std::string s = Lexer::getSourceText(CharSourceRange::getTokenRange(R), SM, Ctx.getLangOpts()).str();
    for (auto &c : s) if (c == '\n') c = ' ';
    if (s.size() > 60) s = s.substr(0, 57) + "...";
    return s;
  }
  bool inMain(SourceLocation L) {
    auto &SM = Ctx.getSourceManager();
    return SM.isInMainFile(SM.getExpansionLoc(L));
  }
  void report(const Expr *E, const FunctionDecl *FD, const char *kind) {
    if (!FD || !inMain(E->getBeginLoc())) return;
    auto &SM = Ctx.getSourceManager();
    unsigned line = SM.getExpansionLineNumber(E->getBeginLoc());
    std::string cls = "-";
    if (const auto *MD = dyn_cast<CXXMethodDecl>(FD)) cls = ruleName(MD->getParent());
    const FunctionDecl *P = FD->getTemplateInstantiationPattern();
    llvm::outs() << "L" << line << "\t" << kind << "\t`" << text(E->getSourceRange()) << "`\n"
                 << "\tname: " << ruleName(FD) << "\n\traw: " << FD->getQualifiedNameAsString() << "\n"
                 << "\tclass: " << cls << "   params: " << paramList(FD)
                 << (FD->getPrimaryTemplate() ? "  [function template]" : "")
                 << (P ? "" : "  [no pattern]") << "\n"
                 << "\tresult: " << typeName(E->getType()) << "\n";
    { const FunctionDecl *Src = P ? P : FD; SourceLocation L = SM.getExpansionLoc(Src->getLocation());
      llvm::outs() << "\tat: " << SM.getFilename(L) << ":" << SM.getExpansionLineNumber(L) << "\n"; }
  }
  bool VisitCallExpr(CallExpr *C) {
    const char *k = isa<CXXOperatorCallExpr>(C) ? "op" : isa<CXXMemberCallExpr>(C) ? "member" : "call";
    report(C, C->getDirectCallee(), k);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    report(C, C->getConstructor(), "ctor");
    return true;
  }
  bool VisitVarDecl(VarDecl *D) {
    if (!inMain(D->getLocation()) || isa<ParmVarDecl>(D)) return true;
    auto &SM = Ctx.getSourceManager();
    llvm::outs() << "L" << SM.getExpansionLineNumber(D->getLocation()) << "\tvar\t" << D->getName()
                 << " : " << typeName(D->getType());
    if (const auto *RD = D->getType().getNonReferenceType()->getAsCXXRecordDecl()) {
      std::string chain; const CXXRecordDecl *Cur = RD;
      while (Cur && Cur->hasDefinition() && Cur->getNumBases() > 0) {
        const CXXRecordDecl *B = Cur->bases_begin()->getType()->getAsCXXRecordDecl();
        if (!B) break;
        std::string n = ruleName(B);
        if (const auto *S = dyn_cast<ClassTemplateSpecializationDecl>(B))
          if (auto P = S->getSpecializedTemplateOrPartial(); P.is<ClassTemplatePartialSpecializationDecl*>()) {
            std::string a; llvm::raw_string_ostream os(a);
            P.get<ClassTemplatePartialSpecializationDecl*>()->getTemplateArgs().get(S->getTemplateArgs().size()>1?1:0).print(Ctx.getPrintingPolicy(), os, true);
            n += "<partial: " + os.str() + ">";
          }
        chain += " -> " + n; Cur = B;
      }
      llvm::outs() << "   bases(first):" << chain;
    }
    llvm::outs() << "\n";
    return true;
  }
};
class C : public ASTConsumer {
public:
  void HandleTranslationUnit(ASTContext &Ctx) override { V(Ctx).TraverseDecl(Ctx.getTranslationUnitDecl()); }
};
class A : public ASTFrontendAction {
public:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, StringRef) override { return std::make_unique<C>(); }
};
static llvm::cl::OptionCategory Cat("callnames");
int main(int argc, const char **argv) {
  auto OP = tooling::CommonOptionsParser::create(argc, argv, Cat);
  if (!OP) { llvm::errs() << OP.takeError(); return 2; }
  tooling::ClangTool T(OP->getCompilations(), OP->getSourcePathList());
  return T.run(tooling::newFrontendActionFactory<A>().get());
}
