// The convergence test against a view: a stale snapshot.
//
// The loop keeps "the previous iterate" to test for convergence, but
// `x(nd::all)` is a view of x, not a snapshot: after the in-place update it
// shows the new values, the test compares x with itself, and the loop stops
// after one step. NumPy: `previous = x[:]` has the same problem; `x.copy()`
// is the snapshot.
//
// viewguard: viewguard-stale-view at the comparison; the fix (a note's
// fix-it, --fix-notes) makes the snapshot a copy.
#include <iostream>
#include <nd/nd.hpp>

int main() {
  nd::array<double> x = {0.0, 0.0, 0.0};
  nd::array<double> target = {1.0, 2.0, 3.0};
  int steps = 0;
  for (int it = 0; it < 100; ++it) {
    auto previous = x(nd::all);
    x += (target - x) * 0.5; // relax halfway towards the target
    ++steps;
    if (nd::allclose(x, previous)) { // BUG(viewguard-stale-view): previous already shows the update
      break;
    }
  }
  std::cout << "converged after " << steps << " step(s)\n";
  std::cout << "close to the target: " << std::boolalpha
            << nd::allclose(x, target, 1e-3) << "\n";
}

// BUGGY-OUTPUT:      converged after 1 step(s)
// BUGGY-OUTPUT-NEXT: close to the target: false
//
// FIXED-OUTPUT:      converged after 17 step(s)
// FIXED-OUTPUT-NEXT: close to the target: true
