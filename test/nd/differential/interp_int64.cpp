// exec_typed<std::int64_t> (see interp_impl.hpp).
#include "interp_impl.hpp"

INTERP_INSTANTIATE(std::int64_t)
