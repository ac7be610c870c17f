// viewguard real-code shim: g2o's CMake-generated config.h (from config.h.in,
// G2O_OPENMP and G2O_SHARED_LIBS off). g2o includes it as "../../config.h";
// pass -I<shims>/g2o-config/d1/d2 so that path resolves here.
#ifndef G2O_CONFIG_H
#define G2O_CONFIG_H
#endif
