// libFuzzer target: any bytes given to the IDX reader (plain or gzip) load or raise
// lina::IOError.
#include <cstddef>
#include <cstdint>

#include "lina/lina.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool limited = [] {
    lina::set_max_alloc_bytes(std::size_t{64} << 20);  // stay inside the fuzzer's memory
    return true;
  }();
  (void)limited;
  try {
    const lina::Array a = lina::idx_from_bytes(std::span<const std::byte>(reinterpret_cast<const std::byte*>(data), size));
    (void)lina::sum(a.astype(lina::float64));  // reads every element
  } catch (const lina::IOError&) {
  }
  return 0;
}
