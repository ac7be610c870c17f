// Most of the standard library (C++20, libstdc++ 12: everything but
// <format>) in one translation unit with nd, and code that makes no view:
// owners, element writes to owners, arithmetic, reductions, printing, nd
// arrays in standard containers and algorithms. viewguard must say nothing
// here, and must not crash on anything the headers contain.
#include <algorithm>
#include <any>
#include <array>
#include <atomic>
#include <barrier>
#include <bit>
#include <bitset>
#include <cassert>
#include <cctype>
#include <cerrno>
#include <cfenv>
#include <cfloat>
#include <charconv>
#include <chrono>
#include <cinttypes>
#include <climits>
#include <clocale>
#include <cmath>
#include <codecvt>
#include <compare>
#include <complex>
#include <concepts>
#include <condition_variable>
#include <coroutine>
#include <csetjmp>
#include <csignal>
#include <cstdarg>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <cuchar>
#include <cwchar>
#include <cwctype>
#include <deque>
#include <exception>
#include <execution>
#include <filesystem>
#include <forward_list>
#include <fstream>
#include <functional>
#include <future>
#include <initializer_list>
#include <iomanip>
#include <ios>
#include <iosfwd>
#include <iostream>
#include <istream>
#include <iterator>
#include <latch>
#include <limits>
#include <list>
#include <locale>
#include <map>
#include <memory>
#include <memory_resource>
#include <mutex>
#include <new>
#include <numbers>
#include <numeric>
#include <optional>
#include <ostream>
#include <queue>
#include <random>
#include <ranges>
#include <ratio>
#include <regex>
#include <scoped_allocator>
#include <semaphore>
#include <set>
#include <shared_mutex>
#include <source_location>
#include <span>
#include <sstream>
#include <stack>
#include <stdexcept>
#include <stop_token>
#include <streambuf>
#include <string>
#include <string_view>
#include <syncstream>
#include <system_error>
#include <thread>
#include <tuple>
#include <type_traits>
#include <typeindex>
#include <typeinfo>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <valarray>
#include <variant>
#include <vector>
#include <version>

#include <nd/nd.hpp>

namespace {

nd::array<double> normalized(const nd::array<double> &x) {
  return (x - nd::mean(x)) / (nd::max(x) - nd::min(x));
}

double energy(const nd::array<double> &x) { return nd::sum(x * x); }

struct Series {
  std::string name;
  nd::array<double> values;
};

} // namespace

int main() {
  nd::array<double> a = {1.0, 2.0, 3.0, 4.0};
  nd::array<double> b = nd::full<double>({4}, 0.5);
  nd::array<int> m = {{1, 2, 3}, {4, 5, 6}};
  nd::array<double> z = nd::zeros<double>({2, 3});

  // Element writes to owners, arithmetic, broadcasting, reductions.
  a[0] = 10.0;
  z(1, 2) = 7.0;
  nd::array<double> c = a * 2.0 + b;
  nd::array<double> d = nd::sqrt(nd::abs(c - 3.0));
  nd::array<int> sums = m + nd::arange<int>(3);
  nd::array<bool> big = c > 5.0;
  std::cout << c << "\n" << d << "\n" << sums << "\n" << z << "\n";
  std::cout << nd::sum(m) << " " << nd::mean(c) << " " << nd::max(d) << " "
            << nd::sum(big) << " " << nd::allclose(c, c + 1e-12) << "\n";

  // nd arrays in standard containers and algorithms.
  std::vector<Series> all;
  all.push_back({"raw", nd::arange<double>(5)});
  all.push_back({"scaled", nd::arange<double>(5) * 3.0});
  std::map<std::string, double> energies;
  for (const Series &s : all)
    energies[s.name] = energy(normalized(s.values));
  std::vector<double> flat = {nd::sum(a), nd::sum(b), nd::mean(d)};
  std::sort(flat.begin(), flat.end());
  double total = std::accumulate(flat.begin(), flat.end(), 0.0);
  auto evens = std::views::iota(0, 10) |
               std::views::filter([](int i) { return i % 2 == 0; });
  std::optional<nd::array<double>> maybe = nd::ones<double>({2});
  std::variant<int, std::string> v = std::string("nd");
  std::unordered_map<int, std::complex<double>> roots = {{1, {0.0, 1.0}}};
  std::ostringstream text;
  text << std::setprecision(3) << total << " " << std::numbers::pi;
  for (int i : evens)
    text << " " << i;
  std::cout << text.str() << " " << energies.size() << " " << maybe->size()
            << " " << std::get<std::string>(v) << " " << roots.at(1).imag()
            << "\n";
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  nd::array<double> noise = nd::zeros<double>({3});
  for (std::ptrdiff_t i = 0; i < 3; ++i)
    noise[i] = uniform(rng);
  std::cout << nd::min(noise) << "\n";
  return 0;
}
