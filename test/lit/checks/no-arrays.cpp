// RUN: %check_viewguard %s 'viewguard-*' %t
//
// Code without nd arrays gets nothing from viewguard, even where it has the
// same shapes: aliasing pointers, references, spans, and containers with
// value semantics.

#include <span>
#include <string>
#include <vector>

int scalars() {
  int a = 1;
  int &b = a;
  b = 2;
  return a + b;
}

int pointers() {
  int data[4] = {1, 2, 3, 4};
  int *p = data + 1;
  p[0] = 20;
  return p[1] + data[1];
}

int spans() {
  std::vector<int> v = {1, 2, 3, 4};
  std::span<int> s(v.data() + 1, 2);
  s[0] = 0;
  return s[1] + v[1];
}

int vectors(bool c) {
  std::vector<int> v = {1, 2, 3};
  auto w = v;
  w[0] = 10;
  if (c)
    w = std::vector<int>{7};
  std::vector<int> idx = {0, 2};
  return w[0] + v[0] + idx[1];
}

std::string strings() {
  std::string s = "abc";
  auto t = s.substr(1);
  t[0] = 'X';
  return s + t;
}

struct Matrix {
  std::vector<double> cells = std::vector<double>(4);
  double &operator()(int r, int c) { return cells[r * 2 + c]; }
};

double user_type() {
  Matrix m;
  auto n = m;
  n(0, 0) = 1.0;
  return m(0, 0) + n(0, 0);
}
