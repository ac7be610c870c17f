#include <string>
#include <utility>

void f() {
  std::string s = "x";
  std::string t = std::move(s);
  s.size();
  // The column is wrong on purpose.
  // CHECK-MESSAGES: :[[@LINE-3]]:4: warning: 's' used after it was moved [bugprone-use-after-move]
}
