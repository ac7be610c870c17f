// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// Code that viewguard-view-mutation must leave alone: writes to explicit
// copies, writes through the base expression, scatter with put(), views used
// only as update handles, copies used locally, writes through the base while
// a view exists, stale views fixed with copy().

#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);
void use(const nd::array<double> &);

// The spec's explicit copy.
void write_to_copy() {
  nd::array<int> data = {10, 20, 30, 40, 50};
  auto copy_array = data.copy();
  copy_array[1] = 777;
  std::cout << "Copy: " << copy_array << "\n";
  std::cout << "Original: " << data << "\n";
  std::cout << std::boolalpha << nd::shares_memory(data, copy_array) << "\n";
}

// The spec's writes through the base.
void writes_through_base() {
  nd::array<int> a = nd::arange<int>(10);
  a(nd::slice(nd::_, nd::_, 2)) = 0;
  a(nd::slice(1, 4)) += 100;
  a.put(nd::indices{9}, -9);
  auto evens = a(nd::slice(nd::_, nd::_, 2));
  std::cout << evens << "\n" << a << "\n";
}

// A write through the base while a view exists is no write through a view.
void base_written_view_exists() {
  nd::array<int> a = {1, 2, 3, 4};
  auto v = a(nd::slice(0, 2));
  a[0] = 100;
  a.fill(1);
  use(v);
  use(a);
}

// The spec's update handle.
void view_as_update_handle() {
  nd::array<double> m = {{1, 2, 3}, {4, 5, 6}};
  auto row = m(1, nd::all);
  row *= 2.0;
  row(nd::slice(0, 2)).fill(0.0);
  std::cout << m << "\n";
}

// The spec's copy used locally.
void fancy_copy_used_locally() {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  auto big = arr(arr > 25);
  big -= 25;
  std::cout << nd::sum(big) << "\n";
  std::cout << arr << "\n";
  arr.put(arr > 25, 0);
  std::cout << arr << "\n";
}

// The spec's stale snapshot, fixed with copy().
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

// Element values copied out of a view are plain values.
int element_copied_out() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  int first = v[0];
  first += 10;
  use(v);
  use(a);
  return first;
}

// Two views of disjoint parts, each only a handle.
void disjoint_handles() {
  nd::array<int> a = nd::zeros<int>({4});
  auto lo = a(nd::slice(0, 2));
  auto hi = a(nd::slice(2, 4));
  lo.fill(1);
  hi.fill(2);
  use(a);
}

// A view made after the last write is no problem.
void view_after_write() {
  nd::array<int> a = {1, 2, 3};
  a[0] = 0;
  auto v = a(nd::slice(0, 2));
  use(v);
  use(a);
}
