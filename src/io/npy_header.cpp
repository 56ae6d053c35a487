#include "io/npy_header.hpp"

#include <cctype>
#include <limits>

#include "lina/core/errors.hpp"

namespace lina::detail {

namespace {

class Parser {
 public:
  Parser(std::string_view s, const std::string& what) : s_(s), what_(what) {}

  [[noreturn]] void fail(const std::string& why) const {
    throw IOError(what_ + ": invalid .npy header: " + why + " at character " + std::to_string(i_));
  }
  void skip_ws() {
    while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
  }
  bool eat(char c) {
    skip_ws();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail(std::string("expected '") + c + "'");
  }
  std::string string_literal() {
    skip_ws();
    if (i_ >= s_.size() || (s_[i_] != '\'' && s_[i_] != '"')) fail("expected a string");
    const char q = s_[i_++];
    std::string out;
    while (i_ < s_.size() && s_[i_] != q) out += s_[i_++];
    if (i_ >= s_.size()) fail("unterminated string");
    ++i_;
    return out;
  }
  bool boolean() {
    skip_ws();
    if (s_.substr(i_, 4) == "True") {
      i_ += 4;
      return true;
    }
    if (s_.substr(i_, 5) == "False") {
      i_ += 5;
      return false;
    }
    fail("expected True or False");
  }
  std::int64_t integer() {
    skip_ws();
    if (i_ >= s_.size() || !std::isdigit(static_cast<unsigned char>(s_[i_]))) fail("expected a non-negative integer");
    std::int64_t v = 0;
    while (i_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[i_]))) {
      const int d = s_[i_++] - '0';
      if (v > (std::numeric_limits<std::int64_t>::max() - d) / 10) fail("dimension too large");
      v = v * 10 + d;
    }
    if (i_ < s_.size() && s_[i_] == 'L') ++i_;  // Python 2 long suffix
    return v;
  }
  Shape tuple() {
    expect('(');
    Shape out;
    if (eat(')')) return out;
    for (;;) {
      out.push_back(integer());
      if (out.size() > 64) fail("more than 64 dimensions");
      if (eat(')')) return out;
      expect(',');
      if (eat(')')) return out;
    }
  }
  bool at_end() {
    skip_ws();
    return i_ >= s_.size();
  }

 private:
  std::string_view s_;
  const std::string& what_;
  std::size_t i_ = 0;
};

void parse_descr(const std::string& d, NpyHeader& h, const Parser& p) {
  if (d.size() < 2) p.fail("unsupported dtype descr '" + d + "'");
  const char order = d[0];
  const std::string code = d.substr(1);
  if (order != '<' && order != '>' && order != '|' && order != '=')
    p.fail("unsupported dtype descr '" + d + "'");
  struct Entry {
    const char* code;
    DType type;
  };
  static constexpr Entry kCodes[] = {{"b1", DType::Bool},  {"u1", DType::UInt8},   {"i1", DType::UInt8},
                                     {"i4", DType::Int32}, {"i8", DType::Int64},   {"f4", DType::Float32},
                                     {"f8", DType::Float64}};
  for (const auto& e : kCodes) {
    if (code == e.code && code != "i1") {
      h.dtype = e.type;
      h.big_endian = order == '>' && itemsize(e.type) > 1;
      return;
    }
  }
  p.fail("unsupported dtype descr '" + d +
         "' (lina reads |b1, |u1, <i4, <i8, <f4, <f8 and their big-endian forms)");
}

}  // namespace

NpyHeader parse_npy_header(std::string_view text, const std::string& what) {
  Parser p(text, what);
  NpyHeader h;
  bool have_descr = false, have_order = false, have_shape = false;
  p.expect('{');
  while (!p.eat('}')) {
    const std::string key = p.string_literal();
    p.expect(':');
    if (key == "descr") {
      parse_descr(p.string_literal(), h, p);
      have_descr = true;
    } else if (key == "fortran_order") {
      h.fortran_order = p.boolean();
      have_order = true;
    } else if (key == "shape") {
      h.shape = p.tuple();
      have_shape = true;
    } else {
      p.fail("unexpected key '" + key + "'");
    }
    if (!p.eat(',')) {
      p.expect('}');
      break;
    }
  }
  if (!p.at_end()) p.fail("trailing characters after the dict");
  if (!have_descr || !have_order || !have_shape)
    p.fail("missing key (needs 'descr', 'fortran_order' and 'shape')");
  return h;
}

std::string npy_header_dict(DType dtype, const Shape& shape) {
  static constexpr const char* kDescr[] = {"|b1", "|u1", "<i4", "<i8", "<f4", "<f8"};
  std::string s = "{'descr': '";
  s += kDescr[static_cast<int>(dtype)];
  s += "', 'fortran_order': False, 'shape': ";
  s += shape_str(shape);
  s += ", }";
  return s;
}

}  // namespace lina::detail
