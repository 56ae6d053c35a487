// Axis ticks: where to put them and how to write them.
//
// Linear axes get "nice" steps, 1, 2, 2.5 or 5 times a power of ten, the smallest such
// step that puts at most `max_ticks` ticks in the range (Heckbert, "Nice numbers for
// graph labels", Graphics Gems, 1990, with 2.5 added as matplotlib's MaxNLocator
// does). Log axes get one tick per power of ten (every k-th power when there are many).
#pragma once

#include <string>
#include <vector>

namespace lina::plot {

struct Ticks {
  std::vector<double> values;       // in data units, increasing, inside [lo, hi]
  std::vector<std::string> labels;  // one per value
};

// The nice step for [lo, hi] with at most max_ticks ticks (max_ticks >= 2). With
// integer_steps only steps >= 1 are used (axes that index rows and columns).
double nice_step(double lo, double hi, int max_ticks, bool integer_steps = false);

// Ticks at the multiples of nice_step inside [lo, hi] (lo < hi, both finite), labelled
// with the fewest decimals that tell the steps apart ("0", "0.5", "1"; "1e+06" style
// once the values are large or tiny). Throws ValueError when lo >= hi or either is not
// finite, or max_ticks < 2.
Ticks linear_ticks(double lo, double hi, int max_ticks = 7, bool integer_steps = false);

// Ticks for a log axis over [lo, hi] (0 < lo < hi): the powers of ten inside, labelled
// "10^k" (the exponent is written as "e" here, the SVG writer raises it). When the range
// holds fewer than two powers of ten, falls back to linear_ticks.
Ticks log_ticks(double lo, double hi, int max_ticks = 7);

// One value written with `decimals` digits after the point, without "-0".
std::string format_fixed(double v, int decimals);
// A value in at most `significant` significant digits, trailing zeros removed ("0.25",
// "1e+04"): contour labels, colour-bar labels and heat-map cells.
std::string format_general(double v, int significant = 4);

// The range the axis shows when the data has no extent: [v - d, v + d] with d = |v|/10,
// or [-1, 1] around 0; non-finite input gives [0, 1].
void widen_singular_range(double& lo, double& hi);

}  // namespace lina::plot
