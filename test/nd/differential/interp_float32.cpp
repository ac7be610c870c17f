// exec_typed<float> (see interp_impl.hpp).
#include "interp_impl.hpp"

INTERP_INSTANTIATE(float)
