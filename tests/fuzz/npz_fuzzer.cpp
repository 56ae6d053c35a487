// libFuzzer target: any bytes given to the .npz reader load or raise lina::IOError.
#include <cstddef>
#include <cstdint>

#include "lina/lina.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  lina::set_max_alloc_bytes(std::size_t{64} << 20);
  try {
    for (const auto& [key, a] :
         lina::npz_from_bytes(std::span<const std::byte>(reinterpret_cast<const std::byte*>(data), size)))
      (void)lina::repr(a);
  } catch (const lina::IOError&) {
  }
  return 0;
}
