// The chained mask assignment.
//
// NumPy: `readings[readings > 5] = 0` writes readings, because Python turns
// it into one __setitem__ call. In C++ `readings(readings > 5)` is evaluated
// first and returns a copy (mask indexing copies), and `= 0` then assigns to
// that temporary: readings never changes. nd's scatter is
// `readings.put(readings > 5, 0)`.
//
// viewguard: viewguard-lost-write, with the fix-it to put().
#include <iostream>
#include <nd/nd.hpp>

int main() {
  nd::array<int> readings = {3, 8, 1, 9, 6, 2};
  std::cout << "readings before clipping: " << readings << "\n";

  // Clip every reading above 5 to 0.
  readings(readings > 5) = 0; // BUG(viewguard-lost-write): assigns to a temporary copy

  std::cout << "readings after clipping:  " << readings << "\n";
  std::cout << "readings above 5 left:    " << readings(readings > 5).size() << "\n";
}

// BUGGY-OUTPUT:      readings before clipping: [3 8 1 9 6 2]
// BUGGY-OUTPUT-NEXT: readings after clipping:  [3 8 1 9 6 2]
// BUGGY-OUTPUT-NEXT: readings above 5 left:    3
//
// FIXED-OUTPUT:      readings before clipping: [3 8 1 9 6 2]
// FIXED-OUTPUT-NEXT: readings after clipping:  [3 0 1 0 0 2]
// FIXED-OUTPUT-NEXT: readings above 5 left:    0
