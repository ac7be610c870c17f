// RUN: %check_viewguard %s viewguard-lost-write %t
//
// A write to a named copy derived from 'b' (fancy or mask indexing,
// flatten(), a reshape or ravel that must copy, arithmetic) that is never
// read afterwards, while 'b' is used or escapes: the edit never reaches 'b'.

#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);

// The spec case.
void fancy() {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  auto picked = arr(nd::indices{0, 2});
  picked[0] = -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'picked' never reaches 'arr': 'picked' is a copy made by fancy indexing [viewguard-lost-write]
  std::cout << arr << "\n";
}

void mask() {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  auto sel = arr(arr > 25);
  sel.fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'sel' never reaches 'arr': 'sel' is a copy made by mask indexing [viewguard-lost-write]
  use(arr);
}

void fancy_with_index_array() {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  nd::array<std::ptrdiff_t> idx = {1, 3};
  auto sel = arr(idx);
  sel += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'sel' never reaches 'arr': 'sel' is a copy made by fancy indexing [viewguard-lost-write]
  use(arr);
}

void flatten() {
  nd::array<int> m = {{1, 2}, {3, 4}};
  auto flat = m.flatten();
  flat[3] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'flat' never reaches 'm': 'flat' is a copy made by flatten() [viewguard-lost-write]
  use(m);
}

void arithmetic() {
  nd::array<int> a = {1, 2, 3};
  auto shifted = a + 1;
  shifted[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'shifted' never reaches 'a': 'shifted' is a copy made by arithmetic [viewguard-lost-write]
  use(a);
}

// reshape of a transposed array must copy.
void reshape_copy() {
  nd::array<int> m = nd::arange<int>(6).reshape({2, 3});
  auto flat = m.T().reshape({6});
  flat[0] = 100;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'flat' never reaches 'm': 'flat' is a copy made by reshape [viewguard-lost-write]
  use(m);
}

// ravel of a transposed array copies.
void ravel_copy() {
  nd::array<int> m = nd::arange<int>(6).reshape({2, 3});
  auto r = m.T().ravel();
  r.fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'r' never reaches 'm': 'r' is a copy made by ravel [viewguard-lost-write]
  use(m);
}

// A 2-D mask on a matrix.
void mask_2d() {
  nd::array<double> m = {{1.0, -2.0}, {-3.0, 4.0}};
  auto negatives = m(m < 0.0);
  negatives *= -1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'negatives' never reaches 'm': 'negatives' is a copy made by mask indexing [viewguard-lost-write]
  std::cout << m << "\n";
}

// A writing helper defined in the TU is a write.
void set_first(nd::array<int> &a, int v) { a[0] = v; }
void helper_writes_copy() {
  nd::array<int> arr = {10, 20, 30};
  auto sel = arr(nd::indices{1, 2});
  set_first(sel, 7);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: write to 'sel' never reaches 'arr': 'sel' is a copy made by fancy indexing [viewguard-lost-write]
  use(arr);
}

// The base escapes: an output parameter nobody reads here.
void base_is_output(nd::array<int> &out) {
  auto positive = out(out > 0);
  positive.fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'positive' never reaches 'out': 'positive' is a copy made by mask indexing [viewguard-lost-write]
}

// The base is a member.
struct Scores {
  nd::array<int> values = {3, 9, 4};
  void reset_high() {
    auto high = values(values > 5);
    high.fill(5);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write to 'high' never reaches 'values': 'high' is a copy made by mask indexing [viewguard-lost-write]
  }
};

// A view of a copy: the write reaches the copy only.
void view_of_copy() {
  nd::array<int> arr = {10, 20, 30, 40};
  auto sel = arr(nd::indices{0, 1, 2});
  auto head = sel(nd::slice(0, 2));
  head[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'head' never reaches 'arr': 'sel' is a copy made by fancy indexing [viewguard-lost-write]
  use(arr);
}

// Negative: the copy is read after the write (the spec's copy used locally).
void copy_used_locally() {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  auto big = arr(arr > 25);
  big -= 25;
  std::cout << nd::sum(big) << "\n";
  std::cout << arr << "\n";
}

// Negative: writes to an explicit copy are what the author asked for, even
// when the copy is never read again.
void explicit_copy_not_read() {
  nd::array<int> arr = {10, 20, 30};
  auto c = arr.copy();
  c[0] = 0;
  auto d = nd::copy(arr);
  d.fill(1);
  use(arr);
}

// Negative: the copy is read on the next iteration.
void copy_read_next_iteration(int n) {
  nd::array<int> arr = {1, 2, 3, 4};
  auto acc = arr(nd::indices{0, 1});
  for (int i = 0; i < n; ++i) {
    use(acc);
    acc += i;
  }
  use(arr);
}

// Negative: the copy is returned (it escapes).
nd::array<int> returned(const nd::array<int> &arr) {
  auto sel = arr(nd::indices{0, 2});
  sel[0] = 0;
  return sel;
}

// Negative: a view, not a copy (viewguard-view-mutation's business, and
// here an update handle).
void view_not_copy() {
  nd::array<int> arr = {10, 20, 30};
  auto v = arr(nd::slice(0, 2));
  v[0] = 0;
  use(arr);
}
