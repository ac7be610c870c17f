// RUN: %check_viewguard %s 'viewguard-*' %t
//
// C++20 fold expressions and parameter packs over arrays.

#include <cstddef>
#include <iostream>
#include <nd/nd.hpp>
#include <utility>

void use(const nd::array<int> &);

// A unary right fold of writes: every argument is filled (intended).
template <class... A> void zero_all(A &...arrays) { (arrays.fill(0), ...); }

// A binary left fold of reads.
template <class... A> long total(const A &...arrays) {
  return (0L + ... + nd::sum(arrays));
}

// A pack of views of one array, written through a fold, then both read.
template <class... S> void bump_parts(nd::array<int> a, S... slices) {
  auto parts = std::make_tuple(a(slices)...);
  std::apply([](auto &...p) { ((p += 1), ...); }, parts);
  use(a);
}

// A fold over a comma operator in a function with one named view.
template <class... I> int scratch_fold(nd::array<int> data, I... idx) {
  auto head = data(nd::slice(0, 3));
  ((head[idx] = static_cast<int>(idx)), ...);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write through 'head' also modifies the caller's array passed as 'data' [viewguard-view-mutation]
  return (head[idx] + ...);
}

// A fold with a lambda over a pack of by-value arrays: each is the caller's.
template <class... A> int fill_copies(A... arrays) {
  int n = 0;
  (
      [&] {
        auto c = arrays.copy();
        c.fill(1);
        n += nd::sum(c);
      }(),
      ...);
  return n;
}

// sizeof... and a pack expansion in an initializer list of arrays.
template <class... T> nd::array<int> sizes(const nd::array<T> &...as) {
  nd::array<int> out =
      nd::zeros<int>({static_cast<std::ptrdiff_t>(sizeof...(T))});
  std::ptrdiff_t i = 0;
  ((out[i++] = static_cast<int>(as.size())), ...);
  return out;
}

int main() {
  nd::array<int> a = {1, 2, 3, 4};
  nd::array<int> b = {5, 6};
  zero_all(a, b);
  std::cout << total(a, b) << "\n";
  bump_parts(a, nd::slice(0, 2), nd::slice(2, 4));
  std::cout << scratch_fold(a, 0, 1, 2) << "\n";
  std::cout << fill_copies(a, b) << "\n";
  nd::array<double> d = {1.0};
  use(sizes(a, d));
  return 0;
}
