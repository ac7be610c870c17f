// viewguard real-code shim: the slice of p-ranav/argparse's API that
// pytorch/examples cpp/dcgan/dcgan.cpp uses. Parse-only; no behaviour.
#pragma once
#include <ostream>
#include <string>
namespace argparse {
struct Argument {
  Argument &help(const std::string &) { return *this; }
  template <typename T> Argument &default_value(T &&) { return *this; }
  template <char Shape, typename T> Argument &scan() { return *this; }
};
class ArgumentParser {
public:
  explicit ArgumentParser(std::string = {}) {}
  Argument &add_argument(const std::string &) { return Arg; }
  void parse_args(int, const char *const *) {}
  template <typename T> T get(const std::string &) const { return T{}; }
  friend std::ostream &operator<<(std::ostream &OS, const ArgumentParser &) { return OS; }
private:
  Argument Arg;
};
} // namespace argparse
