#include <xtensor/xarray.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xview.hpp>
#include <xtensor/xio.hpp>
#include <iostream>
int main() {
  xt::xarray<double> a = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  xt::noalias(a) = xt::transpose(a);
  std::cout << "xt::noalias(a) = xt::transpose(a):\n" << a << "\n";
  xt::xarray<double> s = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  xt::noalias(xt::view(s, xt::range(1, 3), xt::range(1, 3))) = xt::transpose(xt::view(s, xt::range(0, 2), xt::range(0, 2)));
  std::cout << "noalias(view(s,1:3,1:3)) = transpose(view(s,0:2,0:2)):\n" << s << "\n";
}
