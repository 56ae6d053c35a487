// The NumPy-oracle suite: every case gen_cases.py wrote (NumPy's inputs and results)
// is replayed through lina via the op table; values, shape and dtype must match, and
// where NumPy raised, lina must throw the mapped lina exception type.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "compare.hpp"
#include "npy_reader.hpp"
#include "lina/core/errors.hpp"
#include "op_table.hpp"
#include "oracle_case.hpp"

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kFamilies = {"binary",    "scalar",  "operator", "unary",
                                           "where_clip", "broadcast", "inplace", "reduction",
                                           "shape",      "index",     "creation",  "alias",
                                           "large"};

std::string cases_dir() {
  if (const char* d = std::getenv("LINA_ORACLE_DIR")) return d;
  return LINA_ORACLE_DEFAULT_DIR;
}

// Runs the generator when the cases are missing or older than it, so the binary also
// works outside CTest (where a fixture generates them first).
void ensure_cases(const std::string& dir) {
  const fs::path manifest = fs::path(dir) / "manifest.tsv";
  const fs::path gen = LINA_ORACLE_GENERATOR;
  std::error_code ec;
  if (fs::exists(manifest, ec) &&
      (!fs::exists(gen, ec) || fs::last_write_time(manifest, ec) >= fs::last_write_time(gen, ec)))
    return;
  const std::string cmd = "NPY_PROMOTION_STATE=weak /usr/bin/python3 '" + gen.string() + "' '" + dir + "'";
  std::cout << "oracle: generating cases: " << cmd << std::endl;
  if (std::system(cmd.c_str()) != 0) std::cout << "oracle: the generator failed" << std::endl;
}

struct Suite {
  std::vector<std::string> lines;  // manifest lines, in order
  std::string dir;
  std::string error;
};

const Suite& suite() {
  static const Suite s = [] {
    Suite s;
    s.dir = cases_dir();
    ensure_cases(s.dir);
    std::ifstream in(fs::path(s.dir) / "manifest.tsv");
    if (!in) {
      s.error = "cannot read " + s.dir + "/manifest.tsv";
      return s;
    }
    std::string line;
    while (std::getline(in, line))
      if (!line.empty() && line[0] != '#') s.lines.push_back(line);
    return s;
  }();
  return s;
}

std::string error_name(const std::exception& e) {
  if (dynamic_cast<const lina::ShapeError*>(&e)) return "ShapeError";
  if (dynamic_cast<const lina::IndexError*>(&e)) return "IndexError";
  if (dynamic_cast<const lina::TypeError*>(&e)) return "TypeError";
  if (dynamic_cast<const lina::ValueError*>(&e)) return "ValueError";
  if (dynamic_cast<const lina::IOError*>(&e)) return "IOError";
  if (dynamic_cast<const lina::Error*>(&e)) return "lina::Error";
  return "std::exception (not a lina error)";
}

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (std::size_t k = 0; k < v.size(); ++k) out += (k ? sep : "") + v[k];
  return out;
}

const std::string kNotInTable = "no entry in the oracle's op table for op '";

// Runs one case: an empty string when lina agrees with NumPy, else what differs.
std::string run_case(const oracle::Case& c) {
  const auto& table = oracle::op_table();
  const auto it = table.find(c.op);
  if (it == table.end()) return kNotInTable + c.op + "'";
  std::vector<oracle::Arg> args = c.args;
  // Operations that are not in-place must leave their inputs alone.
  const bool writes = c.op == "setitem" || c.op == "iadd" || c.op == "isub" || c.op == "imul" ||
                      c.op == "idiv" || c.op.find("_out") != std::string::npos;
  std::vector<lina::Array> before;
  if (!writes)
    for (const auto& a : args)
      if (a.kind == oracle::Arg::Array) before.push_back(a.base.copy());
  oracle::OpResult got;
  try {
    got = it->second(args);
  } catch (const std::exception& e) {
    const std::string name = error_name(e);
    if (c.expected_errors.empty()) return "threw " + name + ": " + e.what() + " (NumPy returned a result)";
    for (const auto& x : c.expected_errors)
      if (x == name) return "";
    return "threw " + name + ": " + e.what() + " (NumPy: " + join(c.expected_errors, " or ") + ")";
  }
  if (!c.expected_errors.empty()) {
    std::ostringstream s;
    s << "returned a result (";
    if (!got.empty()) s << "shape " << lina::shape_str(got[0].shape()) << " " << lina::dtype_name(got[0].dtype());
    s << ") where NumPy raised, so lina should throw " << join(c.expected_errors, " or ");
    return s.str();
  }
  if (got.size() != c.expected_files.size())
    return "returned " + std::to_string(got.size()) + " arrays, NumPy " + std::to_string(c.expected_files.size());
  std::optional<oracle::Tolerance> tol;
  if (c.rtol) tol = oracle::Tolerance{*c.rtol, *c.atol};
  std::string msg;
  for (std::size_t k = 0; k < got.size(); ++k) {
    const lina::Array expected = oracle::read_npy(c.expected_files[k]);
    const std::string d = oracle::compare_arrays(expected, got[k], tol);
    if (!d.empty()) msg += (got.size() > 1 ? "output " + std::to_string(k) + ": " : "") + d;
  }
  if (msg.empty() && c.expect_view) {
    const oracle::Arg* first = nullptr;
    for (const auto& a : c.args)
      if (a.kind == oracle::Arg::Array) {
        first = &a;
        break;
      }
    if (first && !got[0].shares_memory_with(first->array))
      msg = "returned a copy where NumPy returns a view of the operand";
  }
  std::size_t k = 0;
  for (const auto& a : args)
    if (a.kind == oracle::Arg::Array && !writes) {
      if (!oracle::compare_arrays(before[k++], a.base, oracle::Tolerance{0, 0}).empty())
        msg += std::string(msg.empty() ? "" : "; ") + "modified its input " + a.token;
    }
  return msg;
}

class Oracle : public ::testing::TestWithParam<std::string> {};

std::int64_t g_total = 0, g_passed = 0;

TEST_P(Oracle, MatchesNumPy) {
  const Suite& s = suite();
  ASSERT_TRUE(s.error.empty()) << s.error;
  const std::string family = GetParam();
  std::int64_t n = 0, passed = 0;
  std::vector<std::string> failures;
  std::map<std::string, int> missing_ops;
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto& line : s.lines) {
    const auto tab1 = line.find('\t');
    const auto tab2 = line.find('\t', tab1 + 1);
    if (line.substr(tab1 + 1, tab2 - tab1 - 1) != family) continue;
    ++n;
    std::string msg;
    std::string id = line.substr(0, tab1);
    try {
      const oracle::Case c = oracle::parse_case(line, s.dir);
      msg = run_case(c);
    } catch (const std::exception& e) {
      msg = std::string("oracle harness error: ") + e.what();
    }
    if (msg.empty()) {
      ++passed;
    } else if (msg.rfind(kNotInTable, 0) == 0) {
      ++missing_ops[msg];  // reported once per op, not once per case
    } else {
      failures.push_back(id + ": " + msg + "\n    manifest: " + line);
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  g_total += n;
  g_passed += passed;
  std::cout << "oracle[" << family << "]: " << n << " cases, " << passed << " passed (" << secs << " s)"
            << std::endl;
  EXPECT_GT(n, 0) << "no cases for family " << family;
  for (const auto& [msg, count] : missing_ops) ADD_FAILURE() << msg << " (" << count << " cases)";
  constexpr std::size_t kShown = 1000;
  for (std::size_t k = 0; k < failures.size() && k < kShown; ++k) ADD_FAILURE() << failures[k];
  if (failures.size() > kShown) ADD_FAILURE() << failures.size() - kShown << " more mismatches not shown";
}

INSTANTIATE_TEST_SUITE_P(Families, Oracle, ::testing::ValuesIn(kFamilies),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(OracleSuite, HasEnoughCases) {
  const Suite& s = suite();
  ASSERT_TRUE(s.error.empty()) << s.error;
  EXPECT_GE(s.lines.size(), 2500u);
  std::map<std::string, int> per_family;
  for (const auto& line : s.lines) {
    const auto tab1 = line.find('\t');
    ++per_family[line.substr(tab1 + 1, line.find('\t', tab1 + 1) - tab1 - 1)];
  }
  for (const auto& f : kFamilies) EXPECT_GT(per_family[f], 0) << f;
  EXPECT_EQ(per_family.size(), kFamilies.size()) << "a family in the manifest has no test";
}

class Summary : public ::testing::Environment {
 public:
  void TearDown() override {
    if (g_total) std::cout << "oracle: " << g_total << " cases, " << g_passed << " passed" << std::endl;
  }
};

const auto* const kSummary = ::testing::AddGlobalTestEnvironment(new Summary);

}  // namespace
