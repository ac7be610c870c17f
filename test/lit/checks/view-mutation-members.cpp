// RUN: %check_viewguard %s 'viewguard-*' %t -fix-notes
//
// Array members of objects other than `this`: a local object or a parameter
// holding a view of another array (`Tile t{img(rows, cols)};`) is tracked
// member by member, `t.px` like a variable, with the same rules. An object
// used any other way (assigned, passed whole, a method called on it, used in
// a lambda) may change its members unseen and is not tracked.

#include <iostream>
#include <nd/nd.hpp>

struct Tile {
  nd::array<float> px;
  int id;
};

void use(const nd::array<float> &);
void consume(Tile &);

// The member is a view of the caller's image, and both are read afterwards.
void member_view_written(nd::array<float> img) {
  Tile t{img(nd::slice(0, 2), nd::slice(0, 2)), 3};
  // CHECK-FIXES: Tile t{img(nd::slice(0, 2), nd::slice(0, 2)).copy(), 3};
  t.px.fill(0);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 't.px' also modifies the caller's array passed as 'img' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-4]]:10: note: 't.px' is a view of 'img' created here
  // CHECK-NOTES: :[[@LINE+2]]:16: note: 't.px' is read here after the write
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'img' is read here after the write
  std::cout << t.px << t.id;
  use(img);
}

// A view of a member of a reference parameter: the member is the base.
void view_of_member(Tile &t) {
  auto row = t.px(0, nd::all);
  // CHECK-FIXES: auto row = t.px(0, nd::all).copy();
  row.fill(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'row' also modifies 't.px' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-4]]:14: note: 'row' is a view of 't.px' created here
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 'row' is read here after the write
  // CHECK-NOTES: :[[@LINE+2]]:7: note: 't.px' is read here after the write
  use(row);
  use(t.px);
}

// The member used as a handle to update the image: intended, silent.
void member_as_update_handle(nd::array<float> img) {
  Tile t{img(nd::slice(0, 2), nd::slice(0, 2)), 3};
  t.px.fill(0);
  use(img);
}

// The whole object is reassigned: t.px no longer views img.
void object_reassigned(nd::array<float> img, Tile other) {
  Tile t{img(nd::slice(0, 2), nd::slice(0, 2)), 3};
  t = other;
  t.px.fill(0);
  use(t.px);
  use(img);
}

// The object is passed whole: the callee may rebind its member.
void object_passed(nd::array<float> img) {
  Tile t{img(nd::slice(0, 2), nd::slice(0, 2)), 3};
  consume(t);
  t.px.fill(0);
  use(t.px);
  use(img);
}

// A lambda uses the object: not tracked in the enclosing function.
void object_in_lambda(nd::array<float> img) {
  Tile t{img(nd::slice(0, 2), nd::slice(0, 2)), 3};
  auto reset = [&] { t.px = nd::zeros<float>({2, 2}); };
  reset();
  t.px.fill(0);
  use(t.px);
  use(img);
}

// A deliberate copy in the member: writes to it are the author's.
void member_copy(nd::array<float> img) {
  Tile t{img(nd::slice(0, 2), nd::slice(0, 2)).copy(), 3};
  t.px.fill(0);
  use(t.px);
  use(img);
}
