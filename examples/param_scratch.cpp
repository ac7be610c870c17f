// The by-value parameter used as scratch space.
//
// `nd::array<double> samples` looks like a copy in C++, but nd arrays are
// handles (like cv::Mat or at::Tensor): passing one by value shares the
// caller's memory. Centering "the local copy" in place centers the caller's
// data. NumPy has the same behaviour for every argument.
//
// viewguard: viewguard-view-mutation at the write, naming the caller's
// array; the fix (a note's fix-it, --fix-notes) makes the scratch a copy.
#include <iostream>
#include <nd/nd.hpp>

// How far the largest sample lies above the mean.
double peak_above_mean(nd::array<double> samples) {
  auto centered = samples(nd::all);
  centered -= nd::mean(centered); // BUG(viewguard-view-mutation): centers the caller's array
  return nd::max(centered);
}

int main() {
  nd::array<double> samples = {1.0, 2.0, 3.0, 6.0};
  std::cout << "samples before:  " << samples << "\n";
  std::cout << "peak above mean: " << peak_above_mean(samples) << "\n";
  std::cout << "samples after:   " << samples << "\n";
}

// BUGGY-OUTPUT:      samples before:  [1. 2. 3. 6.]
// BUGGY-OUTPUT-NEXT: peak above mean: 3
// BUGGY-OUTPUT-NEXT: samples after:   [-2. -1.  0.  3.]
//
// FIXED-OUTPUT:      samples before:  [1. 2. 3. 6.]
// FIXED-OUTPUT-NEXT: peak above mean: 3
// FIXED-OUTPUT-NEXT: samples after:   [1. 2. 3. 6.]
