// exec_typed<T>: the operations of the differential test's language, run
// through nd's public API. Included by one translation unit per element
// type.
#pragma once

#include "interp.hpp"

#include <sstream>
#include <type_traits>
#include <utility>

namespace interp {
namespace detail {

using idx_t = std::ptrdiff_t;

inline std::vector<idx_t> parse_ints(const std::string &s) {
  std::vector<idx_t> out;
  if (s.empty())
    return out;
  for (const auto &p : split(s, ','))
    out.push_back(std::stoll(p));
  return out;
}

inline nd::shape_t parse_shape(const std::string &tok, const char *prefix) {
  const std::string pre(prefix);
  if (tok.rfind(pre, 0) != 0)
    throw Unsupported{"bad shape " + tok};
  return parse_ints(tok.substr(pre.size()));
}

template <class T> T parse_scalar(const std::string &tok) {
  if (tok.empty() || tok[0] != '#')
    throw Unsupported{"not a scalar: " + tok};
  const std::string v = tok.substr(1);
  if constexpr (std::is_same_v<T, bool>)
    return std::stoll(v) != 0;
  else if constexpr (std::is_integral_v<T>)
    return static_cast<T>(std::stoll(v));
  else
    return static_cast<T>(std::stod(v));
}

template <class T> const nd::array<T> &as(const Arr &a) {
  const auto *p = std::get_if<nd::array<T>>(&a);
  if (!p)
    throw Unsupported{"operand of another element type"};
  return *p;
}

/// An nd array with the given shape and values in C order (through the
/// public API only).
template <class T>
nd::array<T> make_array(const nd::shape_t &shape, const std::vector<T> &vals) {
  auto flat = nd::zeros<T>({static_cast<idx_t>(vals.size())});
  for (std::size_t i = 0; i < vals.size(); ++i)
    flat[static_cast<idx_t>(i)] = vals[i];
  return flat.reshape(shape).copy();
}

/// One item of an index tuple.
struct Item {
  enum Kind { Int, Slice, All, New, Ix, IntArr, Mask } kind = Int;
  idx_t i = 0;
  std::optional<nd::slice> s;
  std::optional<nd::indices> x;
  nd::array<idx_t> ints;
  nd::array<bool> mask;
  bool advanced() const { return kind == Ix || kind == IntArr || kind == Mask; }
};

inline nd::slice make_slice(const std::vector<std::string> &parts) {
  // parts: 1 to 3 bounds, each an integer or "_".
  auto v = [&](std::size_t k) -> std::optional<idx_t> {
    if (parts[k] == "_")
      return std::nullopt;
    return std::stoll(parts[k]);
  };
  using nd::_;
  if (parts.size() == 1) {
    const auto a = v(0);
    return a ? nd::slice(*a) : nd::slice(_);
  }
  if (parts.size() == 2) {
    const auto a = v(0), b = v(1);
    if (a && b)
      return nd::slice(*a, *b);
    if (a)
      return nd::slice(*a, _);
    if (b)
      return nd::slice(_, *b);
    return nd::slice(_, _);
  }
  if (parts.size() != 3)
    throw Unsupported{"bad slice"};
  const auto a = v(0), b = v(1), c = v(2);
  const int mask = (a ? 4 : 0) | (b ? 2 : 0) | (c ? 1 : 0);
  switch (mask) {
  case 0:
    return nd::slice(_, _, _);
  case 1:
    return nd::slice(_, _, *c);
  case 2:
    return nd::slice(_, *b, _);
  case 3:
    return nd::slice(_, *b, *c);
  case 4:
    return nd::slice(*a, _, _);
  case 5:
    return nd::slice(*a, _, *c);
  case 6:
    return nd::slice(*a, *b, _);
  default:
    return nd::slice(*a, *b, *c);
  }
}

inline Item parse_item(const State &st, const std::string &tok) {
  Item it;
  if (tok == "all") {
    it.kind = Item::All;
    return it;
  }
  if (tok == "new") {
    it.kind = Item::New;
    return it;
  }
  if (tok[0] == 'v') {
    const Arr &a = st.slot(tok);
    if (const auto *m = std::get_if<nd::array<bool>>(&a)) {
      it.kind = Item::Mask;
      it.mask = *m;
    } else if (const auto *p = std::get_if<nd::array<std::int64_t>>(&a)) {
      it.kind = Item::IntArr;
      it.ints = *p;
    } else {
      // NumPy: "arrays used as indices must be of integer (or boolean)
      // type"; nd does not compile that.
      throw nd::index_error("arrays used as indices must be of integer type");
    }
    return it;
  }
  const auto parts = split(tok, ':');
  const std::string &k = parts[0];
  if (k == "i") {
    it.kind = Item::Int;
    it.i = std::stoll(parts.at(1));
  } else if (k == "s") {
    it.kind = Item::Slice;
    it.s = make_slice({parts.begin() + 1, parts.end()});
  } else if (k == "x") {
    it.kind = Item::Ix;
    it.x = nd::indices(parse_ints(parts.at(1)));
  } else if (k == "A") {
    it.kind = Item::IntArr;
    it.ints =
        make_array<idx_t>(parse_ints(parts.at(1)), parse_ints(parts.at(2)));
  } else if (k == "M") {
    it.kind = Item::Mask;
    std::vector<bool> v;
    for (auto x : parse_ints(parts.at(2)))
      v.push_back(x != 0);
    it.mask = make_array<bool>(parse_ints(parts.at(1)), v);
  } else {
    throw Unsupported{"bad index item " + tok};
  }
  return it;
}

inline std::vector<Item> parse_tuple(const State &st, const std::string &tok) {
  std::vector<Item> items;
  for (const auto &p : split(tok, '|'))
    items.push_back(parse_item(st, p));
  return items;
}

template <class X>
inline constexpr bool is_adv_v =
    std::is_same_v<X, nd::indices> || std::is_same_v<X, nd::array<idx_t>> ||
    std::is_same_v<X, nd::array<bool>>;

/// Calls f(items as typed nd index arguments...). Tuples of up to 4 basic
/// items, or up to 3 items with at least one advanced one: the generator
/// stays within these bounds, which keep the number of instantiations
/// reasonable.
template <class F, class... Acc>
void dispatch(const std::vector<Item> &items, std::size_t k, F &f,
              const Acc &...acc) {
  constexpr std::size_t n = sizeof...(Acc);
  constexpr bool adv = (is_adv_v<Acc> || ... || false);
  if (k == items.size()) {
    if constexpr (n > 0)
      f(acc...);
    return;
  }
  if constexpr (n < 4 && !(adv && n >= 3)) {
    const Item &it = items[k];
    switch (it.kind) {
    case Item::Int:
      return dispatch(items, k + 1, f, acc..., it.i);
    case Item::Slice:
      return dispatch(items, k + 1, f, acc..., *it.s);
    case Item::All:
      return dispatch(items, k + 1, f, acc..., nd::all);
    case Item::New:
      return dispatch(items, k + 1, f, acc..., nd::newaxis);
    default:
      break;
    }
    if constexpr (n < 3) {
      switch (it.kind) {
      case Item::Ix:
        return dispatch(items, k + 1, f, acc..., *it.x);
      case Item::IntArr:
        return dispatch(items, k + 1, f, acc..., it.ints);
      case Item::Mask:
        return dispatch(items, k + 1, f, acc..., it.mask);
      default:
        break;
      }
    }
  }
  throw Unsupported{"index tuple too long for the dispatch"};
}

template <class... Acc>
inline constexpr bool all_ints_v = (std::is_same_v<Acc, idx_t> && ...);

/// The value of an operand: a slot (array) or a scalar.
template <class T> struct Operand {
  std::optional<nd::array<T>> arr;
  T scalar{};
};

template <class T> Operand<T> operand(const State &st, const std::string &t) {
  Operand<T> o;
  if (t[0] == '#')
    o.scalar = parse_scalar<T>(t);
  else
    o.arr = as<T>(st.slot(t));
  return o;
}

template <class T> std::string scalar_obs(const char *kind, T v) {
  return std::string("S\t") + kind + "\t" + fmt_num(v);
}

template <class T>
std::string put_new(State &st, const std::string &dst, Arr value) {
  const int d = State::slot_index(dst);
  st.slots[static_cast<std::size_t>(d)] = std::move(value);
  return describe(st, d);
}

template <class X> struct elem {
  using type = X;
};
template <class U> struct elem<nd::array<U>> {
  using type = U;
};
template <class X> using elem_t = typename elem<X>::type;

/// x OP y for arrays and scalars of any element types, through nd's
/// operators (Unsupported where nd has no such operator).
template <class X, class Y>
Arr bin_op(const std::string &o, const X &x, const Y &y) {
  auto go = [&](auto f) -> Arr {
    if constexpr (requires { f(x, y); })
      return Arr(f(x, y));
    else
      throw Unsupported{"bin " + o + " on these types"};
  };
#define INTERP_OP(NAME, OP)                                                    \
  if (o == NAME)                                                               \
    return go([](const auto &p, const auto &q) -> decltype(p OP q) {           \
      return p OP q;                                                           \
    });
  INTERP_OP("lt", <)
  INTERP_OP("le", <=)
  INTERP_OP("gt", >)
  INTERP_OP("ge", >=)
  INTERP_OP("eq", ==)
  INTERP_OP("ne", !=)
  INTERP_OP("add", +)
  INTERP_OP("mul", *)
  INTERP_OP("div", /)
  INTERP_OP("and", &)
  INTERP_OP("or", |)
  INTERP_OP("xor", ^)
  // bool - bool does not compile in nd (NumPy raises TypeError).
  if constexpr (!(std::is_same_v<elem_t<X>, bool> &&
                  std::is_same_v<elem_t<Y>, bool>)) {
    INTERP_OP("sub", -)
  }
#undef INTERP_OP
  throw Unsupported{"bin " + o};
}

} // namespace detail

template <class T>
std::string exec_typed(State &st, const std::vector<std::string> &t) {
  using namespace detail;
  const std::string &op = t[0];
  auto src = [&](std::size_t k) -> nd::array<T> {
    return as<T>(st.slot(t.at(k)));
  };

  // ---------------------------------------------------------------- creation
  if (op == "lit") {
    std::vector<T> vals;
    for (std::size_t i = 4; i < t.size(); ++i)
      vals.push_back(parse_scalar<T>("#" + t[i]));
    return put_new<T>(st, t[1], make_array<T>(parse_shape(t[3], "s:"), vals));
  }
  if (op == "arange") {
    if constexpr (std::is_same_v<T, bool>) {
      throw Unsupported{"arange of bool"};
    } else {
      auto v = [&](std::size_t k) {
        if constexpr (std::is_integral_v<T>)
          return static_cast<T>(std::stoll(t.at(k)));
        else
          return static_cast<T>(std::stod(t.at(k)));
      };
      return put_new<T>(st, t[1], nd::arange<T>(v(3), v(4), v(5)));
    }
  }
  if (op == "zeros")
    return put_new<T>(st, t[1], nd::zeros<T>(parse_shape(t[3], "s:")));
  if (op == "ones")
    return put_new<T>(st, t[1], nd::ones<T>(parse_shape(t[3], "s:")));
  if (op == "full")
    return put_new<T>(
        st, t[1], nd::full<T>(parse_shape(t[3], "s:"), parse_scalar<T>(t[4])));

  // ------------------------------------------------------------- indexing
  if (op == "index") {
    const nd::array<T> a = src(2);
    const auto items = parse_tuple(st, t.at(3));
    std::optional<nd::array<T>> r;
    auto f = [&](const auto &...idx) {
      if constexpr (all_ints_v<std::decay_t<decltype(idx)>...>)
        throw Unsupported{"all-integer tuple is an element access"};
      else
        r = a(idx...);
    };
    dispatch(items, 0, f);
    return put_new<T>(st, t[1], *r);
  }
  if ((op == "setidx" || op == "tmpset") && t.at(3)[0] == 'v' &&
      !std::holds_alternative<nd::array<T>>(st.slot(t[3]))) {
    // A source of another element type: take the (temporary) result of
    // a(idx...) and assign to it, which is what `a(idx...) = y;` does.
    const nd::array<T> a = src(1);
    const auto items = parse_tuple(st, t.at(2));
    std::optional<nd::array<T>> r;
    auto f = [&](const auto &...idx) {
      if constexpr (all_ints_v<std::decay_t<decltype(idx)>...>)
        throw Unsupported{"array assigned to an element"};
      else
        r = a(idx...);
    };
    dispatch(items, 0, f);
    std::visit(
        [&](const auto &y) {
          if constexpr (requires { std::move(*r) = y; })
            std::move(*r) = y;
          else
            throw Unsupported{"assignment from this element type"};
        },
        st.slot(t[3]));
    return written(st);
  }
  if (op == "setidx" || op == "tmpset") {
    const nd::array<T> a = src(1);
    const auto x = operand<T>(st, t.at(3));
    const auto items = parse_tuple(st, t.at(2));
    auto f = [&](const auto &...idx) {
      if constexpr (all_ints_v<std::decay_t<decltype(idx)>...>) {
        if (x.arr)
          throw Unsupported{"array assigned to an element"};
        a(idx...) = x.scalar;
      } else {
        // Assignment to the temporary a(idx...): writes through a view,
        // or into a temporary copy for advanced indexing.
        if (x.arr)
          a(idx...) = *x.arr;
        else
          a(idx...) = x.scalar;
      }
    };
    dispatch(items, 0, f);
    return written(st);
  }
  if (op == "get" || op == "set") {
    const nd::array<T> a = src(1);
    const auto ix = parse_ints(t.at(2));
    auto ref = [&]() -> T & {
      switch (ix.size()) {
      case 1:
        return a(ix[0]);
      case 2:
        return a(ix[0], ix[1]);
      case 3:
        return a(ix[0], ix[1], ix[2]);
      case 4:
        return a(ix[0], ix[1], ix[2], ix[3]);
      case 5:
        return a(ix[0], ix[1], ix[2], ix[3], ix[4]);
      default:
        throw Unsupported{"element access arity"};
      }
    };
    if (op == "get")
      return scalar_obs("x", ref());
    const T v = parse_scalar<T>(t.at(3));
    ref() = v;
    return written(st);
  }
  if (op == "get1")
    return scalar_obs("x", src(1)[std::stoll(t.at(2))]);
  if (op == "set1") {
    const T v = parse_scalar<T>(t.at(3));
    src(1)[std::stoll(t.at(2))] = v;
    return written(st);
  }
  if (op == "put") {
    nd::array<T> a = src(1);
    const auto x = operand<T>(st, t.at(3));
    const Item it = parse_item(st, t.at(2));
    auto put = [&](const auto &index) {
      if (x.arr)
        a.put(index, *x.arr);
      else
        a.put(index, x.scalar);
    };
    switch (it.kind) {
    case Item::Ix:
      put(*it.x);
      break;
    case Item::IntArr:
      put(it.ints);
      break;
    case Item::Mask:
      put(it.mask);
      break;
    default:
      throw Unsupported{"put with a basic index"};
    }
    return written(st);
  }

  // ---------------------------------------------------------------- layout
  if (op == "view")
    return put_new<T>(st, t[1], src(2).view());
  if (op == "T")
    return put_new<T>(st, t[1], src(2).T());
  if (op == "squeeze")
    return put_new<T>(st, t[1], src(2).squeeze());
  if (op == "ravel")
    return put_new<T>(st, t[1], src(2).ravel());
  if (op == "copy")
    return put_new<T>(st, t[1], src(2).copy());
  if (op == "ndcopy")
    return put_new<T>(st, t[1], nd::copy(src(2)));
  if (op == "flatten")
    return put_new<T>(st, t[1], src(2).flatten());
  if (op == "bind") {
    // Rebinding a named handle: `b = a;` (both slots hold the same array).
    const int d = State::slot_index(t[1]);
    const Arr &s = st.slot(t[2]);
    auto &dst = st.slots[static_cast<std::size_t>(d)];
    if (dst && dst->index() == s.index())
      std::get<nd::array<T>>(*dst) = std::get<nd::array<T>>(s);
    else
      dst = s;
    return describe(st, d);
  }
  if (op == "transpose") {
    if (t.at(3) == "-")
      return put_new<T>(st, t[1], src(2).transpose());
    std::vector<int> axes;
    for (auto v : parse_ints(t[3]))
      axes.push_back(static_cast<int>(v));
    return put_new<T>(st, t[1], src(2).transpose(axes));
  }
  if (op == "swapaxes")
    return put_new<T>(st, t[1],
                      src(2).swapaxes(std::stoi(t.at(3)), std::stoi(t.at(4))));
  if (op == "reshape")
    return put_new<T>(st, t[1], src(2).reshape(parse_shape(t.at(3), "r:")));

  // ---------------------------------------------------------------- writes
  if (op == "fill") {
    src(1).fill(parse_scalar<T>(t.at(2)));
    return written(st);
  }
  if (op == "assign") {
    nd::array<T> a = src(1);
    std::visit(
        [&](const auto &y) {
          if constexpr (requires { a.assign(y); })
            a.assign(y);
          else
            throw Unsupported{"assign from this element type"};
        },
        st.slot(t.at(2)));
    return written(st);
  }
  if (op == "iop") {
    nd::array<T> a = src(1);
    const std::string &o = t.at(2);
    auto apply = [&](const auto &y) {
      if (o == "add") {
        if constexpr (requires { a += y; }) {
          a += y;
          return;
        }
      } else if (o == "sub") {
        if constexpr (requires { a -= y; }) {
          a -= y;
          return;
        }
      } else if (o == "mul") {
        if constexpr (requires { a *= y; }) {
          a *= y;
          return;
        }
      } else if (o == "div") {
        if constexpr (requires { a /= y; }) {
          a /= y;
          return;
        }
      }
      throw Unsupported{"iop " + o + " with these types"};
    };
    if constexpr (std::is_same_v<T, bool>) {
      throw Unsupported{"in-place arithmetic on bool"};
    } else if (t.at(3)[0] == '#') {
      apply(parse_scalar<T>(t[3]));
    } else {
      std::visit(apply, st.slot(t[3]));
    }
    return written(st);
  }

  // ------------------------------------------------------------ arithmetic
  if (op == "bin") {
    // The principal array (of type T) is the first operand when it is a
    // slot, else the second; the other may be a scalar (of type T) or an
    // array of any element type.
    const std::string &o = t.at(2);
    const bool x_arr = t.at(3)[0] == 'v', y_arr = t.at(4)[0] == 'v';
    Arr r = [&]() -> Arr {
      if (!x_arr)
        return bin_op(o, parse_scalar<T>(t[3]), as<T>(st.slot(t[4])));
      const nd::array<T> x = as<T>(st.slot(t[3]));
      if (!y_arr)
        return bin_op(o, x, parse_scalar<T>(t[4]));
      return std::visit([&](const auto &y) { return bin_op(o, x, y); },
                        st.slot(t[4]));
    }();
    const int d = State::slot_index(t[1]);
    st.slots[static_cast<std::size_t>(d)] = std::move(r);
    return describe(st, d);
  }
  if (op == "not") {
    if constexpr (std::is_integral_v<T>)
      return put_new<T>(st, t[1], ~src(2));
    else
      throw Unsupported{"~ on a floating array"};
  }
  if (op == "neg") {
    if constexpr (!std::is_same_v<T, bool>)
      return put_new<T>(st, t[1], -src(2));
    else
      throw Unsupported{"- on a bool array"};
  }
  if (op == "abs")
    return put_new<T>(st, t[1], nd::abs(src(2)));
  if (op == "sqrt") {
    if constexpr (!std::is_same_v<T, bool>) // NumPy: float16 for bool
      return put_new<T>(st, t[1], nd::sqrt(src(2)));
    else
      throw Unsupported{"sqrt of a bool array"};
  }

  // ------------------------------------------------------------ reductions
  if (op == "red") {
    const nd::array<T> a = src(2);
    const std::string &k = t.at(1);
    const char *tol = std::is_same_v<T, float> ? "f32" : "f64";
    if (k == "sum") {
      const auto s = nd::sum(a);
      if constexpr (std::is_floating_point_v<T>)
        return scalar_obs(tol, s);
      else
        return scalar_obs("x", static_cast<std::int64_t>(s));
    }
    if (k == "mean") {
      if constexpr (std::is_same_v<T, float>)
        return scalar_obs(tol, nd::mean(a));
      else
        return scalar_obs("f64", nd::mean(a));
    }
    if (k == "min")
      return scalar_obs("x", nd::min(a));
    if (k == "max")
      return scalar_obs("x", nd::max(a));
    throw Unsupported{"red " + k};
  }
  if (op == "allclose") {
    if (t.at(2)[0] == '#')
      return scalar_obs("b", nd::allclose(src(1), std::stod(t[2].substr(1))));
    return scalar_obs("b", nd::allclose(src(1), src(2)));
  }
  if (op == "print") {
    std::ostringstream os;
    os << src(1);
    return "P\t" + esc(os.str());
  }
  throw Unsupported{"unknown operation " + op};
}

} // namespace interp

#define INTERP_INSTANTIATE(T)                                                  \
  template std::string interp::exec_typed<T>(                                  \
      interp::State &, const std::vector<std::string> &);
