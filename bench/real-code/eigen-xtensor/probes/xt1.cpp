#include <xtensor/xarray.hpp>
#include <xtensor/xtensor.hpp>
#include <xtensor/xview.hpp>
int main(){ xt::xarray<double> a = {{1,2},{3,4}}; auto v = xt::view(a, 0); v += 1; return (int)a(0,0); }
