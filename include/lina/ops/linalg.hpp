// (placeholder: filled in by the component that owns this header)
#pragma once

#include "lina/core/array.hpp"
