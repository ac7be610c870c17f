// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// Views of views, handle copies (`auto b = a;` shares memory), and rebinding
// (`v = other;` makes 'v' share with 'other' and ends its sharing with the
// old base).

#include <nd/nd.hpp>

void use(const nd::array<int> &);

// A view of a view of 'm': the write reaches 'm'.
void view_of_view() {
  nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
  auto row = m(1, nd::all);
  auto part = row(nd::slice(0, 2));
  part[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'part' also modifies 'm' [viewguard-view-mutation]
  use(part);
  use(m);
}

// The intermediate view is the variable read afterwards.
void view_of_view_intermediate_read() {
  nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
  auto row = m(1, nd::all);
  auto part = row(nd::slice(0, 2));
  part.fill(9);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'part' also modifies 'row' [viewguard-view-mutation]
  use(part);
  use(row);
}

// A chain of view makers: slice of T() of reshape.
void chain_of_makers() {
  nd::array<int> a = nd::arange<int>(12);
  auto col = a.reshape({3, 4}).T()(1, nd::all);
  col[2] = -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'col' also modifies 'a' [viewguard-view-mutation]
  use(col);
  use(a);
}

// A handle copy shares memory.
void handle_copy_auto() {
  nd::array<int> a = {1, 2, 3};
  auto b = a;
  b[0] = 10;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'b' also modifies 'a' [viewguard-view-mutation]
  use(a);
  use(b);
}

void handle_copy_direct_init() {
  nd::array<int> a = {1, 2, 3};
  nd::array<int> b(a);
  b.fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'b' also modifies 'a' [viewguard-view-mutation]
  use(b);
  use(a);
}

// A handle copy of a view is a view of the same storage.
void handle_copy_of_view() {
  nd::array<int> a = {1, 2, 3, 4};
  auto h = a(nd::slice(1, 3));
  auto h2 = h;
  h2 += 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'h2' also modifies 'a' [viewguard-view-mutation]
  use(h2);
  use(a);
}

// Rebinding a named array to another array makes it share with that one.
void rebinding_shares_with_new_base() {
  nd::array<int> a = {1, 2, 3};
  nd::array<int> other = {4, 5, 6};
  auto v = a(nd::slice(0, 2));
  v = other;
  v[0] = 40;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies 'other' [viewguard-view-mutation]
  use(v);
  use(other);
  use(a);
}

// Negative: rebinding to a fresh array ends the sharing.
void rebinding_to_fresh_ends_sharing() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  v = nd::zeros<int>({2});
  v[0] = 1;
  use(v);
  use(a);
}

// Negative: rebinding to a copy ends the sharing.
void rebinding_to_copy_ends_sharing() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  use(v);
  v = a.copy();
  v.fill(3);
  use(v);
  use(a);
}

// Negative: the base is rebound, so the old storage is read only through the
// view, and the new 'a' is another array.
void base_rebound_before_read() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  v[0] = 7;
  a = nd::ones<int>({3});
  use(v);
  use(a);
}
