// Writes figures of the inputs most likely to break an SVG writer, for
// check_pictures.sh to parse and render: no data, constant data, NaN and inf
// everywhere, text that needs escaping, a confusion-matrix heat map, every marker,
// log axes and several panels.
//
//   plot_edge_figures --out DIR
#include <cmath>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <limits>

#include "lina/lina.hpp"
#include "lina/plot.hpp"

namespace {

using lina::Array;
namespace plot = lina::plot;
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

void empty(const std::string& path) {
  plot::Figure fig;
  auto& ax = fig.axes();
  ax.plot(lina::zeros({0}), {.label = "nothing"});
  ax.contourf(lina::zeros({0, 0}));
  ax.legend();
  ax.set_title("no data");
  fig.save_svg(path);
}

void constant(const std::string& path) {
  plot::Figure fig(1, 3, 1200, 400);
  fig.axes(0, 0).plot(lina::full({10}, 3.0), {.marker = "o"});
  fig.axes(0, 0).set_yscale("log");
  const Array Z = lina::full({5, 5}, -2.0);
  fig.axes(0, 1).colorbar(fig.axes(0, 1).contourf(Z), "constant");
  fig.axes(0, 1).contour(Z);
  const auto xy = lina::meshgrid({lina::linspace(0, 1, 4), lina::linspace(0, 1, 4)});
  fig.axes(0, 2).quiver(xy[0], xy[1], lina::zeros({4, 4}), lina::ones({4, 4}), {.color_by_magnitude = true});
  fig.save_svg(path);
}

void non_finite(const std::string& path) {
  plot::Figure fig(2, 2, 900, 700);
  const Array y = lina::array({1.0, 2.0, kNan, 4.0, kInf, 3.0, -kInf, 2.0, 1.0});
  fig.axes(0, 0).plot(y, {.marker = "s", .label = "gaps"});
  fig.axes(0, 0).scatter(lina::arange(lina::Scalar(9.0)), y * 0.5, {.label = "points"});
  fig.axes(0, 0).legend();
  const auto xy = lina::meshgrid({lina::linspace(-2, 2, 41), lina::linspace(-2, 2, 41)});
  Array Z = lina::square(xy[0]) + lina::square(xy[1]);
  Z(lina::slice(15, 25), lina::slice(5, 12)) = kNan;
  Z(3, 30) = kInf;
  fig.axes(0, 1).colorbar(fig.axes(0, 1).contourf(xy[0], xy[1], Z), "z");
  fig.axes(0, 1).contour(xy[0], xy[1], Z, {.color = plot::Color{0, 0, 0}});
  Array M = lina::reshape(lina::arange(lina::Scalar(12.0)), {3, 4});
  M(1, 1) = kNan;
  fig.axes(1, 0).colorbar(fig.axes(1, 0).imshow(M, {.annotate = true}));
  Array U = lina::ones({41, 41});
  U(20, 20) = kNan;
  // Every 5th sample: strided views as input.
  const auto every5 = [](const Array& a) { return a(lina::slice(0, 41, 5), lina::slice(0, 41, 5)); };
  fig.axes(1, 1).quiver(every5(xy[0]), every5(xy[1]), every5(U), every5(Z));
  fig.save_svg(path);
}

void escaping(const std::string& path) {
  plot::Figure fig;
  fig.suptitle("<svg> & \"quotes\" 'apostrophes' -- comment? ]]> \x01\xff");
  auto& ax = fig.axes();
  ax.set_title("x < y & y > z");
  ax.set_xlabel("\xce\xb1 \xe2\x86\x92 \xce\xb2 (UTF-8)");
  ax.set_ylabel("<!-- not a comment -->");
  ax.plot(lina::array({1.0, 2.0, 3.0}), {.label = "</text><script>"});
  ax.text(1, 2, "&amp; stays literal");
  ax.legend("lower right");
  fig.save_svg(path);
}

void heatmap(const std::string& path) {
  // A confusion matrix of made-up counts: large on the diagonal.
  lina::Generator rng(6);
  Array counts = lina::floor(rng.uniform(0, 20, {10, 10}));
  for (int i = 0; i < 10; ++i) counts(i, i) = 800.0 + 15.0 * i;
  plot::Figure fig(1, 2, 1200, 520);
  auto& ax = fig.axes(0, 0);
  ax.colorbar(ax.imshow(counts, {.annotate = true}), "count");
  ax.set_title("confusion matrix");
  ax.set_xlabel("predicted");
  ax.set_ylabel("true");
  auto& w = fig.axes(0, 1);
  const Array weights = rng.normal(0, 1, {16, 24});
  w.colorbar(w.imshow(weights, {.cmap = plot::Colormap::rdbu_r(), .vmin = -3.0, .vmax = 3.0}), "weight");
  w.set_title("weights (diverging map)");
  fig.save_svg(path);
}

void markers(const std::string& path) {
  plot::Figure fig;
  auto& ax = fig.axes();
  const char* shapes[] = {"o", "s", "^", "v", "D", "x", "+"};
  const char* dashes[] = {"", "--", ":", "-.", "-", "--", ":"};
  for (int k = 0; k < 7; ++k) {
    const Array x = lina::linspace(0, 6, 7);
    ax.plot(x, x * 0.0 + k, {.dash = dashes[k], .marker = shapes[k], .label = std::string("marker ") + shapes[k]});
  }
  ax.scatter(lina::linspace(0, 6, 30), lina::linspace(-1, 7, 30),
             {.values = lina::linspace(0, 1, 30), .marker = "D", .label = "coloured by value"});
  ax.grid();
  ax.legend("best");
  fig.save_svg(path);
}

void log_axes(const std::string& path) {
  plot::Figure fig(1, 2, 1000, 420);
  const Array steps = lina::arange(lina::Scalar(1.0), lina::Scalar(200.0));
  fig.axes(0, 0).plot(steps, 1.0 / steps, {.label = "1/t"});
  fig.axes(0, 0).plot(steps, lina::exp(-0.1 * steps), {.label = "exp(-t/10)"});
  fig.axes(0, 0).set_yscale("log");
  fig.axes(0, 0).legend();
  fig.axes(0, 1).plot(steps, lina::sqrt(steps));
  fig.axes(0, 1).set_xscale("log");
  fig.axes(0, 1).set_yscale("log");
  fig.save_svg(path);
}

}  // namespace

int main(int argc, char** argv) {
  std::string out = ".";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
      out = argv[++i];
    } else {
      std::cerr << "usage: plot_edge_figures --out DIR\n";
      return 2;
    }
  }
  try {
    std::filesystem::create_directories(out);
    empty(out + "/empty.svg");
    constant(out + "/constant.svg");
    non_finite(out + "/non_finite.svg");
    escaping(out + "/escaping.svg");
    heatmap(out + "/heatmap.svg");
    markers(out + "/markers.svg");
    log_axes(out + "/log_axes.svg");
  } catch (const std::exception& e) {
    std::cerr << "plot_edge_figures: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
