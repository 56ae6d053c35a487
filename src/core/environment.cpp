#include "core/environment.hpp"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace lina::detail {

std::optional<std::uint64_t> positive_integer_from_env(const char* name, std::uint64_t max) {
  const char* env = std::getenv(name);
  if (!env) return std::nullopt;
  const char* p = env;
  while (std::isspace(static_cast<unsigned char>(*p))) ++p;
  if (*p == '\0') return std::nullopt;  // set but empty: as if unset
  // strtoull accepts a sign (and wraps "-1" around), so the first character must be a digit.
  if (std::isdigit(static_cast<unsigned char>(*p))) {
    char* end = nullptr;
    errno = 0;
    const unsigned long long v = std::strtoull(p, &end, 10);
    while (std::isspace(static_cast<unsigned char>(*end))) ++end;
    if (errno == 0 && *end == '\0' && v >= 1 && v <= max) return static_cast<std::uint64_t>(v);
  }
  std::fprintf(stderr, "lina: warning: %s='%s' is not a whole number from 1 to %llu; ignored\n", name, env,
               static_cast<unsigned long long>(max));
  return std::nullopt;
}

}  // namespace lina::detail
