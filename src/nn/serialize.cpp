#include "lina/nn/serialize.hpp"

#include <map>
#include <set>

#include "lina/core/errors.hpp"
#include "lina/io/npz.hpp"

namespace lina::nn {

void save_parameters(const Module& module, const std::string& path) {
  std::map<std::string, Array> arrays;
  for (const auto& [name, t] : module.named_parameters()) arrays.emplace(name, t.value());
  save_npz(path, arrays);
}

void load_parameters(Module& module, const std::string& path) {
  std::map<std::string, Array> arrays = load_npz(path);
  std::vector<NamedTensor> params = module.named_parameters();
  std::set<std::string> expected;
  for (const auto& [name, t] : params) {
    expected.insert(name);
    auto it = arrays.find(name);
    if (it == arrays.end()) throw IOError(path + ": has no array '" + name + "' for the parameter of that name");
    if (it->second.shape() != t.shape())
      throw IOError(path + ": array '" + name + "' has shape " + shape_str_compact(it->second.shape()) +
                    " but the parameter has shape " + shape_str_compact(t.shape()));
  }
  for (const auto& [name, a] : arrays)
    if (!expected.count(name)) throw IOError(path + ": array '" + name + "' matches no parameter of the module");
  for (auto& [name, t] : params) t.mutable_value().assign(arrays.at(name));
}

}  // namespace lina::nn
