// viewguard-stale-view: 'old' is a view, not a snapshot, so the comparison
// sees the updated values; and a function with nothing to report.
#include <iostream>
#include <nd/nd.hpp>

double total(const nd::array<double> &x) { return nd::sum(x); }

int main() {
  nd::array<double> x = {1.0, 2.0, 3.0};
  auto old = x(nd::all);
  x += 0.5;
  std::cout << nd::allclose(x, old) << " " << total(x) << "\n";
}
