// Helpers shared by nd's unit tests.
#pragma once

#include <nd/nd.hpp>

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace ndtest {

using shape = nd::shape_t;

/// The elements of `a` in C order (read through nd's own iteration).
template <class T> std::vector<T> values(const nd::array<T> &a) {
  std::vector<T> out;
  a.for_each([&](const T &x) { out.push_back(x); });
  return out;
}

/// What `std::cout << a` prints.
template <class T> std::string str(const nd::array<T> &a) {
  std::ostringstream os;
  os << a;
  return os.str();
}

/// The message of the E thrown by f(), or a marker when f throws something
/// else or nothing.
template <class E, class F> std::string thrown(F &&f) {
  try {
    f();
  } catch (const E &e) {
    return e.what();
  } catch (const std::exception &e) {
    return std::string("<other exception: ") + e.what() + ">";
  } catch (...) {
    return "<non-standard exception>";
  }
  return "<no exception>";
}

} // namespace ndtest

/// Expects `stmt` to throw E with a message containing `substr`.
#define EXPECT_ND_THROW(stmt, E, substr)                                       \
  do {                                                                         \
    const std::string nd_msg_ = ::ndtest::thrown<E>([&] { (void)(stmt); });    \
    EXPECT_NE(nd_msg_.find(substr), std::string::npos)                         \
        << "statement: " #stmt "\nexpected " #E " containing: " << (substr)    \
        << "\ngot: " << nd_msg_;                                               \
  } while (0)

/// The values of an array, compared with a braced list:
/// EXPECT_VALUES(a, int, {1, 2, 3}).
#define EXPECT_VALUES(a, T, ...)                                               \
  EXPECT_EQ(::ndtest::values(a), (std::vector<T> __VA_ARGS__))

#define EXPECT_SHAPE(a, ...) EXPECT_EQ((a).shape(), (nd::shape_t __VA_ARGS__))
#define EXPECT_STRIDES(a, ...)                                                 \
  EXPECT_EQ((a).strides(), (nd::strides_t __VA_ARGS__))
