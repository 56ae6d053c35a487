// IDX reader: gunzip (bounded) when the bytes start with gzip's magic, then parse the
// header, check that exactly the declared elements follow, and convert from big-endian.
#include "lina/io/idx.hpp"

#include <zlib.h>

#include <bit>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "lina/core/errors.hpp"
#include "lina/core/shape.hpp"
#include "lina/core/storage.hpp"

namespace lina {
namespace {

struct ElementType {
  DType dtype;
  int file_bytes;  // size of one element in the file
  bool is_signed;
  bool is_float;
};

bool element_type(std::uint8_t code, ElementType& out) {
  switch (code) {
    case 0x08: out = {DType::UInt8, 1, false, false}; return true;
    case 0x09: out = {DType::Int32, 1, true, false}; return true;
    case 0x0B: out = {DType::Int32, 2, true, false}; return true;
    case 0x0C: out = {DType::Int32, 4, true, false}; return true;
    case 0x0D: out = {DType::Float32, 4, false, true}; return true;
    case 0x0E: out = {DType::Float64, 8, false, true}; return true;
    default: return false;
  }
}

std::uint64_t read_be(const std::byte* p, int n) {
  std::uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<std::uint8_t>(p[i]);
  return v;
}

bool is_gzip(std::span<const std::byte> bytes) {
  return bytes.size() >= 2 && bytes[0] == std::byte{0x1f} && bytes[1] == std::byte{0x8b};
}

// Inflates a gzip stream, refusing to produce more than `limit` bytes (a small file
// must not expand into all of memory).
std::vector<std::byte> gunzip(std::span<const std::byte> in, std::size_t limit, const std::string& what) {
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) throw IOError(what + ": cannot start gzip decompression");
  std::vector<std::byte> out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<std::byte*>(in.data()));
  zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), UINT32_MAX));
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    if (out.size() >= limit) {
      inflateEnd(&zs);
      throw IOError(what + ": decompresses to more than " + std::to_string(limit) +
                    " bytes, the allocation limit (set LINA_MAX_ALLOC_BYTES to raise it)");
    }
    const std::size_t chunk = std::min<std::size_t>(std::max<std::size_t>(out.size(), 1 << 16), limit - out.size());
    const std::size_t before = out.size();
    out.resize(before + chunk);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + before);
    zs.avail_out = static_cast<uInt>(std::min<std::size_t>(chunk, UINT32_MAX));
    rc = inflate(&zs, Z_NO_FLUSH);
    out.resize(out.size() - zs.avail_out);
    if (rc == Z_STREAM_END) break;
    if (rc != Z_OK) {
      const std::string msg = zs.msg ? zs.msg : "";
      inflateEnd(&zs);
      if (rc == Z_BUF_ERROR && zs.avail_in == 0)
        throw IOError(what + ": the gzip stream is truncated after " + std::to_string(out.size()) +
                      " decompressed bytes");
      throw IOError(what + ": corrupt gzip data" + (msg.empty() ? "" : " (" + msg + ")"));
    }
  }
  inflateEnd(&zs);
  return out;
}

template <class Out>
void convert(const std::byte* src, std::int64_t n, const ElementType& t, Out* dst) {
  for (std::int64_t i = 0; i < n; ++i, src += t.file_bytes) {
    const std::uint64_t raw = read_be(src, t.file_bytes);
    if constexpr (std::is_same_v<Out, float>) {
      dst[i] = std::bit_cast<float>(static_cast<std::uint32_t>(raw));
    } else if constexpr (std::is_same_v<Out, double>) {
      dst[i] = std::bit_cast<double>(raw);
    } else if (t.is_signed) {
      // Sign-extend from the element's width.
      const int shift = 64 - 8 * t.file_bytes;
      dst[i] = static_cast<Out>(static_cast<std::int64_t>(raw << shift) >> shift);
    } else {
      dst[i] = static_cast<Out>(raw);
    }
  }
}

Array parse(std::span<const std::byte> bytes, const std::string& what) {
  if (bytes.size() < 4)
    throw IOError(what + ": too short for an IDX file (" + std::to_string(bytes.size()) +
                  " bytes; the header alone is at least 4)");
  if (bytes[0] != std::byte{0} || bytes[1] != std::byte{0})
    throw IOError(what + ": not an IDX file (the magic number must start with two zero bytes)");
  ElementType t{};
  const auto code = static_cast<std::uint8_t>(bytes[2]);
  if (!element_type(code, t))
    throw IOError(what + ": unknown IDX element type code 0x" + [&] {
      char buf[8];
      std::snprintf(buf, sizeof buf, "%02x", code);
      return std::string(buf);
    }() + " (valid: 08 ubyte, 09 byte, 0b short, 0c int, 0d float, 0e double)");
  const int ndim = static_cast<std::uint8_t>(bytes[3]);
  const std::size_t header = 4 + 4 * static_cast<std::size_t>(ndim);
  if (bytes.size() < header)
    throw IOError(what + ": truncated header: " + std::to_string(ndim) + " dimensions need " +
                  std::to_string(header) + " bytes, the file has " + std::to_string(bytes.size()));
  Shape shape;
  std::uint64_t count = 1;
  std::uint64_t span = 1;  // product of the non-zero sizes: the strides must fit 64 bits
  bool overflow = false;
  for (int d = 0; d < ndim; ++d) {
    const std::uint64_t n = read_be(bytes.data() + 4 + 4 * d, 4);
    shape.push_back(static_cast<std::int64_t>(n));
    if (n != 0 && span > (std::uint64_t{1} << 58) / n) overflow = true;
    if (n != 0) span *= n;
    count *= n;
  }
  if (overflow && count == 0)
    throw IOError(what + ": the declared sizes " + shape_str_compact(shape) +
                  " are too large for any array (their strides overflow 64 bits)");
  const std::uint64_t limit_elems = max_alloc_bytes() / static_cast<std::uint64_t>(itemsize(t.dtype));
  if (overflow || count > limit_elems)
    throw IOError(what + ": declares " + (overflow ? std::string("more than 2^62") : std::to_string(count)) +
                  " elements, more than lina may allocate (" + std::to_string(max_alloc_bytes()) + " bytes)");
  const std::uint64_t data_bytes = count * static_cast<std::uint64_t>(t.file_bytes);
  const std::uint64_t have = bytes.size() - header;
  if (have < data_bytes)
    throw IOError(what + ": truncated: the header declares " + std::to_string(count) + " elements (" +
                  std::to_string(data_bytes) + " bytes), the file holds " + std::to_string(have));
  if (have > data_bytes)
    throw IOError(what + ": " + std::to_string(have - data_bytes) + " bytes follow the " +
                  std::to_string(count) + " declared elements (corrupt or not an IDX file)");

  Array out(shape, t.dtype);
  const std::byte* src = bytes.data() + header;
  const auto n = static_cast<std::int64_t>(count);
  switch (t.dtype) {
    case DType::UInt8:
      if (n > 0) std::memcpy(out.raw_data(), src, static_cast<std::size_t>(n));
      break;
    case DType::Int32: convert(src, n, t, out.data<std::int32_t>()); break;
    case DType::Float32: convert(src, n, t, out.data<float>()); break;
    case DType::Float64: convert(src, n, t, out.data<double>()); break;
    default: break;
  }
  return out;
}

}  // namespace

Array idx_from_bytes(std::span<const std::byte> bytes, const std::string& what) {
  if (is_gzip(bytes)) {
    const std::vector<std::byte> raw = gunzip(bytes, max_alloc_bytes(), what);
    return parse(raw, what);
  }
  return parse(bytes, what);
}

Array load_idx(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw IOError(path + ": is a directory, not an IDX file");
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  if (!f) throw IOError(path + ": cannot open the IDX file (missing or unreadable)");
  const std::streamoff size = f.tellg();
  if (size < 0) throw IOError(path + ": cannot read the IDX file (is it a directory?)");
  if (static_cast<std::uint64_t>(size) > max_alloc_bytes())
    throw IOError(path + ": the file is larger than the allocation limit");
  std::vector<std::byte> bytes(static_cast<std::size_t>(size));
  f.seekg(0);
  if (size > 0 && !f.read(reinterpret_cast<char*>(bytes.data()), size))
    throw IOError(path + ": cannot read the IDX file");
  return idx_from_bytes(bytes, path);
}

}  // namespace lina
