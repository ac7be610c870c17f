// viewguard-lost-write: the assignment goes to a temporary copy.
#include <iostream>
#include <nd/nd.hpp>

int main() {
  nd::array<int> readings = {3, 7, 1, 9};
  readings(readings > 5) = 0;
  std::cout << readings << "\n";
}
