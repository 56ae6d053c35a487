// A small reader for the .npy files gen_cases.py writes (format v1-v3, C order,
// little-endian, lina's six dtypes). The oracle keeps its own reader so that a bug in
// lina's io component cannot hide (or fake) a mismatch elsewhere.
#pragma once

#include <string>

#include "lina/core/array.hpp"

namespace oracle {

// Throws std::runtime_error naming the file on anything it does not understand.
lina::Array read_npy(const std::string& path);

}  // namespace oracle
