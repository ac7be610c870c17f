// RUN: %check_viewguard %s 'viewguard-*' %t -fix-notes
//
// Views kept in standard containers: a container of arrays is tracked with
// the storages its elements may refer to. push_back, emplace_back, insert,
// element assignment and braced initialisation add to them; an element
// (`rows[k]`, `rows.at(k)`, `rows.front()`, a range-for variable,
// `std::get<I>`) is a view of any of them.

#include <array>
#include <optional>
#include <iostream>
#include <tuple>
#include <utility>
#include <vector>
#include <nd/nd.hpp>

void use(const nd::array<int> &);

// Rows of a matrix kept in a vector: a write through an element changes the
// matrix, and both are read afterwards.
void rows_in_a_vector(int k) {
  nd::array<int> m = nd::arange<int>(12).reshape({3, 4});
  std::vector<nd::array<int>> rows;
  for (int i = 0; i < 3; ++i)
    rows.push_back(m(i, nd::all));
  // CHECK-FIXES: rows.push_back(m(i, nd::all).copy());
  rows[k] += 1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'rows[k]' also modifies 'm' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-4]]:20: note: an element of 'rows' is a view of 'm' made here
  // CHECK-NOTES: :[[@LINE+2]]:16: note: 'rows[k]' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:34: note: 'm' is read here after the write
  std::cout << rows[k] << " " << m << "\n";
}

// The same through a range-for over the vector.
void range_for_over_views() {
  nd::array<int> m = nd::arange<int>(12).reshape({3, 4});
  std::vector<nd::array<int>> rows{m(0, nd::all), m(1, nd::all)};
  // CHECK-FIXES: std::vector<nd::array<int>> rows{m(0, nd::all).copy(), m(1, nd::all)};
  for (auto &r : rows) {
    r.fill(0);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: write through 'r' also modifies 'm' [viewguard-view-mutation]
    // CHECK-NOTES: :[[@LINE-5]]:36: note: 'r' is an element of 'rows', a view of 'm' made here
    // CHECK-NOTES: :[[@LINE+1]]:9: note: 'r' is read here after the write
    use(r);
  }
  // CHECK-NOTES: :[[@LINE+1]]:7: note: 'm' is read here after the write
  use(m);
}

// A std::array of views, an element written with fill().
void views_in_std_array() {
  nd::array<int> a = nd::arange<int>(8);
  std::array<nd::array<int>, 2> halves{a(nd::slice(0, 4)), a(nd::slice(4, 8))};
  // CHECK-FIXES: std::array<nd::array<int>, 2> halves{a(nd::slice(0, 4)).copy(), a(nd::slice(4, 8))};
  halves.front().fill(0);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'halves.front()' also modifies 'a' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-4]]:40: note: an element of 'halves' is a view of 'a' made here
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'halves[1]' is read here after the write
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'a' is read here after the write
  use(halves[1]);
  use(a);
}

// std::get on a pair of views.
void views_in_a_pair() {
  nd::array<int> a = nd::arange<int>(8);
  std::pair<nd::array<int>, nd::array<int>> p{a(nd::slice(0, 4)), a(nd::slice(4, 8))};
  // CHECK-FIXES: std::pair<nd::array<int>, nd::array<int>> p{a(nd::slice(0, 4)).copy(), a(nd::slice(4, 8))};
  std::get<0>(p) *= 2;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'std::get<0>(p)' also modifies 'a' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-4]]:47: note: an element of 'p' is a view of 'a' made here
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'std::get<1>(p)' is read here after the write
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'a' is read here after the write
  use(std::get<1>(p));
  use(a);
}

// Deliberate copies in the container: writes to them are intended.
void copies_in_a_vector(int k) {
  nd::array<int> m = nd::arange<int>(12).reshape({3, 4});
  std::vector<nd::array<int>> rows;
  for (int i = 0; i < 3; ++i)
    rows.push_back(m(i, nd::all).copy());
  rows[k] += 1;
  std::cout << rows[k] << " " << m << "\n";
}

// Elements used only to update the matrix: silent.
void elements_as_update_handles() {
  nd::array<int> m = nd::arange<int>(12).reshape({3, 4});
  std::vector<nd::array<int>> rows;
  for (int i = 0; i < 3; ++i)
    rows.push_back(m(i, nd::all));
  for (auto &r : rows)
    r.fill(0);
  use(m);
}

// Size and other members of the container are not reads of its elements.
void size_is_not_a_read() {
  nd::array<int> m = nd::arange<int>(12).reshape({3, 4});
  std::vector<nd::array<int>> rows;
  rows.push_back(m(0, nd::all));
  rows.back().fill(0);
  std::cout << rows.size() << "\n";
  use(m);
}

// The container is cleared and refilled with fresh arrays before the write:
// it may still hold the views (the analysis does not model clear), but a
// fresh array written and read, with m never read, is not reported.
void fresh_arrays(int k) {
  std::vector<nd::array<int>> bufs;
  bufs.push_back(nd::zeros<int>({4}));
  bufs[k].fill(1);
  use(bufs[k]);
}

// A structured binding of a pair of views is one of its elements (no fix-it:
// the binding's initializer is not written in the source).
void structured_binding() {
  nd::array<int> a = nd::arange<int>(8);
  std::pair<nd::array<int>, nd::array<int>> p{a(nd::slice(0, 4)), a(nd::slice(4, 8))};
  auto &[lo, hi] = p;
  lo *= 2;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'lo' also modifies 'a' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:10: note: 'lo' is an element of 'p', a view of 'a' made here
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'lo' is read here after the write
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'a' is read here after the write
  use(lo);
  use(a);
}

// std::optional holding a view.
void optional_view() {
  nd::array<int> a = nd::arange<int>(8);
  std::optional<nd::array<int>> o = a(nd::slice(0, 4));
  // CHECK-FIXES: std::optional<nd::array<int>> o = a(nd::slice(0, 4)).copy();
  o->fill(0);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through '*o' also modifies 'a' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-4]]:37: note: an element of 'o' is a view of 'a' made here
  // CHECK-NOTES: :[[@LINE+2]]:7: note: '*o' is read here after the write
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'a' is read here after the write
  use(*o);
  use(a);
}
