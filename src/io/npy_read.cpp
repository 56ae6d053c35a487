#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <vector>

#include "io/npy_header.hpp"
#include "lina/io/npy.hpp"

#include "lina/core/storage.hpp"

namespace lina {

namespace {

std::uint32_t read_le(const std::byte* p, int n) {
  std::uint32_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<std::uint8_t>(p[i]);
  return v;
}

// numpy refuses headers above this size unless told otherwise (format._MAX_HEADER_SIZE).
constexpr std::size_t kMaxHeader = 10000;

}  // namespace

Array npy_from_bytes(std::span<const std::byte> bytes, const std::string& what) {
  static constexpr unsigned char kMagic[] = {0x93, 'N', 'U', 'M', 'P', 'Y'};
  if (bytes.size() < 10 || std::memcmp(bytes.data(), kMagic, 6) != 0)
    throw IOError(what + ": not a .npy file (missing the \\x93NUMPY magic string)");
  const int major = static_cast<int>(bytes[6]), minor = static_cast<int>(bytes[7]);
  if ((major != 1 && major != 2 && major != 3) || minor != 0)
    throw IOError(what + ": unsupported .npy format version " + std::to_string(major) + "." + std::to_string(minor) +
                  " (lina reads 1.0, 2.0 and 3.0)");
  const int len_bytes = major == 1 ? 2 : 4;
  if (bytes.size() < static_cast<std::size_t>(8 + len_bytes))
    throw IOError(what + ": truncated .npy header");
  const std::size_t header_len = read_le(bytes.data() + 8, len_bytes);
  const std::size_t start = 8 + len_bytes;
  if (header_len > kMaxHeader)
    throw IOError(what + ": .npy header of " + std::to_string(header_len) + " bytes is larger than the limit of " +
                  std::to_string(kMaxHeader));
  if (header_len > bytes.size() - start)
    throw IOError(what + ": truncated: the header claims " + std::to_string(header_len) + " bytes but the file has " +
                  std::to_string(bytes.size() - start) + " after the length field");
  const std::string_view text(reinterpret_cast<const char*>(bytes.data() + start), header_len);
  const detail::NpyHeader h = detail::parse_npy_header(text, what);

  std::int64_t count = 1;
  for (auto d : h.shape) {
    if (d != 0 && count > std::numeric_limits<std::int64_t>::max() / 8 / d)
      throw IOError(what + ": absurd shape " + shape_str(h.shape) + " (too many elements)");
    count *= d;
  }
  const std::size_t isz = itemsize(h.dtype);
  const std::size_t data_bytes = static_cast<std::size_t>(count) * isz;
  const std::size_t available = bytes.size() - start - header_len;
  if (available < data_bytes)
    throw IOError(what + ": truncated: shape " + shape_str(h.shape) + " of " + dtype_name(h.dtype) + " needs " +
                  std::to_string(data_bytes) + " bytes of data, the file has " + std::to_string(available));
  // Fortran-order data is read as the reversed shape in C order, then transposed.
  Shape file_shape = h.shape;
  if (h.fortran_order) std::reverse(file_shape.begin(), file_shape.end());
  Array out;
  try {
    out = Array(file_shape, h.dtype);
  } catch (const ValueError& e) {
    throw IOError(what + ": " + e.what());
  }
  std::byte* dst = static_cast<std::byte*>(out.raw_data());
  std::memcpy(dst, bytes.data() + start + header_len, data_bytes);
  if (h.big_endian) {
    for (std::size_t i = 0; i < data_bytes; i += isz) std::reverse(dst + i, dst + i + isz);
  }
  if (h.dtype == DType::Bool) {
    // Any nonzero byte is True; keep bool storage canonical (0 or 1).
    for (std::size_t i = 0; i < data_bytes; ++i) dst[i] = dst[i] != std::byte{0} ? std::byte{1} : std::byte{0};
  }
  if (h.fortran_order) {
    std::vector<int> rev(file_shape.size());
    for (std::size_t i = 0; i < rev.size(); ++i) rev[i] = static_cast<int>(rev.size() - 1 - i);
    Strides st(file_shape.size());
    for (std::size_t i = 0; i < rev.size(); ++i) st[i] = out.strides()[rev[i]];
    return Array(out.storage(), 0, h.shape, st, h.dtype);
  }
  return out;
}

Array load_npy(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw IOError(path + ": is a directory, not a .npy file");
  std::ifstream f(path, std::ios::binary);
  if (!f) throw IOError(path + ": cannot open for reading: " + std::strerror(errno));
  f.seekg(0, std::ios::end);
  const std::streamoff size = f.tellg();
  if (size < 0) throw IOError(path + ": cannot determine the file size");
  if (static_cast<std::uint64_t>(size) > max_alloc_bytes())
    throw IOError(path + ": the file (" + std::to_string(size) + " bytes) is larger than lina's allocation limit");
  f.seekg(0);
  std::vector<std::byte> buf(static_cast<std::size_t>(size));
  f.read(reinterpret_cast<char*>(buf.data()), size);
  if (f.gcount() != size) throw IOError(path + ": read error");
  return npy_from_bytes(buf, path);
}

}  // namespace lina
