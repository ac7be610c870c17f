// The slice that changed the original.
//
// NumPy: `window = prices[1:4]; window[0] = 0` also zeroes prices[1], because
// basic slicing returns a view. nd's slices are views too. The program edits
// the window as if it were its own array and then prints both.
//
// viewguard: viewguard-view-mutation at the write; the fix (a note's fix-it,
// applied with --fix-notes) makes the window a copy.
#include <iostream>
#include <nd/nd.hpp>

int main() {
  nd::array<int> prices = {100, 102, 105, 103, 110};
  std::cout << "prices before:          " << prices << "\n";

  auto window = prices(nd::slice(1, 4));
  window[0] = 0; // BUG(viewguard-view-mutation): also writes prices[1]

  std::cout << "window after window[0]: " << window << "\n";
  std::cout << "prices after window[0]: " << prices << "\n";
}

// What it prints (the bug: prices changed):
// BUGGY-OUTPUT:      prices before:          [100 102 105 103 110]
// BUGGY-OUTPUT-NEXT: window after window[0]: [  0 105 103]
// BUGGY-OUTPUT-NEXT: prices after window[0]: [100   0 105 103 110]
//
// What the author meant (after viewguard's fixes):
// FIXED-OUTPUT:      prices before:          [100 102 105 103 110]
// FIXED-OUTPUT-NEXT: window after window[0]: [  0 105 103]
// FIXED-OUTPUT-NEXT: prices after window[0]: [100 102 105 103 110]
