// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// The basic shape: a write through a view of a local array, after which the
// view and the array are both read as if they were independent values.

#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);
void use(const nd::array<double> &);

// The seed case: a slice, written, then both printed.
void seed_slice() {
  nd::array<int> data = {10, 20, 30, 40, 50};
  auto sliced = data(nd::slice(1, 4));
  sliced[0] = 111;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'sliced' also modifies 'data' [viewguard-view-mutation]
  std::cout << "Sliced: " << sliced << "\n";
  std::cout << "Original: " << data << "\n";
}

// view() is a view too.
void explicit_view() {
  nd::array<int> a = {1, 2, 3, 4, 5};
  auto b = a.view();
  b[0] = 13;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'b' also modifies 'a' [viewguard-view-mutation]
  std::cout << a << b;
}

// fill() is an annotated write (the spec's matrix row).
void row_fill() {
  nd::array<int> matrix = {{1, 2, 3}, {4, 5, 6}};
  auto first = matrix(0, nd::all);
  first.fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'first' also modifies 'matrix' [viewguard-view-mutation]
  std::cout << nd::sum(first) << "\n";
  std::cout << matrix << "\n";
}

// A compound assignment on a double view.
void compound_double() {
  nd::array<double> x = {1.0, 2.0, 3.0, 4.0};
  auto tail = x(nd::slice(2, nd::_));
  tail *= 2.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'tail' also modifies 'x' [viewguard-view-mutation]
  use(tail);
  use(x);
}

// assign() writes the view's elements.
void assign_into_view() {
  nd::array<int> a = nd::zeros<int>({6});
  nd::array<int> src = {7, 8, 9};
  auto mid = a(nd::slice(1, 4));
  mid.assign(src);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'mid' also modifies 'a' [viewguard-view-mutation]
  use(mid);
  use(a);
}

// Every compound assignment operator writes.
void plus_equals() {
  nd::array<int> a = nd::arange<int>(8);
  auto even = a(nd::slice(nd::_, nd::_, 2));
  even += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'even' also modifies 'a' [viewguard-view-mutation]
  use(even);
  use(a);
}

// An element write through a 2-D element accessor of a view.
void element_2d() {
  nd::array<int> m = nd::zeros<int>({3, 3});
  auto block = m(nd::slice(0, 2), nd::slice(0, 2));
  block(1, 1) = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'block' also modifies 'm' [viewguard-view-mutation]
  std::cout << block << m;
}

// The reads may come in one expression.
void both_read_in_one_call() {
  nd::array<double> a = {1.0, 2.0, 3.0};
  auto v = a(nd::slice(0, 2));
  v[1] = 0.5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  std::cout << nd::sum(v) + nd::sum(a);
}

// Negative: after the write only the base is read -- the view is a handle
// used to update the array in place, which is what views are for.
void update_handle_only_base_read() {
  nd::array<double> m = {{1, 2, 3}, {4, 5, 6}};
  auto row = m(1, nd::all);
  row *= 2.0;
  row(nd::slice(0, 2)).fill(0.0);
  std::cout << m << "\n";
}

// Negative: nothing is read after the write.
void nothing_read_after() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  use(a);
  use(v);
  v[0] = 4;
}

// Negative: only the view is read after the write, and the base is a local
// nobody reads again.
void only_view_read_after() {
  nd::array<int> a = {1, 2, 3};
  use(a);
  auto v = a(nd::slice(0, 2));
  v[0] = 4;
  use(v);
}

// Negative: both are read, but only before the write.
void reads_before_write() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  use(v);
  use(a);
  v.fill(0);
}
