// lina: NumPy's array model in C++. The one header a user includes.
#pragma once

#include "lina/core/array.hpp"
#include "lina/core/axes.hpp"
#include "lina/core/dtype.hpp"
#include "lina/core/errors.hpp"
#include "lina/core/index.hpp"
#include "lina/core/scalar.hpp"
#include "lina/core/shape.hpp"
#include "lina/io/npy.hpp"
#include "lina/io/print.hpp"
#include "lina/ops/creation.hpp"
#include "lina/ops/elementwise.hpp"
#include "lina/ops/indexing.hpp"
#include "lina/ops/random.hpp"
#include "lina/ops/reduction.hpp"
#include "lina/ops/shape_ops.hpp"
#include "lina/version.hpp"
