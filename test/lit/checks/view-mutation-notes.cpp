// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// The notes of viewguard-view-mutation, in order: where the view was made
// (at its initializer, naming the variable it was derived from), the read of
// the view after the write, the read of the base after the write.

#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);
void use(const nd::array<double> &);

void seed() {
  nd::array<int> data = {10, 20, 30, 40, 50};
  auto sliced = data(nd::slice(1, 4));
  sliced[0] = 111;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'sliced' also modifies 'data' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: 'sliced' is a view of 'data' created here
  // CHECK-NOTES: :[[@LINE+2]]:30: note: 'sliced' is read here after the write
  // CHECK-NOTES: :[[@LINE+2]]:32: note: 'data' is read here after the write
  std::cout << "Sliced: " << sliced << "\n";
  std::cout << "Original: " << data << "\n";
}

// The view note names the variable the view was derived from ('row'); the
// warning names the base that is read ('m').
void view_of_view() {
  nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
  auto row = m(1, nd::all);
  auto part = row(nd::slice(0, 2));
  part[0] = 0;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'part' also modifies 'm' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:15: note: 'part' is a view of 'row' created here
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'part' is read here after the write
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'm' is read here after the write
  use(part);
  use(m);
}

// A by-value parameter: the parameter is not read, so there is no base note.
double scratch(nd::array<double> signal) {
  auto window = signal(nd::slice(0, 4));
  window -= nd::mean(window);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'window' also modifies the caller's array passed as 'signal' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: 'window' is a view of 'signal' created here
  // CHECK-NOTES: :[[@LINE+1]]:18: note: 'window' is read here after the write
  return nd::max(window);
}

// The parameter itself: no view was made, so no view note.
int param_itself(nd::array<int> p) {
  p[0] = 0;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through parameter 'p' also modifies the caller's array [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE+1]]:18: note: 'p' is read here after the write
  return nd::sum(p);
}

// A may-view: the note points at the view's initializer on the path that
// makes it a view.
void may_view(bool c) {
  nd::array<int> a = {1, 2, 3, 4};
  nd::array<int> v = nd::zeros<int>({2});
  if (c)
    v = a(nd::slice(0, 2));
  v[1] = 9;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'v' may also modify 'a' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:9: note: 'v' is a view of 'a' created here
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'v' is read here after the write
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'a' is read here after the write
  use(v);
  use(a);
}

// Only the first read of each after the write gets a note.
void first_read_only() {
  nd::array<int> a = {1, 2, 3, 4};
  auto v = a(nd::slice(0, 2));
  v.fill(0);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:12: note: 'v' is a view of 'a' created here
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'v' is read here after the write
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'a' is read here after the write
  use(v);
  use(a);
  use(v);
  use(a);
}
