// How the command prints a result: NumPy's repr, or the value of a 0-d result.
#pragma once

#include <string>

#include "value.hpp"

namespace lina::cli {

std::string render(const Value& v);

}  // namespace lina::cli
