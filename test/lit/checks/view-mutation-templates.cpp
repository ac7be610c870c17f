// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// One diagnostic per defect, not one per template instantiation.

#include <nd/nd.hpp>

template <class T> void use(const nd::array<T> &);

// A function template instantiated for int, double and long.
template <class T> T head_sum(nd::array<T> a) {
  auto head = a(nd::slice(0, 2));
  head[0] = T(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'head' also modifies the caller's array passed as 'a' [viewguard-view-mutation]
  return nd::sum(head);
}

// Rule (a) in a template over the element type.
template <class T> void both_read() {
  nd::array<T> data = nd::zeros<T>({4});
  auto part = data(nd::slice(1, 3));
  part.fill(T(1));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'part' also modifies 'data' [viewguard-view-mutation]
  use(part);
  use(data);
}

// A member function of a class template.
template <class T> struct Buffer {
  nd::array<T> storage = nd::zeros<T>({8});
  T scratch() {
    auto w = storage(nd::slice(0, 4));
    w += T(1);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write through 'w' also modifies member 'storage' [viewguard-view-mutation]
    return nd::sum(w);
  }
};

// An abbreviated function template (auto parameter).
auto first_two_sum(auto arr) {
  auto v = arr(nd::slice(0, 2));
  v *= 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies the caller's array passed as 'arr' [viewguard-view-mutation]
  return nd::sum(v);
}

// Negative: a template that is correct for every instantiation.
template <class T> T safe_head_sum(nd::array<T> a) {
  auto head = a(nd::slice(0, 2)).copy();
  head[0] = T(0);
  return nd::sum(head);
}

// Negative: never instantiated with an array, nothing to report.
template <class C> int generic_first(C c) {
  auto d = c;
  d[0] = 1;
  return d[0] + c[0];
}

int main() {
  nd::array<int> i = {1, 2, 3};
  nd::array<double> d = {1.0, 2.0, 3.0};
  nd::array<long> l = {1, 2, 3};
  head_sum(i);
  head_sum(d);
  head_sum(l);
  both_read<int>();
  both_read<double>();
  Buffer<int>().scratch();
  Buffer<float>().scratch();
  first_two_sum(i);
  first_two_sum(d);
  safe_head_sum(i);
  safe_head_sum(d);
  int raw[3] = {1, 2, 3};
  return generic_first(raw) > 0 ? 0 : 1;
}
