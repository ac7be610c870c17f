// exec_typed<double> (see interp_impl.hpp).
#include "interp_impl.hpp"

INTERP_INSTANTIATE(double)
