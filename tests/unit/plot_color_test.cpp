// Colour maps: the tables' endpoints, viridis' monotone lightness, the diverging map's
// symmetry, interpolation, and the hex round trip.
#include <gtest/gtest.h>

#include <cmath>

#include "lina/core/errors.hpp"
#include "lina/plot/color.hpp"
#include "lina/plot/colormap.hpp"
#include "test_support.hpp"

namespace {

using lina::plot::Color;
using lina::plot::Colormap;

TEST(PlotColor, HexRoundTripsAndRejectsJunk) {
  for (const char* hex : {"#1f77b4", "#000000", "#ffffff", "#d62728"}) EXPECT_EQ(Color::hex(hex).to_hex(), hex);
  EXPECT_EQ(Color::hex("FF7F0E").to_hex(), "#ff7f0e");
  EXPECT_EQ((Color{2, -1, NAN}).to_hex(), "#ff0000");  // clamped; NaN as 0
  EXPECT_THROW_MSG(Color::hex("#12345"), lina::ValueError, "#12345", "six hex digits");
  EXPECT_THROW_MSG(Color::hex("#12345g"), lina::ValueError, "#12345g");
}

TEST(PlotColor, LightnessOfKnownColours) {
  EXPECT_NEAR((Color{0, 0, 0}).lightness(), 0, 1e-9);
  EXPECT_NEAR((Color{1, 1, 1}).lightness(), 100, 1e-6);
  EXPECT_NEAR((Color{0.5, 0.5, 0.5}).lightness(), 53.39, 0.05);  // sRGB 0.5 decodes to Y = 0.214
}

TEST(PlotColormap, ViridisEndpointsAndMonotoneLightness) {
  const Colormap v = Colormap::viridis();
  ASSERT_EQ(v.stops().size(), 256u);
  EXPECT_EQ(v(0).to_hex(), "#440154");  // matplotlib's _viridis_data[0] = (0.267004, 0.004874, 0.329415)
  EXPECT_EQ(v(1).to_hex(), "#fde725");  // _viridis_data[255] = (0.993248, 0.906157, 0.143936)
  EXPECT_EQ(v(-3).to_hex(), v(0).to_hex());  // clamped
  EXPECT_EQ(v(7).to_hex(), v(1).to_hex());
  // Perceptually uniform: L* rises along the table, and evenly. The 8-bit table
  // rounds each component by up to 1/510, which moves L* by up to ~0.1, so
  // neighbouring entries may tie or dip by that much; every 8th entry rises strictly
  // and no stretch of 8 rises more than twice the mean.
  const auto& s = v.stops();
  const double mean8 = (s.back().lightness() - s.front().lightness()) / 255 * 8;
  for (std::size_t k = 1; k < s.size(); ++k) EXPECT_GT(s[k].lightness() - s[k - 1].lightness(), -0.1) << k;
  for (std::size_t k = 8; k < s.size(); k += 8) {
    const double d = s[k].lightness() - s[k - 8].lightness();
    EXPECT_GT(d, 0.25 * mean8) << "entries " << k - 8 << ".." << k;
    EXPECT_LT(d, 2 * mean8) << "entries " << k - 8 << ".." << k;
  }
  EXPECT_LT(s.front().lightness(), 20);  // from dark ...
  EXPECT_GT(s.back().lightness(), 85);   // ... to light
}

TEST(PlotColormap, DivergingMapIsSymmetricInLightness) {
  const Colormap d = Colormap::rdbu_r();
  EXPECT_EQ(d(0).to_hex(), "#053061");  // ColorBrewer RdBu 11, last class (dark blue)
  EXPECT_EQ(d(1).to_hex(), "#67001f");  // first class (dark red)
  EXPECT_EQ(d(0.5).to_hex(), "#f7f7f7");  // the neutral middle
  EXPECT_EQ(Colormap::rdbu()(0).to_hex(), "#67001f");
  // Lightness rises to the middle and falls after it; both ends are dark.
  double last = -1;
  for (int k = 0; k <= 50; ++k) {
    const double l = d(k / 100.0).lightness();
    EXPECT_GE(l, last - 1e-9);
    last = l;
  }
  for (int k = 51; k <= 100; ++k) {
    const double l = d(k / 100.0).lightness();
    EXPECT_LE(l, last + 1e-9);
    last = l;
  }
  EXPECT_LT(d(0).lightness(), 30);
  EXPECT_LT(d(1).lightness(), 30);
}

TEST(PlotColormap, InterpolatesLinearlyBetweenStops) {
  const Colormap g = Colormap::gray();
  EXPECT_EQ(g(0.5).to_hex(), "#808080");
  EXPECT_EQ(g.at(5, 0, 10).to_hex(), "#808080");
  EXPECT_EQ(g.at(3, 3, 3).to_hex(), "#808080");  // constant data: the middle
  EXPECT_EQ(g(NAN).to_hex(), "#d9d9d9");          // the "bad" colour
  const Colormap two("two", {Color{1, 0, 0}, Color{0, 0, 1}});
  EXPECT_EQ(two(0.25).to_hex(), (Color{0.75, 0, 0.25}).to_hex());
}

TEST(PlotColormap, NamesAndErrors) {
  EXPECT_EQ(Colormap::by_name("viridis").name(), "viridis");
  EXPECT_EQ(Colormap::by_name("RdBu_r")(0).to_hex(), "#053061");
  EXPECT_THROW_MSG(Colormap::by_name("jet"), lina::ValueError, "jet", "viridis", "RdBu");
  EXPECT_THROW_MSG(Colormap("one", {Color{}}), lina::ValueError, "at least two");
  EXPECT_EQ(lina::plot::cycle_color(0).to_hex(), "#1f77b4");
  EXPECT_EQ(lina::plot::cycle_color(10).to_hex(), "#1f77b4");
  EXPECT_EQ(lina::plot::cycle_color(-1).to_hex(), "#17becf");
}

}  // namespace
