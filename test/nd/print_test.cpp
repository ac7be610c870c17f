// Tests for nd/print.hpp: NumPy's str() of arrays, byte for byte.
//
// The differential test reads cases written by test/nd/oracle/print_cases.py
// (random arrays and NumPy's str() of each) and prints the same values with
// nd::detail::array_str, laid out with random strides (transposed, reversed,
// with gaps) to exercise the strided access.
//
// Where the cases come from:
//   - ND_PYTHON set (a Python with NumPy, e.g. /usr/bin/python3): the script
//     is run at test time into a temporary file. ND_PRINT_SEED (default 1)
//     and ND_PRINT_COUNT (default 3000) choose the random cases.
//   - otherwise: the checked-in golden file test/nd/oracle/print_golden.txt,
//     made by `print_cases.py --seed 1 --count 150` with NumPy 1.24.
// The script and golden file are found in ND_ORACLE_DIR (macro or environment
// variable), else in the oracle/ directory next to this source file.
#include <nd/print.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using nd::detail::array_str;
using nd::detail::print_array;
using nd::detail::scalar_str;
using shape_t = std::vector<std::ptrdiff_t>;

std::filesystem::path oracle_dir() {
  if (const char *env = std::getenv("ND_ORACLE_DIR"))
    return env;
#ifdef ND_ORACLE_DIR
  return ND_ORACLE_DIR;
#else
  return std::filesystem::path(__FILE__).parent_path() / "oracle";
#endif
}

// C-order strides for `shape`.
shape_t c_strides(const shape_t &shape) {
  shape_t st(shape.size());
  std::ptrdiff_t s = 1;
  for (std::size_t i = shape.size(); i-- > 0;) {
    st[i] = s;
    s *= std::max<std::ptrdiff_t>(shape[i], 1);
  }
  return st;
}

template <class T> std::string str_of(const std::vector<T> &v, shape_t shape) {
  return array_str(v.data(), shape, c_strides(shape), 0);
}

std::string str_of_bools(const std::vector<int> &v, shape_t shape) {
  std::unique_ptr<bool[]> b(new bool[v.size() + 1]);
  for (std::size_t i = 0; i < v.size(); ++i)
    b[i] = v[i] != 0;
  return array_str(b.get(), shape, c_strides(shape), 0);
}

TEST(Print, Basics) {
  EXPECT_EQ(str_of<int>({10, 20, 30}, {3}), "[10 20 30]");
  EXPECT_EQ(str_of<int>({1, 2, 3, 4}, {2, 2}), "[[1 2]\n [3 4]]");
  EXPECT_EQ(str_of_bools({1, 0}, {2}), "[ True False]");
  EXPECT_EQ(str_of<double>({-1.5, 100}, {2}), "[ -1.5 100. ]");
  EXPECT_EQ(str_of<double>({0.1, 0.2, 0.3}, {3}), "[0.1 0.2 0.3]");
  EXPECT_EQ(str_of<double>({-0.0, 0.0}, {2}), "[-0.  0.]");
  EXPECT_EQ(str_of<std::int64_t>({}, {2, 0}), "[]");
  EXPECT_EQ(str_of<double>({}, {0}), "[]");
}

TEST(Print, ZeroDimensional) {
  EXPECT_EQ(str_of<int>({5}, {}), "5");
  EXPECT_EQ(str_of_bools({1}, {}), "True");
  EXPECT_EQ(str_of<double>({0.1}, {}), "0.1");
  EXPECT_EQ(str_of<double>({1e16}, {}), "1e+16");
  EXPECT_EQ(str_of<double>({1e15}, {}), "1000000000000000.0");
  EXPECT_EQ(str_of<double>({-0.0}, {}), "-0.0");
  EXPECT_EQ(str_of<float>({99999992.f}, {}), "99999990.0");
  EXPECT_EQ(str_of<float>({0.0001f}, {}), "1e-04");
  EXPECT_EQ(scalar_str(std::numeric_limits<double>::quiet_NaN()), "nan");
  EXPECT_EQ(scalar_str(-std::numeric_limits<float>::infinity()), "-inf");
  EXPECT_EQ(scalar_str(5e-324), "5e-324");
  EXPECT_EQ(scalar_str(false), "False");
  EXPECT_EQ(scalar_str(std::int64_t{-7}), "-7");
}

TEST(Print, FloatFormatsNotShortestRepr) {
  // min_digits=0 in positional mode: every digit down to the units place.
  EXPECT_EQ(str_of<float>({99999992.f}, {1}), "[99999992.]");
  // min_digits=precision in scientific mode: exact extra digits.
  EXPECT_EQ(str_of<float>({0.1f, 1.23456789e-6f}, {2}),
            "[1.0000000e-01 1.2345679e-06]");
  EXPECT_EQ(str_of<double>({0.1, 1.23456789e-6}, {2}),
            "[1.00000000e-01 1.23456789e-06]");
  // at a power of two the shortest digits need not be the nearest ones
  EXPECT_EQ(str_of<float>({std::ldexp(1.0f, -96)}, {1}), "[1.2621775e-29]");
  // ties at the 8th fractional digit round to even
  EXPECT_EQ(str_of<double>({0.001953125, 1.0}, {2}), "[0.00195312 1.        ]");
}

TEST(Print, NonFinite) {
  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(str_of<double>({1.5, nan}, {2}), "[1.5 nan]");
  EXPECT_EQ(str_of<double>({1e-10, inf, -inf}, {3}), "[1.e-10    inf   -inf]");
  EXPECT_EQ(str_of<double>({nan, -inf}, {2}), "[ nan -inf]");
  EXPECT_EQ(str_of<double>({-nan}, {1}), "[nan]");
}

TEST(Print, NestedAndSummarised) {
  std::vector<double> v(30);
  for (int i = 0; i < 30; ++i)
    v[static_cast<std::size_t>(i)] = i;
  EXPECT_EQ(str_of(v, {2, 3, 5}), "[[[ 0.  1.  2.  3.  4.]\n"
                                  "  [ 5.  6.  7.  8.  9.]\n"
                                  "  [10. 11. 12. 13. 14.]]\n"
                                  "\n"
                                  " [[15. 16. 17. 18. 19.]\n"
                                  "  [20. 21. 22. 23. 24.]\n"
                                  "  [25. 26. 27. 28. 29.]]]");
  std::vector<int> w(1100);
  for (int i = 0; i < 1100; ++i)
    w[static_cast<std::size_t>(i)] = i;
  EXPECT_EQ(str_of(w, {1100}), "[   0    1    2 ... 1097 1098 1099]");
}

TEST(Print, StridedViewAndStream) {
  // a 3x4 buffer, printed as the transposed view of its reversed columns
  std::vector<int> buf = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  std::ostringstream os;
  print_array(os, buf.data(), {4, 3}, {-1, 4}, 3);
  EXPECT_EQ(os.str(), "[[ 3  7 11]\n [ 2  6 10]\n [ 1  5  9]\n [ 0  4  8]]");
  std::ostringstream os2;
  print_array(os2, buf.data(), {}, {}, 5);
  EXPECT_EQ(os2.str(), "5");
}

// ---------------------------------------------------------------------------
// Differential test against NumPy.

struct oracle_case {
  int id = 0;
  std::string dtype;
  shape_t shape;
  std::vector<std::string> values;
  std::string expected;
};

bool read_case(std::istream &in, oracle_case &c) {
  std::string word;
  if (!(in >> word))
    return false;
  if (word != "case")
    throw std::runtime_error("bad oracle file: expected 'case', got " + word);
  int ndim = 0;
  in >> c.id >> c.dtype >> ndim;
  c.shape.assign(static_cast<std::size_t>(ndim), 0);
  for (auto &d : c.shape)
    in >> d;
  std::string line;
  std::getline(in, line);
  std::getline(in, line);
  std::istringstream vs(line);
  vs >> word; // "v"
  c.values.clear();
  while (vs >> word)
    c.values.push_back(word);
  std::size_t nbytes = 0;
  in >> word >> nbytes;
  in.get(); // the newline after the byte count
  c.expected.assign(nbytes, '\0');
  in.read(c.expected.data(), static_cast<std::streamsize>(nbytes));
  in.get(); // the newline after the text
  if (!in)
    throw std::runtime_error("bad oracle file: truncated case " +
                             std::to_string(c.id));
  return true;
}

template <class T> T parse_value(const std::string &s) {
  if constexpr (std::is_same_v<T, bool>) {
    return s == "1";
  } else if constexpr (std::is_same_v<T, float>) {
    const auto bits = static_cast<std::uint32_t>(std::stoul(s, nullptr, 16));
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
  } else if constexpr (std::is_same_v<T, double>) {
    const std::uint64_t bits = std::stoull(s, nullptr, 16);
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
  } else {
    return static_cast<T>(std::stoll(s));
  }
}

// Lays the C-order values out in a buffer with a random axis order, random
// reversed axes and random gaps, and prints through those strides.
template <class T> std::string print_strided(const oracle_case &c) {
  const std::size_t nd = c.shape.size();
  std::mt19937 rng(static_cast<std::uint32_t>(c.id) * 7919u + 17u);
  std::vector<std::size_t> order(nd);
  for (std::size_t i = 0; i < nd; ++i)
    order[i] = i;
  std::shuffle(order.begin(), order.end(), rng);
  shape_t strides(nd);
  std::ptrdiff_t step = 1 + static_cast<std::ptrdiff_t>(rng() % 2);
  for (std::size_t k = nd; k-- > 0;) {
    const std::size_t ax = order[k];
    strides[ax] = step;
    step *= std::max<std::ptrdiff_t>(c.shape[ax], 1);
    step += static_cast<std::ptrdiff_t>(rng() % 3);
  }
  std::ptrdiff_t offset = static_cast<std::ptrdiff_t>(rng() % 4);
  for (std::size_t ax = 0; ax < nd; ++ax) {
    if (rng() % 2 == 0 && c.shape[ax] > 0) {
      offset += strides[ax] * (c.shape[ax] - 1);
      strides[ax] = -strides[ax];
    }
  }
  const std::size_t buf_size = static_cast<std::size_t>(step + offset + 8);
  std::unique_ptr<T[]> buf(new T[buf_size]());
  // scatter the C-order values
  shape_t idx(nd, 0);
  for (const auto &s : c.values) {
    std::ptrdiff_t pos = offset;
    for (std::size_t ax = 0; ax < nd; ++ax)
      pos += idx[ax] * strides[ax];
    buf[static_cast<std::size_t>(pos)] = parse_value<T>(s);
    for (std::size_t ax = nd; ax-- > 0;) {
      if (++idx[ax] < c.shape[ax])
        break;
      idx[ax] = 0;
    }
  }
  return array_str(static_cast<const T *>(buf.get()), c.shape, strides, offset);
}

std::string describe(const oracle_case &c) {
  std::ostringstream os;
  os << "case " << c.id << " dtype " << c.dtype << " shape (";
  for (auto d : c.shape)
    os << d << ",";
  os << ")";
  return os.str();
}

int run_cases(std::istream &in) {
  oracle_case c;
  int n = 0, failures = 0;
  while (read_case(in, c)) {
    std::string got;
    if (c.dtype == "bool")
      got = print_strided<bool>(c);
    else if (c.dtype == "int32")
      got = print_strided<std::int32_t>(c);
    else if (c.dtype == "int64")
      got = print_strided<std::int64_t>(c);
    else if (c.dtype == "float32")
      got = print_strided<float>(c);
    else if (c.dtype == "float64")
      got = print_strided<double>(c);
    else
      ADD_FAILURE() << "unknown dtype " << c.dtype;
    if (got != c.expected) {
      ++failures;
      if (failures <= 20) {
        std::string vals;
        for (std::size_t i = 0; i < c.values.size() && i < 40; ++i)
          vals += " " + c.values[i];
        ADD_FAILURE() << describe(c) << "\n  values:" << vals << "\n  numpy:\n"
                      << c.expected << "\n  nd:\n"
                      << got;
      }
    }
    ++n;
  }
  EXPECT_EQ(failures, 0) << failures << " of " << n << " cases differ";
  return n;
}

TEST(PrintOracle, MatchesNumPy) {
  const char *py = std::getenv("ND_PYTHON");
  const auto dir = oracle_dir();
  if (py == nullptr || *py == '\0') {
    const auto golden = dir / "print_golden.txt";
    std::ifstream in(golden, std::ios::binary);
    if (!in)
      GTEST_SKIP() << "ND_PYTHON is not set and " << golden << " is missing";
    const int n = run_cases(in);
    EXPECT_GT(n, 100) << "too few cases in " << golden;
    return;
  }
  const char *seed = std::getenv("ND_PRINT_SEED");
  const char *count = std::getenv("ND_PRINT_COUNT");
  const auto out =
      std::filesystem::temp_directory_path() /
      ("nd_print_cases_" +
       std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
       std::to_string(std::random_device{}()) + ".txt");
  const std::string cmd =
      std::string("\"") + py + "\" \"" + (dir / "print_cases.py").string() +
      "\" --seed " + (seed ? seed : "1") + " --count " +
      (count ? count : "3000") + " --out \"" + out.string() + "\"";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "failed: " << cmd;
  {
    std::ifstream in(out, std::ios::binary);
    ASSERT_TRUE(in) << "no output from " << cmd;
    const int n = run_cases(in);
    EXPECT_GT(n, 100);
  }
  std::filesystem::remove(out);
}

} // namespace
