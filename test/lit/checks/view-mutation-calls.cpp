// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// Calls into functions defined in the translation unit use their summaries:
// which parameters they write, which they return views of. Passing a view
// to a function that writes its parameter is a write, reported at the
// argument.

#include <nd/nd.hpp>

void use(const nd::array<int> &);

// Writes its by-value parameter (the caller's storage).
void zero_first(nd::array<int> a) { a[0] = 0; }
// Writes its reference parameter.
void add_one(nd::array<int> &a) { a += 1; }
// Only reads.
int total(const nd::array<int> &a) { return nd::sum(a); }
// Returns a view of its parameter.
nd::array<int> first_two(nd::array<int> a) { return a(nd::slice(0, 2)); }
// Returns a copy.
nd::array<int> first_two_copy(const nd::array<int> &a) {
  return a(nd::slice(0, 2)).copy();
}
// Writes its parameter through another helper.
void zero_first_twice(nd::array<int> a) {
  zero_first(a);
  zero_first(a(nd::slice(1, nd::_)));
}
// Recursive: writes its parameter on every level.
void zero_prefix(nd::array<int> a, int n) {
  if (n <= 0)
    return;
  a[n - 1] = 0;
  zero_prefix(a, n - 1);
}
// Recursive: returns a view of its parameter.
nd::array<int> drop(nd::array<int> a, int k) {
  if (k <= 0)
    return a;
  return drop(a(nd::slice(1, nd::_)), k - 1);
}

void helper_writes_by_value_param() {
  nd::array<int> data = {1, 2, 3, 4};
  auto head = data(nd::slice(0, 2));
  zero_first(head);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: write through 'head' also modifies 'data' [viewguard-view-mutation]
  use(head);
  use(data);
}

void helper_writes_ref_param() {
  nd::array<int> data = {1, 2, 3, 4};
  auto tail = data(nd::slice(2, 4));
  add_one(tail);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: write through 'tail' also modifies 'data' [viewguard-view-mutation]
  use(tail);
  use(data);
}

void helper_writes_transitively() {
  nd::array<int> data = {1, 2, 3, 4};
  auto v = data(nd::slice(0, 3));
  zero_first_twice(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: write through 'v' also modifies 'data' [viewguard-view-mutation]
  use(v);
  use(data);
}

void recursive_helper_writes() {
  nd::array<int> data = {1, 2, 3, 4};
  auto v = data(nd::slice(1, 4));
  zero_prefix(v, 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: write through 'v' also modifies 'data' [viewguard-view-mutation]
  use(v);
  use(data);
}

void helper_returns_view() {
  nd::array<int> data = {1, 2, 3, 4};
  auto h = first_two(data);
  h[0] = 9;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'h' also modifies 'data' [viewguard-view-mutation]
  use(h);
  use(data);
}

void recursive_helper_returns_view() {
  nd::array<int> data = {1, 2, 3, 4};
  auto rest = drop(data, 2);
  rest.fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'rest' also modifies 'data' [viewguard-view-mutation]
  use(rest);
  use(data);
}

// Negative: the helper only reads.
void helper_reads() {
  nd::array<int> data = {1, 2, 3, 4};
  auto head = data(nd::slice(0, 2));
  int t = total(head);
  use(head);
  use(data);
  (void)t;
}

// Negative: the helper returns a copy.
void helper_returns_copy() {
  nd::array<int> data = {1, 2, 3, 4};
  auto h = first_two_copy(data);
  h[0] = 9;
  use(h);
  use(data);
}

// Negative: the writing helper is given the base itself (a write through
// the base, not through a view).
void helper_writes_base() {
  nd::array<int> data = {1, 2, 3, 4};
  auto head = data(nd::slice(0, 2));
  add_one(data);
  use(head);
  use(data);
}

// Negative: the writing helper is given an explicit copy.
void helper_writes_copy() {
  nd::array<int> data = {1, 2, 3, 4};
  auto c = data(nd::slice(0, 2)).copy();
  add_one(c);
  use(c);
  use(data);
}
