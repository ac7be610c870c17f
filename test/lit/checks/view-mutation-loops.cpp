// RUN: %check_viewguard %s viewguard-view-mutation %t
//
// Loops: a read earlier in the body is "after" a write later in the body, on
// the next iteration, and the notes say so. Notes come in the order: where
// the view was made, the read of the view, the read of the base.

#include <iostream>
#include <nd/nd.hpp>

void use(const nd::array<int> &);

// The write is at the bottom of the body; both reads are at the top, reached
// only around the back edge.
void write_at_bottom_read_at_top(int n) {
  nd::array<int> acc = nd::zeros<int>({4});
  auto head = acc(nd::slice(0, 2));
  for (int i = 0; i < n; ++i) {
    std::cout << head << " " << acc << "\n";
    head.fill(i);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: write through 'head' also modifies 'acc' [viewguard-view-mutation]
    // CHECK-NOTES: :[[@LINE-5]]:15: note: 'head' is a view of 'acc' created here
    // CHECK-NOTES: :[[@LINE-4]]:18: note: 'head' is read here after the write, on the next iteration of the loop
    // CHECK-NOTES: :[[@LINE-5]]:33: note: 'acc' is read here after the write, on the next iteration of the loop
  }
}

// The view is read after the write in the same iteration, the base only on
// the next one.
void base_read_on_next_iteration(int n) {
  nd::array<int> a = nd::arange<int>(6);
  for (int i = 0; i < n; ++i) {
    use(a);
    auto part = a(nd::slice(1, 3));
    part[0] = i;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: write through 'part' also modifies 'a' [viewguard-view-mutation]
    // CHECK-NOTES: :[[@LINE-3]]:17: note: 'part' is a view of 'a' created here
    // CHECK-NOTES: :[[@LINE+2]]:9: note: 'part' is read here after the write
    // CHECK-NOTES: :[[@LINE-6]]:9: note: 'a' is read here after the write, on the next iteration of the loop
    use(part);
  }
}

// A while loop; both are read after the loop: no suffix.
void while_loop_read_after_exit(int n) {
  nd::array<int> a = nd::zeros<int>({3});
  auto v = a(nd::slice(0, 2));
  while (n-- > 0) {
    v[0] = n;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: write through 'v' also modifies 'a' [viewguard-view-mutation]
    // CHECK-NOTES: :[[@LINE-4]]:12: note: 'v' is a view of 'a' created here
    // CHECK-NOTES: :[[@LINE+3]]:7: note: 'v' is read here after the write
    // CHECK-NOTES: :[[@LINE+3]]:7: note: 'a' is read here after the write
  }
  use(v);
  use(a);
}

// A range-for over indices, write then read of both in the body: no suffix.
void range_for(int n) {
  nd::array<int> grid = nd::zeros<int>({3, 3});
  for (int r : {0, 1, 2}) {
    auto row = grid(r, nd::all);
    row[0] = n;
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: write through 'row' also modifies 'grid' [viewguard-view-mutation]
    // CHECK-NOTES: :[[@LINE-3]]:16: note: 'row' is a view of 'grid' created here
    // CHECK-NOTES: :[[@LINE+2]]:9: note: 'row' is read here after the write
    // CHECK-NOTES: :[[@LINE+2]]:9: note: 'grid' is read here after the write
    use(row);
    use(grid);
  }
}

// Negative: a fresh view each iteration, used only as an update handle; the
// base is read after the loop.
void update_handle_in_loop(int n) {
  nd::array<int> a = nd::zeros<int>({8});
  for (int i = 0; i + 2 <= 8 && i < n; i += 2) {
    auto pair = a(nd::slice(i, i + 2));
    pair += 1;
  }
  use(a);
}

// Negative: the view is rebound to a copy at the top of every iteration,
// before anything writes through it.
void rebound_to_copy_each_iteration(int n) {
  nd::array<int> a = {1, 2, 3, 4};
  auto v = a(nd::slice(0, 2));
  for (int i = 0; i < n; ++i) {
    v = a(nd::slice(0, 2)).copy();
    v[0] = i;
    use(v);
    use(a);
  }
}

// A read after the loop, of a write inside it, is reached by leaving the
// loop, not on a next iteration: no loop suffix on its note.
void read_after_loop(int n) {
  nd::array<int> acc = nd::zeros<int>({4});
  auto head = acc(nd::slice(0, 2));
  for (int i = 0; i < n; ++i)
    head.fill(i);
  // CHECK-NOTES: :[[@LINE-1]]:5: warning: write through 'head' also modifies 'acc' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-4]]:15: note: 'head' is a view of 'acc' created here
  // CHECK-NOTES: :[[@LINE+2]]:16: note: 'head' is read here after the write{{$}}
  // CHECK-NOTES: :[[@LINE+1]]:31: note: 'acc' is read here after the write{{$}}
  std::cout << head << " " << acc << "\n";
}
