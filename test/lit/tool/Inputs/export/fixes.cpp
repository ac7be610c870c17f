#include <iostream>
#include <nd/nd.hpp>

int main() {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  arr(arr > 25) = 0;
  arr(nd::indices{0, 1}).fill(5);
  nd::array<int> m = nd::zeros<int>({2, 3});
  auto row = m(0, nd::all);
  row = nd::ones<int>({3});
  std::cout << arr << "\n" << m << "\n";
}
