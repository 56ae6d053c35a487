// libFuzzer target: any expression text evaluates or raises a lina::Error or a parse
// error; nothing else (no crash, no sanitizer report, no other exception).
#include <cstddef>
#include <cstdint>
#include <string>

#include "interpreter.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::map<std::string, lina::cli::Value> names = {
      {"x", lina::cli::Value{lina::arange(6.0).reshape({2, 3}).astype(lina::float32)}},
      {"v", lina::cli::Value{lina::arange(3)}},
      {"b", lina::cli::Value{lina::array({true, false, true})}},
  };
  // Keep allocations small so that `zeros((10**9,))`-style inputs fail fast with the
  // allocation limit rather than exhaust the fuzzer's memory.
  lina::set_max_alloc_bytes(std::size_t{64} << 20);
  const std::string expr(reinterpret_cast<const char*>(data), size);
  try {
    (void)lina::cli::Interpreter(names).evaluate(expr);
  } catch (const lina::cli::ParseError&) {
  } catch (const lina::Error&) {
  }
  return 0;
}
