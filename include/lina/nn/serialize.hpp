// Saving and loading a module's parameters as .npz (names as named_parameters gives
// them, e.g. "0.weight"), which numpy.load and PyTorch's state dicts read directly.
#pragma once

#include <string>

#include "lina/nn/module.hpp"

namespace lina::nn {

void save_parameters(const Module& module, const std::string& path);

// Copies the arrays of `path` into the module's parameters in place. Every parameter
// must be present with its shape (IOError naming the parameter and both shapes
// otherwise); extra arrays in the file are an error too, so a mismatched model is
// never half-loaded: all checks happen before anything is written.
void load_parameters(Module& module, const std::string& path);

}  // namespace lina::nn
