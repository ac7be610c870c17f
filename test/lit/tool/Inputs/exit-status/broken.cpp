// Does not compile: a type error in code that uses nd.
#include <nd/nd.hpp>

int main() {
  nd::array<int> data = {10, 20, 30};
  nd::array<int> *p = data;
  return p != nullptr;
}
