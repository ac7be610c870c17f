// RUN: %check_viewguard %s 'viewguard-*' %t
//
// Deep template metaprogramming around arrays: recursive instantiation,
// index sequences, type lists, CRTP, SFINAE and template template
// parameters.

#include <cstddef>
#include <iostream>
#include <nd/nd.hpp>
#include <tuple>
#include <type_traits>
#include <utility>

void use(const nd::array<int> &);

// Recursive instantiation 200 levels deep; each level takes a view of the
// previous one's array and the last one writes through it.
template <int N> struct Peel {
  static int run(nd::array<int> a) {
    auto rest = a(nd::slice(0, nd::_));
    return Peel<N - 1>::run(rest);
  }
};
template <> struct Peel<0> {
  static int run(nd::array<int> a) {
    auto v = a.view();
    v[0] += 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write through 'v' also modifies the caller's array passed as 'a' [viewguard-view-mutation]
    return nd::sum(v);
  }
};

// Recursive function template with constexpr recursion on the rank.
template <std::size_t Rank> nd::array<int> nested_zeros() {
  if constexpr (Rank == 0)
    return nd::zeros<int>({1});
  else
    return nested_zeros<Rank - 1>().reshape({1, -1});
}

// An index sequence over the rows of a matrix.
template <std::size_t... I>
long row_sums(const nd::array<int> &m, std::index_sequence<I...>) {
  return (nd::sum(m(static_cast<std::ptrdiff_t>(I), nd::all)) + ... + 0L);
}

// A type list and a metafunction selecting the element type.
template <class... T> struct list {};
template <class L> struct front;
template <class H, class... R> struct front<list<H, R...>> { using type = H; };
template <class L> using front_t = typename front<L>::type;

template <class L> nd::array<front_t<L>> first_of_list() {
  nd::array<front_t<L>> a = nd::zeros<front_t<L>>({3});
  auto v = a(nd::slice(1, 3));
  v.fill(front_t<L>(2));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  use(v);
  use(a);
  return a;
}

// CRTP: the derived class provides the storage.
template <class D> struct Smoother {
  long smooth() {
    auto &self = static_cast<D &>(*this);
    auto inner = self.data(nd::slice(1, -1));
    inner *= 2;
    return nd::sum(self.data);
  }
};
struct Signal : Smoother<Signal> {
  nd::array<int> data = nd::arange<int>(6);
};

// SFINAE: only types with a view() member get this overload.
template <class A, class = decltype(std::declval<A>().view())>
int probe(A a, int) {
  auto v = a.view();
  v[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies the caller's array passed as 'a' [viewguard-view-mutation]
  return nd::sum(v);
}
template <class A> int probe(A, long) { return -1; }

// A template template parameter holding arrays.
template <template <class...> class Box, class T>
T box_sum(Box<nd::array<T>, nd::array<T>> box) {
  auto &[x, y] = box;
  return nd::sum(x) + nd::sum(y);
}

int main() {
  nd::array<int> a = nd::arange<int>(4);
  std::cout << Peel<200>::run(a) << "\n";
  use(nested_zeros<5>());
  nd::array<int> m = {{1, 2}, {3, 4}};
  std::cout << row_sums(m, std::make_index_sequence<2>{}) << "\n";
  use(first_of_list<list<int, double, char>>());
  Signal s;
  std::cout << s.smooth() << probe(a, 0) << probe(3, 0) << "\n";
  std::cout << box_sum(std::tuple{a, a.copy()}) << "\n";
  return 0;
}
