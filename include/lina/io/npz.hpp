// NumPy's .npz archives: a zip of .npy members, stored (numpy.savez) or deflated
// (numpy.savez_compressed), read and written through libzip.
#pragma once

#include <cstddef>
#include <map>
#include <span>
#include <string>

#include "lina/core/array.hpp"

namespace lina {

// Every member, keyed by its name without ".npy" (as numpy.load(...)[key]).
std::map<std::string, Array> load_npz(const std::string& path);
std::map<std::string, Array> npz_from_bytes(std::span<const std::byte> bytes, const std::string& what = "<memory>");
// Writes each array as KEY.npy; `compressed` deflates them. Through a temporary file
// renamed into place, as save_npy.
void save_npz(const std::string& path, const std::map<std::string, Array>& arrays, bool compressed = false);

}  // namespace lina
