// viewguard real-code shim: GCC-internal header used by DBoW2; clang has none.
#pragma once
#include <stdint.h>
