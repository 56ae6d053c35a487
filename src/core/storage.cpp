#include "lina/core/storage.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <new>
#include <string>
#include <vector>

#include "core/environment.hpp"
#include "lina/core/errors.hpp"

// NOTE: [Buffer cache]
// Fresh memory is expensive on these machines: the first write to each new page
// costs a page fault, so `c = a + b` into a new 40 MB array runs at 1.5-3 GB/s where
// writing into an existing one runs at 12-19 GB/s (shared/reference/this-machine.md).
// Two measures remove most of that cost:
//   1. Large buffers (>= kLargeBytes) are aligned to 2 MiB and marked MADV_HUGEPAGE,
//      so a fault maps 2 MiB at once instead of 4 KiB.
//   2. Freed buffers of 64 KiB and more are kept (up to kCacheMaxEntries, and a
//      quarter of the allocation limit or 1 GiB in all) and handed out again for a
//      request of the same size class, so a training loop that makes the same
//      temporaries every step touches only warm pages. Medium buffers (64 KiB to
//      1 MiB) matter as much as large ones there: glibc serves them with mmap or
//      trims them back to the kernel, and the Fashion-MNIST example spent 16% of its
//      time clearing fresh pages before they were cached too.
// LINA_BUFFER_CACHE=0 turns the cache off.

// NOTE: [Small storage in one block]
// A new small array used to cost two allocations here (the 64-byte-aligned buffer and
// the Storage with its shared_ptr control block), and aligned_alloc is glibc's slow
// path: it bypasses the thread cache and splits chunks, so malloc/free were half the
// time of an 8-element `a + b` (perf). Buffers below kMediumBytes now live in the
// same plain malloc block as the control block and the Storage object, aligned
// within it: one malloc and one free per array. The buffer cache is unchanged for
// larger ones.

namespace lina {

namespace {

constexpr std::size_t kMediumBytes = std::size_t{64} << 10;
constexpr std::size_t kLargeBytes = std::size_t{1} << 20;
constexpr std::size_t kHugePage = std::size_t{2} << 20;
constexpr std::size_t kCacheMaxEntries = 96;

std::size_t default_limit() {
  if (const auto v = detail::positive_integer_from_env("LINA_MAX_ALLOC_BYTES", std::numeric_limits<std::size_t>::max()))
    return static_cast<std::size_t>(*v);
  const long pages = sysconf(_SC_PHYS_PAGES);
  const long page = sysconf(_SC_PAGESIZE);
  if (pages > 0 && page > 0) return static_cast<std::size_t>(pages) * static_cast<std::size_t>(page) / 2;
  return std::size_t{1} << 34;
}

std::atomic<std::size_t>& limit() {
  static std::atomic<std::size_t> value{default_limit()};
  return value;
}

// Size classes: multiples of 64 KiB for medium buffers and of 2 MiB for large ones,
// so requests of nearly the same size share buffers.
std::size_t capacity_for(std::size_t nbytes) {
  if (nbytes >= kMediumBytes && nbytes < kLargeBytes) return (nbytes + kMediumBytes - 1) / kMediumBytes * kMediumBytes;
  if (nbytes < kLargeBytes) {
    const std::size_t padded = (nbytes + Storage::kAlignment - 1) / Storage::kAlignment * Storage::kAlignment;
    return padded == 0 ? Storage::kAlignment : padded;
  }
  return (nbytes + kHugePage - 1) / kHugePage * kHugePage;
}

class BufferCache {
 public:
  static BufferCache& instance() {
    static BufferCache* cache = new BufferCache();  // never destroyed: used by late frees
    return *cache;
  }

  void* take(std::size_t capacity) {
    if (!enabled_) return nullptr;
    std::lock_guard<std::mutex> lock(mu_);
    for (std::size_t i = 0; i < entries_.size(); ++i) {
      if (entries_[i].capacity == capacity) {
        void* p = entries_[i].ptr;
        bytes_ -= capacity;
        entries_[i] = entries_.back();
        entries_.pop_back();
        return p;
      }
    }
    return nullptr;
  }

  // Returns false when the buffer should be freed instead.
  bool put(void* p, std::size_t capacity) {
    if (!enabled_) return false;
    std::lock_guard<std::mutex> lock(mu_);
    const std::size_t max_bytes = std::min<std::size_t>(std::size_t{1} << 30, max_alloc_bytes() / 4);
    if (entries_.size() >= kCacheMaxEntries || bytes_ + capacity > max_bytes) return false;
    entries_.push_back({p, capacity});
    bytes_ += capacity;
    return true;
  }

  void clear() {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& e : entries_) std::free(e.ptr);
    entries_.clear();
    bytes_ = 0;
  }

  std::size_t bytes() {
    std::lock_guard<std::mutex> lock(mu_);
    return bytes_;
  }

 private:
  BufferCache() {
    const char* env = std::getenv("LINA_BUFFER_CACHE");
    enabled_ = !(env && std::string(env) == "0");
  }
  struct Entry {
    void* ptr;
    std::size_t capacity;
  };
  std::mutex mu_;
  std::vector<Entry> entries_;
  std::size_t bytes_ = 0;
  bool enabled_ = true;
};

// Allocates the shared_ptr's control block with `trailing` more bytes after it and
// reports, through `data_out`, the first 64-byte-aligned address in them. The
// control block's type is libstdc++'s, so only this allocator knows its size.
template <class T>
struct TrailingBufferAllocator {
  using value_type = T;
  std::size_t trailing;
  std::byte** data_out;

  TrailingBufferAllocator(std::size_t t, std::byte** out) : trailing(t), data_out(out) {}
  template <class U>
  TrailingBufferAllocator(const TrailingBufferAllocator<U>& o) : trailing(o.trailing), data_out(o.data_out) {}

  T* allocate(std::size_t n) {
    const std::size_t head = n * sizeof(T);
    void* block = std::malloc(head + Storage::kAlignment - 1 + trailing);
    if (!block) throw std::bad_alloc();
    const std::uintptr_t after = reinterpret_cast<std::uintptr_t>(block) + head;
    *data_out = reinterpret_cast<std::byte*>((after + Storage::kAlignment - 1) & ~std::uintptr_t{Storage::kAlignment - 1});
    return static_cast<T*>(block);
  }
  void deallocate(T* p, std::size_t) { std::free(p); }

  template <class U>
  bool operator==(const TrailingBufferAllocator<U>& o) const {
    return trailing == o.trailing;
  }
};

[[noreturn]] void throw_out_of_memory(std::size_t nbytes) {
  throw ValueError("allocation of " + std::to_string(nbytes) + " bytes failed: out of memory");
}

}  // namespace

std::size_t max_alloc_bytes() { return limit().load(std::memory_order_relaxed); }
void set_max_alloc_bytes(std::size_t bytes) { limit().store(bytes, std::memory_order_relaxed); }
void release_cached_buffers() { BufferCache::instance().clear(); }
std::size_t cached_buffer_bytes() { return BufferCache::instance().bytes(); }

std::shared_ptr<Storage> Storage::allocate(std::size_t nbytes) {
  if (nbytes > max_alloc_bytes())
    throw ValueError("allocation of " + std::to_string(nbytes) + " bytes exceeds lina's limit of " +
                     std::to_string(max_alloc_bytes()) +
                     " bytes (set LINA_MAX_ALLOC_BYTES or lina::set_max_alloc_bytes to change it)");
  const std::size_t capacity = capacity_for(nbytes);
  if (capacity < kMediumBytes) {
    std::byte* data = nullptr;
    try {
      auto s = std::allocate_shared<Storage>(TrailingBufferAllocator<Storage>(capacity, &data), Key{}, nullptr,
                                             nbytes, capacity, true);
      s->data_ = data;
      return s;
    } catch (const std::bad_alloc&) {
      throw_out_of_memory(nbytes);
    }
  }
  void* p = nullptr;
  if (capacity >= kLargeBytes) {
    p = BufferCache::instance().take(capacity);
    if (!p) {
      if (posix_memalign(&p, kHugePage, capacity) != 0) p = nullptr;
      if (p) madvise(p, capacity, MADV_HUGEPAGE);  // a hint; failure is harmless
    }
  } else {
    p = BufferCache::instance().take(capacity);
    if (!p) p = std::aligned_alloc(kAlignment, capacity);
  }
  if (!p) throw_out_of_memory(nbytes);
  return std::make_shared<Storage>(Key{}, static_cast<std::byte*>(p), nbytes, capacity, false);
}

Storage::~Storage() {
  if (in_block_) return;  // freed with the control block
  if (capacity_ >= kMediumBytes && BufferCache::instance().put(data_, capacity_)) return;
  std::free(data_);
}

}  // namespace lina
