// Halves the spikes of a signal, then prints the signal and the part that
// was processed. The bug: `tail` is a slice, i.e. a view, so halving it also
// halves `signal`, which is printed as if it were the original.
// (NumPy: `tail = signal[2:]; tail /= 2`.) Fix: `.copy()` the slice.
#include <iostream>
#include <nd/nd.hpp>

int main() {
  nd::array<double> signal = {1.0, 8.0, 2.0, 9.0, 3.0};
  auto tail = signal(nd::slice(2, nd::_));
  tail /= 2.0;
  std::cout << "processed: " << tail << "\n";
  std::cout << "original: " << signal << "\n";
}
