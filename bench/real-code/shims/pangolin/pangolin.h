// viewguard real-code shim: just enough of Pangolin's API for ORB_SLAM2's
// headers (MapDrawer.h) and System.cc to parse. TUs that really draw with
// Pangolin (Viewer.cc, MapDrawer.cc) are not in the corpus.
#pragma once
#include <string>
namespace pangolin {
struct OpenGlMatrix {
  double m[16];
  void SetIdentity() {}
};
inline void BindToContext(const std::string &) {}
} // namespace pangolin
