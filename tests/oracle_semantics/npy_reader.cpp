#include "npy_reader.hpp"

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

namespace oracle {

namespace {

std::string dict_value(const std::string& header, const std::string& key, const std::string& path) {
  const auto k = header.find("'" + key + "'");
  if (k == std::string::npos) throw std::runtime_error(path + ": npy header has no " + key);
  auto v = header.find(':', k);
  ++v;
  while (v < header.size() && header[v] == ' ') ++v;
  std::size_t end = v;
  if (header[v] == '(') {
    end = header.find(')', v) + 1;
  } else if (header[v] == '\'') {
    end = header.find('\'', v + 1) + 1;
  } else {
    while (end < header.size() && header[end] != ',' && header[end] != '}') ++end;
  }
  return header.substr(v, end - v);
}

lina::DType dtype_of_descr(const std::string& descr, const std::string& path) {
  if (descr == "'|b1'") return lina::DType::Bool;
  if (descr == "'|u1'") return lina::DType::UInt8;
  if (descr == "'<i4'") return lina::DType::Int32;
  if (descr == "'<i8'") return lina::DType::Int64;
  if (descr == "'<f4'") return lina::DType::Float32;
  if (descr == "'<f8'") return lina::DType::Float64;
  throw std::runtime_error(path + ": unsupported npy descr " + descr);
}

lina::Shape shape_of_tuple(const std::string& tuple) {
  lina::Shape shape;
  std::size_t i = 1;  // after '('
  while (i < tuple.size()) {
    while (i < tuple.size() && (tuple[i] == ' ' || tuple[i] == ',')) ++i;
    if (i >= tuple.size() || tuple[i] == ')') break;
    std::size_t used = 0;
    shape.push_back(std::stoll(tuple.substr(i), &used));
    i += used;
  }
  return shape;
}

}  // namespace

lina::Array read_npy(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() < 10 || std::memcmp(bytes.data(), "\x93NUMPY", 6) != 0)
    throw std::runtime_error(path + ": not an npy file");
  const int major = static_cast<unsigned char>(bytes[6]);
  std::size_t header_len = 0, pos = 0;
  if (major == 1) {
    header_len = static_cast<unsigned char>(bytes[8]) | (static_cast<unsigned char>(bytes[9]) << 8);
    pos = 10;
  } else {
    if (bytes.size() < 12) throw std::runtime_error(path + ": truncated npy header");
    for (int k = 3; k >= 0; --k) header_len = (header_len << 8) | static_cast<unsigned char>(bytes[8 + k]);
    pos = 12;
  }
  if (pos + header_len > bytes.size()) throw std::runtime_error(path + ": truncated npy header");
  const std::string header(bytes.data() + pos, header_len);
  pos += header_len;
  if (dict_value(header, "fortran_order", path) != "False")
    throw std::runtime_error(path + ": Fortran-order npy files are not used by the oracle");
  const lina::DType dtype = dtype_of_descr(dict_value(header, "descr", path), path);
  lina::Array a(shape_of_tuple(dict_value(header, "shape", path)), dtype);
  const auto nbytes = static_cast<std::size_t>(a.nbytes());
  if (pos + nbytes != bytes.size()) throw std::runtime_error(path + ": data size does not match the header");
  if (nbytes) std::memcpy(a.raw_data(), bytes.data() + pos, nbytes);
  return a;
}

}  // namespace oracle
