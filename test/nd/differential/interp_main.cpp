// nd_interp: runs programs of the differential test's language through nd.
//
// usage: nd_interp PROGRAMS_FILE
// The file holds blocks "program N", one operation per line, "end"; the
// output repeats "program N", one observation line per operation, "end".
// Output is flushed at every program boundary, so that when nd crashes the
// driver knows which program it was running.
#include "interp.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

namespace interp {

std::vector<std::string> split(const std::string &s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const auto p = s.find(sep, start);
    if (p == std::string::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, p - start));
    start = p + 1;
  }
}

std::string esc(const std::string &s) {
  std::string out;
  for (char c : s) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\t')
      out += "\\t";
    else
      out += c;
  }
  return out;
}

std::string fmt_num(double v) {
  if (std::isnan(v))
    return "nan";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}
std::string fmt_num(float v) { return fmt_num(static_cast<double>(v)); }
std::string fmt_num(std::int64_t v) { return std::to_string(v); }
std::string fmt_num(int v) { return std::to_string(v); }
std::string fmt_num(bool v) { return v ? "1" : "0"; }

template <> const char *dt_name<bool>() { return "b"; }
template <> const char *dt_name<int>() { return "i32"; }
template <> const char *dt_name<std::int64_t>() { return "i64"; }
template <> const char *dt_name<float>() { return "f32"; }
template <> const char *dt_name<double>() { return "f64"; }

int State::slot_index(const std::string &tok) {
  if (tok.size() < 2 || tok[0] != 'v')
    throw Unsupported{"not a slot: " + tok};
  const int i = std::stoi(tok.substr(1));
  if (i < 0 || i >= kSlots)
    throw Unsupported{"no such slot: " + tok};
  return i;
}

const Arr &State::slot(const std::string &tok) const {
  const auto &s = slots[static_cast<std::size_t>(slot_index(tok))];
  if (!s)
    throw Skip{};
  return *s;
}

int State::ident(const Arr &a) {
  for (std::size_t i = 0; i < known.size(); ++i) {
    const bool same = std::visit(
        [&](const auto &x) {
          using A = std::decay_t<decltype(x)>;
          const auto *k = std::get_if<A>(&known[i]);
          return k && k->is(x);
        },
        a);
    if (same)
      return static_cast<int>(i);
  }
  known.push_back(a);
  return static_cast<int>(known.size() - 1);
}

namespace {

template <class T> std::string values(const nd::array<T> &a) {
  std::string out;
  bool first = true;
  a.for_each([&](const T &x) {
    if (!first)
      out += ' ';
    first = false;
    out += fmt_num(x);
  });
  return out;
}

std::string join(const std::vector<std::ptrdiff_t> &v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i)
      out += ',';
    out += std::to_string(v[i]);
  }
  return out;
}

} // namespace

std::string describe(State &st, int d) {
  const Arr self = *st.slots[static_cast<std::size_t>(d)];
  return std::visit(
      [&](const auto &a) {
        using A = std::decay_t<decltype(a)>;
        using T = typename A::value_type;
        std::string sm, may;
        for (int j = 0; j < kSlots; ++j) {
          const auto &o = st.slots[static_cast<std::size_t>(j)];
          if (j == d || !o)
            continue;
          const auto [s, m] = std::visit(
              [&](const auto &b) {
                return std::pair{nd::shares_memory(a, b),
                                 nd::may_share_memory(a, b)};
              },
              *o);
          if (!sm.empty()) {
            sm += ',';
            may += ',';
          }
          sm += std::to_string(j) + ":" + (s ? "1" : "0");
          may += std::to_string(j) + ":" + (m ? "1" : "0");
        }
        const auto base = a.base();
        const std::string base_id =
            base ? std::to_string(st.ident(Arr(*base))) : "-";
        std::ostringstream printed;
        printed << a;
        std::string out = "N";
        out += "\tdt=";
        out += dt_name<T>();
        out += "\tsh=" + join(a.shape());
        out += "\tst=" + join(a.strides());
        out += "\toff=" + (a.size() ? std::to_string(a.offset()) : "?");
        out += std::string("\town=") + (a.owns_data() ? "1" : "0");
        out += std::string("\tfl=") + (a.is_c_contiguous() ? "1" : "0") +
               (a.is_f_contiguous() ? "1" : "0");
        out += "\tid=" + std::to_string(st.ident(self));
        out += "\tbase=" + base_id;
        out += "\tsm=" + sm;
        out += "\tmay=" + may;
        out += "\tval=" + values(a);
        out += "\tstr=" + esc(printed.str());
        return out;
      },
      self);
}

std::string written(const State &st) {
  std::string out = "W";
  for (int j = 0; j < kSlots; ++j) {
    const auto &o = st.slots[static_cast<std::size_t>(j)];
    if (!o)
      continue;
    out += "\tv" + std::to_string(j) + "=";
    out += std::visit([](const auto &a) { return values(a); }, *o);
  }
  return out;
}

namespace {

/// The token naming the array whose element type runs the operation (or the
/// dtype of a creation).
std::string principal(const std::vector<std::string> &t) {
  const std::string &op = t[0];
  if (op == "lit" || op == "arange" || op == "zeros" || op == "ones" ||
      op == "full")
    return t.at(2);
  if (op == "get" || op == "get1" || op == "set" || op == "set1" ||
      op == "fill" || op == "assign" || op == "iop" || op == "setidx" ||
      op == "tmpset" || op == "put" || op == "print" || op == "allclose")
    return t.at(1);
  if (op == "bin")
    return t.at(3)[0] == 'v' ? t.at(3) : t.at(4);
  return t.at(2);
}

/// Which tokens are destinations (may name empty slots).
bool has_destination(const std::string &op) {
  static const char *const ops[] = {
      "lit",     "arange", "zeros",     "ones",     "full",    "index",
      "view",    "T",      "squeeze",   "ravel",    "copy",    "ndcopy",
      "flatten", "bind",   "transpose", "swapaxes", "reshape", "bin",
      "not",     "neg",    "abs",       "sqrt"};
  for (const char *o : ops)
    if (op == o)
      return true;
  return false;
}

/// Every source slot must be live: else "U" (checked before anything runs,
/// as the model looks up all its operands before calling NumPy).
void check_sources(const State &st, const std::vector<std::string> &t) {
  const std::size_t first = has_destination(t[0]) ? 2 : 1;
  for (std::size_t i = first; i < t.size(); ++i)
    for (const auto &part : split(t[i], '|'))
      if (part.size() >= 2 && part[0] == 'v' &&
          part.find_first_not_of("0123456789", 1) == std::string::npos)
        (void)st.slot(part);
}

std::string run_line(State &st, const std::string &line) {
  const auto t = split(line, ' ');
  try {
    check_sources(st, t);
    const std::string p = principal(t);
    if (p[0] == 'v') {
      return std::visit(
          [&](const auto &a) {
            using T = typename std::decay_t<decltype(a)>::value_type;
            return exec_typed<T>(st, t);
          },
          st.slot(p));
    }
    if (p == "b")
      return exec_typed<bool>(st, t);
    if (p == "i32")
      return exec_typed<int>(st, t);
    if (p == "i64")
      return exec_typed<std::int64_t>(st, t);
    if (p == "f32")
      return exec_typed<float>(st, t);
    if (p == "f64")
      return exec_typed<double>(st, t);
    throw Unsupported{"dtype " + p};
  } catch (const Skip &) {
    return "U";
  } catch (const Unsupported &u) {
    return "X\t" + u.what;
  } catch (const nd::axis_error &e) {
    return std::string("E\taxis\t") + e.what();
  } catch (const nd::index_error &e) {
    return std::string("E\tindex\t") + e.what();
  } catch (const nd::value_error &e) {
    return std::string("E\tvalue\t") + e.what();
  } catch (const nd::shape_error &e) {
    return std::string("E\tshape\t") + e.what();
  } catch (const nd::too_hard_error &e) {
    return std::string("E\ttoohard\t") + e.what();
  } catch (const std::exception &e) {
    return std::string("E\tother:") + e.what();
  }
}

} // namespace
} // namespace interp

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: nd_interp PROGRAMS_FILE\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "nd_interp: cannot read %s\n", argv[1]);
    return 2;
  }
  std::optional<interp::State> st;
  std::string line;
  std::string out;
  while (std::getline(in, line)) {
    if (line.rfind("program ", 0) == 0) {
      st.emplace();
      std::fputs((line + "\n").c_str(), stdout);
      std::fflush(stdout);
    } else if (line == "end") {
      st.reset();
      std::fputs("end\n", stdout);
      std::fflush(stdout);
    } else if (st && !line.empty()) {
      std::fputs((interp::run_line(*st, line) + "\n").c_str(), stdout);
    }
  }
  return 0;
}
