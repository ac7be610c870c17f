// RUN: %check_viewguard %s viewguard-lost-write %t
//
// Writes to a temporary copy are always lost. The fix-it, on the warning
// (applied by --fix), exists only where the rewrite is exact: a whole-
// selection assignment or fill with a single advanced index argument
// becomes put().

#include <nd/nd.hpp>

void use(const nd::array<int> &);
void use(const nd::array<double> &);

// The spec case, all three lines.
void spec_mask_temporary_assign() {
  nd::array<int> arr = {10, 20, 30, 40, 50};
  arr(arr > 25) = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a temporary copy made by mask indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: arr.put(arr > 25, 0);
  arr(nd::indices{0, 1})[1] = 7;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: element write to a temporary copy made by fancy indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: arr(nd::indices{0, 1})[1] = 7;
  arr(arr < 15).fill(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fill' on a temporary copy made by mask indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: arr.put(arr < 15, 1);
  use(arr);
}

void fancy_assignment() {
  nd::array<int> a = {1, 2, 3, 4, 5};
  a(nd::indices{0, 2}) = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a temporary copy made by fancy indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: a.put(nd::indices{0, 2}, 5);
  use(a);
}

void fancy_fill() {
  nd::array<int> a = {1, 2, 3, 4, 5};
  a(nd::indices{1, 3}).fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fill' on a temporary copy made by fancy indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: a.put(nd::indices{1, 3}, 0);
  use(a);
}

// The value may be any expression, the mask too.
void assignment_of_array_value() {
  nd::array<int> a = {1, 2, 3, 4};
  nd::array<int> b = {9, 9};
  nd::array<bool> keep = a > 2;
  a(keep) = b;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a temporary copy made by mask indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: a.put(keep, b);
  use(a);
}

void matrix_mask() {
  nd::array<double> m = {{1.0, -2.0}, {-3.0, 4.0}};
  m(m < 0.0) = 0.0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a temporary copy made by mask indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: m.put(m < 0.0, 0.0);
  use(m);
}

// Compound assignment: no exact rewrite, no fix.
void compound() {
  nd::array<int> a = {1, 2, 3, 4};
  a(a > 2) += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: compound assignment to a temporary copy made by mask indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: a(a > 2) += 1;
  a(nd::indices{0}) *= 3;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: compound assignment to a temporary copy made by fancy indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: a(nd::indices{0}) *= 3;
  use(a);
}

// Element writes: no fix.
void element_writes() {
  nd::array<int> a = {1, 2, 3, 4};
  a(a > 0)[0] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: element write to a temporary copy made by mask indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: a(a > 0)[0] = 1;
  a.flatten()[2] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: element write to a temporary copy made by flatten() has no effect [viewguard-lost-write]
  (a + 1)[0] = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: element write to a temporary copy made by arithmetic has no effect [viewguard-lost-write]
  use(a);
}

// Other writing member calls: the quoted name is the method's; only fill
// has a fix.
void other_writing_calls() {
  nd::array<int> a = {1, 2, 3, 4};
  nd::array<int> b = {0, 0};
  a(a > 2).assign(b);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'assign' on a temporary copy made by mask indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: a(a > 2).assign(b);
  a.flatten().fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fill' on a temporary copy made by flatten() has no effect [viewguard-lost-write]
  // CHECK-FIXES: a.flatten().fill(0);
  (a * 2).fill(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fill' on a temporary copy made by arithmetic has no effect [viewguard-lost-write]
  // CHECK-FIXES: (a * 2).fill(1);
  use(a);
}

// A basic-indexed temporary after the fancy index is still the copy's.
void view_of_temporary_copy() {
  nd::array<int> a = {1, 2, 3, 4};
  a(nd::indices{0, 1, 2})(nd::slice(0, 2)) = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a temporary copy made by fancy indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: a(nd::indices{0, 1, 2})(nd::slice(0, 2)) = 0;
  use(a);
}

// In a macro: reported at the expansion site, without a fix-it.
#define ZERO_WHERE(arr, mask) arr(mask) = 0
void in_macro() {
  nd::array<int> a = {1, 2, 3, 4};
  ZERO_WHERE(a, a > 2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a temporary copy made by mask indexing has no effect [viewguard-lost-write]
  // CHECK-FIXES: ZERO_WHERE(a, a > 2);
  use(a);
}

// Negative: a temporary view writes through (as at::Tensor does).
void temporary_view_writes_through() {
  nd::array<int> a = {1, 2, 3, 4};
  a(nd::slice(0, 2)) = 0;
  a(nd::slice(2, 4)).fill(1);
  a(nd::slice(nd::_, nd::_, 2)) += 1;
  a.T()[0] = 5;
  use(a);
}

// Negative: put() is the scatter.
void put_is_the_scatter() {
  nd::array<int> a = {1, 2, 3, 4};
  a.put(a > 2, 0);
  a.put(nd::indices{0}, 9);
  use(a);
}

// Negative: temporary copies that are only read.
int temporaries_read() {
  nd::array<int> a = {1, 2, 3, 4};
  return nd::sum(a(a > 2)) + a(nd::indices{0, 1})[1] + (a + 1)[0];
}
