// The row swap through a view.
//
// The textbook swap with a temporary, written with a view as the temporary:
// `tmp` is row i itself, so after row i is overwritten with row j, `tmp`
// holds row j too, and both rows end up equal. NumPy: `tmp = m[i]` has the
// same problem; `m[[i, j]] = m[[j, i]]` or `tmp = m[i].copy()` is the swap.
//
// viewguard: viewguard-stale-view at the read of tmp; the fix (a note's
// fix-it, --fix-notes) makes tmp a copy.
#include <iostream>
#include <nd/nd.hpp>

void swap_rows(nd::array<int> &m, int i, int j) {
  auto tmp = m(i, nd::all);
  m(i, nd::all) = m(j, nd::all);
  m(j, nd::all) = tmp; // BUG(viewguard-stale-view): tmp already holds row j
}

int main() {
  nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
  std::cout << "before swap_rows(m, 0, 1):\n" << m << "\n";
  swap_rows(m, 0, 1);
  std::cout << "after swap_rows(m, 0, 1):\n" << m << "\n";
}

// BUGGY-OUTPUT:      before swap_rows(m, 0, 1):
// BUGGY-OUTPUT-NEXT: {{\[\[}}1 2 3]
// BUGGY-OUTPUT-NEXT:  [4 5 6]]
// BUGGY-OUTPUT-NEXT: after swap_rows(m, 0, 1):
// BUGGY-OUTPUT-NEXT: {{\[\[}}4 5 6]
// BUGGY-OUTPUT-NEXT:  [4 5 6]]
//
// FIXED-OUTPUT:      before swap_rows(m, 0, 1):
// FIXED-OUTPUT-NEXT: {{\[\[}}1 2 3]
// FIXED-OUTPUT-NEXT:  [4 5 6]]
// FIXED-OUTPUT-NEXT: after swap_rows(m, 0, 1):
// FIXED-OUTPUT-NEXT: {{\[\[}}4 5 6]
// FIXED-OUTPUT-NEXT:  [1 2 3]]
