// Vector fields, drawn: the cheat sheet's arrows and fields as SVG pictures.
//
//   vector_fields --out DIR
//
// writes DIR/vectors.svg (the sheet's [3, -2] and [-2, 5] as arrows from the origin),
// DIR/constant_field.svg (the same vector [-2, 5] at every point),
// DIR/point_dependent_field.svg ((x, y) -> (2x, x^2): the arrow depends on the point),
// DIR/gradient_fields.svg (the gradient of a quadratic bowl with unequal curvature and
// of Rosenbrock's function, over their contour lines).
#include <cmath>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "../gradient_descent/losses.hpp"
#include "lina/lina.hpp"
#include "lina/plot.hpp"

namespace {

using lina::Array;
namespace plot = lina::plot;

const plot::Color kBlue = plot::Color::hex("#1f77b4");
const plot::Color kRed = plot::Color::hex("#d62728");

// A square grid of n x n points over [lo, hi]^2, as numpy.meshgrid(x, x).
std::pair<Array, Array> grid(double lo, double hi, std::int64_t n) {
  const auto xy = lina::meshgrid({lina::linspace(lo, hi, n), lina::linspace(lo, hi, n)});
  return {xy[0], xy[1]};
}

void vectors(const std::string& path) {
  plot::Figure fig(1, 1, 560, 560);
  auto& ax = fig.axes();
  ax.axhline(0, {.width = 1});
  ax.axvline(0, {.width = 1});
  ax.arrow(0, 0, 3, -2, {.color = kBlue, .label = "v = [3, -2]: 3 right, 2 down"});
  ax.arrow(0, 0, -2, 5, {.color = kRed, .label = "w = [-2, 5]: 2 left, 5 up"});
  ax.text(3, -2, "[3, -2]", {.size = 13, .color = kBlue, .dx = 6, .dy = 10});
  ax.text(-2, 5, "[-2, 5]", {.size = 13, .color = kRed, .anchor = "end", .dx = -6});
  ax.set_xlim(-4, 5);
  ax.set_ylim(-4, 6);
  ax.set_aspect_equal();
  ax.grid();
  ax.set_title("Vectors are arrows from the origin");
  ax.set_xlabel("x");
  ax.set_ylabel("y");
  ax.legend("upper right");
  fig.save_svg(path);
}

void constant_field(const std::string& path) {
  auto [X, Y] = grid(-3, 3, 9);
  const Array U = lina::full_like(X, -2.0), V = lina::full_like(X, 5.0);
  plot::Figure fig(1, 1, 560, 560);
  auto& ax = fig.axes();
  ax.quiver(X, Y, U, V, {.color = kBlue, .pivot = "middle"});
  ax.set_aspect_equal();
  ax.set_title("Constant field: v(x, y) = [-2, 5] everywhere");
  ax.set_xlabel("x");
  ax.set_ylabel("y");
  fig.save_svg(path);
}

void point_dependent_field(const std::string& path) {
  auto [X, Y] = grid(-2, 2, 13);
  const Array U = 2.0 * X, V = lina::square(X);
  plot::Figure fig(1, 1, 640, 560);
  auto& ax = fig.axes();
  const auto scale = ax.quiver(X, Y, U, V, {.color_by_magnitude = true, .pivot = "middle"});
  ax.colorbar(scale, "|v(x, y)|");
  ax.set_aspect_equal();
  ax.set_title("v(x, y) = [2x, x\u00b2]: the arrow depends on the point");
  ax.set_xlabel("x");
  ax.set_ylabel("y");
  fig.save_svg(path);
}

void gradient_fields(const std::string& path) {
  plot::Figure fig(1, 2, 1200, 540);
  {
    auto& ax = fig.axes(0, 0);
    auto [X, Y] = grid(-3, 3, 121);
    const Array Z = losses::bowl_value(X, Y);
    const std::vector<double> levels = {0, 1, 4, 9, 16, 25, 36};
    ax.contourf(X, Y, Z, {.levels = levels, .alpha = 0.35});
    ax.contour(X, Y, Z, {.levels = levels, .color = plot::Color{0.3, 0.3, 0.3}, .width = 0.9});
    auto [Xq, Yq] = grid(-3, 3, 13);
    auto [gx, gy] = losses::bowl_gradient(Xq, Yq);
    ax.quiver(Xq, Yq, gx, gy, {.color = kRed, .label = "gradient (uphill)"});
    ax.set_aspect_equal();
    ax.set_title("f(x, y) = x\u00b2/2 + 5y\u00b2 and its gradient");
    ax.set_xlabel("x");
    ax.set_ylabel("y");
    ax.legend("lower right");
  }
  {
    auto& ax = fig.axes(0, 1);
    const auto xy = lina::meshgrid({lina::linspace(-2, 2, 161), lina::linspace(-1, 3, 161)});
    ax.contour(xy[0], xy[1], losses::rosenbrock_value(xy[0], xy[1]),
               {.levels = {0.5, 2, 8, 32, 128, 512, 2048}, .color = plot::Color{0.45, 0.45, 0.45}, .width = 0.9});
    // Rosenbrock's gradient spans five orders of magnitude: draw directions at one
    // length and show the magnitude by colour, on a log scale.
    const auto q = lina::meshgrid({lina::linspace(-2, 2, 17), lina::linspace(-1, 3, 17)});
    auto [gx, gy] = losses::rosenbrock_gradient(q[0], q[1]);
    const Array log_mag = lina::log(lina::sqrt(gx * gx + gy * gy)) / std::log(10.0);
    const auto scale = ax.quiver(q[0], q[1], gx, gy,
                                 {.normalize = true, .color_values = log_mag, .cmap = plot::Colormap::viridis()});
    ax.colorbar(scale, "log10 |gradient|");
    ax.scatter(lina::array({1.0}), lina::array({1.0}),
               {.color = plot::Color::hex("#ffd700"), .marker = "D", .size = 10, .label = "minimum (1, 1)"});
    ax.set_aspect_equal();
    ax.set_title("Rosenbrock: gradient directions");
    ax.set_xlabel("x");
    ax.set_ylabel("y");
    ax.legend("lower right");
  }
  fig.save_svg(path);
}

}  // namespace

int main(int argc, char** argv) {
  std::string out = ".";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
      out = argv[++i];
    } else if (std::strcmp(argv[i], "--help") == 0) {
      std::cout << "usage: vector_fields [--out DIR]\n";
      return 0;
    } else {
      std::cerr << "vector_fields: error: unknown argument '" << argv[i] << "' (usage: vector_fields [--out DIR])\n";
      return 2;
    }
  }
  try {
    std::filesystem::create_directories(out);
    const std::pair<const char*, void (*)(const std::string&)> figures[] = {
        {"vectors.svg", vectors},
        {"constant_field.svg", constant_field},
        {"point_dependent_field.svg", point_dependent_field},
        {"gradient_fields.svg", gradient_fields},
    };
    for (const auto& [name, draw] : figures) {
      const std::string path = out + "/" + name;
      draw(path);
      std::cout << "wrote " << path << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "vector_fields: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
