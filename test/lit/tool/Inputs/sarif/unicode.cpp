// The seed case with non-ASCII text in a string literal before the read of
// 'sliced': SARIF columns count code points (columnKind unicodeCodePoints),
// the compiler's columns count bytes.
#include <iostream>
#include <nd/nd.hpp>

int main() {
  nd::array<int> data = {10, 20, 30, 40, 50};
  auto sliced = data(nd::slice(1, 4));
  sliced[0] = 111;
  std::cout << "Größe → " << sliced << "\n";
  std::cout << data << "\n";
}
