// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// Metadata (shape(), size(), ndim(), strides()) is not a read of the
// elements: a view or base whose only later uses are metadata is not "read
// after the write".

#include <cstddef>
#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);

// Negative: after the write the view is only asked for its size.
std::size_t view_only_metadata() {
  nd::array<int> a = {1, 2, 3, 4};
  auto v = a(nd::slice(0, 2));
  v[0] = 0;
  use(a);
  return v.size() + v.shape()[0];
}

// Negative: after the write the base is only asked for metadata.
std::size_t base_only_metadata() {
  nd::array<int> a = {1, 2, 3, 4};
  auto v = a(nd::slice(0, 2));
  v.fill(9);
  use(v);
  return a.ndim() + a.strides()[0] + a.size();
}

// Negative: the write is followed by metadata only, on both.
bool both_only_metadata() {
  nd::array<int> m = nd::zeros<int>({2, 2});
  auto row = m(0, nd::all);
  row[1] = 3;
  return row.shape() == m(1, nd::all).shape() && m.size() == 4;
}

// Metadata does not hide a real read that follows.
void metadata_then_read() {
  nd::array<int> a = {1, 2, 3, 4};
  auto v = a(nd::slice(0, 2));
  v[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  std::cout << v.size() << a.size() << "\n";
  std::cout << v[0] << "\n";
  use(a);
}

// An element read is a read.
int element_read() {
  nd::array<int> a = {1, 2, 3, 4};
  auto v = a(nd::slice(1, 3));
  v[0] = 10;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  return v[1] + a[0];
}
