// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// NOLINT comments silence viewguard like any clang-tidy check.

#include <nd/nd.hpp>

void use(const nd::array<int> &);

void nolint_same_line() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  v[0] = 5; // NOLINT(viewguard-view-mutation)
  use(v);
  use(a);
}

void nolint_all_checks() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  v[0] = 5; // NOLINT
  use(v);
  use(a);
}

void nolint_next_line() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  // NOLINTNEXTLINE(viewguard-*)
  v.fill(1);
  use(v);
  use(a);
}

void nolint_block() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  // NOLINTBEGIN(viewguard-view-mutation)
  v += 1;
  // NOLINTEND(viewguard-view-mutation)
  use(v);
  use(a);
}

// A NOLINT for another check does not silence this one.
void nolint_other_check() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  v[1] = 5; // NOLINT(bugprone-use-after-move)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  use(v);
  use(a);
}

// A NOLINT for the other viewguard checks does not silence this one.
void nolint_other_viewguard_check() {
  nd::array<int> a = {1, 2, 3};
  auto v = a(nd::slice(0, 2));
  v[1] = 6; // NOLINT(viewguard-lost-write, viewguard-stale-view)
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
  use(v);
  use(a);
}
