// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// Storage that outlives the function: members, globals, and variables a
// lambda captured by reference. A view of it used as scratch (read after the
// write) is reported even when the storage itself is not read again.

#include <nd/nd.hpp>

void use(const nd::array<int> &);
void use(const nd::array<double> &);

nd::array<int> g_table = nd::arange<int>(10);

struct Filter {
  nd::array<double> coeffs = {0.25, 0.5, 0.25};

  double head_energy() {
    auto head = coeffs(nd::slice(0, 2));
    head *= head;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write through 'head' also modifies member 'coeffs' [viewguard-view-mutation]
    return nd::sum(head);
  }

  double through_this() {
    auto tail = this->coeffs(nd::slice(1, nd::_));
    tail[0] = 1.0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write through 'tail' also modifies member 'coeffs' [viewguard-view-mutation]
    return nd::sum(tail);
  }

  // Negative: the member updated in place through a handle nobody reads.
  void normalize_head() {
    auto head = coeffs(nd::slice(0, 2));
    head *= 2.0;
  }

  // Negative: scratch on a copy of the member.
  double scratch_copy() {
    auto head = coeffs(nd::slice(0, 2)).copy();
    head *= head;
    return nd::sum(head);
  }
};

int global_scratch() {
  auto first = g_table(nd::slice(0, 3));
  first.fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'first' also modifies global 'g_table' [viewguard-view-mutation]
  return nd::sum(first);
}

// Negative: the global updated through a view that is not read afterwards.
void global_update() {
  auto first = g_table(nd::slice(0, 3));
  first += 1;
}

int lambda_explicit_capture() {
  nd::array<int> data = {1, 2, 3, 4};
  auto f = [&data]() {
    auto h = data(nd::slice(0, 2));
    h[0] = 100;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write through 'h' also modifies captured 'data' [viewguard-view-mutation]
    return nd::sum(h);
  };
  return f();
}

int lambda_default_capture() {
  nd::array<int> data = {1, 2, 3, 4};
  auto f = [&]() {
    auto h = data(nd::slice(2, 4));
    h.fill(7);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write through 'h' also modifies captured 'data' [viewguard-view-mutation]
    return nd::sum(h);
  };
  return f();
}

// A lambda's by-value array parameter is the caller's array too.
int lambda_by_value_param() {
  auto f = [](nd::array<int> p) {
    auto h = p(nd::slice(0, 2));
    h += 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write through 'h' also modifies the caller's array passed as 'p' [viewguard-view-mutation]
    return nd::sum(h);
  };
  nd::array<int> a = {1, 2, 3};
  return f(a);
}

// Negative: the lambda updates the captured array through a handle.
void lambda_update_handle() {
  nd::array<int> data = {1, 2, 3, 4};
  auto reset = [&data]() {
    auto h = data(nd::slice(0, 2));
    h.fill(0);
  };
  reset();
  use(data);
}
