// RUN: %check_viewguard %s 'viewguard-*' %t
//
// C++20 designated initializers of aggregates that hold arrays and views.

#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);

struct Options {
  int axis = 0;
  bool inplace = false;
  nd::slice range = nd::slice(0, 2);
};

struct Job {
  nd::array<int> input;
  nd::array<int> scratch;
  Options opt;
};

// Designated initializers for the index arguments of a view.
void designated_slice() {
  nd::array<int> a = nd::arange<int>(6);
  Options o{.axis = 0, .range = nd::slice(1, 3)};
  auto part = a(o.range);
  part.fill(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'part' also modifies 'a' [viewguard-view-mutation]
  use(part);
  use(a);
}

// An aggregate of a base and its view, initialised by designators. Members
// of local objects are not tracked (a documented limit): nothing reported.
void aggregate_members() {
  nd::array<int> a = {1, 2, 3, 4};
  Job job{.input = a, .scratch = a(nd::slice(0, 2)), .opt = {.inplace = true}};
  job.scratch[0] = 9;
  use(job.scratch);
  use(job.input);
}

// A handle copy of a member of a designated aggregate (it shares the
// member's storage; the analysis takes 'in' as the base), a view of it
// written, then both read.
void view_of_member_copy() {
  Job job{.input = nd::arange<int>(4), .scratch = nd::zeros<int>({4})};
  nd::array<int> in = job.input;
  auto head = in(nd::slice(0, 2));
  head += 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'head' also modifies 'in' [viewguard-view-mutation]
  std::cout << head << in << "\n";
}

// Correct: the scratch is an explicit copy.
int designated_copy(const nd::array<int> &src) {
  Job job{.input = src, .scratch = src.copy()};
  nd::array<int> s = job.scratch;
  s.fill(1);
  return nd::sum(s);
}

int main() {
  designated_slice();
  aggregate_members();
  view_of_member_copy();
  nd::array<int> a = {1, 2, 3};
  std::cout << designated_copy(a) << "\n";
  return 0;
}
