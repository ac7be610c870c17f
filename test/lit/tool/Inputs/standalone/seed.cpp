#include <iostream>
#include <nd/nd.hpp>

int main() {
  nd::array<int> data = {10, 20, 30, 40, 50};
  auto sliced = data(nd::slice(1, 4));
  sliced[0] = 111;
  std::cout << sliced << data << "\n";
}
