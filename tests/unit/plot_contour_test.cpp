// Marching squares: level crossings on known functions lie on the level, circles come
// out closed, filled regions have the area of the set they bound (holes and borders
// included), and NaN samples leave a gap.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "lina/lina.hpp"
#include "lina/plot/contour.hpp"
#include "test_support.hpp"

namespace {

using lina::plot::ContourLine;
using lina::plot::Point;

// Samples f on an n x n grid over [lo, hi]^2 (row i is y, column j is x).
struct Grid {
  double lo, hi;
  std::int64_t n;
  std::vector<double> z;
  double h() const { return (hi - lo) / static_cast<double>(n - 1); }
  double x(double u) const { return lo + u * h(); }
};

template <class F>
Grid sample(double lo, double hi, std::int64_t n, F f) {
  Grid g{lo, hi, n, {}};
  for (std::int64_t i = 0; i < n; ++i)
    for (std::int64_t j = 0; j < n; ++j) g.z.push_back(f(g.x(static_cast<double>(j)), g.x(static_cast<double>(i))));
  return g;
}

// Signed area of closed loops (shoelace), in index units.
double loops_area(const std::vector<std::vector<Point>>& loops) {
  double a = 0;
  for (const auto& loop : loops)
    for (std::size_t k = 0; k < loop.size(); ++k) {
      const Point& p = loop[k];
      const Point& q = loop[(k + 1) % loop.size()];
      a += p.x * q.y - q.x * p.y;
    }
  return a / 2;
}

TEST(PlotContour, CircleCrossingsLieOnTheCircle) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> radius(0.3, 1.8);
  for (int trial = 0; trial < 20; ++trial) {
    const std::int64_t n = 41 + trial * 3;
    const Grid g = sample(-2, 2, n, [](double x, double y) { return x * x + y * y; });
    const double r = radius(rng);
    const auto lines = lina::plot::contour_lines(g.z, n, n, r * r);
    ASSERT_EQ(lines.size(), 1u) << "r " << r;  // one closed curve
    EXPECT_TRUE(lines[0].closed);
    EXPECT_EQ(lines[0].points.front(), lines[0].points.back());
    // Linear interpolation along an edge of a quadratic is off by at most h^2/4 in z,
    // i.e. h^2/(8r) in radius where the edge crosses the circle squarely; oblique
    // edges do a little worse, so allow twice that.
    const double tol = g.h() * g.h() / (4 * r) + 1e-9;
    for (const Point& p : lines[0].points) EXPECT_NEAR(std::hypot(g.x(p.x), g.x(p.y)), r, tol);
    // The curve goes once around: its enclosed area is about pi r^2.
    const double area = std::fabs(loops_area({lines[0].points})) * g.h() * g.h();
    EXPECT_NEAR(area, M_PI * r * r, 0.02 * M_PI * r * r);
  }
}

TEST(PlotContour, LinearFunctionsAreExact) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> coef(-3, 3);
  for (int trial = 0; trial < 50; ++trial) {
    const double a = coef(rng), b = coef(rng), c = coef(rng) / 3;
    const Grid g = sample(-1, 1, 17, [&](double x, double y) { return a * x + b * y; });
    for (const auto& line : lina::plot::contour_lines(g.z, g.n, g.n, c)) {
      EXPECT_FALSE(line.closed);
      for (const Point& p : line.points)
        EXPECT_NEAR(a * g.x(p.x) + b * g.x(p.y), c, 1e-8 * (std::fabs(a) + std::fabs(b)));
    }
  }
}

TEST(PlotContour, HighSideIsOnTheLeft) {
  // z = x: the region x >= 0.3 is to the right, so the line runs downward (v falling).
  const Grid g = sample(-1, 1, 9, [](double x, double) { return x; });
  const auto lines = lina::plot::contour_lines(g.z, g.n, g.n, 0.3);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_GT(lines[0].points.front().y, lines[0].points.back().y);
}

TEST(PlotContour, SaddlesSplitByTheCentreValue) {
  // z = x*y has a saddle at 0: level 0.1 gives two separate curves (hyperbola branches)
  // and level -0.1 the other two.
  const Grid g = sample(-1, 1, 20, [](double x, double y) { return x * y; });
  EXPECT_EQ(lina::plot::contour_lines(g.z, g.n, g.n, 0.1).size(), 2u);
  EXPECT_EQ(lina::plot::contour_lines(g.z, g.n, g.n, -0.1).size(), 2u);
}

TEST(PlotContour, RegionAreasMatchTheSets) {
  const double h2 = std::pow(4.0 / 80, 2);
  // A disc, entirely inside.
  const Grid disc = sample(-2, 2, 81, [](double x, double y) { return -(x * x + y * y); });
  EXPECT_NEAR(loops_area(lina::plot::contour_region(disc.z, 81, 81, -1.0)) * h2, M_PI, 0.01 * M_PI);
  // An annulus 1 <= r <= 1.8: a loop with a hole, oriented opposite.
  const Grid ring = sample(-2, 2, 81, [](double x, double y) { return -std::fabs(std::hypot(x, y) - 1.4); });
  EXPECT_NEAR(loops_area(lina::plot::contour_region(ring.z, 81, 81, -0.4)) * h2, M_PI * (1.8 * 1.8 - 1), 0.02 * M_PI);
  // Half-planes meeting the border: x >= 0.5 and x + y >= 0 over [-2, 2]^2.
  const Grid plane = sample(-2, 2, 81, [](double x, double) { return x; });
  EXPECT_NEAR(loops_area(lina::plot::contour_region(plane.z, 81, 81, 0.5)) * h2, 1.5 * 4, 1e-6);
  const Grid diag = sample(-2, 2, 81, [](double x, double y) { return x + y; });
  EXPECT_NEAR(loops_area(lina::plot::contour_region(diag.z, 81, 81, 0.0)) * h2, 8, 1e-6);
  // Everything, nothing.
  EXPECT_NEAR(loops_area(lina::plot::contour_region(plane.z, 81, 81, -5)) * h2, 16, 1e-9);
  EXPECT_TRUE(lina::plot::contour_region(plane.z, 81, 81, 5).empty());
  // Two discs touching the border at opposite corners (four border crossings).
  const Grid corners = sample(-2, 2, 81, [](double x, double y) {
    return std::max(-std::hypot(x - 2, y - 2), -std::hypot(x + 2, y + 2));
  });
  EXPECT_NEAR(loops_area(lina::plot::contour_region(corners.z, 81, 81, -1.0)) * h2, 2 * M_PI / 4, 0.02);
}

TEST(PlotContour, NanSamplesLeaveAGap) {
  const std::int64_t n = 21;
  Grid g = sample(-1, 1, n, [](double x, double) { return x; });
  const std::vector<double> clean = g.z;
  g.z[static_cast<std::size_t>(10 * n + 10)] = NAN;  // the centre sample
  // Lines: the crossing at x = 0.05 runs through the column next to the NaN and breaks
  // there into two open pieces.
  const auto lines = lina::plot::contour_lines(g.z, n, n, 0.05);
  EXPECT_EQ(lines.size(), 2u);
  EXPECT_EQ(lina::plot::contour_lines(clean, n, n, 0.05).size(), 1u);
  // Regions: the NaN's neighbourhood is cut out, so the area drops.
  const double h2 = std::pow(2.0 / 20, 2);
  const double full = loops_area(lina::plot::contour_region(clean, n, n, -2)) * h2;
  const double holed = loops_area(lina::plot::contour_region(g.z, n, n, -2)) * h2;
  EXPECT_NEAR(full, 4, 1e-9);
  EXPECT_LT(holed, full - 0.01);
  EXPECT_GT(holed, full - 0.1);
  for (double bad : {INFINITY, -INFINITY}) {
    g.z[static_cast<std::size_t>(10 * n + 10)] = bad;
    EXPECT_EQ(lina::plot::contour_lines(g.z, n, n, 0.05).size(), 2u);
  }
}

TEST(PlotContour, ExactLevelValuesGiveNoDegenerateSegments) {
  // Integer samples with the level equal to many of them.
  const Grid g = sample(0, 4, 5, [](double x, double y) { return std::round(x + y) - 4; });
  for (const auto& line : lina::plot::contour_lines(g.z, 5, 5, 0.0))
    for (std::size_t k = 1; k < line.points.size(); ++k) EXPECT_FALSE(line.points[k] == line.points[k - 1]);
}

TEST(PlotContour, ArraysOfAnyRealDtypeAndShapeErrors) {
  const lina::Array z = lina::array({{0, 1, 2}, {1, 2, 3}, {2, 3, 4}});  // int32
  const auto lines = lina::plot::contour_lines(z, 1.5);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].points.size(), 4u);  // crosses 3 cells: 4 edge points
  EXPECT_THROW_MSG(lina::plot::contour_lines(lina::zeros({4}), 0.0), lina::ShapeError, "2-D", "(4,)");
  const std::vector<double> six(6, 0.0);
  EXPECT_THROW_MSG(lina::plot::contour_lines(six, 2, 4, 0.0), lina::ValueError, "6 samples", "2 rows", "4 columns");
  EXPECT_THROW_MSG(lina::plot::contour_lines(six, 2, 3, NAN), lina::ValueError, "level");
  EXPECT_TRUE(lina::plot::contour_lines(std::vector<double>{}, 0, 0, 0.0).empty());
}

}  // namespace
