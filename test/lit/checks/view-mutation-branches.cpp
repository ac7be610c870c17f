// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// Branches merge as "may": a variable that is a view of 'b' on some paths and
// a copy on others "may also modify" 'b'. A view on every path is a view.

#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);

// The spec case: 'inner' is a copy on one path, so 'corner' may be a view of
// 'grid'.
int view_of_view_branch(int argc) {
  nd::array<int> grid = nd::arange<int>(12).reshape({3, 4});
  auto inner = grid(nd::slice(1, 3), nd::slice(1, 3));
  if (argc > 2) inner = inner.copy();
  auto corner = inner(0, nd::all);
  corner[0] = -5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'corner' may also modify 'grid' [viewguard-view-mutation]
  std::cout << corner << "\n" << grid << "\n";
  return 0;
}

// if/else: a view on one branch, an owner on the other.
void view_or_owner(bool c) {
  nd::array<int> a = {1, 2, 3, 4};
  nd::array<int> v = nd::zeros<int>({2});
  if (c)
    v = a(nd::slice(0, 2));
  v[1] = 9;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' may also modify 'a' [viewguard-view-mutation]
  use(v);
  use(a);
}

// The conditional operator with a view on both arms is a view.
void view_on_both_arms(bool c) {
  nd::array<int> a = {1, 2, 3, 4};
  auto v = c ? a(nd::slice(0, 2)) : a(nd::slice(2, 4));
  v.fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  use(v);
  use(a);
}

// A view of 'a' or of 'b', depending on the branch: a may-view of each; the
// diagnostic names the one that is read afterwards.
void view_of_one_of_two(bool c) {
  nd::array<int> a = {1, 2, 3};
  nd::array<int> b = {4, 5, 6};
  auto v = c ? a(nd::slice(0, 2)) : b(nd::slice(0, 2));
  v[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' may also modify 'a' [viewguard-view-mutation]
  use(v);
  use(a);
}

// The write happens on one branch only: a definite view, reported.
void write_on_one_branch(bool c) {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(1, 3));
  if (c) {
    v[0] = 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  }
  use(v);
  use(a);
}

// The base is read on one path after the write only: some path is enough.
void base_read_on_one_path(bool c) {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(1, 3));
  v += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  use(v);
  if (c)
    use(a);
}

// Negative: the path on which 'v' is a view returns before the write.
void view_path_returns_early(bool c) {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  if (c)
    return;
  v = v.copy();
  v[0] = 7;
  use(v);
  use(a);
}

// Negative: a copy on every path.
void copy_on_every_path(bool c) {
  nd::array<int> a = {1, 2, 3};
  auto v = c ? a(nd::slice(0, 2)).copy() : a(nd::slice(1, 3)).copy();
  v[0] = 7;
  use(v);
  use(a);
}

// Negative: switch, the view is used as an update handle on every path.
void switch_update_handle(int k) {
  nd::array<int> a = {1, 2, 3, 4};
  auto v = a(nd::slice(0, 2));
  switch (k) {
  case 0:
    v.fill(0);
    break;
  case 1:
    v += 1;
    break;
  default:
    break;
  }
  use(a);
}
