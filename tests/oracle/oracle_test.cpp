// Replays the NumPy-oracle cases written by gen_cases.py through lina and checks that
// values, shape and dtype match NumPy's (or that lina raises the matching error).
// The case directory comes from LINA_ORACLE_DIR; when it has no manifest yet, the test
// runs the generator itself (NPY_PROMOTION_STATE=weak /usr/bin/python3).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "lina/lina.hpp"

namespace {

using lina::Array;
namespace fs = std::filesystem;

std::vector<std::string> split_on(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

std::vector<lina::Index> parse_index(const std::string& spec) {
  std::vector<lina::Index> idx;
  if (spec.empty()) return idx;
  for (const auto& p : split_on(spec, ',')) {
    if (p == "None") {
      idx.emplace_back(lina::newaxis);
    } else if (p == "...") {
      idx.emplace_back(lina::ellipsis);
    } else if (p.find(':') != std::string::npos) {
      auto f = split_on(p, ':');
      auto num = [](const std::string& x) -> std::optional<std::int64_t> {
        if (x.empty()) return std::nullopt;
        return std::stoll(x);
      };
      idx.emplace_back(lina::Slice{num(f[0]), num(f[1]), f.size() > 2 ? num(f[2]) : std::nullopt});
    } else {
      idx.emplace_back(std::stoll(p));
    }
  }
  return idx;
}

std::vector<std::int64_t> parse_ints(const std::string& s) {
  std::vector<std::int64_t> out;
  if (s.empty()) return out;
  for (const auto& p : split_on(s, ',')) out.push_back(std::stoll(p));
  return out;
}

// One parsed argument of a case.
struct Arg {
  std::string kind;  // "A", "i", "f", "b", "ax", "kd", "dd", "sh", "dt", "n", "idx", "ix"
  std::string raw;
  Array array;
};

class Case {
 public:
  Case(const fs::path& dir, const std::vector<std::string>& fields) : dir_(dir) {
    for (std::size_t i = 3; i + 1 < fields.size(); ++i) {
      const auto colon = fields[i].find(':');
      Arg a{fields[i].substr(0, colon), fields[i].substr(colon + 1), Array()};
      if (a.kind == "A") a.array = load_view(a.raw);
      args_.push_back(std::move(a));
    }
  }

  const Arg& arg(std::size_t i) const { return args_.at(i); }
  std::size_t size() const { return args_.size(); }
  const Array& array(std::size_t i) const { return args_.at(i).array; }
  bool is_array(std::size_t i) const { return args_.at(i).kind == "A"; }
  lina::Scalar scalar(std::size_t i) const {
    const Arg& a = args_.at(i);
    if (a.kind == "i") return lina::Scalar(static_cast<std::int64_t>(std::stoll(a.raw)));
    if (a.kind == "f") return lina::Scalar(std::stod(a.raw));
    if (a.kind == "b") return lina::Scalar(a.raw == "1");
    throw std::runtime_error("argument " + std::to_string(i) + " is not a scalar");
  }
  // Finds a keyword-like argument (ax, kd, dd, ...) by kind.
  const Arg* find(const std::string& kind) const {
    for (const auto& a : args_)
      if (a.kind == kind) return &a;
    return nullptr;
  }
  lina::Axes axes() const {
    const Arg* a = find("ax");
    if (!a || a->raw == "none") return {};
    std::vector<int> v;
    for (auto x : parse_ints(a->raw)) v.push_back(static_cast<int>(x));
    return v;
  }
  std::optional<int> axis() const {
    const Arg* a = find("ax");
    if (!a || a->raw == "none") return std::nullopt;
    return static_cast<int>(std::stoll(a->raw));
  }
  bool flag(const std::string& kind) const {
    const Arg* a = find(kind);
    return a && a->raw == "1";
  }
  std::int64_t n(std::size_t i) const { return std::stoll(args_.at(i).raw); }
  lina::Shape shape(std::size_t i) const { return parse_ints(args_.at(i).raw); }
  lina::DType dtype(std::size_t i) const { return lina::dtype_from_name(args_.at(i).raw); }
  std::vector<Array> arrays() const {
    std::vector<Array> out;
    for (const auto& a : args_)
      if (a.kind == "A") out.push_back(a.array);
    return out;
  }

 private:
  Array load_view(const std::string& raw) const {
    const auto bar = raw.find('|');
    Array a = lina::load_npy((dir_ / raw.substr(0, bar)).string());
    for (const auto& step : split_on(raw.substr(bar + 1), ';')) {
      if (step.empty()) continue;
      if (step == "T") {
        a = a.T();
      } else if (step.rfind("p:", 0) == 0) {
        std::vector<int> perm;
        for (auto x : parse_ints(step.substr(2))) perm.push_back(static_cast<int>(x));
        a = a.transpose(perm);
      } else if (step.rfind("s:", 0) == 0) {
        a = a.index(parse_index(step.substr(2)));
      }
    }
    return a;
  }

  fs::path dir_;
  std::vector<Arg> args_;
};

using OpFn = std::function<std::vector<Array>(const Case&)>;

// Calls a binary function with each argument an array or a weak scalar.
template <class F>
Array binary_call(const Case& c, F&& f, std::size_t i = 0, std::size_t j = 1) {
  if (c.is_array(i) && c.is_array(j)) return f(c.array(i), c.array(j));
  if (c.is_array(i)) return f(c.array(i), c.scalar(j));
  return f(c.scalar(i), c.array(j));
}

// clip with each bound an array or a weak scalar; into *out when given.
Array clip_call(const Case& c, Array* out) {
  const Array& a = c.array(0);
  if (c.is_array(1) && c.is_array(2)) return out ? lina::clip(a, c.array(1), c.array(2), *out) : lina::clip(a, c.array(1), c.array(2));
  if (c.is_array(1)) return out ? lina::clip(a, c.array(1), c.scalar(2), *out) : lina::clip(a, c.array(1), c.scalar(2));
  if (c.is_array(2)) return out ? lina::clip(a, c.scalar(1), c.array(2), *out) : lina::clip(a, c.scalar(1), c.array(2));
  return out ? lina::clip(a, c.scalar(1), c.scalar(2), *out) : lina::clip(a, c.scalar(1), c.scalar(2));
}

#define BINARY(name) \
  {#name, [](const Case& c) { return std::vector<Array>{binary_call(c, [](const auto& a, const auto& b) { return lina::name(a, b); })}; }}
// The out= form, into a view of the case's own out array (argument 2).
#define BINARY_OUT(name)                                                                          \
  {#name "_out", [](const Case& c) {                                                             \
     Array out = c.array(2);                                                                     \
     if (c.is_array(0) && c.is_array(1)) lina::name(c.array(0), c.array(1), out);                \
     else if (c.is_array(0)) lina::name(c.array(0), c.scalar(1), out);                           \
     else lina::name(c.scalar(0), c.array(1), out);                                              \
     return std::vector<Array>{out};                                                             \
   }}
#define UNARY(name) \
  {#name, [](const Case& c) { return std::vector<Array>{lina::name(c.array(0))}; }}
#define REDUCE(name, fn) \
  {#name, [](const Case& c) { return std::vector<Array>{lina::fn(c.array(0), c.axes(), c.flag("kd"))}; }}

const std::map<std::string, OpFn>& op_table() {
  static const std::map<std::string, OpFn> table = {
      BINARY(add), BINARY(subtract), BINARY(multiply), BINARY(divide), BINARY(floor_divide),
      BINARY(remainder), BINARY(power), BINARY(maximum), BINARY(minimum), BINARY(equal),
      BINARY(not_equal), BINARY(less), BINARY(less_equal), BINARY(greater), BINARY(greater_equal),
      BINARY(logical_and), BINARY(logical_or), BINARY(logical_xor),
      UNARY(negative), UNARY(abs), UNARY(sign), UNARY(square), UNARY(round), UNARY(logical_not),
      UNARY(exp), UNARY(log), UNARY(log1p), UNARY(expm1), UNARY(sqrt), UNARY(sin), UNARY(cos),
      UNARY(tanh), UNARY(floor), UNARY(ceil),
      {"where",
       [](const Case& c) {
         const Array& cond = c.array(0);
         Array r;
         if (c.is_array(1) && c.is_array(2)) r = lina::where(cond, c.array(1), c.array(2));
         else if (c.is_array(1)) r = lina::where(cond, c.array(1), c.scalar(2));
         else r = lina::where(cond, c.scalar(1), c.array(2));
         return std::vector<Array>{r};
       }},
      BINARY_OUT(add), BINARY_OUT(subtract), BINARY_OUT(multiply), BINARY_OUT(divide), BINARY_OUT(floor_divide),
      BINARY_OUT(remainder), BINARY_OUT(power), BINARY_OUT(maximum), BINARY_OUT(minimum), BINARY_OUT(equal),
      BINARY_OUT(not_equal), BINARY_OUT(less), BINARY_OUT(less_equal), BINARY_OUT(greater), BINARY_OUT(greater_equal),
      BINARY_OUT(logical_and), BINARY_OUT(logical_or), BINARY_OUT(logical_xor),
      {"clip", [](const Case& c) { return std::vector<Array>{clip_call(c, nullptr)}; }},
      {"clip_out",
       [](const Case& c) {
         Array out = c.array(3);
         clip_call(c, &out);
         return std::vector<Array>{out};
       }},
      {"isnan", [](const Case& c) { return std::vector<Array>{lina::isnan(c.array(0))}; }},
      {"isinf", [](const Case& c) { return std::vector<Array>{lina::isinf(c.array(0))}; }},
      {"isfinite", [](const Case& c) { return std::vector<Array>{lina::isfinite(c.array(0))}; }},
      {"isclose", [](const Case& c) { return std::vector<Array>{lina::isclose(c.array(0), c.array(1), 1e-5, 1e-8, c.scalar(2).as_int() != 0)}; }},
      {"allclose", [](const Case& c) { return std::vector<Array>{lina::array(lina::allclose(c.array(0), c.array(1), 1e-5, 1e-8, c.scalar(2).as_int() != 0))}; }},
      {"array_equal", [](const Case& c) { return std::vector<Array>{lina::array(lina::array_equal(c.array(0), c.array(1), c.scalar(2).as_int() != 0))}; }},
      {"iadd", [](const Case& c) { Array x = c.array(0).copy(); x += c.array(1); return std::vector<Array>{x}; }},
      {"isub", [](const Case& c) { Array x = c.array(0).copy(); x -= c.array(1); return std::vector<Array>{x}; }},
      {"imul", [](const Case& c) { Array x = c.array(0).copy(); x *= c.array(1); return std::vector<Array>{x}; }},
      {"idiv", [](const Case& c) { Array x = c.array(0).copy(); x /= c.array(1); return std::vector<Array>{x}; }},
      REDUCE(sum, sum), REDUCE(prod, prod), REDUCE(mean, mean), REDUCE(max, max), REDUCE(min, min),
      REDUCE(all, all), REDUCE(any, any),
      {"var", [](const Case& c) { return std::vector<Array>{lina::var(c.array(0), c.axes(), static_cast<int>(std::stoll(c.find("dd")->raw)), c.flag("kd"))}; }},
      {"std", [](const Case& c) { return std::vector<Array>{lina::stddev(c.array(0), c.axes(), static_cast<int>(std::stoll(c.find("dd")->raw)), c.flag("kd"))}; }},
      {"argmax", [](const Case& c) { return std::vector<Array>{lina::argmax(c.array(0), c.axis(), c.flag("kd"))}; }},
      {"argmin", [](const Case& c) { return std::vector<Array>{lina::argmin(c.array(0), c.axis(), c.flag("kd"))}; }},
      {"reshape", [](const Case& c) { return std::vector<Array>{lina::reshape(c.array(0), c.shape(1))}; }},
      {"transpose",
       [](const Case& c) {
         if (c.size() == 1) return std::vector<Array>{lina::transpose(c.array(0))};
         std::vector<int> perm;
         for (auto x : c.shape(1)) perm.push_back(static_cast<int>(x));
         return std::vector<Array>{lina::transpose(c.array(0), perm)};
       }},
      {"swapaxes", [](const Case& c) { return std::vector<Array>{lina::swapaxes(c.array(0), static_cast<int>(c.n(1)), static_cast<int>(c.n(2)))}; }},
      {"moveaxis", [](const Case& c) { return std::vector<Array>{lina::moveaxis(c.array(0), static_cast<int>(c.n(1)), static_cast<int>(c.n(2)))}; }},
      {"ravel", [](const Case& c) { return std::vector<Array>{lina::ravel(c.array(0))}; }},
      {"flatten", [](const Case& c) { return std::vector<Array>{c.array(0).flatten()}; }},
      {"expand_dims", [](const Case& c) { return std::vector<Array>{lina::expand_dims(c.array(0), c.axes())}; }},
      {"squeeze", [](const Case& c) { return std::vector<Array>{lina::squeeze(c.array(0), c.axes())}; }},
      {"concatenate", [](const Case& c) { return std::vector<Array>{lina::concatenate(c.arrays(), static_cast<int>(c.n(c.size() - 1)))}; }},
      {"stack", [](const Case& c) { return std::vector<Array>{lina::stack(c.arrays(), static_cast<int>(c.n(c.size() - 1)))}; }},
      {"split", [](const Case& c) { return lina::split(c.array(0), c.n(1), *c.axis()); }},
      {"broadcast_to", [](const Case& c) { return std::vector<Array>{lina::broadcast_to(c.array(0), c.shape(1))}; }},
      {"getitem", [](const Case& c) { return std::vector<Array>{c.array(0).index(parse_index(c.arg(1).raw))}; }},
      {"setitem",
       [](const Case& c) {
         Array x = c.array(0).copy();
         x.index(parse_index(c.arg(1).raw)) = c.array(2);
         return std::vector<Array>{x};
       }},
      {"mask", [](const Case& c) { return std::vector<Array>{c.array(0)[c.array(1)]}; }},
      {"take", [](const Case& c) { return std::vector<Array>{lina::take(c.array(0), c.array(1), c.axis())}; }},
      {"arange", [](const Case& c) { return std::vector<Array>{lina::arange(c.scalar(0), c.scalar(1), c.scalar(2))}; }},
      {"linspace",
       [](const Case& c) {
         return std::vector<Array>{lina::linspace(std::stod(c.arg(0).raw), std::stod(c.arg(1).raw), c.n(2), c.arg(3).raw == "1")};
       }},
      {"eye", [](const Case& c) { return std::vector<Array>{lina::eye(c.n(0), c.n(1), c.n(2), c.dtype(3))}; }},
      {"zeros", [](const Case& c) { return std::vector<Array>{lina::zeros(c.shape(0), c.dtype(1))}; }},
      {"ones", [](const Case& c) { return std::vector<Array>{lina::ones(c.shape(0), c.dtype(1))}; }},
      {"full", [](const Case& c) { return std::vector<Array>{lina::full(c.shape(0), c.scalar(1))}; }},
      {"meshgrid", [](const Case& c) { return lina::meshgrid({c.array(0), c.array(1)}, c.find("ix")->raw); }},
      {"matmul", [](const Case& c) { return std::vector<Array>{lina::matmul(c.array(0), c.array(1))}; }},
      {"matmul_out",
       [](const Case& c) {
         Array out = c.array(2).copy();
         lina::matmul(c.array(0), c.array(1), out);
         return std::vector<Array>{out};
       }},
      {"dot", [](const Case& c) { return std::vector<Array>{lina::dot(c.array(0), c.array(1))}; }},
      {"vdot", [](const Case& c) { return std::vector<Array>{lina::vdot(c.array(0), c.array(1))}; }},
      {"inner", [](const Case& c) { return std::vector<Array>{lina::inner(c.array(0), c.array(1))}; }},
      {"outer", [](const Case& c) { return std::vector<Array>{lina::outer(c.array(0), c.array(1))}; }},
      {"trace",
       [](const Case& c) {
         return std::vector<Array>{lina::trace(c.array(0), c.n(1), static_cast<int>(c.n(2)), static_cast<int>(c.n(3)))};
       }},
      {"norm",
       [](const Case& c) {
         const std::string o = c.find("o")->raw;
         lina::NormOrd ord;
         if (o == "fro" || o == "nuc") ord = lina::NormOrd(o == "fro" ? "fro" : "nuc");
         else if (o == "inf") ord = lina::NormOrd(HUGE_VAL);
         else if (o == "-inf") ord = lina::NormOrd(-HUGE_VAL);
         else if (o != "none") ord = lina::NormOrd(std::stod(o));
         return std::vector<Array>{lina::norm(c.array(0), ord, c.axes(), c.flag("kd"))};
       }},
      {"astype", [](const Case& c) { return std::vector<Array>{c.array(0).astype(c.dtype(1))}; }},
  };
  return table;
}

// Which lina exceptions stand for a NumPy exception class.
bool error_matches(const std::string& numpy_error, const lina::Error& e) {
  const bool shape = dynamic_cast<const lina::ShapeError*>(&e) != nullptr;
  const bool value = dynamic_cast<const lina::ValueError*>(&e) != nullptr;
  const bool index = dynamic_cast<const lina::IndexError*>(&e) != nullptr;
  const bool type = dynamic_cast<const lina::TypeError*>(&e) != nullptr;
  if (numpy_error == "ValueError") return value || shape;
  if (numpy_error == "AxisError") return index || value;
  if (numpy_error == "IndexError") return index;
  if (numpy_error == "TypeError" || numpy_error == "UFuncTypeError") return type;
  if (numpy_error == "OverflowError" || numpy_error == "ZeroDivisionError") return value;
  return false;
}

// Compares values: exact for bool and integers, NaN-aware closeness for floats.
std::string compare(const Array& got, const Array& want) {
  if (got.shape() != want.shape())
    return "shape " + lina::shape_str(got.shape()) + " != NumPy's " + lina::shape_str(want.shape());
  if (got.dtype() != want.dtype())
    return std::string("dtype ") + lina::dtype_name(got.dtype()) + " != NumPy's " + lina::dtype_name(want.dtype());
  const Array g = got.astype(lina::float64), w = want.astype(lina::float64);
  const double* gp = g.data<double>();
  const double* wp = w.data<double>();
  const bool f32 = got.dtype() == lina::float32, flt = lina::is_floating(got.dtype());
  const double rtol = f32 ? 1e-4 : 1e-9, atol = f32 ? 1e-5 : 1e-12;
  for (std::int64_t i = 0; i < g.size(); ++i) {
    const double a = gp[i], b = wp[i];
    bool ok;
    if (!flt) ok = a == b;
    else if (std::isnan(b)) ok = std::isnan(a);
    else if (std::isinf(b)) ok = a == b;
    else if (b == 0 && a == 0) ok = std::signbit(a) == std::signbit(b);  // -0 where NumPy has -0
    else ok = std::fabs(a - b) <= atol + rtol * std::fabs(b);
    if (!ok) {
      std::ostringstream os;
      os.precision(17);
      os << "element " << i << ": lina " << a << " != NumPy " << b << "\n  lina:  " << lina::repr(got)
         << "\n  numpy: " << lina::repr(want);
      return os.str();
    }
  }
  return "";
}

fs::path case_dir() {
  const char* env = std::getenv("LINA_ORACLE_DIR");
  fs::path dir = env ? fs::path(env) : fs::temp_directory_path() / "lina-oracle-cases";
  if (!fs::exists(dir / "manifest.tsv")) {
    const char* src = std::getenv("LINA_SOURCE_DIR");
    const fs::path gen = fs::path(src ? src : LINA_SOURCE_DIR_DEFAULT) / "tests/oracle/gen_cases.py";
    const std::string cmd = "NPY_PROMOTION_STATE=weak /usr/bin/python3 '" + gen.string() + "' '" + dir.string() + "'";
    if (std::system(cmd.c_str()) != 0) ADD_FAILURE() << "generator failed: " << cmd;
  }
  return dir;
}

TEST(NumPyOracle, EveryCaseMatchesNumPy) {
  const fs::path dir = case_dir();
  std::ifstream manifest(dir / "manifest.tsv");
  ASSERT_TRUE(manifest) << "no manifest in " << dir;
  std::map<std::string, std::pair<int, int>> by_family;  // passed, total
  int total = 0, passed = 0, reported = 0;
  std::string line;
  while (std::getline(manifest, line)) {
    if (line.empty()) continue;
    const auto fields = split_on(line, '\t');
    const std::string& family = fields[1];
    const std::string& op = fields[2];
    const std::string& expected = fields.back();
    ++total;
    ++by_family[family].second;
    std::string failure;
    try {
      const Case c(dir, fields);
      const auto it = op_table().find(op);
      if (it == op_table().end()) throw std::runtime_error("no lina op for '" + op + "'");
      const std::vector<Array> got = it->second(c);
      if (expected.rfind("X:", 0) == 0) {
        failure = "NumPy raised " + expected.substr(2) + " but lina returned " + lina::repr(got.at(0));
      } else {
        const auto files = split_on(expected.substr(2), ',');
        if (files.size() != got.size()) {
          failure = "lina returned " + std::to_string(got.size()) + " arrays, NumPy " + std::to_string(files.size());
        } else {
          for (std::size_t k = 0; k < files.size() && failure.empty(); ++k)
            failure = compare(got[k], lina::load_npy((dir / files[k]).string()));
        }
      }
    } catch (const lina::Error& e) {
      if (expected.rfind("X:", 0) != 0) failure = std::string("lina raised: ") + e.what();
      else if (!error_matches(expected.substr(2), e))
        failure = "NumPy raised " + expected.substr(2) + ", lina a different error: " + e.what();
    } catch (const std::exception& e) {
      failure = std::string("unexpected exception: ") + e.what();
    }
    if (failure.empty()) {
      ++passed;
      ++by_family[family].first;
    } else if (++reported <= 60) {
      ADD_FAILURE() << "case " << fields[0] << " (" << op << "): " << failure << "\n  manifest: " << line;
    }
  }
  for (const auto& [family, counts] : by_family)
    std::cout << "oracle: " << family << ": " << counts.first << "/" << counts.second << " passed\n";
  std::cout << "oracle: " << total << " cases, " << passed << " passed\n";
  EXPECT_GE(total, 2000);
  EXPECT_EQ(passed, total);
}

}  // namespace
