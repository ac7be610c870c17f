#include <xtensor/xarray.hpp>
#include <xtensor/xview.hpp>
#include <Eigen/Dense>
void w(xt::xarray<double> &a, xt::xarray<double> &b, const Eigen::MatrixXd &cm) {
  auto v1 = xt::view(a + b, 0);
  auto v2 = xt::view(xt::xarray<double>{1, 2}, 0);
  auto v3 = xt::view(std::move(a), 0);
  auto cb = cm.block(0, 0, 1, 1);
}
