// nd kernels for bench/run.sh: each kernel is timed here and, doing the same
// on the same data, by bench/kernels_numpy.py.
//
// Build: clang++-19 -std=c++20 -O3 -Ilib/nd/include bench/kernels.cpp
// Run:   kernels [min_seconds_per_kernel [kernel_name]]
//
// Prints one JSON object per line: {"name", "seconds" (median of the timed
// repetitions), "reps", "bytes" (the bytes of the array the kernel produces
// or copies, for GB/s), "check" (a value both programs must agree on)}.
// Pseudo-random data comes from the 64-bit LCG below, which
// kernels_numpy.py implements identically, so both programs see the same
// indices, masks and view pairs.
#include <nd/nd.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;
double min_seconds = 0.3;
std::string only; // run only this kernel (for profiling)

bool want(const std::string &name) { return only.empty() || only == name; }

struct lcg {
  std::uint64_t s;
  std::uint64_t next() {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return s >> 33;
  }
  // [lo, hi)
  std::int64_t randint(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() %
                                          static_cast<std::uint64_t>(hi - lo));
  }
};

void clobber() { asm volatile("" ::: "memory"); }

template <class F>
std::pair<double, int> time_it(const std::string &name, F &&f) {
  if (!want(name))
    return {0, 0};
  f(); // warm-up (page faults, caches)
  std::vector<double> ts;
  const auto start = clock_type::now();
  while (ts.size() < 5 ||
         (std::chrono::duration<double>(clock_type::now() - start).count() <
              min_seconds &&
          ts.size() < 100000)) {
    const auto t0 = clock_type::now();
    f();
    clobber();
    ts.push_back(std::chrono::duration<double>(clock_type::now() - t0).count());
  }
  std::sort(ts.begin(), ts.end());
  const std::size_t n = ts.size();
  const double med = n % 2 ? ts[n / 2] : (ts[n / 2 - 1] + ts[n / 2]) / 2;
  return {med, static_cast<int>(n)};
}

void report(const std::string &name, std::pair<double, int> t, double bytes,
            double check) {
  if (t.second == 0)
    return;
  std::printf("{\"name\": \"%s\", \"seconds\": %.9g, \"reps\": %d, "
              "\"bytes\": %.0f, \"check\": %.17g}\n",
              name.c_str(), t.first, t.second, bytes, check);
  std::fflush(stdout);
}

nd::array<double> iota_array(std::ptrdiff_t n) {
  auto a = nd::zeros<double>({n});
  double *p = a.buffer_data();
  for (std::ptrdiff_t i = 0; i < n; ++i)
    p[i] = static_cast<double>(i % 1000) * 0.5;
  return a;
}

void contiguous_copies() {
  for (std::ptrdiff_t n : {std::ptrdiff_t{1} << 15, std::ptrdiff_t{1} << 22}) {
    const std::string tag = n == (1 << 15) ? "256KiB" : "32MiB";
    const double bytes = static_cast<double>(n) * sizeof(double);
    auto src = iota_array(n);
    auto dst = nd::zeros<double>({n});
    std::unique_ptr<double[]> raw_dst(new double[n]());
    const double *s = src.buffer_data();
    auto t = time_it(("memcpy_" + tag), [&] {
      std::memcpy(raw_dst.get(), s, static_cast<std::size_t>(bytes));
    });
    report(("memcpy_" + tag).c_str(), t, bytes, raw_dst[n - 1]);
    t = time_it(("copy_assign_" + tag), [&] { dst.assign(src); });
    report(("copy_assign_" + tag).c_str(), t, bytes, dst[n - 1]);
    double last = 0;
    t = time_it(("copy_new_" + tag), [&] {
      auto c = src.copy();
      last = c[n - 1];
    });
    report(("copy_new_" + tag).c_str(), t, bytes, last);
  }
}

nd::array<double> square(std::ptrdiff_t n) {
  auto m = nd::zeros<double>({n, n});
  double *p = m.buffer_data();
  for (std::ptrdiff_t i = 0; i < n * n; ++i)
    p[i] = static_cast<double>(i % 977);
  return m;
}

void transposed_copies() {
  const std::ptrdiff_t n = 2048;
  const double bytes = static_cast<double>(n * n) * sizeof(double);
  auto m = square(n);
  auto dst = nd::zeros<double>({n, n});
  double check = 0;
  auto t = time_it("transpose_copy_2048", [&] {
    auto c = m.T().copy();
    check = c(1, 0);
  });
  report("transpose_copy_2048", t, bytes, check);
  t = time_it("transpose_assign_2048", [&] { dst.assign(m.T()); });
  report("transpose_assign_2048", t, bytes, dst(1, 0));
}

void elementwise_add() {
  const std::ptrdiff_t n = 2048;
  auto a = square(n);
  auto b = square(n);
  auto va = a(nd::slice(1, -1), nd::slice(1, -1));
  auto vb = b(nd::slice(nd::_, -2), nd::slice(2, nd::_));
  const double bytes = static_cast<double>(va.size()) * sizeof(double);
  double check = 0;
  auto t = time_it("add_views_2046", [&] {
    auto c = va + vb;
    check = c(3, 5);
  });
  report("add_views_2046", t, bytes, check);
  auto ca = square(n), cb = square(n);
  t = time_it("add_contiguous_2048", [&] {
    auto c = ca + cb;
    check = c(3, 5);
  });
  report("add_contiguous_2048", t, static_cast<double>(n * n) * sizeof(double),
         check);
  t = time_it("add_inplace_views_2046", [&] { va += vb; });
  report("add_inplace_views_2046", t, bytes, 0);
}

/// count indices drawn from [0, hi) by the LCG seeded with seed (the same
/// draws as kernels_numpy.py's).
nd::array<std::int64_t> random_indices(std::uint64_t seed, std::ptrdiff_t count,
                                       std::ptrdiff_t hi) {
  auto idx = nd::zeros<std::int64_t>({count});
  lcg r{seed};
  std::int64_t *p = idx.buffer_data();
  for (std::ptrdiff_t i = 0; i < count; ++i)
    p[i] = r.randint(0, hi);
  return idx;
}

void gathers() {
  const std::ptrdiff_t n = std::ptrdiff_t{1} << 22, k = std::ptrdiff_t{1} << 20;
  auto a = iota_array(n);
  auto idx = random_indices(42, k, n);
  double check = 0;
  auto t = time_it("fancy_gather_1M_of_4M", [&] {
    auto g = a(idx);
    check = g[k - 1] + g[0];
  });
  report("fancy_gather_1M_of_4M", t, static_cast<double>(k) * sizeof(double),
         check);

  const std::ptrdiff_t rows = 512, cols = 2048;
  auto m = square(cols);
  auto ridx = random_indices(7, rows, cols);
  t = time_it("fancy_rows_512_of_2048", [&] {
    auto g = m(ridx);
    check = g(rows - 1, 3);
  });
  report("fancy_rows_512_of_2048", t,
         static_cast<double>(rows * cols) * sizeof(double), check);

  auto mask = nd::zeros<bool>({n});
  std::ptrdiff_t selected = 0;
  {
    lcg r{99};
    bool *p = mask.buffer_data();
    for (std::ptrdiff_t i = 0; i < n; ++i) {
      p[i] = r.randint(0, 2) == 1;
      selected += p[i];
    }
  }
  t = time_it("mask_gather_4M_half", [&] {
    auto g = a(mask);
    check = static_cast<double>(g.size()) + g[0];
  });
  report("mask_gather_4M_half", t,
         static_cast<double>(selected) * sizeof(double), check);
}

// NumPy's hard cases for np.shares_memory.
void overlap() {
  // test_shares_memory_api: x[:, ::2, ::3] and x[:, ::3, ::2] of a 4x5x6
  // int8 array (exact answer: True).
  {
    auto x = nd::zeros<std::int8_t>({4, 5, 6});
    auto a = x(nd::all, nd::slice(nd::_, nd::_, 2), nd::slice(nd::_, nd::_, 3));
    auto b = x(nd::all, nd::slice(nd::_, nd::_, 3), nd::slice(nd::_, nd::_, 2));
    bool r = false;
    auto t = time_it("shares_memory_api_case", [&] {
      for (int i = 0; i < 1000; ++i)
        r = nd::shares_memory(a, b);
    });
    t.first /= 1000;
    report("shares_memory_api_case", t, 0, r);
  }
  // The example of np.shares_memory's documentation (1049^3 views of a
  // 192163377-byte buffer), with max_work=10^6: both give up
  // (TooHardError / nd::too_hard_error) after the same amount of search.
  {
    const std::ptrdiff_t len = 192163377;
    auto x = nd::zeros<std::int8_t>({len});
    auto x1 = x.make_view({1049, 1049, 1049}, {36674, 61119, 85569}, 0);
    auto x2 = x.make_view({1049, 1049, 1}, {12223, 12224, 1}, 64023025);
    int hard = 0;
    auto t = time_it("shares_memory_doc_case_maxwork_1e6", [&] {
      try {
        (void)nd::shares_memory(x1, x2, 1000000);
      } catch (const nd::too_hard_error &) {
        ++hard;
      }
    });
    report("shares_memory_doc_case_maxwork_1e6", t, 0, hard > 0 ? 1 : 0);
  }
  // test_may_share_memory_harder_fuzz's view pairs: random slices (steps
  // 1..10, reversed half of the time) and transpositions of a
  // 17x34x71x97 int16 array; the exact answer (max_work unbounded).
  {
    auto x = nd::zeros<std::int16_t>({17, 34, 71, 97});
    const std::ptrdiff_t shape[4] = {17, 34, 71, 97};
    lcg r{1234};
    auto steps = [&] {
      std::array<std::int64_t, 4> s;
      for (auto &v : s)
        v = r.randint(0, 5) == 0 ? r.randint(1, 11) : 1;
      return s;
    };
    auto rslice = [&](std::int64_t n, std::int64_t step) {
      std::int64_t start = r.randint(0, n + 1);
      std::int64_t stop = r.randint(start, n + 1);
      if (r.randint(0, 2) == 0) {
        std::swap(start, stop);
        step = -step;
      }
      return nd::slice(start, stop, step);
    };
    auto perm = [&] {
      std::vector<int> p = {0, 1, 2, 3};
      for (int i = 3; i > 0; --i)
        std::swap(p[i], p[r.randint(0, i + 1)]);
      return p;
    };
    auto view = [&](const std::array<std::int64_t, 4> &st) {
      auto s0 = rslice(shape[0], st[0]);
      auto s1 = rslice(shape[1], st[1]);
      auto s2 = rslice(shape[2], st[2]);
      auto s3 = rslice(shape[3], st[3]);
      return x(s0, s1, s2, s3).transpose(perm());
    };
    std::vector<std::pair<nd::array<std::int16_t>, nd::array<std::int16_t>>>
        pairs;
    for (int i = 0; i < 2000; ++i) {
      auto a = view(steps());
      auto b = view(steps());
      pairs.emplace_back(a, b);
    }
    int yes = 0;
    auto t = time_it("shares_memory_harder_fuzz_2000_pairs", [&] {
      yes = 0;
      for (const auto &[a, b] : pairs)
        yes += nd::shares_memory(a, b);
    });
    report("shares_memory_harder_fuzz_2000_pairs", t, 0, yes);
  }
}

} // namespace

int main(int argc, char **argv) {
  if (argc > 1)
    min_seconds = std::atof(argv[1]);
  if (argc > 2)
    only = argv[2];
  contiguous_copies();
  transposed_copies();
  elementwise_add();
  gathers();
  overlap();
}
