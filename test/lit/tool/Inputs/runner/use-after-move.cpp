// Input of the runner's own tests: clang-tidy's built-in checks only.
#include <string>
#include <utility>

void f() {
  std::string s = "x";
  std::string t = std::move(s);
  s.size();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 's' used after it was moved [bugprone-use-after-move]
  // CHECK-NOTES-N: :[[@LINE-2]]:3: warning: 's' used after it was moved [bugprone-use-after-move]
  // CHECK-NOTES-N: :[[@LINE-4]]:19: note: move occurred here
}

void g(int *p) {
  if (p == 0)
    return;
  // CHECK-MESSAGES-FIX: :[[@LINE-2]]:12: warning: use nullptr [modernize-use-nullptr]
  // CHECK-FIXES-FIX: if (p == nullptr)
}
