// OpenBLAS's version as the peers' records name it: "0.3.21" from
// OPENBLAS_VERSION's " OpenBLAS 0.3.21 " (include cblas.h first).
#pragma once

#include <string>

namespace bench {

inline std::string openblas_version() {
  std::string v = OPENBLAS_VERSION;
  v = v.substr(v.find_first_of("0123456789"));
  return v.substr(0, v.find(' '));
}

}  // namespace bench
