// Reverse-mode automatic differentiation on lina arrays.
#pragma once

#include "lina/autograd/functions.hpp"
#include "lina/autograd/tensor.hpp"
