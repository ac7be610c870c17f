#include "plaintensor.hpp"

int scratch() {
  pt::Tensor<int> data(5);
  auto part = data(pt::Range{1, 4});
  part[0] = 7;
  return pt::total(part) + pt::total(data);
}

int by_constructor() {
  pt::Tensor<int> data(5);
  pt::Tensor<int> part(data, pt::Range{0, 2});
  part = pt::Scalar{3};
  return pt::total(part) + pt::total(data);
}

int gathered() {
  pt::Tensor<int> data(5);
  data(std::vector<std::ptrdiff_t>{1, 3}) = pt::Scalar{3};
  return pt::total(data);
}

int rebound() {
  pt::Tensor<int> data(5), ones(2);
  ones.fill_(1);
  auto h = data(pt::Range{0, 2});
  h = ones;
  return pt::total(data);
}

int output() {
  pt::Tensor<int> data(4), a(4);
  auto head = data(pt::Range{0, 2});
  pt::add_into(data, a);
  return pt::total(data) + pt::total(head);
}

int correct() {
  pt::Tensor<int> data(5);
  auto c = data.clone();
  c[0] = 1;
  data(pt::Range{0, 2}) = pt::Scalar{9};
  auto h = data(pt::Range{2, 4});
  h.fill_(2);
  return pt::total(c) + pt::total(data) + static_cast<int>(h.numel() + h.rows);
}
