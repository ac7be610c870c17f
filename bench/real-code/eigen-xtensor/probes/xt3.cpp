#include <xtensor/xarray.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>
#include <xtensor/xadapt.hpp>
#include <xtensor/xnoalias.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xstrided_view.hpp>
#include <vector>
void q(xt::xarray<double> &a, xt::xtensor<double, 2> &t, double *ptr) {
  a.flat(0) = 1.0;
  a.unchecked(0, 0) = 1.0;
  std::vector<std::size_t> ix{0, 0};
  a.element(ix.begin(), ix.end()) = 1.0;
  a.periodic(5, 5) = 1.0;
  a.storage()[0] = 1.0;
  *a.begin() = 1.0;
  xt::noalias(a) = a + a;
  xt::noalias(t) += t;
  auto v = xt::view(t, 0, xt::all());
  v.fill(2.0);
  v[{0}] = 1.0;
  v.unchecked(0) = 1.0;
  v.element(ix.begin(), ix.begin() + 1) = 1.0;
  *v.begin() = 1.0;
  auto tr = xt::transpose(t);
  tr = t;
  tr.fill(1.0);
  auto ad = xt::adapt(ptr, 6, xt::no_ownership(), std::vector<std::size_t>{2, 3});
  ad.fill(1.0);
  xt::xtensor<double, 2> t2 = xt::view(t, xt::range(0, 1), xt::all());
  t2.resize({3, 3});
  a.reshape({-1});
  auto r = xt::reshape_view(t, {9});
  r(0) = 1;
}
