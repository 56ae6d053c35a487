#pragma once

namespace lina {
inline constexpr const char* kVersion = "0.1.0";
}  // namespace lina
