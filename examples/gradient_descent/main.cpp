// Gradient descent, drawn: paths over a loss's contour map and the loss per step.
//
//   gradient_descent --out DIR
//
// writes DIR/learning_rates.svg (plain gradient descent on a bowl with unequal
// curvature from one start with four learning rates: too small, good, too large and
// diverging, plus momentum; and the loss per step on a log scale) and
// DIR/rosenbrock_descent.svg (plain descent and momentum in Rosenbrock's valley).
#include <cmath>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "losses.hpp"
#include "lina/lina.hpp"
#include "lina/plot.hpp"

namespace {

using lina::Array;
namespace plot = lina::plot;

struct Loss {
  Array (*value)(const Array&, const Array&);
  std::pair<Array, Array> (*gradient)(const Array&, const Array&);
};
const Loss kBowl{losses::bowl_value, losses::bowl_gradient};
const Loss kRosenbrock{losses::rosenbrock_value, losses::rosenbrock_gradient};

struct Path {
  std::vector<double> x, y, loss;
};

double scalar(const Array& a) { return a.item<double>(); }

// Gradient descent with (heavy-ball) momentum: v <- beta v - lr grad; p <- p + v.
// beta = 0 is plain gradient descent. Stops early once the iterate has run off to
// beyond 1e6 (a diverging learning rate).
Path descend(const Loss& loss, double x0, double y0, double lr, double beta, int steps) {
  Path path;
  Array x = lina::array({x0}), y = lina::array({y0});
  Array vx = lina::zeros({1}), vy = lina::zeros({1});
  for (int k = 0; k <= steps; ++k) {
    path.x.push_back(scalar(x));
    path.y.push_back(scalar(y));
    path.loss.push_back(scalar(loss.value(x, y)));
    if (k == steps || std::fabs(path.x.back()) > 1e6 || std::fabs(path.y.back()) > 1e6) break;
    auto [gx, gy] = loss.gradient(x, y);
    vx = beta * vx - lr * gx;
    vy = beta * vy - lr * gy;
    x = x + vx;
    y = y + vy;
  }
  return path;
}

Array as_array(const std::vector<double>& v) { return lina::frombuffer(v, {static_cast<std::int64_t>(v.size())}); }

struct Run {
  std::string label;
  double lr, beta;
  plot::Color color;
  std::string marker;
  double alpha = 1;  // the diverging run is drawn fainter: it crosses everything
};

// Left: the paths over the loss's contours; right: the loss per step (log scale).
void draw(const std::string& path, const Loss& loss, const std::string& title, const std::vector<Run>& runs,
          double x0, double y0, int steps, const Array& gx, const Array& gy, const std::vector<double>& levels,
          std::pair<double, double> xlim, std::pair<double, double> ylim, int marker_every) {
  plot::Figure fig(1, 2, 1280, 560);
  fig.suptitle(title);
  auto& map = fig.axes(0, 0);
  auto& curve = fig.axes(0, 1);
  const auto grid = lina::meshgrid({gx, gy});
  const Array Z = loss.value(grid[0], grid[1]);
  map.contourf(grid[0], grid[1], Z, {.levels = levels, .cmap = plot::Colormap::viridis(), .alpha = 0.3});
  map.contour(grid[0], grid[1], Z, {.levels = levels, .color = plot::Color{0.35, 0.35, 0.35}, .width = 0.8});
  for (const auto& run : runs) {
    const Path p = descend(loss, x0, y0, run.lr, run.beta, steps);
    map.plot(as_array(p.x), as_array(p.y), {.color = run.color, .width = 2, .alpha = run.alpha, .label = run.label});
    // Markers on every k-th iterate, so long runs stay readable.
    std::vector<double> mx, my;
    for (std::size_t k = 0; k < p.x.size(); k += static_cast<std::size_t>(marker_every))
      mx.push_back(p.x[k]), my.push_back(p.y[k]);
    map.scatter(as_array(mx), as_array(my), {.color = run.color, .marker = run.marker, .size = 5, .alpha = run.alpha});
    curve.plot(as_array(p.loss), {.color = run.color, .width = 1.8, .label = run.label});
  }
  map.scatter(lina::array({x0}), lina::array({y0}),
              {.color = plot::Color{0.1, 0.1, 0.1}, .marker = "s", .size = 9, .label = "start"});
  map.set_xlim(xlim.first, xlim.second);
  map.set_ylim(ylim.first, ylim.second);
  map.set_aspect_equal();
  map.set_xlabel("x");
  map.set_ylabel("y");
  map.set_title("Descent paths over the loss contours");
  map.legend("best");
  curve.set_yscale("log");
  curve.set_xlabel("step");
  curve.set_ylabel("loss (log scale)");
  curve.set_title("Loss per step");
  curve.grid();
  curve.legend("best");
  fig.save_svg(path);
}

void learning_rates(const std::string& path) {
  // The diverging run first, so the others are drawn over it.
  const std::vector<Run> runs = {
      {"lr 0.21: diverges", 0.21, 0, plot::Color::hex("#d62728"), "x", 0.5},
      {"lr 0.01: too small", 0.01, 0, plot::Color::hex("#9467bd"), "o"},
      {"lr 0.08: good", 0.08, 0, plot::Color::hex("#2ca02c"), "o"},
      {"lr 0.18: too large, zig-zags", 0.18, 0, plot::Color::hex("#ff7f0e"), "o"},
      {"lr 0.02 + momentum 0.9", 0.02, 0.9, plot::Color::hex("#1f77b4"), "^"},
  };
  draw(path, kBowl, "Gradient descent on f(x, y) = x\u00b2/2 + 5y\u00b2: the learning rate decides", runs, -4.5, 1.6,
       40, lina::linspace(-5.5, 1.5, 141), lina::linspace(-3, 3, 121), {0, 0.25, 1, 2.5, 5, 10, 15, 20}, {-5.5, 1.5},
       {-3, 3}, 1);
}

void rosenbrock(const std::string& path) {
  const std::vector<Run> runs = {
      {"lr 0.001", 0.001, 0, plot::Color::hex("#d62728"), "o"},
      {"lr 0.001 + momentum 0.9", 0.001, 0.9, plot::Color::hex("#ff7f0e"), "^"},
  };
  draw(path, kRosenbrock, "Rosenbrock's valley: plain descent crawls, momentum runs along the valley", runs, -1.5,
       2.5, 3000, lina::linspace(-2, 2, 161), lina::linspace(-1, 3, 161), {0, 0.25, 1, 4, 16, 64, 256, 1024}, {-2, 2},
       {-1, 3}, 100);
}

}  // namespace

int main(int argc, char** argv) {
  std::string out = ".";
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
      out = argv[++i];
    } else if (std::strcmp(argv[i], "--help") == 0) {
      std::cout << "usage: gradient_descent [--out DIR]\n";
      return 0;
    } else {
      std::cerr << "gradient_descent: error: unknown argument '" << argv[i]
                << "' (usage: gradient_descent [--out DIR])\n";
      return 2;
    }
  }
  try {
    std::filesystem::create_directories(out);
    learning_rates(out + "/learning_rates.svg");
    std::cout << "wrote " << out << "/learning_rates.svg\n";
    rosenbrock(out + "/rosenbrock_descent.svg");
    std::cout << "wrote " << out << "/rosenbrock_descent.svg\n";
  } catch (const std::exception& e) {
    std::cerr << "gradient_descent: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
