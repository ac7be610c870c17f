// vg_probe.hpp: the run-time truth of the analysis oracle (see README.md).
//
// Every generated function `prog_N` ends with `vg_probe(v0, v1, ...)`, naming
// each of its array variables. At run time the probe prints, for the program
// main() set in vg_prog_id, one line
//
//   P <prog> <n> O <o_0> ... <o_n-1> B <b_0> ... <b_n-1> S <bits>
//
// where o_i is the smallest j such that variables i and j have the same
// *owner* (the array that owns the buffer: base() when there is one, else
// the array itself, compared with is()), b_i the same for buffer_id()
// equality (a cross-check: it must give the same classes), and <bits> is
// nd::shares_memory for each pair (i, j), i < j, in that order ('1'/'0').
//
// "Same buffer" is defined as "the same owner object": base() collapses to
// the owner of the memory (docs/nd.md), including for a reshape that had to
// copy (a view of its temporary copy) and fancy indexing that returns a
// transposed view of a hidden allocation.
//
// The analysis run compiles the same translation unit with
// -DVG_PROBE_DECLARATION_ONLY: the analysis then sees only the declaration
// (an opaque function taking const references, i.e. a read of every
// argument), and never analyses the probe's own body.
#pragma once

#include <nd/nd.hpp>

template <class... A> void vg_probe(const A &...arrays);

// main's argc: branch conditions read it, so the analysis cannot know them.
inline int vg_argc = 1;
// The number of the program running, for the probe's output line.
inline int vg_prog_id = -1;

#ifndef VG_PROBE_DECLARATION_ONLY
#include <cstdio>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace vg_detail {
template <class T> nd::array<T> owner_of(const nd::array<T> &a) {
  auto b = a.base();
  return b ? *b : a;
}

template <class T, class U>
bool same_owner(const nd::array<T> &a, const nd::array<U> &b) {
  if constexpr (std::is_same_v<T, U>)
    return owner_of(a).is(owner_of(b));
  else
    return false;
}

template <class T, class U>
bool shares(const nd::array<T> &a, const nd::array<U> &b) {
  return nd::shares_memory(a, b);
}

template <class T, class U>
bool same_buffer_id(const nd::array<T> &a, const nd::array<U> &b) {
  return a.buffer_id() == b.buffer_id();
}

template <class F, class Tuple, std::size_t... I, std::size_t... J>
void for_pairs_impl(F &&f, const Tuple &t, std::index_sequence<I...>,
                    std::index_sequence<J...>) {
  // f(i, j, std::get<i>(t), std::get<j>(t)) for every i, j.
  auto row = [&](auto ic) {
    constexpr std::size_t i = decltype(ic)::value;
    (f(i, J, std::get<i>(t), std::get<J>(t)), ...);
  };
  (row(std::integral_constant<std::size_t, I>{}), ...);
}
} // namespace vg_detail

template <class... A> void vg_probe(const A &...arrays) {
  constexpr std::size_t n = sizeof...(A);
  const auto t = std::tie(arrays...);
  std::vector<std::vector<char>> owner(n, std::vector<char>(n, 0));
  std::vector<std::vector<char>> buf(n, std::vector<char>(n, 0));
  std::vector<std::vector<char>> shr(n, std::vector<char>(n, 0));
  vg_detail::for_pairs_impl(
      [&](std::size_t i, std::size_t j, const auto &x, const auto &y) {
        owner[i][j] = vg_detail::same_owner(x, y);
        buf[i][j] = vg_detail::same_buffer_id(x, y);
        shr[i][j] = i < j ? vg_detail::shares(x, y) : 0;
      },
      t, std::make_index_sequence<n>{}, std::make_index_sequence<n>{});
  std::string line = "P " + std::to_string(vg_prog_id) + " " +
                     std::to_string(n) + " O";
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t j = 0;
    while (!owner[i][j])
      ++j;
    line += " " + std::to_string(j);
  }
  line += " B";
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t j = 0;
    while (!buf[i][j])
      ++j;
    line += " " + std::to_string(j);
  }
  line += " S ";
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j)
      line += shr[i][j] ? '1' : '0';
  std::puts(line.c_str());
}
#endif
