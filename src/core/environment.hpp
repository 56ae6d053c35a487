// lina's settings from the environment (LINA_NUM_THREADS, LINA_MAX_ALLOC_BYTES). A
// value that is not a positive integer is not silently taken for something else: it is
// ignored with one warning on stderr that names the variable and its value, and the
// default applies, as OpenMP's runtime does for OMP_NUM_THREADS.
#pragma once

#include <cstdint>
#include <optional>

namespace lina::detail {

// The variable's value when it is a whole positive decimal integer no larger than
// `max` (surrounding blanks allowed); nothing when it is unset or empty; otherwise
// nothing after a warning "lina: warning: NAME='VALUE' is not ...; ignored".
std::optional<std::uint64_t> positive_integer_from_env(const char* name, std::uint64_t max);

}  // namespace lina::detail
