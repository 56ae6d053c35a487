// Arrow geometry: the tip, the symmetry about the shaft, the widths and lengths asked
// for, short arrows scaled down whole, and bad sizes.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "lina/core/errors.hpp"
#include "lina/plot/geometry.hpp"
#include "test_support.hpp"

namespace {

using lina::plot::arrow_polygon;
using lina::plot::Point;

double dist(Point a, Point b) { return std::hypot(a.x - b.x, a.y - b.y); }

// Signed distance of p from the line through a in direction (ux, uy), left positive.
double side(Point p, Point a, double ux, double uy) { return ux * (p.y - a.y) - uy * (p.x - a.x); }

TEST(PlotArrow, GeneratedArrowsHaveTheRequestedShape) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> coord(-100, 100), size(0.5, 6);
  for (int trial = 0; trial < 500; ++trial) {
    const Point tail{coord(rng), coord(rng)}, tip{coord(rng), coord(rng)};
    const double len = dist(tail, tip);
    const double sw = size(rng), hw = sw * 3, hl = size(rng) * 3;
    if (len < hl) continue;  // covered by ShortArrowsScaleDownWhole
    const auto p = arrow_polygon(tail, tip, sw, hw, hl);
    ASSERT_EQ(p.size(), 7u);
    const double ux = (tip.x - tail.x) / len, uy = (tip.y - tail.y) / len;
    EXPECT_EQ(p[3], tip);
    // Mirror pairs (0,6), (1,5), (2,4): equal distance on opposite sides of the axis.
    for (int k = 0; k < 3; ++k) {
      EXPECT_NEAR(side(p[k], tail, ux, uy), -side(p[6 - k], tail, ux, uy), 1e-9);
      EXPECT_GT(side(p[k], tail, ux, uy), 0);  // the first half is on the left
    }
    EXPECT_NEAR(dist(p[0], p[6]), sw, 1e-9);  // shaft width at the tail
    EXPECT_NEAR(dist(p[1], p[5]), sw, 1e-9);  // and where the head starts
    EXPECT_NEAR(dist(p[2], p[4]), hw, 1e-9);  // head width
    // The head base is head_length behind the tip, the tail end at the tail.
    const Point base{(p[2].x + p[4].x) / 2, (p[2].y + p[4].y) / 2};
    EXPECT_NEAR(dist(base, tip), hl, 1e-9);
    EXPECT_NEAR(dist(Point{(p[0].x + p[6].x) / 2, (p[0].y + p[6].y) / 2}, tail), 0, 1e-9);
  }
}

TEST(PlotArrow, ShortArrowsScaleDownWhole) {
  const auto p = arrow_polygon({0, 0}, {5, 0}, 2, 8, 10);  // half as long as its head
  ASSERT_EQ(p.size(), 7u);
  EXPECT_EQ(p[3], (Point{5, 0}));
  EXPECT_NEAR(dist(p[2], p[4]), 4, 1e-12);  // head width * 5/10
  EXPECT_NEAR(dist(p[0], p[6]), 1, 1e-12);  // shaft width * 5/10
  EXPECT_NEAR(p[2].x, 0, 1e-12);            // the head is the whole arrow
}

TEST(PlotArrow, ZeroLengthAndBadSizes) {
  EXPECT_TRUE(arrow_polygon({1, 1}, {1, 1}, 1, 3, 4).empty());
  EXPECT_TRUE(arrow_polygon({0, 0}, {NAN, 1}, 1, 3, 4).empty());
  EXPECT_THROW_MSG(arrow_polygon({0, 0}, {1, 1}, -1, 3, 4), lina::ValueError, "shaft_width -1");
  EXPECT_THROW_MSG(arrow_polygon({0, 0}, {1, 1}, 1, NAN, 4), lina::ValueError, "head_width nan");
}

}  // namespace
