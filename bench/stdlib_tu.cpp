// Input of the analysis benchmark (bench/run.sh): most of the C++20 standard
// library (libstdc++ 12 has no <format>; <execution> is left out because it
// needs TBB), nd, and a little code using both. The point is a large AST of
// code that is not the user's, where the checks must cost little.
#include <algorithm>
#include <any>
#include <array>
#include <atomic>
#include <barrier>
#include <bit>
#include <bitset>
#include <charconv>
#include <chrono>
#include <codecvt>
#include <compare>
#include <complex>
#include <concepts>
#include <condition_variable>
#include <coroutine>
#include <deque>
#include <exception>
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

#include <cassert>
#include <cctype>
#include <cerrno>
#include <cfenv>
#include <cfloat>
#include <cinttypes>
#include <climits>
#include <clocale>
#include <cmath>
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

#include <nd/nd.hpp>

namespace stdlib_bench {

std::map<std::string, double> column_sums(const nd::array<double> &m) {
  std::map<std::string, double> out;
  for (std::ptrdiff_t j = 0; j < m.shape()[1]; ++j) {
    auto col = m(nd::all, j);
    out["c" + std::to_string(j)] = nd::sum(col);
  }
  return out;
}

double normalize_rows(nd::array<double> m) {
  std::vector<double> norms;
  for (std::ptrdiff_t i = 0; i < m.shape()[0]; ++i) {
    auto row = m(i, nd::all).copy();
    row /= 2.0;
    norms.push_back(nd::sum(row));
  }
  std::ranges::sort(norms);
  return std::accumulate(norms.begin(), norms.end(), 0.0);
}

} // namespace stdlib_bench
