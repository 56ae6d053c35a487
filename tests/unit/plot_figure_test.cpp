// Figures end to end, as SVG text: escaping, NaN gaps, empty and constant input,
// log axes, shape errors naming the shapes, bad arguments, files and PNG.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "lina/lina.hpp"
#include "lina/plot.hpp"
#include "test_support.hpp"

namespace {

namespace plot = lina::plot;
using lina::Array;

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

// A well-formedness check small enough to live here: every '<' opens a tag that closes,
// elements nest, attribute values are quoted and text holds no raw '&' or '<'. The
// integration test runs a real parser (xmllint) on every file the examples write.
bool looks_well_formed(const std::string& s) {
  std::vector<std::string> stack;
  std::size_t i = s.find("<svg");
  if (i == std::string::npos) return false;
  while (i < s.size()) {
    const std::size_t lt = s.find('<', i);
    const std::string text = s.substr(i, lt == std::string::npos ? std::string::npos : lt - i);
    for (std::size_t a = text.find('&'); a != std::string::npos; a = text.find('&', a + 1)) {
      const std::size_t semi = text.find(';', a);
      if (semi == std::string::npos || semi - a > 8) return false;
    }
    if (lt == std::string::npos) break;
    if (s.compare(lt, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", lt + 4);
      if (end == std::string::npos || s.substr(lt + 4, end - lt - 4).find("--") != std::string::npos) return false;
      i = end + 3;
      continue;
    }
    std::size_t gt = lt + 1;
    bool quoted = false;
    for (; gt < s.size() && (quoted || s[gt] != '>'); ++gt) {
      if (s[gt] == '"') quoted = !quoted;
      if (quoted && s[gt] == '<') return false;
    }
    if (gt >= s.size()) return false;
    const std::string tag = s.substr(lt + 1, gt - lt - 1);
    const std::string name = tag.substr(0, tag.find_first_of(" \n/>"));
    if (tag[0] == '/') {
      if (stack.empty() || stack.back() != tag.substr(1)) return false;
      stack.pop_back();
    } else if (tag.back() != '/') {
      stack.push_back(name);
    }
    i = gt + 1;
  }
  return stack.empty();
}

std::string svg_of(const std::function<void(plot::Axes&)>& draw) {
  plot::Figure fig;
  draw(fig.axes());
  const std::string svg = fig.to_svg();
  EXPECT_TRUE(looks_well_formed(svg));
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("inf"), std::string::npos);
  return svg;
}

TEST(PlotSvg, EscapesTextAndKeepsItText) {
  EXPECT_EQ(plot::xml_escape("a<b & \"c\" 'd' >"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt;");
  EXPECT_EQ(plot::xml_escape("x\x01y\tz"), "xy\tz");                      // controls dropped
  EXPECT_EQ(plot::xml_escape("\xff"), "\xef\xbf\xbd");                    // invalid UTF-8
  EXPECT_EQ(plot::xml_escape("\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd");    // overlong '/'
  EXPECT_EQ(plot::xml_escape("\xed\xa0\x80").substr(0, 3), "\xef\xbf\xbd");  // a surrogate
  EXPECT_EQ(plot::xml_escape("x\xc2\xb2 \xe2\x86\x92"), "x\xc2\xb2 \xe2\x86\x92");  // x² →, kept
  const std::string svg = svg_of([](plot::Axes& ax) {
    ax.set_title("loss <train> & \"test\"");
    ax.set_xlabel("x\x02\xff");
    ax.plot(lina::array({1.0, 2.0}), {.label = "a<b"});
    ax.legend();
  });
  EXPECT_NE(svg.find(">loss &lt;train&gt; &amp; &quot;test&quot;</text>"), std::string::npos);
  EXPECT_NE(svg.find(">x\xef\xbf\xbd</text>"), std::string::npos);
  EXPECT_NE(svg.find(">a&lt;b</text>"), std::string::npos);
  // Only "10^k" with an integer k is typeset as a power (log-axis labels).
  const std::string power = svg_of([](plot::Axes& ax) { ax.set_title("10^3 samples"); });
  EXPECT_NE(power.find(">10^3 samples</text>"), std::string::npos);
}

TEST(PlotSvg, NanAndInfLeaveGapsInLines) {
  const Array x = lina::arange(lina::Scalar(7.0));
  const std::string one = svg_of([&](plot::Axes& ax) { ax.plot(x, x); });
  EXPECT_EQ(count(one, "<polyline"), 1u);
  const Array y = lina::array({0.0, 1.0, double(NAN), 3.0, 4.0, double(INFINITY), 6.0});
  const std::string gaps = svg_of([&](plot::Axes& ax) { ax.plot(x, y, {.marker = "o"}); });
  EXPECT_EQ(count(gaps, "<polyline"), 2u);  // [0,1] and [3,4]; 6 alone is no line
  EXPECT_EQ(count(gaps, "<circle"), 5u);    // a marker on each finite point
  const std::string scatter = svg_of([&](plot::Axes& ax) { ax.scatter(x, y); });
  EXPECT_EQ(count(scatter, "<circle"), 5u);
}

TEST(PlotSvg, EmptyAndConstantInputsStillGiveFigures) {
  const std::string empty = svg_of([](plot::Axes& ax) {
    ax.plot(lina::zeros({0}));
    ax.scatter(lina::zeros({0}), lina::zeros({0}));
    ax.contour(lina::zeros({0, 0}));
    ax.contourf(lina::zeros({1, 5}));
    ax.imshow(lina::zeros({0, 3}));
    ax.quiver(lina::zeros({0}), lina::zeros({0}), lina::zeros({0}), lina::zeros({0}));
  });
  EXPECT_GE(count(empty, "<text"), 4u);  // the default [0, 1] axes still have ticks
  const std::string constant = svg_of([](plot::Axes& ax) { ax.plot(lina::full({5}, 2.0)); });
  EXPECT_NE(constant.find(">2.0"), std::string::npos);  // a tick at the constant, "2.00" or so
  const Array Z = lina::full({4, 4}, 3.0);
  const std::string flat = svg_of([&](plot::Axes& ax) {
    ax.colorbar(ax.contourf(Z), "z");
    ax.contour(Z);
  });
  EXPECT_EQ(count(flat, "fill-rule=\"evenodd\""), 1u);  // one band over everything
  const std::string image = svg_of([&](plot::Axes& ax) { ax.colorbar(ax.imshow(Z, {.annotate = true})); });
  const std::string bare = svg_of([&](plot::Axes& ax) { ax.colorbar(ax.imshow(Z)); });
  EXPECT_EQ(count(image, ">3</text>") - count(bare, ">3</text>"), 16u);  // one per cell
  const std::string nan_only = svg_of([](plot::Axes& ax) { ax.plot(lina::full({3}, double(NAN))); });
  EXPECT_EQ(count(nan_only, "<polyline"), 0u);
}

TEST(PlotSvg, LogAxisSkipsNonPositiveValues) {
  plot::Figure fig;
  auto& ax = fig.axes();
  ax.plot(lina::array({1.0, 0.1, 0.0, -1.0, 0.001, 1e-4}));
  ax.set_yscale("log");
  const auto [lo, hi] = ax.ylim();
  EXPECT_GT(lo, 0);
  EXPECT_LT(lo, 1e-4);
  EXPECT_GT(hi, 1);
  const std::string svg = fig.to_svg();
  EXPECT_TRUE(looks_well_formed(svg));
  EXPECT_EQ(count(svg, "<polyline"), 2u);  // 1 -> 0.1, then 0.001 -> 1e-4
  EXPECT_NE(svg.find("10<tspan"), std::string::npos);  // 10 with a raised exponent
}

TEST(PlotSvg, MismatchedShapesNameTheShapes) {
  plot::Figure fig;
  auto& ax = fig.axes();
  EXPECT_THROW_MSG(ax.plot(lina::zeros({3}), lina::zeros({4})), lina::ShapeError, "plot", "(3,)", "(4,)");
  EXPECT_THROW_MSG(ax.plot(lina::zeros({2, 2})), lina::ShapeError, "plot", "1-D", "(2, 2)");
  EXPECT_THROW_MSG(ax.scatter(lina::zeros({3}), lina::zeros({3}), {.values = lina::zeros({2})}), lina::ShapeError,
                   "scatter", "(3,)", "(2,)");
  const Array g = lina::zeros({3, 4});
  EXPECT_THROW_MSG(ax.quiver(g, g, g, lina::zeros({3, 5})), lina::ShapeError, "quiver", "(3, 4)", "(3, 5)");
  EXPECT_THROW_MSG(ax.quiver(lina::zeros({3}), lina::zeros({4}), g, g), lina::ShapeError, "quiver", "(3,)", "(4,)",
                   "(3, 4)");
  EXPECT_THROW_MSG(ax.quiver(g, g, lina::zeros({2, 3, 4}), lina::zeros({2, 3, 4})), lina::ShapeError, "(2, 3, 4)");
  EXPECT_THROW_MSG(ax.contour(lina::zeros({5})), lina::ShapeError, "contour", "2-D", "(5,)");
  EXPECT_THROW_MSG(ax.contourf(lina::zeros({3}), lina::zeros({4}), g), lina::ShapeError, "contourf", "(3,)", "(4,)",
                   "(3, 4)");
  EXPECT_THROW_MSG(ax.imshow(lina::zeros({2, 2, 3})), lina::ShapeError, "imshow", "(2, 2, 3)");
}

TEST(PlotSvg, BadArgumentsRaiseValueError) {
  plot::Figure fig;
  auto& ax = fig.axes();
  const Array x = lina::zeros({2});
  EXPECT_THROW_MSG(ax.plot(x, {.marker = "*"}), lina::ValueError, "marker '*'", "o s ^");
  EXPECT_THROW_MSG(ax.plot(x, {.dash = "~"}), lina::ValueError, "dash", "--");
  EXPECT_THROW_MSG(ax.plot(x, {.width = -1}), lina::ValueError, "width");
  EXPECT_THROW_MSG(ax.set_yscale("cubic"), lina::ValueError, "cubic", "log");
  EXPECT_THROW_MSG(ax.set_xlim(1, 0), lina::ValueError, "[1, 0]");
  ax.set_ylim(-1, 1);
  EXPECT_THROW_MSG(ax.set_yscale("log"), lina::ValueError, "<= 0");
  EXPECT_THROW_MSG(ax.legend("middle"), lina::ValueError, "middle", "upper right");
  EXPECT_THROW_MSG(ax.arrow(0, 0, double(NAN), 1), lina::ValueError, "dx");
  EXPECT_THROW_MSG(ax.contour(lina::zeros({3, 3}), {.levels = {1, 0}}), lina::ValueError, "increasing");
  EXPECT_THROW_MSG(ax.quiver(x, x, x, x, {.pivot = "tip"}), lina::ValueError, "pivot", "middle");
  EXPECT_THROW_MSG(ax.imshow(lina::zeros({2, 2}), {.vmin = 2.0, .vmax = 1.0}), lina::ValueError, "vmin");
  EXPECT_THROW_MSG(plot::Figure(0, 1), lina::ValueError, "1..16");
  EXPECT_THROW_MSG(plot::Figure(1, 1, -5), lina::ValueError, "width");
  EXPECT_THROW_MSG(fig.axes(1, 0), lina::IndexError, "(1, 0)", "1 x 1");
}

TEST(PlotSvg, AutoscaleMarginsAndStickyImageEdges) {
  plot::Figure fig;
  auto& ax = fig.axes();
  ax.plot(lina::array({0.0, 10.0}), lina::array({0.0, 1.0}));
  auto [x0, x1] = ax.xlim();
  EXPECT_NEAR(x0, -0.5, 1e-12);  // 5% margins
  EXPECT_NEAR(x1, 10.5, 1e-12);
  ax.imshow(lina::zeros({3, 2}));  // images are tight: no margin where they set the edge
  std::tie(x0, x1) = ax.xlim();
  EXPECT_NEAR(x0, -0.5, 1e-12);
  EXPECT_NEAR(x1, 10 + 0.05 * 10.5, 1e-12);
  const auto [y0, y1] = ax.ylim();
  EXPECT_NEAR(y0, -0.5, 1e-12);
  EXPECT_NEAR(y1, 2.5, 1e-12);
}

TEST(PlotSvg, QuiverScalesArrowsToTheGrid) {
  // One row of arrows 1 apart: the longest one is 0.9 long, so arrows never overlap.
  const auto xy = lina::meshgrid({lina::arange(lina::Scalar(4.0)), lina::arange(lina::Scalar(1.0))});
  plot::Figure fig;
  auto& ax = fig.axes();
  ax.quiver(xy[0], xy[1], lina::array({{1.0, 2.0, 4.0, 0.0}}), lina::zeros({1, 4}));
  const auto [x0, x1] = ax.xlim();
  EXPECT_NEAR(x1, 2.9 + 0.05 * 2.9, 1e-9);  // the last arrow (length 0) adds nothing
  EXPECT_NEAR(x0, -0.05 * 2.9, 1e-9);
  EXPECT_EQ(count(fig.to_svg(), "<polygon"), 3u);  // zero vectors draw nothing
}

TEST(PlotSvg, SaveSvgWritesTheFileAndPngNeedsRsvg) {
  lina_test::TempDir dir;
  plot::Figure fig(1, 2);
  fig.suptitle("two panels");
  fig.axes(0, 1).plot(lina::array({1, 2, 3}));  // int32 input
  fig.save_svg(dir.file("f.svg"));
  std::ifstream in(dir.file("f.svg"));
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), fig.to_svg());
  EXPECT_FALSE(std::filesystem::exists(dir.file("f.svg.tmp")));
  EXPECT_THROW_MSG(fig.save_svg(dir.file("no/such/dir/f.svg")), lina::IOError, "cannot open");
  if (plot::png_supported()) {
    fig.save_png(dir.file("f.png"), 300);
    std::ifstream png(dir.file("f.png"), std::ios::binary);
    char magic[8] = {};
    png.read(magic, 8);
    EXPECT_EQ(std::string(magic, 8), "\x89PNG\r\n\x1a\n");
  }
  // Without rsvg-convert on PATH, a clear IOError.
  const char* old = std::getenv("PATH");
  const std::string saved = old ? old : "";
  setenv("PATH", dir.path().c_str(), 1);
  EXPECT_FALSE(plot::png_supported());
  EXPECT_THROW_MSG(fig.save_png(dir.file("g.png")), lina::IOError, "rsvg-convert", "librsvg2-bin");
  setenv("PATH", saved.c_str(), 1);
}

}  // namespace
