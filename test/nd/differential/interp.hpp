// The nd side of the differential test: an interpreter for the program
// language described in numpy_model.py. Every operation is executed through
// nd's public API, and one observation line per operation is printed in the
// same format as the NumPy model's.
//
// The work is split by element type: exec_typed<T> is compiled in one
// translation unit per type (interp_<type>.cpp) so that the many
// instantiations of the index dispatch build in parallel.
#pragma once

#include <nd/nd.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace interp {

using Arr =
    std::variant<nd::array<bool>, nd::array<int>, nd::array<std::int64_t>,
                 nd::array<float>, nd::array<double>>;
inline constexpr int kSlots = 8;

/// A slot the line needs is empty (printed as "U", as the model does).
struct Skip {};
/// Something the interpreter cannot express (a bug in the generator, or a
/// minimized program whose slots now hold other types).
struct Unsupported {
  std::string what;
};

/// The state of one program: the slots and every array object seen so far
/// (numbered in order of first sight, compared with is()).
struct State {
  std::array<std::optional<Arr>, kSlots> slots;
  std::vector<Arr> known;

  int ident(const Arr &a);
  const Arr &slot(const std::string &tok) const;
  static int slot_index(const std::string &tok);
};

std::vector<std::string> split(const std::string &s, char sep);
std::string esc(const std::string &s);
std::string fmt_num(double v);
std::string fmt_num(std::int64_t v);
std::string fmt_num(bool v);
std::string fmt_num(int v);
std::string fmt_num(float v);

template <class T> const char *dt_name();

/// "N ..." for slot d: dtype, shape, strides, offset, owndata, identity,
/// base, shares_memory/may_share_memory with the other live slots, values,
/// printed text.
std::string describe(State &st, int d);
/// "W ..." the values of every live slot.
std::string written(const State &st);

/// Executes one operation whose principal array has element type T.
template <class T>
std::string exec_typed(State &st, const std::vector<std::string> &t);

extern template std::string exec_typed<bool>(State &,
                                             const std::vector<std::string> &);
extern template std::string exec_typed<int>(State &,
                                            const std::vector<std::string> &);
extern template std::string
exec_typed<std::int64_t>(State &, const std::vector<std::string> &);
extern template std::string exec_typed<float>(State &,
                                              const std::vector<std::string> &);
extern template std::string
exec_typed<double>(State &, const std::vector<std::string> &);

} // namespace interp
