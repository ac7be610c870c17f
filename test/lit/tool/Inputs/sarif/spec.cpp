// The spec's seed case (a slice is a view: writing it changes the source,
// and both are printed as if independent), plus a mask assignment to a
// temporary copy: a warning with notes and a .copy() fix-it on a note, and a
// warning with its own fix-it.
#include <iostream>
#include <nd/nd.hpp>

int main() {
  nd::array<int> data = {10, 20, 30, 40, 50};
  auto sliced = data(nd::slice(1, 4));
  sliced[0] = 111;
  std::cout << "Sliced: " << sliced << "\n";
  std::cout << "Original: " << data << "\n";
  data(data > 25) = 0;
  std::cout << data << "\n";
}
