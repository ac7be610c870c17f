// One finding: the write through the view also changes 'data'.
#include <iostream>
#include <nd/nd.hpp>

int main() {
  nd::array<int> data = {10, 20, 30, 40, 50};
  auto part = data(nd::slice(1, 4));
  part[0] = 111;
  std::cout << part << data << "\n";
}
