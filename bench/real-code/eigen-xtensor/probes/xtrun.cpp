#include <xtensor/xarray.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>
#include <xtensor/xstrided_view.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xindex_view.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xio.hpp>
#include <iostream>
#include <typeinfo>
int main() {
  xt::xarray<double> a = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  a = xt::transpose(a);
  std::cout << "xarray a = xt::transpose(a):\n" << a << "\n";
  xt::xtensor<double, 2> t = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  t = xt::transpose(t);
  std::cout << "xtensor t = xt::transpose(t):\n" << t << "\n";
  xt::xarray<double> r = {{1, 2, 3}, {4, 5, 6}};
  r = xt::transpose(r);
  std::cout << "2x3 r = xt::transpose(r): shape " << r.shape()[0] << "x" << r.shape()[1] << "\n" << r << "\n";
  xt::xarray<double> s = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  xt::view(s, xt::range(1, 3), xt::range(1, 3)) = xt::transpose(xt::view(s, xt::range(0, 2), xt::range(0, 2)));
  std::cout << "view(s,1:3,1:3) = transpose(view(s,0:2,0:2)) (numpy: [[1,2,3],[4,1,4],[7,2,5]]):\n" << s << "\n";
  xt::xarray<double> b = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
  auto fl = xt::flatten(b); fl(0) = 100;
  std::cout << "after flatten(b)(0)=100: b(0,0)=" << b(0, 0) << "\n";
  auto fl2 = xt::flatten(xt::transpose(b)); fl2(1) = 200;
  std::cout << "after flatten(transpose(b))(1)=200: b(0,1)=" << b(0, 1) << " b(1,0)=" << b(1, 0) << "\n";
  auto rv = xt::ravel(b); rv(2) = 300;
  std::cout << "after ravel(b)(2)=300: b(0,2)=" << b(0, 2) << "\n";
  auto f = xt::filter(b, b > 5); f = 0;
  std::cout << "after filter(b, b>5) = 0:\n" << b << "\n";
  auto k = xt::view(b, xt::keep(0, 2)); k = -1;
  std::cout << "after view(b, keep(0,2)) = -1:\n" << b << "\n";
  auto&& e = xt::eval(b); e(0, 0) = 42;
  std::cout << "after auto&& e = eval(b); e(0,0)=42: b(0,0)=" << b(0, 0) << "\n";
  auto iv = xt::index_view(b, {{1, 1}}); iv = 7;
  std::cout << "after index_view(b,{{1,1}}) = 7: b(1,1)=" << b(1, 1) << "\n";
  auto fr = xt::filtration(b, b < 0); fr = 9;
  std::cout << "after filtration(b, b<0) = 9:\n" << b << "\n";
}
