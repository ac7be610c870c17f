// exec_typed<bool> (see interp_impl.hpp).
#include "interp_impl.hpp"

INTERP_INSTANTIATE(bool)
