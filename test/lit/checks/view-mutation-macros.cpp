// RUN: %check_viewguard %s viewguard-view-mutation %t
// RUN: %check_viewguard %s viewguard-view-mutation %t-notes -fix-notes -check-suffix=FIX
//
// A defect inside a macro expansion is reported at the expansion site, with
// no fix-it: not even the .copy() on the note, which --fix-notes would apply.

#include <nd/nd.hpp>

void use(const nd::array<int> &);

#define ZERO_FIRST(v) (v)[0] = 0
#define RESET_HEAD head.fill(0)
#define FIRST_TWO(a) (a)(nd::slice(0, 2))

void write_in_macro_with_argument() {
  nd::array<int> data = {1, 2, 3};
  auto sliced = data(nd::slice(1, 3));
  // CHECK-FIXES-FIX: auto sliced = data(nd::slice(1, 3));
  ZERO_FIRST(sliced);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'sliced' also modifies 'data' [viewguard-view-mutation]
  // CHECK-MESSAGES-FIX: :[[@LINE-2]]:3: warning: write through 'sliced' also modifies 'data' [viewguard-view-mutation]
  use(sliced);
  use(data);
}

void whole_write_in_macro() {
  nd::array<int> data = {1, 2, 3};
  auto head = data(nd::slice(0, 2));
  // CHECK-FIXES-FIX: auto head = data(nd::slice(0, 2));
  RESET_HEAD;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'head' also modifies 'data' [viewguard-view-mutation]
  // CHECK-MESSAGES-FIX: :[[@LINE-2]]:3: warning: write through 'head' also modifies 'data' [viewguard-view-mutation]
  use(head);
  use(data);
}

// The view is made in a macro; the write is ordinary code. The .copy()
// fix-it would have to go inside the macro's expansion: none is offered.
void view_made_in_macro() {
  nd::array<int> data = {1, 2, 3};
  auto h = FIRST_TWO(data);
  // CHECK-FIXES-FIX: auto h = FIRST_TWO(data);
  h[1] = 9;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'h' also modifies 'data' [viewguard-view-mutation]
  // CHECK-MESSAGES-FIX: :[[@LINE-2]]:3: warning: write through 'h' also modifies 'data' [viewguard-view-mutation]
  use(h);
  use(data);
}

// Negative: a macro that writes through the base expression.
#define CLEAR_FRONT(a) (a)(nd::slice(0, 2)).fill(0)
void base_write_in_macro() {
  nd::array<int> data = {1, 2, 3};
  auto v = data(nd::slice(1, 3));
  CLEAR_FRONT(data);
  use(v);
  use(data);
}
