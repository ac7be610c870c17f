#include "scale.h"

double use(nd::array<double> data) {
  auto part = data(nd::slice(0, 4));
  scale_in_place(part, 2.0);
  return part[0] + data[1];
}
