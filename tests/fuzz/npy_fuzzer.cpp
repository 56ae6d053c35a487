// libFuzzer target: any bytes given to the .npy reader load or raise lina::IOError.
#include <cstddef>
#include <cstdint>

#include "lina/lina.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const lina::Array a = lina::npy_from_bytes(std::span<const std::byte>(reinterpret_cast<const std::byte*>(data), size));
    (void)lina::repr(a);  // reads every element
  } catch (const lina::IOError&) {
  }
  return 0;
}
