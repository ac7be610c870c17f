// RUN: %check_viewguard %s viewguard-view-mutation %t -fix-notes
// RUN: %check_viewguard %s viewguard-view-mutation %t-nofix -check-suffix=NOFIX
//
// The fix-it of viewguard-view-mutation sits on the note at the view's
// initializer and appends .copy(). clang-tidy applies it with --fix-notes
// only; --fix alone leaves the file as it was.

#include <nd/nd.hpp>

void use(const nd::array<int> &);
void use(const nd::array<double> &);

void seed() {
  nd::array<int> data = {10, 20, 30, 40, 50};
  auto sliced = data(nd::slice(1, 4));
  // CHECK-FIXES: auto sliced = data(nd::slice(1, 4)).copy();
  // CHECK-FIXES-NOFIX: auto sliced = data(nd::slice(1, 4));
  sliced[0] = 111;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'sliced' also modifies 'data' [viewguard-view-mutation]
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:3: warning: write through 'sliced' also modifies 'data' [viewguard-view-mutation]
  use(sliced);
  use(data);
}

void method_view() {
  nd::array<int> m = nd::arange<int>(6).reshape({2, 3});
  auto t = m.T();
  // CHECK-FIXES: auto t = m.T().copy();
  // CHECK-FIXES-NOFIX: auto t = m.T();
  t(0, 1) = 99;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 't' also modifies 'm' [viewguard-view-mutation]
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:3: warning: write through 't' also modifies 'm' [viewguard-view-mutation]
  use(t);
  use(m);
}

double param_scratch(nd::array<double> signal) {
  auto window = signal(nd::slice(0, 4));
  // CHECK-FIXES: auto window = signal(nd::slice(0, 4)).copy();
  // CHECK-FIXES-NOFIX: auto window = signal(nd::slice(0, 4));
  window -= nd::mean(window);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'window' also modifies the caller's array passed as 'signal' [viewguard-view-mutation]
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:3: warning: write through 'window' also modifies the caller's array passed as 'signal' [viewguard-view-mutation]
  return nd::max(window);
}

// An initializer spanning lines: .copy() goes after its last token.
void multiline_initializer() {
  nd::array<int> grid = nd::zeros<int>({4, 4});
  auto block = grid(nd::slice(1, 3),
                    nd::slice(1, 3));
  // CHECK-FIXES: auto block = grid(nd::slice(1, 3),
  // CHECK-FIXES-NEXT: nd::slice(1, 3)).copy();
  block.fill(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'block' also modifies 'grid' [viewguard-view-mutation]
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:3: warning: write through 'block' also modifies 'grid' [viewguard-view-mutation]
  use(block);
  use(grid);
}

// A handle copy: the fix makes it a real copy.
void handle_copy() {
  nd::array<int> a = {1, 2, 3};
  nd::array<int> b = a;
  // CHECK-FIXES: nd::array<int> b = a.copy();
  b[0] = 10;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'b' also modifies 'a' [viewguard-view-mutation]
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:3: warning: write through 'b' also modifies 'a' [viewguard-view-mutation]
  use(a);
  use(b);
}

// A conditional-operator initializer: appending .copy() would bind to the
// last arm only. Whatever the fix does (parenthesize, or nothing), it must
// not produce that.
void conditional_initializer(bool c) {
  nd::array<int> a = {1, 2, 3, 4};
  auto v = c ? a(nd::slice(0, 2)) : a(nd::slice(2, 4));
  // CHECK-FIXES: auto v = {{(\()?}}c ? a(nd::slice(0, 2)) : a(nd::slice(2, 4)){{(\)\.copy\(\))?}};
  v.fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  // CHECK-MESSAGES-NOFIX: :[[@LINE-2]]:3: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  use(v);
  use(a);
}
