// A handle-semantics 1-D array with no viewguard annotations: described by
// plaintensor.yaml instead.
#pragma once
#include <cstddef>
#include <memory>
#include <vector>

namespace pt {
struct Range {
  std::ptrdiff_t start, stop;
};
struct Scalar {
  int v;
};
template <class T> class Tensor {
public:
  explicit Tensor(std::size_t n) : buf_(std::make_shared<std::vector<T>>(n)), len_(n) {}
  Tensor(const Tensor &base, Range r) : buf_(base.buf_), off_(base.off_ + r.start), len_(r.stop - r.start) {}
  std::size_t rows = 1;
  std::size_t numel() const { return len_; }
  T &operator[](std::ptrdiff_t i) const { return (*buf_)[off_ + i]; }
  Tensor operator()(Range r) const { return Tensor(*this, r); }
  Tensor operator()(const std::vector<std::ptrdiff_t> &idx) const {
    Tensor out(idx.size());
    for (std::size_t k = 0; k < idx.size(); ++k) out[k] = (*this)[idx[k]];
    return out;
  }
  Tensor clone() const { return (*this)(std::vector<std::ptrdiff_t>(len_)); }
  Tensor &operator=(const Tensor &) & = default;
  Tensor &operator=(Scalar s) & { for (std::size_t k = 0; k < len_; ++k) (*this)[k] = s.v; return *this; }
  Tensor &operator=(Scalar s) && { return *this = s; }
  void fill_(T v) const { for (std::size_t k = 0; k < len_; ++k) (*this)[k] = v; }
  void index_put_(const std::vector<std::ptrdiff_t> &idx, T v) { for (auto i : idx) (*this)[i] = v; }
  void copy_(const Tensor &src) const { for (std::size_t k = 0; k < len_; ++k) (*this)[k] = src[k]; }

private:
  std::shared_ptr<std::vector<T>> buf_;
  std::size_t off_ = 0, len_ = 0;
};
template <class T> T total(const Tensor<T> &t) {
  T s{};
  for (std::size_t k = 0; k < t.numel(); ++k) s += t[k];
  return s;
}
template <class T> void add_into(Tensor<T> &out, const Tensor<T> &a) {
  for (std::size_t k = 0; k < out.numel(); ++k) out[k] += a[k];
}
} // namespace pt
