// Prints a sensor series and, scaled for a chart, its last three readings.
// The bug: `recent` is a slice, i.e. a view, so scaling it also scales the
// series that is printed next (NumPy: `recent = s[3:]; recent *= 10`).
// The fix: `auto recent = readings(nd::slice(3, nd::_)).copy();`
#include <iostream>
#include <nd/nd.hpp>

int main() {
  nd::array<double> readings = {1.5, 2.0, 2.5, 3.0, 3.5, 4.0};
  auto recent = readings(nd::slice(3, nd::_));
  recent *= 10.0;  // BUG(viewguard-view-mutation): also scales `readings`
  std::cout << "chart: " << recent << "\n";
  std::cout << "series: " << readings << "\n";
}
