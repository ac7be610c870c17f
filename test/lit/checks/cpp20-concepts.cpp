// RUN: %check_viewguard %s 'viewguard-*' %t
//
// C++20 concepts and requires-clauses around arrays.

#include <concepts>
#include <cstddef>
#include <iostream>
#include <nd/nd.hpp>
#include <type_traits>

template <class A>
concept ArrayLike = requires(A a, const A ca) {
  { ca.shape() } -> std::convertible_to<nd::shape_t>;
  { ca.size() } -> std::integral;
  a(nd::slice(0, 1));
  a.fill(typename A::value_type{});
};

template <class A>
concept Numeric = ArrayLike<A> && std::is_arithmetic_v<typename A::value_type>;

template <class A>
requires ArrayLike<A>
void use(const A &);

// A constrained template: the scratch view writes the caller's array.
template <ArrayLike A> auto centered_max(A samples) {
  auto centered = samples(nd::all);
  centered -= nd::mean(centered);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'centered' also modifies the caller's array passed as 'samples' [viewguard-view-mutation]
  return nd::max(centered);
}

// A trailing requires-clause, a requires-expression in an if constexpr.
template <class A> void zero_head(A &a) requires Numeric<A> {
  auto head = a(nd::slice(0, 2));
  if constexpr (requires { head.fill(0); })
    head.fill(0);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write through 'head' also modifies 'a' [viewguard-view-mutation]
  use(head);
  use(a);
}

// Abbreviated template with a constrained placeholder, correct code.
void scale_in_place(ArrayLike auto &a, std::floating_point auto factor) {
  auto all = a(nd::all);
  all *= factor;
  use(a);
}

// Overloads chosen by constraints; only the array one writes.
template <class T> int first(T) { return 0; }
template <Numeric A> int first(A a) {
  auto v = a.view();
  v[0] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies the caller's array passed as 'a' [viewguard-view-mutation]
  return v[0];
}

// A requires-expression as a value, and a nested requirement.
template <class A> constexpr bool sliceable = requires(A a) {
  requires ArrayLike<A>;
  { a(nd::slice(0, 1)) } -> std::same_as<A>;
};
static_assert(sliceable<nd::array<int>>);
static_assert(!sliceable<int>);

// A concept-constrained member of a class template.
template <class T> struct Table {
  nd::array<T> cells = nd::zeros<T>({4});
  template <class U>
  requires std::convertible_to<U, T> T bump(U by) {
    auto w = cells(nd::slice(0, 2));
    w += static_cast<T>(by);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write through 'w' also modifies member 'cells' [viewguard-view-mutation]
    return nd::sum(w);
  }
};

int main() {
  nd::array<double> d = {1.0, 2.0, 3.0};
  nd::array<int> i = {1, 2, 3};
  std::cout << centered_max(d) << "\n";
  zero_head(i);
  scale_in_place(d, 2.0);
  std::cout << first(i) + first(3) << "\n";
  Table<int> t;
  std::cout << t.bump(2L) << "\n";
  return 0;
}
