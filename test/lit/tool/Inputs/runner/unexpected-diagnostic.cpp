// No CHECK lines: the runner must fail, because a diagnostic is produced.
#include <string>
#include <utility>

void f() {
  std::string s = "x";
  std::string t = std::move(s);
  s.size();
}
