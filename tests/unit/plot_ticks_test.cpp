// Tick choice: generated ranges over many magnitudes, checked against the rules the
// ticks promise (inside the range, nice steps, at most max_ticks, the smallest such
// step), plus label formatting.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

#include "lina/core/errors.hpp"
#include "lina/plot/ticks.hpp"
#include "test_support.hpp"

namespace {

using namespace lina::plot;

// True when step = m * 10^k with m in {1, 2, 2.5, 5}.
bool is_nice(double step) {
  const double k = std::floor(std::log10(step));
  const double m = step / std::pow(10.0, k);
  for (double nice : {1.0, 2.0, 2.5, 5.0, 10.0})
    if (std::fabs(m - nice) < 1e-9 * nice) return true;
  return false;
}

// The next nice step below `step`.
double smaller_nice(double step) {
  const double k = std::floor(std::log10(step) + 1e-12);
  const double m = std::round(step / std::pow(10.0, k) * 10) / 10;
  const double d = std::pow(10.0, k);
  if (m >= 5) return 2.5 * d;
  if (m >= 2.5) return 2 * d;
  if (m >= 2) return 1 * d;
  return 5 * d / 10;
}

int count_multiples(double lo, double hi, double step) {
  const double slack = step * 1e-9;
  return static_cast<int>(std::floor((hi + slack) / step) - std::ceil((lo - slack) / step) + 1);
}

TEST(PlotTicks, GeneratedRangesGetNiceMinimalSteps) {
  std::mt19937_64 rng(20261128);
  std::uniform_real_distribution<double> exponent(-8, 8), unit(-1, 1), width(0.01, 10);
  std::uniform_int_distribution<int> max_ticks(2, 12);
  for (int trial = 0; trial < 3000; ++trial) {
    const double scale = std::pow(10.0, exponent(rng));
    const double lo = unit(rng) * scale * 5, hi = lo + width(rng) * scale;
    const int n = max_ticks(rng);
    const Ticks t = linear_ticks(lo, hi, n);
    ASSERT_FALSE(t.values.empty()) << lo << " " << hi << " " << n;
    ASSERT_LE(static_cast<int>(t.values.size()), n) << lo << " " << hi;
    ASSERT_EQ(t.values.size(), t.labels.size());
    const double step = nice_step(lo, hi, n);
    EXPECT_TRUE(is_nice(step)) << step;
    // Minimal: the next smaller nice step would need more than n ticks.
    EXPECT_GT(count_multiples(lo, hi, smaller_nice(step)), n) << lo << " " << hi << " step " << step;
    for (std::size_t k = 0; k < t.values.size(); ++k) {
      const double v = t.values[k];
      EXPECT_GE(v, lo - step * 1e-6);
      EXPECT_LE(v, hi + step * 1e-6);
      EXPECT_NEAR(v / step, std::round(v / step), 1e-6);  // a multiple of the step
      if (k) {
        EXPECT_NEAR(v - t.values[k - 1], step, step * 1e-6);
      }
    }
    // Labels tell the ticks apart.
    EXPECT_EQ(std::set<std::string>(t.labels.begin(), t.labels.end()).size(), t.labels.size())
        << lo << " " << hi << " " << t.labels.front();
  }
}

TEST(PlotTicks, LabelsUseTheDecimalsOfTheStep) {
  EXPECT_EQ(linear_ticks(0, 1, 6).labels, (std::vector<std::string>{"0.0", "0.2", "0.4", "0.6", "0.8", "1.0"}));
  const Ticks q = linear_ticks(-1, 1, 9);  // step 0.25
  ASSERT_EQ(q.labels.size(), 9u);
  EXPECT_EQ(q.labels[0], "-1.00");
  EXPECT_EQ(q.labels[4], "0.00");  // never "-0.00"
  EXPECT_EQ(linear_ticks(0, 2e7, 5).labels.back(), "2e+07");
  EXPECT_EQ(linear_ticks(-5, 5, 3).labels, (std::vector<std::string>{"-5", "0", "5"}));
}

TEST(PlotTicks, IntegerStepsForIndexAxes) {
  const Ticks t = linear_ticks(-0.5, 2.5, 10, /*integer_steps=*/true);
  EXPECT_EQ(t.values, (std::vector<double>{0, 1, 2}));
  for (int n = 2; n < 12; ++n) EXPECT_GE(nice_step(-0.5, 3.5, n, true), 1.0);
}

TEST(PlotTicks, LogTicksArePowersOfTen) {
  const Ticks t = log_ticks(3e-4, 2e3, 12);
  EXPECT_EQ(t.values, (std::vector<double>{1e-3, 1e-2, 1e-1, 1, 1e1, 1e2, 1e3}));
  EXPECT_EQ(t.labels.front(), "10^-3");
  const Ticks many = log_ticks(1e-12, 1e12, 6);  // every k-th decade
  EXPECT_LE(many.values.size(), 7u);
  EXPECT_GE(many.values.size(), 3u);
  const Ticks narrow = log_ticks(2, 8, 6);  // less than a decade: linear
  EXPECT_FALSE(narrow.values.empty());
  for (double v : narrow.values) EXPECT_TRUE(v >= 2 && v <= 8);
}

TEST(PlotTicks, BadRangesRaiseValueError) {
  EXPECT_THROW_MSG(linear_ticks(1, 1), lina::ValueError, "[1, 1]", "lo < hi");
  EXPECT_THROW_MSG(linear_ticks(0, NAN), lina::ValueError, "nan");
  EXPECT_THROW_MSG(linear_ticks(0, 1, 1), lina::ValueError, "max_ticks");
  EXPECT_THROW_MSG(log_ticks(-1, 10), lina::ValueError, "0 < lo < hi");
}

TEST(PlotTicks, HugeMagnitudesTerminate) {
  // k * step beyond 2^53: the tick count loop must still end.
  const Ticks t = linear_ticks(1e20, 1e20 + 1e5, 5);
  EXPECT_LE(t.values.size(), 10000u);
}

TEST(PlotTicks, SingularRangesWiden) {
  double lo = 3, hi = 3;
  widen_singular_range(lo, hi);
  EXPECT_LT(lo, 3);
  EXPECT_GT(hi, 3);
  lo = hi = 0;
  widen_singular_range(lo, hi);
  EXPECT_EQ(lo, -1);
  EXPECT_EQ(hi, 1);
}

}  // namespace
