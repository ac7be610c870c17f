// RUN: %check_viewguard %s viewguard-view-mutation %t
// RUN: %check_viewguard %s viewguard-view-mutation %t-strict -check-suffix=STRICT -- \
// RUN:   -config="{CheckOptions: {viewguard-view-mutation.StrictMode: true}}"
// RUN: %check_viewguard %s viewguard-view-mutation %t-off -- \
// RUN:   -config="{CheckOptions: {viewguard-view-mutation.StrictMode: false}}"
//
// StrictMode (default false) reports a write through a view whenever the
// base is read afterwards, whatever the view does, and treats an unknown
// callee that takes an array by non-const reference or by value as a
// possible write. Without it, this file is clean. ("may also modify" is for a
// view that exists on some paths only; here the view is definite, the
// unknown callee is what is uncertain, and the message is the plain one.)

#include <nd/nd.hpp>

void use(const nd::array<int> &);
// Declared, not defined: unknown callees.
void external_by_ref(nd::array<int> &);
void external_by_value(nd::array<int>);
void external_by_const_ref(const nd::array<int> &);

// The view is only an update handle: reported in StrictMode only.
void update_handle() {
  nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
  auto row = m(1, nd::all);
  row *= 2;
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:3: warning: write through 'row' also modifies 'm' [viewguard-view-mutation]
  use(m);
}

// An unknown callee taking the view by non-const reference may write it.
void unknown_by_ref() {
  nd::array<int> data = {1, 2, 3, 4};
  auto head = data(nd::slice(0, 2));
  external_by_ref(head);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:19: warning: write through 'head' may also modify 'data' [viewguard-view-mutation]
  use(head);
  use(data);
}

// An unknown callee taking the view by value may write it.
void unknown_by_value() {
  nd::array<int> data = {1, 2, 3, 4};
  auto tail = data(nd::slice(2, 4));
  external_by_value(tail);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:21: warning: write through 'tail' may also modify 'data' [viewguard-view-mutation]
  use(tail);
  use(data);
}

// Negative even in StrictMode: a const& callee only reads.
void unknown_by_const_ref() {
  nd::array<int> data = {1, 2, 3, 4};
  auto head = data(nd::slice(0, 2));
  external_by_const_ref(head);
  use(head);
  use(data);
}

// Negative even in StrictMode: the base is not read after the write.
void strict_base_not_read() {
  nd::array<int> data = {1, 2, 3, 4};
  auto head = data(nd::slice(0, 2));
  use(data);
  head.fill(1);
  use(head);
}

// Negative even in StrictMode: writes through the base expression.
void strict_base_expression() {
  nd::array<int> data = {1, 2, 3, 4};
  data(nd::slice(0, 2)) = 0;
  use(data);
}
