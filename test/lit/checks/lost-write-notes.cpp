// RUN: %check_viewguard %s viewguard-lost-write %t
//
// The notes of viewguard-lost-write: where the copy (or the view, for a
// rebinding) was made, and the later read of the base that makes it matter.

#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);

void fancy() {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  auto picked = arr(nd::indices{0, 2});
  picked[0] = -1;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write to 'picked' never reaches 'arr': 'picked' is a copy made by fancy indexing [viewguard-lost-write]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: 'picked' is a copy of 'arr' made here
  // CHECK-NOTES: :[[@LINE+1]]:16: note: 'arr' is read here after the write
  std::cout << arr << "\n";
}

// The base escapes without a read: no read note.
void output_param(nd::array<int> &out) {
  auto positive = out(out > 0);
  positive.fill(0);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write to 'positive' never reaches 'out': 'positive' is a copy made by mask indexing [viewguard-lost-write]
  // CHECK-NOTES: :[[@LINE-3]]:19: note: 'positive' is a copy of 'out' made here
}

// A temporary: the warning stands alone (the copy is made in the same
// expression).
void temporary() {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  arr(arr > 25) = 0;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: assignment to a temporary copy made by mask indexing has no effect [viewguard-lost-write]
  use(arr);
}

// A rebinding: the note shows where the view was made.
void rebinding() {
  nd::array<int> m = nd::zeros<int>({2, 3});
  nd::array<int> ones = nd::ones<int>({3});
  auto row = m(0, nd::all);
  row = ones;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: assignment rebinds the view 'row' instead of writing into 'm' [viewguard-lost-write]
  // CHECK-NOTES: :[[@LINE-3]]:14: note: 'row' is a view of 'm' created here
  std::cout << m << "\n";
}
