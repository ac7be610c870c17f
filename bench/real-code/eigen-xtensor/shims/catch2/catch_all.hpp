// Stand-in for Catch2 v3's <catch2/catch_all.hpp> (Debian 12 ships Catch2
// 2.13, whose header is <catch2/catch.hpp>). Just the macros GooseFEM's
// tests/basic use, enough for -fsyntax-only and viewguard: a TEST_CASE is a
// function, a SECTION a block, REQUIRE/REQUIRE_THAT evaluate their operands.
#pragma once

#define VG_CATCH_CAT2(a, b) a##b
#define VG_CATCH_CAT(a, b) VG_CATCH_CAT2(a, b)
#define TEST_CASE(...) static void VG_CATCH_CAT(vg_catch_test_case_, __LINE__)()
#define SECTION(...) if (true)
#define REQUIRE(...) static_cast<void>(static_cast<bool>(__VA_ARGS__))
#define REQUIRE_THAT(arg, matcher) static_cast<void>((arg), (matcher))

namespace Catch {
namespace Matchers {
struct WithinAbsMatcher {
  double target, margin;
};
inline WithinAbsMatcher WithinAbs(double target, double margin) { return {target, margin}; }
} // namespace Matchers
} // namespace Catch
