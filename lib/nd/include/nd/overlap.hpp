// nd/overlap.hpp: exact memory overlap of two strided arrays.
//
// The question np.shares_memory answers: is there a byte that both arrays
// reach? Array `a` covers the bytes
//
//     a.offset + sum_i a.strides[i] * x_i + y,   0 <= x_i < a.shape[i],
//                                                0 <= y < a.itemsize
//
// (offset and strides in bytes from a common buffer start, strides of any
// sign). Two arrays overlap when one address is reached by both: a bounded
// linear Diophantine equation. Mapping every stride to its absolute value
// (x -> shape - 1 - x), dropping empty and zero-stride axes, and taking the
// itemsizes as two extra axes of stride 1 gives
//
//     sum_j A_j * z_j == B,   A_j > 0,   0 <= z_j <= U_j
//
// where B is the distance from the lowest byte of one array to the highest
// byte of the other (the smaller of the two ways round). The method is
// NumPy's (numpy/core/src/common/mem_overlap.c, after P. Ramachandran, "Use
// of Extended Euclidean Algorithm in Solving a System of Linear Diophantine
// Equations with Bounded Variables", ANTS 2006):
//
//   1. Extent check: if the byte ranges [lowest, highest] do not intersect,
//      or either array is empty, the answer is `no` at once.
//   2. Simplify: sort the terms by decreasing A, merge equal A (adding their
//      bounds), clamp U_j to B / A_j, drop terms whose bound becomes 0.
//   3. Solve by depth-first search over a chain of gcd reductions: A_1 z_1 +
//      A_2 z_2 is replaced by gcd(A_1, A_2) z' with a bound on z', and so on,
//      so the last two-variable equation, solved in closed form with the
//      extended Euclid coefficients, gives an interval of candidates for the
//      last variable; each candidate fixes the right-hand side of the
//      previous level, down to the first two variables.
//
// The work bound (max_work): the search counts one unit of work each time a
// node of the search tree is finished without a solution (an equation whose
// right-hand side the gcd does not divide, an empty candidate interval, or a
// candidate loop that is exhausted). Before entering a node, if the count has
// reached max_work the search stops and the answer is `too_hard`. As in
// NumPy:
//   max_work <  0  no bound (np.shares_memory's default, MAY_SHARE_EXACT);
//   max_work == 0  the extent check only: disjoint extents give `no`,
//                  intersecting extents give `too_hard` (np.shares_memory
//                  with max_work=0 raises TooHardError there, and
//                  np.may_share_memory reports True). nd::may_share_memory
//                  should call bounds_overlap();
//   max_work >  0  at most that many failed nodes. Problems with at most one
//                  term left after simplification cost no work.
// Arrays produced by slicing one contiguous array are solved with max_work=1
// (NumPy's "easy" cases); the worst case is exponential in the number of
// dimensions.
//
// Integers: extents are computed in 128 bits, the search in 64 bits with
// 128-bit intermediates for the candidate intervals, and every operation
// that could overflow is checked. NumPy answers MEM_OVERLAP_OVERFLOW when a
// number does not fit in 64 bits (only for arrays spanning ~2^63 bytes, which
// cannot exist); here that is reported as `too_hard`, since neither `yes`
// nor `no` has been proved. No signed overflow (undefined behaviour) can
// happen whatever the input.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace nd::detail {

// A strided array seen as memory: offset and strides in bytes from a common
// buffer start. Zero-size arrays (some shape entry 0) cover no memory.
struct mem_extent {
  std::ptrdiff_t offset = 0;
  std::vector<std::ptrdiff_t> shape, strides;
  std::ptrdiff_t itemsize = 1;
};

enum class overlap_result { no, yes, too_hard };

// One term A * z, 0 <= z <= ub, of a bounded Diophantine equation.
struct diophantine_term {
  std::int64_t a = 0;
  std::int64_t ub = 0;
};

namespace overlap_impl {

__extension__ typedef __int128 i128;

inline constexpr std::int64_t i64_max =
    std::numeric_limits<std::int64_t>::max();
inline constexpr std::int64_t i64_min =
    std::numeric_limits<std::int64_t>::min();

// Checked 64-bit arithmetic: on overflow sets `overflow` and returns 0.
inline std::int64_t add(std::int64_t x, std::int64_t y, bool &overflow) {
  std::int64_t r;
  if (__builtin_add_overflow(x, y, &r)) {
    overflow = true;
    return 0;
  }
  return r;
}
inline std::int64_t sub(std::int64_t x, std::int64_t y, bool &overflow) {
  std::int64_t r;
  if (__builtin_sub_overflow(x, y, &r)) {
    overflow = true;
    return 0;
  }
  return r;
}
inline std::int64_t mul(std::int64_t x, std::int64_t y, bool &overflow) {
  std::int64_t r;
  if (__builtin_mul_overflow(x, y, &r)) {
    overflow = true;
    return 0;
  }
  return r;
}
inline std::int64_t to_i64(i128 x, bool &overflow) {
  if (x > i64_max || x < i64_min) {
    overflow = true;
    return 0;
  }
  return static_cast<std::int64_t>(x);
}

// Floor and ceiling of n / d for d > 0.
inline i128 floor_div(i128 n, i128 d) {
  i128 q = n / d;
  if (n % d != 0 && n < 0)
    --q;
  return q;
}
inline i128 ceil_div(i128 n, i128 d) {
  i128 q = n / d;
  if (n % d != 0 && n > 0)
    ++q;
  return q;
}

// Extended Euclid for x, y > 0: returns g = gcd(x, y) and u, v with
// u*x + v*y == g, |u| <= y/g, |v| <= x/g (so nothing overflows).
struct euclid_result {
  std::int64_t g, u, v;
};
inline euclid_result euclid(std::int64_t x, std::int64_t y) {
  // invariants: r0 == u0*x + v0*y, r1 == u1*x + v1*y
  std::int64_t r0 = x, u0 = 1, v0 = 0;
  std::int64_t r1 = y, u1 = 0, v1 = 1;
  while (r1 != 0) {
    const std::int64_t q = r0 / r1;
    const std::int64_t r2 = r0 - q * r1;
    const std::int64_t u2 = u0 - q * u1;
    const std::int64_t v2 = v0 - q * v1;
    r0 = r1;
    u0 = u1;
    v0 = v1;
    r1 = r2;
    u1 = u2;
    v1 = v2;
  }
  return {r0, u0, v0};
}

// Search state for one equation. Level v (1 <= v < n) is the equation
//   A'_{v-1} z'_{v-1} + A_v z_v == b
// where A'_{v-1} z'_{v-1} stands for the first v terms (A'_0 = A_0), and
// reduced[v-1] = gcd(A'_{v-1}, A_v) with bound on the combined variable.
class diophantine_solver {
public:
  diophantine_solver(const std::vector<diophantine_term> &terms,
                     std::int64_t max_work, bool require_ub_nontrivial)
      : e_(terms), max_work_(max_work), nontrivial_(require_ub_nontrivial) {}

  // Precompute the gcd chain; false on overflow of a combined bound.
  bool precompute() {
    const std::size_t n = e_.size();
    reduced_.assign(n, diophantine_term{});
    gamma_.assign(n, 0);
    epsilon_.assign(n, 0);
    bool overflow = false;
    for (std::size_t j = 1; j < n; ++j) {
      const diophantine_term prev = j == 1 ? e_[0] : reduced_[j - 2];
      const euclid_result r = euclid(prev.a, e_[j].a);
      reduced_[j - 1].a = r.g;
      gamma_[j - 1] = r.u;
      epsilon_[j - 1] = r.v;
      if (j + 1 < n) {
        // z' = (prev.a/g) z_prev + (a_j/g) z_j
        reduced_[j - 1].ub =
            add(mul(prev.a / r.g, prev.ub, overflow),
                mul(e_[j].a / r.g, e_[j].ub, overflow), overflow);
      }
    }
    return !overflow;
  }

  // The result; `x` receives a solution (in term order) on `yes`.
  overlap_result solve(std::int64_t b, std::vector<std::int64_t> &x) {
    x.assign(e_.size(), 0);
    count_ = 0;
    return dfs(e_.size() - 1, b, x);
  }

private:
  overlap_result dfs(std::size_t v, std::int64_t b,
                     std::vector<std::int64_t> &x) {
    if (max_work_ >= 0 && count_ >= max_work_)
      return overlap_result::too_hard;
    const diophantine_term first = v == 1 ? e_[0] : reduced_[v - 2];
    const std::int64_t a1 = first.a, u1 = first.ub;
    const std::int64_t a2 = e_[v].a, u2 = e_[v].ub;
    const std::int64_t g = reduced_[v - 1].a;
    const std::int64_t gamma = gamma_[v - 1], epsilon = epsilon_[v - 1];

    // (Below the root this always divides: the candidates chosen one level
    // up leave a right-hand side that is a multiple of g.)
    if (b % g != 0) {
      ++count_;
      return overlap_result::no;
    }
    const std::int64_t c = b / g;
    // All solutions: z1 = gamma*c + c1*t, z2 = epsilon*c - c2*t, t integer.
    const std::int64_t c1 = a2 / g, c2 = a1 / g;
    const i128 z1_0 = static_cast<i128>(gamma) * c;
    const i128 z2_0 = static_cast<i128>(epsilon) * c;
    // 0 <= z1 <= u1 and 0 <= z2 <= u2 bound t.
    const i128 t_lo = std::max(ceil_div(-z1_0, c1), ceil_div(z2_0 - u2, c2));
    const i128 t_hi = std::min(floor_div(u1 - z1_0, c1), floor_div(z2_0, c2));
    if (t_lo > t_hi) {
      ++count_;
      return overlap_result::no;
    }
    bool overflow = false;
    // Shift t so that it runs over [0, t_count]; z1, z2 at t = 0 lie within
    // their bounds, so they fit in 64 bits.
    const std::int64_t z1 =
        to_i64(z1_0 + static_cast<i128>(c1) * t_lo, overflow);
    const std::int64_t z2 =
        to_i64(z2_0 - static_cast<i128>(c2) * t_lo, overflow);
    const std::int64_t t_count = to_i64(t_hi - t_lo, overflow);
    if (overflow)
      return overlap_result::too_hard;

    if (v == 1) {
      x[0] = z1;
      x[1] = z2;
      if (nontrivial_ && is_trivial(x)) {
        // The midpoint solution does not count. It is the first candidate
        // only when it is the only one: the candidate interval is symmetric
        // about it (z1 <= u1/2 - c1 is excluded, so z1 >= u1/2 + c1 is too).
        ++count_;
        return overlap_result::no;
      }
      return overlap_result::yes;
    }
    for (std::int64_t t = 0; t <= t_count; ++t) {
      x[v] = z2 - c2 * t; // stays within [0, u2]
      const std::int64_t b2 = sub(b, mul(a2, x[v], overflow), overflow);
      if (overflow)
        return overlap_result::too_hard;
      const overlap_result r = dfs(v - 1, b2, x);
      if (r != overlap_result::no)
        return r;
    }
    ++count_;
    return overlap_result::no;
  }

  bool is_trivial(const std::vector<std::int64_t> &x) const {
    for (std::size_t j = 0; j < e_.size(); ++j)
      if (x[j] != e_[j].ub / 2)
        return false;
    return true;
  }

  const std::vector<diophantine_term> &e_;
  std::vector<diophantine_term> reduced_;
  std::vector<std::int64_t> gamma_, epsilon_;
  std::int64_t max_work_;
  bool nontrivial_;
  std::int64_t count_ = 0;
};

struct byte_range {
  bool empty = true;
  i128 start = 0, end = 0; // [start, end)
  bool overflow = false;
};

inline byte_range extent_of(const mem_extent &m) {
  byte_range r;
  if (m.itemsize <= 0 || m.shape.size() != m.strides.size())
    return r;
  i128 lower = 0, upper = 0;
  for (std::size_t i = 0; i < m.shape.size(); ++i) {
    if (m.shape[i] <= 0)
      return r;
    const i128 reach = static_cast<i128>(m.strides[i]) * (m.shape[i] - 1);
    i128 &side = reach > 0 ? upper : lower;
    if (__builtin_add_overflow(side, reach, &side))
      r.overflow = true;
  }
  r.empty = false;
  if (__builtin_add_overflow(lower, static_cast<i128>(m.offset), &r.start) ||
      __builtin_add_overflow(upper, static_cast<i128>(m.offset) + m.itemsize,
                             &r.end))
    r.overflow = true;
  return r;
}

// Appends the terms of one array: |stride| * z, 0 <= z <= shape - 1, for
// axes that move (shape > 1, stride != 0); false when |stride| overflows.
inline bool append_terms(const mem_extent &m,
                         std::vector<diophantine_term> &terms) {
  for (std::size_t i = 0; i < m.shape.size(); ++i) {
    if (m.shape[i] <= 1 || m.strides[i] == 0)
      continue;
    if (m.strides[i] == i64_min)
      return false;
    terms.push_back(
        {m.strides[i] < 0 ? -m.strides[i] : m.strides[i], m.shape[i] - 1});
  }
  return true;
}

} // namespace overlap_impl

// Sort by decreasing coefficient, merge equal coefficients, clamp each bound
// to b / a and drop terms whose bound is 0. Keeps the answer (feasible or
// not) of sum(a*z) == b. Returns false on integer overflow.
inline bool diophantine_simplify(std::vector<diophantine_term> &terms,
                                 std::int64_t b) {
  for (const auto &t : terms) {
    if (t.a <= 0)
      throw std::invalid_argument(
          "diophantine_simplify: coefficients must be > 0");
  }
  for (const auto &t : terms)
    if (t.ub < 0)
      return true;
  if (b < 0)
    return true;
  std::sort(terms.begin(), terms.end(),
            [](const diophantine_term &x, const diophantine_term &y) {
              return x.a > y.a;
            });
  bool overflow = false;
  std::vector<diophantine_term> merged;
  for (const auto &t : terms) {
    if (!merged.empty() && merged.back().a == t.a)
      merged.back().ub = overlap_impl::add(merged.back().ub, t.ub, overflow);
    else
      merged.push_back(t);
  }
  terms.clear();
  for (auto t : merged) {
    t.ub = std::min(t.ub, b / t.a);
    if (t.ub != 0)
      terms.push_back(t);
  }
  return !overflow;
}

// Solves sum(terms[j].a * x[j]) == b with 0 <= x[j] <= terms[j].ub (every
// a > 0, else std::invalid_argument) within max_work (see the header
// comment). With require_ub_nontrivial, b is ignored and the question is
// whether sum(a*x) == sum(a*(ub/2)) has a solution other than x = ub/2 (all
// ub must be even); that is the internal-overlap problem. On `yes` a
// solution is stored in *x when x is given. Integer overflow gives too_hard.
inline overlap_result
solve_diophantine(const std::vector<diophantine_term> &terms, std::int64_t b,
                  std::int64_t max_work, bool require_ub_nontrivial = false,
                  std::vector<std::int64_t> *x = nullptr) {
  for (const auto &t : terms) {
    if (t.a <= 0)
      throw std::invalid_argument(
          "solve_diophantine: coefficients must be > 0");
  }
  for (const auto &t : terms) {
    if (t.ub < 0)
      return overlap_result::no;
  }
  if (require_ub_nontrivial) {
    bool overflow = false;
    std::int64_t sum = 0;
    for (const auto &t : terms) {
      if (t.ub % 2 != 0)
        throw std::invalid_argument("solve_diophantine: bounds must be even "
                                    "for the nontrivial problem");
      sum = overlap_impl::add(sum, overlap_impl::mul(t.a, t.ub / 2, overflow),
                              overflow);
    }
    if (overflow)
      return overlap_result::too_hard;
    b = sum;
  }
  if (b < 0)
    return overlap_result::no;
  const std::size_t n = terms.size();
  if (n == 0) {
    if (require_ub_nontrivial)
      return overlap_result::no;
    if (x != nullptr)
      x->clear();
    return b == 0 ? overlap_result::yes : overlap_result::no;
  }
  if (n == 1) {
    if (require_ub_nontrivial)
      return overlap_result::no;
    if (b % terms[0].a == 0 && b / terms[0].a <= terms[0].ub) {
      if (x != nullptr)
        x->assign(1, b / terms[0].a);
      return overlap_result::yes;
    }
    return overlap_result::no;
  }
  overlap_impl::diophantine_solver solver(terms, max_work,
                                          require_ub_nontrivial);
  if (!solver.precompute())
    return overlap_result::too_hard;
  std::vector<std::int64_t> sol;
  const overlap_result r = solver.solve(b, sol);
  if (r == overlap_result::yes && x != nullptr)
    *x = sol;
  return r;
}

// True when the byte ranges [lowest, highest] of a and b intersect and
// neither is empty: np.may_share_memory's default answer.
inline bool bounds_overlap(const mem_extent &a, const mem_extent &b) {
  const auto ra = overlap_impl::extent_of(a);
  const auto rb = overlap_impl::extent_of(b);
  if (ra.empty || rb.empty)
    return false;
  if (ra.overflow || rb.overflow)
    return true; // cannot tell: say "may"
  return ra.start < rb.end && rb.start < ra.end;
}

// Exact overlap of a and b within max_work (< 0: unbounded, 0: extent check
// only); see the header comment.
inline overlap_result solve_overlap(const mem_extent &a, const mem_extent &b,
                                    std::int64_t max_work) {
  using overlap_impl::i128;
  const auto ra = overlap_impl::extent_of(a);
  const auto rb = overlap_impl::extent_of(b);
  if (ra.empty || rb.empty)
    return overlap_result::no;
  if (ra.overflow || rb.overflow)
    return overlap_result::too_hard;
  if (!(ra.start < rb.end && rb.start < ra.end))
    return overlap_result::no;
  if (max_work == 0)
    return overlap_result::too_hard;

  // lowest byte of one + sum(|stride| z) + ... == highest byte of the other
  const i128 rhs = std::min(rb.end - 1 - ra.start, ra.end - 1 - rb.start);
  if (rhs > overlap_impl::i64_max)
    return overlap_result::too_hard;
  std::vector<diophantine_term> terms;
  if (!overlap_impl::append_terms(a, terms) ||
      !overlap_impl::append_terms(b, terms))
    return overlap_result::too_hard;
  if (a.itemsize > 1)
    terms.push_back({1, a.itemsize - 1});
  if (b.itemsize > 1)
    terms.push_back({1, b.itemsize - 1});
  const auto b64 = static_cast<std::int64_t>(rhs);
  if (!diophantine_simplify(terms, b64))
    return overlap_result::too_hard;
  return solve_diophantine(terms, b64, max_work);
}

// Whether two different index tuples of `a` reach a common byte (NumPy's
// solve_may_have_internal_overlap), within max_work as above. C-contiguous
// arrays (ignoring axes of length 1) answer `no` at once.
inline overlap_result solve_internal_overlap(const mem_extent &a,
                                             std::int64_t max_work) {
  if (a.itemsize <= 0 || a.shape.size() != a.strides.size())
    return overlap_result::no;
  {
    bool contiguous = true;
    std::int64_t expect = a.itemsize;
    for (std::size_t i = a.shape.size(); i-- > 0;) {
      if (a.shape[i] <= 0)
        return overlap_result::no;
      if (a.shape[i] == 1)
        continue;
      if (a.strides[i] != expect) {
        contiguous = false;
        break;
      }
      bool overflow = false;
      expect = overlap_impl::mul(expect, a.shape[i], overflow);
      if (overflow) {
        contiguous = false;
        break;
      }
    }
    if (contiguous)
      return overlap_result::no;
  }
  std::vector<diophantine_term> terms;
  for (std::size_t i = 0; i < a.shape.size(); ++i) {
    if (a.shape[i] <= 0)
      return overlap_result::no;
    if (a.shape[i] == 1)
      continue;
    if (a.strides[i] == 0)
      return overlap_result::yes;
    if (a.strides[i] == overlap_impl::i64_min)
      return overlap_result::too_hard;
    terms.push_back(
        {a.strides[i] < 0 ? -a.strides[i] : a.strides[i], a.shape[i] - 1});
  }
  if (a.itemsize > 1)
    terms.push_back({1, a.itemsize - 1});
  bool overflow = false;
  for (auto &t : terms)
    t.ub = overlap_impl::mul(t.ub, 2, overflow);
  if (overflow)
    return overlap_result::too_hard;
  std::sort(terms.begin(), terms.end(),
            [](const diophantine_term &x, const diophantine_term &y) {
              return x.a > y.a;
            });
  return solve_diophantine(terms, -1, max_work, true);
}

} // namespace nd::detail
