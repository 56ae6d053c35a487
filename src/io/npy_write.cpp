#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "io/npy_header.hpp"
#include "lina/io/npy.hpp"

namespace lina {

std::string npy_to_bytes(const Array& a) {
  // numpy.save: the dict, spaces of growth room for the first dimension (21 digits
  // minus those used; none for 0-d), then padding so that the data starts at a
  // multiple of 64, ending in '\n'. Version 1.0 while the length fits in 16 bits.
  std::string header = detail::npy_header_dict(a.dtype(), a.shape());
  if (!a.shape().empty()) header.append(21 - std::to_string(a.shape()[0]).size(), ' ');
  int version = 1;
  std::size_t prefix = 10;
  std::size_t total = prefix + header.size() + 1;
  if ((total + 63) / 64 * 64 - prefix > 65535) {
    version = 2;
    prefix = 12;
    total = prefix + header.size() + 1;
  }
  const std::size_t padded = (total + 63) / 64 * 64;
  header.append(padded - total, ' ');
  header += '\n';
  std::string out;
  out.reserve(padded + static_cast<std::size_t>(a.nbytes()));
  out += "\x93NUMPY";
  out += static_cast<char>(version);
  out += '\0';
  const std::size_t len = header.size();
  out += static_cast<char>(len & 0xff);
  out += static_cast<char>((len >> 8) & 0xff);
  if (version == 2) {
    out += static_cast<char>((len >> 16) & 0xff);
    out += static_cast<char>((len >> 24) & 0xff);
  }
  out += header;
  const Array c = a.contiguous();
  out.append(static_cast<const char*>(c.raw_data()), static_cast<std::size_t>(c.nbytes()));
  return out;
}

void save_npy(const std::string& path, const Array& a) {
  const std::string bytes = npy_to_bytes(a);
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) throw IOError(path + ": cannot open for writing: " + std::strerror(errno));
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.flush();
    if (!f) {
      std::remove(tmp.c_str());
      throw IOError(path + ": write failed: " + std::strerror(errno));
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    std::remove(tmp.c_str());
    throw IOError(path + ": cannot rename the temporary file into place: " + std::strerror(err));
  }
}

}  // namespace lina
