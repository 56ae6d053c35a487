#include "lina/core/storage.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "lina/core/errors.hpp"

namespace lina {

namespace {

std::size_t default_limit() {
  if (const char* env = std::getenv("LINA_MAX_ALLOC_BYTES")) {
    char* end = nullptr;
    unsigned long long v = std::strtoull(env, &end, 10);
    if (end != env && v > 0) return static_cast<std::size_t>(v);
  }
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page = sysconf(_SC_PAGESIZE);
  if (pages > 0 && page > 0) return static_cast<std::size_t>(pages) * static_cast<std::size_t>(page) / 2;
  return std::size_t{1} << 34;
}

std::atomic<std::size_t>& limit() {
  static std::atomic<std::size_t> value{default_limit()};
  return value;
}

}  // namespace

std::size_t max_alloc_bytes() { return limit().load(std::memory_order_relaxed); }
void set_max_alloc_bytes(std::size_t bytes) { limit().store(bytes, std::memory_order_relaxed); }

std::shared_ptr<Storage> Storage::allocate(std::size_t nbytes) {
  if (nbytes > max_alloc_bytes())
    throw ValueError("allocation of " + std::to_string(nbytes) + " bytes exceeds lina's limit of " +
                     std::to_string(max_alloc_bytes()) +
                     " bytes (set LINA_MAX_ALLOC_BYTES or lina::set_max_alloc_bytes to change it)");
  // aligned_alloc needs a size that is a multiple of the alignment.
  std::size_t padded = (nbytes + kAlignment - 1) / kAlignment * kAlignment;
  if (padded == 0) padded = kAlignment;
  void* p = std::aligned_alloc(kAlignment, padded);
  if (!p)
    throw ValueError("allocation of " + std::to_string(nbytes) + " bytes failed: out of memory");
  return std::shared_ptr<Storage>(new Storage(static_cast<std::byte*>(p), nbytes));
}

Storage::~Storage() { std::free(data_); }

}  // namespace lina
