#include <xtensor/xarray.hpp>
#include <xtensor/xindex_view.hpp>
#include <xtensor/xmanipulation.hpp>
#include <xtensor/xview.hpp>
#include <xtensor/xeval.hpp>
void k(xt::xarray<double> &b, const xt::xarray<double> &cb) {
  auto fr = xt::filtration(b, b < 0);
  fr = 9;
  auto fl2 = xt::flatten(xt::transpose(b));
  auto sq = xt::squeeze(b);
  auto ed = xt::expand_dims(b, 0);
  auto &&e = xt::eval(b);
  auto cv = xt::view(cb, 0);
  double r = cb(0, 0);
  auto cpy = xt::view(b, 0);
  auto &&ee = xt::eval(cpy);
  (void)r;
}
