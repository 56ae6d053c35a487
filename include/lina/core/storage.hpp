// Reference-counted, 64-byte-aligned element storage shared by an array and its views.
#pragma once

#include <cstddef>
#include <memory>

namespace lina {

class Storage {
 public:
  static constexpr std::size_t kAlignment = 64;

  // Allocates `nbytes` uninitialised bytes (at least one cache line is reserved so
  // that size-0 arrays still have a valid pointer). Throws ValueError if the request
  // is larger than the allocation limit.
  static std::shared_ptr<Storage> allocate(std::size_t nbytes);

  // Only Storage::allocate can make a Key: the constructor is public for
  // std::allocate_shared alone.
  class Key {
    friend class Storage;
    explicit Key() = default;
  };
  Storage(Key, std::byte* data, std::size_t nbytes, std::size_t capacity, bool in_block)
      : data_(data), nbytes_(nbytes), capacity_(capacity), in_block_(in_block) {}
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  ~Storage();

  std::byte* data() { return data_; }
  const std::byte* data() const { return data_; }
  std::size_t nbytes() const { return nbytes_; }

 private:
  std::byte* data_;
  std::size_t nbytes_;
  std::size_t capacity_;  // bytes actually reserved (a size class, see storage.cpp)
  bool in_block_;         // the buffer lives in this object's own allocation (storage.cpp)
};

// Largest single allocation lina makes, in bytes (default: half the physical memory;
// LINA_MAX_ALLOC_BYTES overrides). Larger requests raise ValueError instead of letting
// the system kill the process.
std::size_t max_alloc_bytes();
void set_max_alloc_bytes(std::size_t bytes);

// Frees the large buffers lina keeps for reuse (see NOTE: [Buffer cache]).
void release_cached_buffers();
// Bytes currently held in the buffer cache.
std::size_t cached_buffer_bytes();

}  // namespace lina
