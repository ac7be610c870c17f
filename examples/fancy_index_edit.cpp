// The fancy-index edit that changed nothing.
//
// NumPy: `stock[[1, 3]][...] = 10` (or `sel = stock[[1, 3]]; sel[...] = 10`)
// edits a copy, because fancy indexing always copies. In nd,
// `stock(nd::indices{1, 3})` is a new array; filling it leaves stock as it
// was. The scatter that writes stock is `stock.put(nd::indices{1, 3}, 10)`.
//
// viewguard: viewguard-lost-write, with the fix-it to put().
#include <iostream>
#include <nd/nd.hpp>

int main() {
  nd::array<int> stock = {5, 0, 7, 0, 3};
  std::cout << "stock before restocking: " << stock << "\n";

  auto picked = stock(nd::indices{1, 3});
  std::cout << "items 1 and 3 (a copy):  " << picked << "\n";

  // Restock the empty items 1 and 3.
  stock(nd::indices{1, 3}).fill(10); // BUG(viewguard-lost-write): fills a temporary copy

  std::cout << "stock after restocking:  " << stock << "\n";
}

// BUGGY-OUTPUT:      stock before restocking: [5 0 7 0 3]
// BUGGY-OUTPUT-NEXT: items 1 and 3 (a copy):  [0 0]
// BUGGY-OUTPUT-NEXT: stock after restocking:  [5 0 7 0 3]
//
// FIXED-OUTPUT:      stock before restocking: [5 0 7 0 3]
// FIXED-OUTPUT-NEXT: items 1 and 3 (a copy):  [0 0]
// FIXED-OUTPUT-NEXT: stock after restocking:  [ 5 10  7 10  3]
