// exec_typed<int> (see interp_impl.hpp).
#include "interp_impl.hpp"

INTERP_INSTANTIATE(int)
