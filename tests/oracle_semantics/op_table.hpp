// The one table that maps a manifest op name to the lina call it checks.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "oracle_case.hpp"

namespace oracle {

using OpResult = std::vector<lina::Array>;
using OpFn = std::function<OpResult(std::vector<Arg>&)>;

const std::map<std::string, OpFn>& op_table();

}  // namespace oracle
