// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// Every way nd makes a view (basic indexing, newaxis, view(), T(),
// transpose(), swapaxes(), squeeze(), reshape/ravel of a contiguous array), in
// 1-D, 2-D and 3-D; and the ways that make copies (reshape/ravel of a
// permuted array, flatten(), copy(), fancy and mask indexing, arithmetic),
// through which a write modifies nothing else.

#include <nd/nd.hpp>

void use(const nd::array<int> &);
void use(const nd::array<double> &);

void column_view() {
  nd::array<int> m = {{1, 2}, {3, 4}};
  auto col = m(nd::all, 1);
  col[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'col' also modifies 'm' [viewguard-view-mutation]
  use(col);
  use(m);
}

void block_view() {
  nd::array<int> m = nd::arange<int>(12).reshape({3, 4});
  auto block = m(nd::slice(1, nd::_), nd::slice(nd::_, 2));
  block.fill(-1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'block' also modifies 'm' [viewguard-view-mutation]
  use(block);
  use(m);
}

void reversed_view() {
  nd::array<int> a = {1, 2, 3, 4};
  auto rev = a(nd::slice(nd::_, nd::_, -1));
  rev[0] = 40;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'rev' also modifies 'a' [viewguard-view-mutation]
  use(rev);
  use(a);
}

void newaxis_view() {
  nd::array<int> a = {1, 2, 3};
  auto row = a(nd::newaxis, nd::all);
  row(0, 1) = 20;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'row' also modifies 'a' [viewguard-view-mutation]
  use(row);
  use(a);
}

void transpose_T() {
  nd::array<int> m = nd::arange<int>(6).reshape({2, 3});
  auto t = m.T();
  t(0, 1) = 99;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 't' also modifies 'm' [viewguard-view-mutation]
  use(t);
  use(m);
}

void transpose_method() {
  nd::array<double> m = {{1.0, 2.0}, {3.0, 4.0}};
  auto t = m.transpose();
  t *= -1.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 't' also modifies 'm' [viewguard-view-mutation]
  use(t);
  use(m);
}

void swapaxes_view() {
  nd::array<int> m = nd::zeros<int>({2, 3});
  auto s = m.swapaxes(0, 1);
  s(2, 1) = 7;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 's' also modifies 'm' [viewguard-view-mutation]
  use(s);
  use(m);
}

void squeeze_view() {
  nd::array<int> m = {{1, 2, 3}};
  auto flat = m.squeeze();
  flat[2] = 30;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'flat' also modifies 'm' [viewguard-view-mutation]
  use(flat);
  use(m);
}

// reshape of a fresh (contiguous) array is a view.
void reshape_contiguous() {
  nd::array<int> m = nd::arange<int>(6).reshape({2, 3});
  auto flat = m.reshape({6});
  flat[5] = -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'flat' also modifies 'm' [viewguard-view-mutation]
  use(flat);
  use(m);
}

// ravel of a contiguous array is a view.
void ravel_contiguous() {
  nd::array<double> m = nd::zeros<double>({2, 2});
  auto r = m.ravel();
  r[3] = 1.5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'r' also modifies 'm' [viewguard-view-mutation]
  use(r);
  use(m);
}

// 3-D: a plane and a strided line.
void plane_3d() {
  nd::array<int> cube = nd::zeros<int>({2, 3, 4});
  auto plane = cube(0, nd::all, nd::all);
  plane(1, 2) = 8;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'plane' also modifies 'cube' [viewguard-view-mutation]
  use(plane);
  use(cube);
}

void line_3d() {
  nd::array<int> cube = nd::arange<int>(24).reshape({2, 3, 4});
  auto line = cube(nd::all, 1, nd::slice(0, 4, 2));
  line += 100;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'line' also modifies 'cube' [viewguard-view-mutation]
  use(line);
  use(cube);
}

// Negative: reshape of a transposed array must copy.
void reshape_of_transposed_copies() {
  nd::array<int> m = nd::arange<int>(6).reshape({2, 3});
  auto flat = m.T().reshape({6});
  flat[0] = 100;
  use(flat);
  use(m);
}

// Negative: ravel of a transposed array copies.
void ravel_of_transposed_copies() {
  nd::array<int> m = nd::arange<int>(6).reshape({2, 3});
  auto r = m.T().ravel();
  r[0] = 100;
  use(r);
  use(m);
}

// Negative: flatten() always copies.
void flatten_copies() {
  nd::array<int> m = {{1, 2}, {3, 4}};
  auto f = m.flatten();
  f[0] = 0;
  use(f);
  use(m);
}

// Negative: copy() and nd::copy are copies.
void explicit_copies() {
  nd::array<int> a = {1, 2, 3};
  auto c1 = a.copy();
  auto c2 = nd::copy(a);
  c1[0] = 10;
  c2.fill(20);
  use(c1);
  use(c2);
  use(a);
}

// Negative: a view of a copy does not reach the original.
void view_of_copy() {
  nd::array<int> a = {1, 2, 3, 4};
  auto c = a.copy();
  auto head = c(nd::slice(0, 2));
  head[0] = 0;
  use(head);
  use(a);
}

// Negative: fancy indexing, mask indexing and arithmetic make new arrays
// that are read after the write: correct code.
void copies_used_locally() {
  nd::array<int> a = {10, 20, 30, 40};
  auto picked = a(nd::indices{0, 2});
  auto big = a(a > 15);
  auto shifted = a + 1;
  picked[0] = -1;
  big -= 15;
  shifted *= 2;
  use(picked);
  use(big);
  use(shifted);
  use(a);
}
