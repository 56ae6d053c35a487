// lina::plot: figures with line plots, scatter plots, vector fields, contours and heat
// maps, written as SVG. See docs/plotting.md.
#pragma once

#include "lina/plot/axes.hpp"
#include "lina/plot/color.hpp"
#include "lina/plot/colormap.hpp"
#include "lina/plot/contour.hpp"
#include "lina/plot/figure.hpp"
#include "lina/plot/geometry.hpp"
#include "lina/plot/options.hpp"
#include "lina/plot/svg.hpp"
#include "lina/plot/ticks.hpp"
