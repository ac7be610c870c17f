// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// Parameters. A by-value array parameter shares the caller's memory (the
// handle is copied, not the data): a view of it used as scratch is reported
// (rule b), and so is the parameter itself used that way. A const&
// parameter is the caller's array too. A non-const reference is an explicit
// output: only rule (a) applies to it.

#include <nd/nd.hpp>

void use(const nd::array<int> &);
void use(const nd::array<double> &);

// The spec case.
double peak_to_mean(nd::array<double> signal) {
  auto window = signal(nd::slice(0, 4));
  window -= nd::mean(window);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'window' also modifies the caller's array passed as 'signal' [viewguard-view-mutation]
  return nd::max(window);
}

// A row of a 2-D by-value parameter.
int row_scratch(nd::array<int> m) {
  auto row = m(0, nd::all);
  row.fill(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'row' also modifies the caller's array passed as 'm' [viewguard-view-mutation]
  return nd::sum(row);
}

// The by-value parameter itself, written and then read.
int param_itself(nd::array<int> p) {
  p[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through parameter 'p' also modifies the caller's array [viewguard-view-mutation]
  return nd::sum(p);
}

// A handle copy of the by-value parameter: still the caller's array.
int handle_copy_of_param(nd::array<int> p) {
  auto work = p;
  work *= 2;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'work' also modifies the caller's array passed as 'p' [viewguard-view-mutation]
  return nd::sum(work);
}

// A const& parameter: the caller's array, which the signature promises not
// to change.
int const_ref_param(const nd::array<int> &in) {
  auto head = in(nd::slice(0, 2));
  head[1] = 5;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'head' also modifies the caller's array passed as 'in' [viewguard-view-mutation]
  return nd::sum(head);
}

// Non-const reference, both read after the write: rule (a).
void out_param_both_read(nd::array<int> &out) {
  auto head = out(nd::slice(0, 2));
  head.fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'head' also modifies 'out' [viewguard-view-mutation]
  use(head);
  use(out);
}

// Negative: non-const reference, only the view is read afterwards. Writing
// the caller's array is what an output parameter is for.
int out_param_view_read(nd::array<int> &out) {
  auto head = out(nd::slice(0, 2));
  head.fill(0);
  return nd::sum(head);
}

// Negative: the by-value parameter written through a view that is not read
// afterwards (an update handle: writing the caller's data on purpose).
void zero_head(nd::array<int> a) {
  auto head = a(nd::slice(0, 2));
  head.fill(0);
}

// Negative: the by-value parameter itself written and not read afterwards.
void clear(nd::array<int> a) { a.fill(0); }

// Negative: scratch on an explicit copy of the parameter.
double centered_max(nd::array<double> signal) {
  auto window = signal(nd::slice(0, 4)).copy();
  window -= nd::mean(window);
  return nd::max(window);
}

// Negative: the parameter is only read.
int total(nd::array<int> a) {
  auto head = a(nd::slice(0, 2));
  return nd::sum(head) + nd::sum(a);
}

// Negative: only the parameter is read after the write through the view
// (the view is the update handle).
int update_then_read_param(nd::array<int> a) {
  auto head = a(nd::slice(0, 2));
  head += 1;
  return nd::sum(a);
}
