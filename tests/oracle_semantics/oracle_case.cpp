#include "oracle_case.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

#include "npy_reader.hpp"

namespace oracle {

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
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

std::int64_t to_int(const std::string& s) {
  std::size_t used = 0;
  const long long v = std::stoll(s, &used);
  if (used != s.size()) throw std::runtime_error("bad integer '" + s + "'");
  return v;
}

std::vector<std::int64_t> to_ints(const std::string& s) {
  std::vector<std::int64_t> out;
  if (s.empty()) return out;
  for (const auto& p : split(s, ',')) out.push_back(to_int(p));
  return out;
}

double to_double(const std::string& s) {
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) throw std::runtime_error("bad float '" + s + "'");
  return v;
}

// CPython's PySlice_AdjustIndices: the first index, step and length of s over n.
void adjust_slice(const IndexItem& s, std::int64_t n, std::int64_t& start, std::int64_t& step,
                  std::int64_t& len) {
  step = s.step.value_or(1);
  if (step == 0) throw std::runtime_error("slice step cannot be zero");
  const bool neg = step < 0;
  auto clamp = [&](std::optional<std::int64_t> v, std::int64_t dflt) {
    if (!v) return dflt;
    std::int64_t x = *v;
    if (x < 0) {
      x += n;
      if (x < 0) x = neg ? -1 : 0;
    } else if (x >= n) {
      x = neg ? n - 1 : n;
    }
    return x;
  };
  start = clamp(s.start, neg ? n - 1 : 0);
  const std::int64_t stop = clamp(s.stop, neg ? -1 : n);
  if (neg) len = stop < start ? (start - stop - 1) / (-step) + 1 : 0;
  else len = start < stop ? (stop - start - 1) / step + 1 : 0;
}

}  // namespace

IndexSpec parse_index(const std::string& spec) {
  IndexSpec out;
  if (spec.empty()) return out;
  for (const auto& item : split(spec, ',')) {
    IndexItem it;
    if (item == "N") {
      it.kind = IndexItem::NewAxis;
    } else if (item == "...") {
      it.kind = IndexItem::Ellipsis;
    } else if (item.find(':') != std::string::npos) {
      it.kind = IndexItem::Slice;
      const auto parts = split(item, ':');
      if (parts.size() > 3) throw std::runtime_error("bad slice '" + item + "'");
      if (!parts[0].empty()) it.start = to_int(parts[0]);
      if (parts.size() > 1 && !parts[1].empty()) it.stop = to_int(parts[1]);
      if (parts.size() > 2 && !parts[2].empty()) it.step = to_int(parts[2]);
    } else {
      it.kind = IndexItem::Int;
      it.i = to_int(item);
    }
    out.push_back(it);
  }
  return out;
}

std::vector<lina::Index> to_lina_index(const IndexSpec& spec) {
  std::vector<lina::Index> out;
  for (const auto& it : spec) {
    switch (it.kind) {
      case IndexItem::Int: out.emplace_back(it.i); break;
      case IndexItem::Slice: out.emplace_back(lina::Slice{it.start, it.stop, it.step}); break;
      case IndexItem::NewAxis: out.emplace_back(lina::newaxis); break;
      case IndexItem::Ellipsis: out.emplace_back(lina::ellipsis); break;
    }
  }
  return out;
}

lina::Array apply_view(const lina::Array& a, const std::string& transform) {
  const auto colon = transform.find(':');
  const std::string kind = transform.substr(0, colon);
  const std::string arg = colon == std::string::npos ? "" : transform.substr(colon + 1);
  lina::Shape shape = a.shape();
  lina::Strides strides = a.strides();
  std::int64_t offset = a.offset();
  const int nd = a.ndim();
  if (kind == "T" || kind == "perm") {
    std::vector<std::int64_t> perm;
    if (kind == "T") {
      for (int d = nd - 1; d >= 0; --d) perm.push_back(d);
    } else {
      perm = to_ints(arg);
    }
    if (static_cast<int>(perm.size()) != nd) throw std::runtime_error("perm rank mismatch");
    lina::Shape s2;
    lina::Strides st2;
    for (auto p : perm) {
      s2.push_back(shape[p]);
      st2.push_back(strides[p]);
    }
    return lina::Array(a.storage(), offset, s2, st2, a.dtype());
  }
  if (kind == "idx") {
    // Only slices and ints are used for operand views.
    const IndexSpec spec = parse_index(arg);
    lina::Shape s2;
    lina::Strides st2;
    int d = 0;
    for (const auto& it : spec) {
      if (it.kind == IndexItem::Slice) {
        std::int64_t start = 0, step = 1, len = 0;
        adjust_slice(it, shape[d], start, step, len);
        if (len > 0) offset += start * strides[d];
        s2.push_back(len);
        st2.push_back(strides[d] * step);
        ++d;
      } else if (it.kind == IndexItem::Int) {
        const std::int64_t i = it.i < 0 ? it.i + shape[d] : it.i;
        offset += i * strides[d];
        ++d;
      } else {
        throw std::runtime_error("view idx: only ints and slices are supported");
      }
    }
    for (; d < nd; ++d) {
      s2.push_back(shape[d]);
      st2.push_back(strides[d]);
    }
    return lina::Array(a.storage(), offset, s2, st2, a.dtype());
  }
  if (kind == "bcast") {
    const lina::Shape target = to_ints(arg);
    const int lead = static_cast<int>(target.size()) - nd;
    if (lead < 0) throw std::runtime_error("bcast to a smaller rank");
    lina::Strides st2(target.size(), 0);
    for (int k = 0; k < nd; ++k) {
      if (shape[k] == target[lead + k]) st2[lead + k] = strides[k];
      else if (shape[k] != 1) throw std::runtime_error("bcast: incompatible shapes");
    }
    return lina::Array(a.storage(), offset, target, st2, a.dtype());
  }
  throw std::runtime_error("unknown view transform '" + transform + "'");
}

Case parse_case(const std::string& line, const std::string& dir) {
  const auto cols = split(line, '\t');
  if (cols.size() < 4) throw std::runtime_error("short manifest line");
  Case c;
  c.line = line;
  c.id = cols[0];
  c.family = cols[1];
  c.op = cols[2];
  bool after_expected = false;
  for (std::size_t k = 3; k < cols.size(); ++k) {
    const std::string& tok = cols[k];
    const auto colon = tok.find(':');
    if (colon == std::string::npos) throw std::runtime_error("bad token '" + tok + "'");
    const std::string tag = tok.substr(0, colon);
    const std::string val = tok.substr(colon + 1);
    if (tag == "E") {
      for (const auto& f : split(val, ';')) c.expected_files.push_back(dir + "/" + f);
      after_expected = true;
      continue;
    }
    if (tag == "X") {
      c.expected_errors = split(val, '|');
      after_expected = true;
      continue;
    }
    if (tag == "V") {
      c.expect_view = val == "1";
      continue;
    }
    if (tag == "tol") {
      const auto p = split(val, ',');
      c.rtol = to_double(p.at(0));
      c.atol = to_double(p.at(1));
      continue;
    }
    if (after_expected) throw std::runtime_error("argument after the expected result: " + tok);
    Arg a;
    a.token = tok;
    if (tag == "A") {
      a.kind = Arg::Array;
      const auto parts = split(val, '|');
      if (!parts[0].empty() && parts[0][0] == '@') {
        // a view of an earlier argument's base: the operands overlap in memory
        const auto k = static_cast<std::size_t>(to_int(parts[0].substr(1)));
        if (k >= c.args.size() || c.args[k].kind != Arg::Array)
          throw std::runtime_error("alias " + parts[0] + " does not name an earlier array argument");
        a.base = c.args[k].base;
      } else {
        a.base = read_npy(dir + "/" + parts[0]);
      }
      a.array = a.base;
      for (std::size_t t = 1; t < parts.size(); ++t) a.array = apply_view(a.array, parts[t]);
    } else if (tag == "i") {
      a.kind = Arg::Weak;
      a.scalar = lina::Scalar(to_int(val));
    } else if (tag == "f") {
      a.kind = Arg::Weak;
      a.scalar = lina::Scalar(to_double(val));
    } else if (tag == "b") {
      a.kind = Arg::Weak;
      a.scalar = lina::Scalar(val == "1");
    } else if (tag == "axes") {
      a.kind = Arg::Axes;
      if (val == "none") {
        a.axes = lina::Axes();
      } else {
        std::vector<int> ax;
        for (auto v : to_ints(val)) ax.push_back(static_cast<int>(v));
        a.axes = lina::Axes(ax);
      }
    } else if (tag == "shape") {
      a.kind = Arg::Shape;
      a.shape = to_ints(val);
    } else if (tag == "dtype") {
      a.kind = Arg::DType;
      a.dtype = lina::dtype_from_name(val);
    } else if (tag == "int") {
      a.kind = Arg::Int;
      a.i = to_int(val);
    } else if (tag == "opt") {
      a.kind = Arg::OptInt;
      if (val != "none") a.opt = to_int(val);
    } else if (tag == "ints") {
      a.kind = Arg::Ints;
      a.ints = to_ints(val);
    } else if (tag == "bool") {
      a.kind = Arg::Bool;
      a.i = to_int(val);
    } else if (tag == "idx") {
      a.kind = Arg::Idx;
      a.idx = parse_index(val);
    } else if (tag == "str") {
      a.kind = Arg::Str;
      a.text = val;
    } else {
      throw std::runtime_error("unknown argument tag '" + tag + "'");
    }
    c.args.push_back(std::move(a));
  }
  if (c.expected_files.empty() && c.expected_errors.empty())
    throw std::runtime_error("no expected result (E: or X:)");
  return c;
}

}  // namespace oracle
