#include "lina/plot/ticks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "lina/core/errors.hpp"

namespace lina::plot {

namespace {
void check_range(const char* op, double lo, double hi, int max_ticks) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi))
    throw ValueError(std::string(op) + ": the range [" + format_general(lo, 6) + ", " +
                     format_general(hi, 6) + "] is not valid; it needs finite lo < hi");
  if (max_ticks < 2)
    throw ValueError(std::string(op) + ": max_ticks is " + std::to_string(max_ticks) +
                     "; it must be at least 2");
}

// Ticks k*step for the integers k with k*step in [lo, hi] (with a little slack so that
// rounding does not drop an end tick that sits on the boundary).
std::vector<double> multiples(double lo, double hi, double step) {
  const double slack = step * 1e-9;
  const double first = std::ceil((lo - slack) / step);
  const double last = std::floor((hi + slack) / step);
  // Counting from `first` by an integer i (not k += 1) keeps the loop finite where k is
  // beyond 2^53 and adding one no longer changes it; callers only need the count there.
  const double count = std::min(last - first + 1, 10000.0);
  std::vector<double> v;
  for (int i = 0; i < static_cast<int>(count); ++i) {
    const double k = first + i;
    v.push_back(k * step == 0 ? 0.0 : k * step);
  }
  return v;
}
}  // namespace

double nice_step(double lo, double hi, int max_ticks, bool integer_steps) {
  check_range("nice_step", lo, hi, max_ticks);
  const double span = hi - lo;
  // Start one decade below the rough step and walk up the 1-2-2.5-5 ladder.
  double decade = std::pow(10.0, std::floor(std::log10(span / max_ticks)) - 1);
  static const double kMantissas[] = {1, 2, 2.5, 5};
  for (int guard = 0; guard < 40; ++guard, decade *= 10) {
    for (double m : kMantissas) {
      const double step = m * decade;
      if (integer_steps && (step < 1 || step != std::floor(step))) continue;
      if (static_cast<int>(multiples(lo, hi, step).size()) <= max_ticks) return step;
    }
  }
  return span;  // unreachable for finite ranges: some decade always fits
}

std::string format_fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", std::clamp(decimals, 0, 17), v);
  std::string s = buf;
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);  // "-0.00"
  return s;
}

std::string format_general(double v, int significant) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (v == 0) return "0";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", std::clamp(significant, 1, 17), v);
  return buf;
}

Ticks linear_ticks(double lo, double hi, int max_ticks, bool integer_steps) {
  const double step = nice_step(lo, hi, max_ticks, integer_steps);
  Ticks t;
  t.values = multiples(lo, hi, step);
  const double biggest = std::max(std::fabs(lo), std::fabs(hi));
  if (biggest >= 1e6 || step < 1e-4) {
    // Scientific: enough significant digits for the step to show in the mantissa.
    const int digits = std::max(1, static_cast<int>(std::floor(std::log10(biggest))) -
                                       static_cast<int>(std::floor(std::log10(step))) + 2);
    for (double v : t.values) t.labels.push_back(format_general(v, std::min(digits, 10)));
    return t;
  }
  // Decimals of the step: 0.25 needs two, 0.5 one, 20 none.
  int decimals = 0;
  while (decimals < 12 && std::fabs(step * std::pow(10.0, decimals) -
                                    std::round(step * std::pow(10.0, decimals))) > 1e-6)
    ++decimals;
  for (double v : t.values) t.labels.push_back(format_fixed(v, decimals));
  return t;
}

Ticks log_ticks(double lo, double hi, int max_ticks) {
  check_range("log_ticks", lo, hi, max_ticks);
  if (!(lo > 0))
    throw ValueError("log_ticks: the range [" + format_general(lo, 6) + ", " + format_general(hi, 6) +
                     "] is not valid on a log axis; it needs 0 < lo < hi");
  const int first = static_cast<int>(std::ceil(std::log10(lo) - 1e-9));
  const int last = static_cast<int>(std::floor(std::log10(hi) + 1e-9));
  if (last - first < 1) return linear_ticks(lo, hi, max_ticks);
  const int every = (last - first) / max_ticks + 1;
  Ticks t;
  for (int k = first; k <= last; ++k) {
    if (((k % every) + every) % every != 0) continue;
    t.values.push_back(std::pow(10.0, k));
    t.labels.push_back("10^" + std::to_string(k));
  }
  return t;
}

void widen_singular_range(double& lo, double& hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) {
    lo = 0;
    hi = 1;
    return;
  }
  if (lo < hi) return;
  const double v = lo;
  const double d = v == 0 ? 1.0 : std::fabs(v) * 0.1;
  lo = v - d;
  hi = v + d;
}

}  // namespace lina::plot
