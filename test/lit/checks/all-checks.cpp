// RUN: %check_viewguard %s 'viewguard-*' %t
//
// The spec programs' shapes with all three checks enabled: each defect gets
// exactly one diagnostic, from the right check, and correct code none.

#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);

void seed_view_write_both_read() {
  nd::array<int> data = {10, 20, 30, 40, 50};
  auto sliced = data(nd::slice(1, 4));
  sliced[0] = 111;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'sliced' also modifies 'data' [viewguard-view-mutation]
  std::cout << "Sliced: " << sliced << "\n";
  std::cout << "Original: " << data << "\n";
}

void transpose_reshape() {
  nd::array<int> m = nd::arange<int>(6).reshape({2, 3});
  auto t = m.T();
  t(0, 1) = 99;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 't' also modifies 'm' [viewguard-view-mutation]
  auto flat = m.reshape({6});
  flat[5] = -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'flat' also modifies 'm' [viewguard-view-mutation]
  std::cout << t << "\n" << flat << "\n" << m << "\n";
}

void fancy_copy_lost_write() {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  auto picked = arr(nd::indices{0, 2});
  picked[0] = -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'picked' never reaches 'arr': 'picked' is a copy made by fancy indexing [viewguard-lost-write]
  std::cout << arr << "\n";
}

void mask_temporary_assign() {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  arr(arr > 25) = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a temporary copy made by mask indexing has no effect [viewguard-lost-write]
  arr(nd::indices{0, 1})[1] = 7;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: element write to a temporary copy made by fancy indexing has no effect [viewguard-lost-write]
  arr(arr < 15).fill(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fill' on a temporary copy made by mask indexing has no effect [viewguard-lost-write]
  std::cout << arr << "\n";
}

// The rebinding is a lost write, and the later assign() through another
// view is an update handle: one diagnostic.
void rebind_view_handle() {
  nd::array<int> m = nd::zeros<int>({2, 3});
  nd::array<int> ones = nd::ones<int>({3});
  auto row = m(0, nd::all);
  row = ones;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment rebinds the view 'row' instead of writing into 'm' [viewguard-lost-write]
  auto second = m(1, nd::all);
  second.assign(ones);
  std::cout << m << "\n";
}

// Stale view only: the writes go through the base expression.
void swap_rows(nd::array<double> &m, int i, int j) {
  auto tmp = m(i, nd::all);
  m(i, nd::all) = m(j, nd::all);
  m(j, nd::all) = tmp;
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'tmp' is a view of 'm' and reflects the write to 'm' made after it was created [viewguard-stale-view]
}

void stale_snapshot() {
  nd::array<double> x = {1.0, 2.0, 4.0};
  for (int it = 0; it < 100; ++it) {
    auto previous = x(nd::all);
    x *= 0.5;
    if (nd::allclose(x, previous)) {
      // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: 'previous' is a view of 'x' and reflects the write to 'x' made after it was created [viewguard-stale-view]
      std::cout << "converged after " << it << " steps\n";
      break;
    }
  }
}

double peak_to_mean(nd::array<double> signal) {
  auto window = signal(nd::slice(0, 4));
  window -= nd::mean(window);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'window' also modifies the caller's array passed as 'signal' [viewguard-view-mutation]
  return nd::max(window);
}

int view_of_view_branch(int argc) {
  nd::array<int> grid = nd::arange<int>(12).reshape({3, 4});
  auto inner = grid(nd::slice(1, 3), nd::slice(1, 3));
  if (argc > 2) inner = inner.copy();
  auto corner = inner(0, nd::all);
  corner[0] = -5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'corner' may also modify 'grid' [viewguard-view-mutation]
  std::cout << corner << "\n" << grid << "\n";
  return 0;
}

// Correct programs of the spec: nothing from any check.
void direct_base_writes() {
  nd::array<int> a = nd::arange<int>(10);
  a(nd::slice(nd::_, nd::_, 2)) = 0;
  a(nd::slice(1, 4)) += 100;
  a.put(nd::indices{9}, -9);
  auto evens = a(nd::slice(nd::_, nd::_, 2));
  std::cout << evens << "\n" << a << "\n";
}

void fancy_copy_used_locally() {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  auto big = arr(arr > 25);
  big -= 25;
  std::cout << nd::sum(big) << "\n";
  std::cout << arr << "\n";
  arr.put(arr > 25, 0);
  std::cout << arr << "\n";
}

void seed_copy_is_independent() {
  nd::array<int> data = {10, 20, 30, 40, 50};
  auto copy_array = data.copy();
  copy_array[1] = 777;
  std::cout << "Copy: " << copy_array << "\n";
  std::cout << "Original: " << data << "\n";
  std::cout << std::boolalpha << nd::shares_memory(data, copy_array) << "\n";
}

void view_as_update_handle() {
  nd::array<double> m = {{1, 2, 3}, {4, 5, 6}};
  auto row = m(1, nd::all);
  row *= 2.0;
  row(nd::slice(0, 2)).fill(0.0);
  std::cout << m << "\n";
}

void stale_snapshot_fixed() {
  nd::array<double> x = {1.0, 2.0, 4.0};
  for (int it = 0; it < 100; ++it) {
    auto previous = x.copy();
    x *= 0.5;
    if (nd::allclose(x, previous, 1e-3)) {
      std::cout << "converged after " << it << " steps\n";
      break;
    }
  }
}
