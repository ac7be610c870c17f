#include <xtensor/xarray.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xfixed.hpp>
#include <xtensor/xview.hpp>
#include <xtensor/xstrided_view.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xindex_view.hpp>
#include <xtensor/xadapt.hpp>
#include <xtensor/xeval.hpp>
#include <xtensor/xbuilder.hpp>
#include <xtensor/xio.hpp>
#include <vector>
void h(xt::xarray<double> &a, xt::xtensor<double, 2> &t, xt::xarray<double> &b, double *ptr, std::vector<double> &vec) {
  auto v = xt::view(a, xt::range(1, 3));
  auto v2 = xt::view(a, 1, xt::all());
  auto v3 = xt::view(t, xt::range(0, 2), xt::newaxis(), xt::all());
  auto kv = xt::view(a, xt::keep(0, 2));
  auto sv = xt::strided_view(a, {xt::range(0, 1), xt::all()});
  auto tr = xt::transpose(a);
  auto fl = xt::flatten(a);
  auto rv = xt::ravel(a);
  auto rs = xt::reshape_view(a, {4});
  auto iv = xt::index_view(a, {{0, 0}, {1, 1}});
  auto fi = xt::filter(a, a > 2);
  auto fn = a > 2;
  auto ad = xt::adapt(ptr, 6, xt::no_ownership(), std::vector<std::size_t>{2, 3});
  auto ad2 = xt::adapt(vec, std::vector<std::size_t>{2, 3});
  auto ad3 = xt::adapt(vec);
  auto ev = xt::eval(a);
  auto ev2 = xt::eval(a + b);
  auto sum = a + b;
  auto sc = 2.0 * a;
  auto bc = xt::broadcast(a, {3, 2, 2});
  auto rw = xt::row(t, 0);
  xt::view(a, xt::range(1, 3)) = b;
  xt::view(a, 0) = 1.0;
  v = b;
  v = 3.0;
  v += 1;
  v(0) = 2.0;
  a(0, 1) = 1.0;
  a[{0, 1}] = 1.0;
  a.at(0, 1) = 1.0;
  t(0, 0) = 1.0;
  tr(0, 1) = 1.0;
  fi = 0.0;
  fi += 1.0;
  iv = 5.0;
  a = xt::transpose(a);
  a = a + b;
  a += b;
  a.fill(0.0);
  a.resize({3, 3});
  a.reshape({9});
  a = b;
  b = std::move(a);
  xt::xarray<double> c = xt::view(b, xt::range(1, 3));
  xt::xarray<double> c2(xt::view(b, xt::range(1, 3)));
  xt::xarray<double> c3 = b;
  xt::xarray<double> c4 = b + b;
  xt::xtensor<double, 2> t2 = t;
  t2 = xt::transpose(t);
  c = xt::view(b, 0);
  xt::xtensor_fixed<double, xt::xshape<2, 2>> fx = {{1, 2}, {3, 4}};
  fx(0, 0) = 2;
  double *d = a.data();
  ad(0, 0) = 1.0;
  ad = b;
  (void)d;
}
