#include "lina/io/npz.hpp"

#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "lina/io/npy.hpp"

namespace lina {

namespace {

std::string zip_message(zip_error_t* e) { return zip_error_strerror(e); }

struct ArchiveCloser {
  void operator()(zip_t* z) const { zip_discard(z); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

std::map<std::string, Array> read_archive(zip_t* za, const std::string& what) {
  std::map<std::string, Array> out;
  const zip_int64_t n = zip_get_num_entries(za, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(za, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
        !(st.valid & ZIP_STAT_SIZE))
      throw IOError(what + ": cannot read the entry " + std::to_string(i) + " of the archive: " + zip_strerror(za));
    std::string name = st.name;
    if (!name.empty() && name.back() == '/') continue;  // a directory entry
    // A declared size over the allocation limit is refused before anything is inflated
    // (a zip bomb stops here).
    if (st.size > max_alloc_bytes())
      throw IOError(what + ": member '" + name + "' declares " + std::to_string(st.size) +
                    " bytes, more than lina's allocation limit of " + std::to_string(max_alloc_bytes()));
    // Deflate cannot expand data more than 1032:1, and a stored member is its own size:
    // a declared size beyond that is a damaged or hostile header (checked before the
    // buffer is allocated).
    if ((st.valid & ZIP_STAT_COMP_SIZE) && (st.valid & ZIP_STAT_COMP_METHOD) &&
        ((st.comp_method == ZIP_CM_STORE && st.size != st.comp_size) ||
         (st.comp_method == ZIP_CM_DEFLATE && st.size > st.comp_size * 1032 + 1024)))
      throw IOError(what + ": member '" + name + "' declares " + std::to_string(st.size) +
                    " bytes, impossible for its " + std::to_string(st.comp_size) + " compressed bytes");
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0),
                                                       zip_fclose);
    if (!f) throw IOError(what + ": cannot open member '" + name + "': " + zip_strerror(za));
    std::vector<std::byte> data(static_cast<std::size_t>(st.size));
    std::size_t got = 0;
    while (got < data.size()) {
      const zip_int64_t r = zip_fread(f.get(), data.data() + got, data.size() - got);
      if (r < 0) throw IOError(what + ": cannot read member '" + name + "': " + zip_file_strerror(f.get()));
      if (r == 0) break;
      got += static_cast<std::size_t>(r);
    }
    if (got != data.size())
      throw IOError(what + ": member '" + name + "' is truncated: " + std::to_string(got) + " of " +
                    std::to_string(data.size()) + " bytes");
    const std::string key = name.size() > 4 && name.compare(name.size() - 4, 4, ".npy") == 0
                                ? name.substr(0, name.size() - 4)
                                : name;
    out[key] = npy_from_bytes(data, what + ":" + name);
  }
  return out;
}

}  // namespace

std::map<std::string, Array> npz_from_bytes(std::span<const std::byte> bytes, const std::string& what) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  if (!src) {
    const std::string msg = zip_message(&err);
    zip_error_fini(&err);
    throw IOError(what + ": " + msg);
  }
  Archive za(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err));
  if (!za) {
    zip_source_free(src);
    const std::string msg = zip_message(&err);
    zip_error_fini(&err);
    throw IOError(what + ": not a valid .npz (zip) archive: " + msg);
  }
  zip_error_fini(&err);
  return read_archive(za.get(), what);
}

std::map<std::string, Array> load_npz(const std::string& path) {
  int code = 0;
  Archive za(zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code));
  if (!za) {
    zip_error_t err;
    zip_error_init_with_code(&err, code);
    const std::string msg = zip_message(&err);
    zip_error_fini(&err);
    throw IOError(path + ": cannot open as a .npz (zip) archive: " + msg);
  }
  return read_archive(za.get(), path);
}

void save_npz(const std::string& path, const std::map<std::string, Array>& arrays, bool compressed) {
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  int code = 0;
  zip_t* za = zip_open(tmp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
  if (!za) throw IOError(path + ": cannot create the archive (error code " + std::to_string(code) + ")");
  // The member bytes must outlive zip_close, which is when libzip writes them.
  std::vector<std::string> members;
  members.reserve(arrays.size());
  auto fail = [&](const std::string& why) {
    zip_discard(za);
    std::remove(tmp.c_str());
    throw IOError(path + ": " + why);
  };
  for (const auto& [key, a] : arrays) {
    members.push_back(npy_to_bytes(a));
    zip_source_t* src = zip_source_buffer(za, members.back().data(), members.back().size(), 0);
    if (!src) fail(std::string("cannot add '") + key + "': " + zip_strerror(za));
    const zip_int64_t idx = zip_file_add(za, (key + ".npy").c_str(), src, ZIP_FL_ENC_UTF_8);
    if (idx < 0) {
      zip_source_free(src);
      fail("cannot add '" + key + "': " + zip_strerror(za));
    }
    zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), compressed ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 0);
  }
  if (zip_close(za) != 0) fail(std::string("cannot write the archive: ") + zip_strerror(za));
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw IOError(path + ": cannot rename the temporary file into place");
  }
}

}  // namespace lina
