// RUN: %check_viewguard %s 'viewguard-*' %t
//
// consteval, constinit, if constexpr and class-type template arguments
// computing the shapes and indices of arrays.

#include <array>
#include <cstddef>
#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);

consteval std::ptrdiff_t half(std::ptrdiff_t n) { return n / 2; }
consteval nd::slice head_of(std::ptrdiff_t n) { return nd::slice(0, n / 2); }

constinit std::ptrdiff_t g_width = 8;
constexpr std::ptrdiff_t k_rows = half(8);

// A structural class type as a template argument.
struct Window {
  std::ptrdiff_t start, stop;
};
template <Window W> auto window_of(const nd::array<int> &a) {
  return a(nd::slice(W.start, W.stop));
}

// A view through consteval bounds, written, both read: reported.
void consteval_bounds() {
  nd::array<int> a = nd::arange<int>(8);
  auto lo = a(nd::slice(0, half(8)));
  lo.fill(-1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'lo' also modifies 'a' [viewguard-view-mutation]
  use(lo);
  use(a);
}

// A consteval function returning the slice object itself.
void consteval_slice() {
  nd::array<int> a = nd::arange<int>(8);
  auto lo = a(head_of(8));
  lo[0] = 7;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'lo' also modifies 'a' [viewguard-view-mutation]
  std::cout << lo << a << "\n";
}

// An NTTP-selected window of a by-value parameter; the helper returns a
// view of its argument (its summary says so).
int nttp_window(nd::array<int> p) {
  auto w = window_of<Window{1, 3}>(p);
  w += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'w' also modifies the caller's array passed as 'p' [viewguard-view-mutation]
  return nd::sum(w);
}

// if constexpr on the element type: only one branch exists in each
// instantiation. Correct code: the copy is written.
template <class T> T normalised_sum(const nd::array<T> &a) {
  auto c = a.copy();
  if constexpr (std::is_floating_point_v<T>)
    c /= nd::max(c);
  else
    c -= nd::min(c);
  return nd::sum(c);
}

// A constexpr table of indices for fancy indexing: a copy, written and lost.
constexpr std::array<std::ptrdiff_t, 2> k_pick = {0, 2};
void fancy_from_constexpr(nd::array<int> &out) {
  auto picked = out(nd::indices{k_pick[0], k_pick[1]});
  picked[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'picked' never reaches 'out': 'picked' is a copy made by fancy indexing [viewguard-lost-write]
}

int main() {
  consteval_bounds();
  consteval_slice();
  nd::array<int> a = nd::zeros<int>({g_width});
  std::cout << nttp_window(a) << normalised_sum(a) << k_rows << "\n";
  nd::array<double> d = {1.0, 2.0};
  std::cout << normalised_sum(d) << "\n";
  fancy_from_constexpr(a);
  return 0;
}
