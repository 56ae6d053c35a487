// repr() and str() against NumPy's own repr and str of the same arrays.
#include <gtest/gtest.h>

#include "lina/lina.hpp"
#include "unit/test_support.hpp"

namespace {

using lina::Array;

std::vector<Array> print_cases() {
  lina::Generator g(11);
  std::vector<Array> out;
  const std::vector<lina::Shape> shapes = {{}, {0}, {1}, {5}, {2, 3}, {3, 1, 2}, {2, 2, 2, 2}, {2, 0}, {30}, {4, 12}};
  for (lina::DType t : {lina::bool_, lina::uint8, lina::int32, lina::int64, lina::float32, lina::float64}) {
    for (const auto& s : shapes) {
      out.push_back(g.normal(0, 50, s).astype(t));
      if (lina::is_floating(t)) {
        out.push_back(g.uniform(0, 1, s, t));
        out.push_back(g.normal(0, 1e9, s).astype(t));               // scientific notation
        out.push_back(g.uniform(0, 1, s).astype(t) * 1e-6);         // small values
        out.push_back(lina::round(g.normal(0, 3, s)).astype(t));   // integral floats
      }
    }
  }
  out.push_back(lina::array({1.0, std::nan(""), -HUGE_VAL, 2.5}));
  out.push_back(lina::array({std::nan("")}).astype(lina::float32));
  out.push_back(lina::array({1e-5, 1.0}));
  out.push_back(lina::array({-0.0, 0.0}));
  out.push_back(lina::arange(2000).astype(lina::float64) / 7.0);  // summarised
  out.push_back(lina::arange(3000).reshape({30, 100}));          // summarised 2-D
  out.push_back(lina::arange(30).astype(lina::float64).reshape({3, 10}) / 7.0);  // wraps lines
  out.push_back(lina::full({}, 1e-5));
  out.push_back(lina::full({}, 3, lina::int32));
  out.push_back(lina::array({40230752.f, 1.5f}));               // exact whole digits (Dragon4)
  out.push_back(lina::array({12345678.9, 0.25}));
  return out;
}

TEST(Print, ReprAndStrMatchNumPy) {
  lina_test::TempDir dir;
  const auto cases = print_cases();
  std::string script = "import sys\nout = []\n";
  for (std::size_t i = 0; i < cases.size(); ++i) {
    lina::save_npy(dir.file("p" + std::to_string(i) + ".npy"), cases[i]);
    script += "a = np.load('p" + std::to_string(i) + ".npy'); out.append(repr(a)); out.append(str(a))\n";
  }
  script += "sys.stdout.write('\\x00'.join(out))\n";
  const std::string expected = lina_test::run_numpy(script, dir);
  std::vector<std::string> want;
  std::size_t start = 0;
  for (std::size_t p; (p = expected.find('\0', start)) != std::string::npos; start = p + 1)
    want.push_back(expected.substr(start, p - start));
  want.push_back(expected.substr(start));
  ASSERT_EQ(want.size(), 2 * cases.size());
  int mismatches = 0;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(lina::repr(cases[i]), want[2 * i]) << "case " << i;
    EXPECT_EQ(lina::str(cases[i]), want[2 * i + 1]) << "case " << i;
    mismatches += lina::repr(cases[i]) != want[2 * i];
  }
  std::cout << "print: " << cases.size() << " arrays compared with NumPy's repr and str, " << mismatches
            << " repr mismatches\n";
}

TEST(Print, StreamOperatorPrintsStr) {
  std::ostringstream os;
  os << lina::array({{1.0, 2.0}, {3.0, 4.0}});
  EXPECT_EQ(os.str(), "[[1. 2.]\n [3. 4.]]");
}

TEST(Print, PrintOptionsApplyAndValidate) {
  const lina::PrintOptions old = lina::get_printoptions();
  lina::PrintOptions o = old;
  o.precision = 3;
  lina::set_printoptions(o);
  EXPECT_EQ(lina::repr(lina::array({1.0 / 3.0})), "array([0.333])");
  lina::set_printoptions(old);
  o.linewidth = 0;
  EXPECT_THROW(lina::set_printoptions(o), lina::ValueError);
}

}  // namespace
