#include "pictures.hpp"

#include <filesystem>

#include "lina/autograd.hpp"
#include "lina/lina.hpp"
#include "lina/plot.hpp"

namespace tour {
namespace {

namespace plot = lina::plot;
namespace ag = lina::autograd;
using lina::Array;

std::string in_dir(const std::string& dir, const char* name) {
  std::filesystem::create_directories(dir);
  return (std::filesystem::path(dir) / name).string();
}

Array as_array(const std::vector<double>& v) { return lina::frombuffer(v, {static_cast<std::int64_t>(v.size())}); }

// f(x, y) = x^2/2 + 5y^2, on tensors so that autograd gives its gradient.
ag::Tensor bowl(const ag::Tensor& x, const ag::Tensor& y) { return 0.5 * x * x + 5.0 * y * y; }

}  // namespace

std::vector<std::string> draw_vector_fields(const std::string& dir) {
  const auto grid = lina::meshgrid({lina::linspace(-2, 2, 9), lina::linspace(-2, 2, 9)});
  const Array& X = grid[0];
  const Array& Y = grid[1];
  plot::Figure fig(1, 3, 1500, 520);
  fig.suptitle("Vectors and vector fields");

  auto& vectors = fig.axes(0, 0);
  vectors.arrow(0, 0, 3, -2, {.color = plot::Color::hex("#d62728"), .label = "[3, -2]: right 3, down 2"});
  vectors.arrow(0, 0, -2, 5, {.color = plot::Color::hex("#1f77b4"), .label = "[-2, 5]: left 2, up 5"});
  vectors.set_xlim(-3, 4);
  vectors.set_ylim(-3, 6);
  vectors.set_aspect_equal();
  vectors.grid();
  vectors.set_title("Two vectors from the origin");
  vectors.legend("lower left");

  auto& constant = fig.axes(0, 1);
  constant.quiver(X, Y, lina::full_like(X, -2.0), lina::full_like(X, 5.0), {.label = "F(x, y) = [-2, 5]"});
  constant.set_aspect_equal();
  constant.set_title("The constant field [-2, 5]");
  constant.set_xlabel("x");
  constant.set_ylabel("y");

  auto& varying = fig.axes(0, 2);
  auto scale = varying.quiver(X, Y, 2.0 * X, lina::square(X), {.color_by_magnitude = true});
  varying.colorbar(scale, "|F|");
  varying.set_aspect_equal();
  varying.set_title("F(x, y) = (2x, x\u00b2)");
  varying.set_xlabel("x");
  const std::string path = in_dir(dir, "vector_fields.svg");
  fig.save_svg(path);
  return {path};
}

std::vector<std::string> draw_descent(const std::string& dir, const std::vector<double>& losses) {
  plot::Figure fig(1, 2, 1300, 540);
  fig.suptitle("Gradient descent");
  auto& map = fig.axes(0, 0);
  const auto grid = lina::meshgrid({lina::linspace(-5, 1.5, 121), lina::linspace(-2.5, 2.5, 101)});
  Array Z;
  {
    ag::NoGradGuard no_grad;
    Z = bowl(ag::Tensor(grid[0]), ag::Tensor(grid[1])).value();
  }
  map.contour(grid[0], grid[1], Z, {.levels = {0.25, 1, 2.5, 5, 10, 15}, .color = plot::Color{0.5, 0.5, 0.5}});
  const struct {
    double lr;
    const char* label;
    const char* color;
  } runs[] = {{0.02, "lr 0.02: slow", "#9467bd"}, {0.08, "lr 0.08: good", "#2ca02c"}, {0.185, "lr 0.185: zig-zags", "#ff7f0e"}};
  for (const auto& run : runs) {
    std::vector<double> px{-4.5}, py{1.6};
    for (int step = 0; step < 30; ++step) {
      ag::Tensor x(lina::array({px.back()}), true), y(lina::array({py.back()}), true);
      ag::sum(bowl(x, y)).backward();  // the gradient, by autograd
      px.push_back(px.back() - run.lr * x.grad().item<double>());
      py.push_back(py.back() - run.lr * y.grad().item<double>());
    }
    map.plot(as_array(px), as_array(py), {.color = plot::Color::hex(run.color), .width = 2, .marker = "o", .label = run.label});
  }
  map.set_aspect_equal();
  map.set_title("Paths on f(x, y) = x\u00b2/2 + 5y\u00b2");
  map.set_xlabel("x");
  map.set_ylabel("y");
  map.legend("lower right");

  auto& curve = fig.axes(0, 1);
  std::vector<double> steps;
  for (std::size_t i = 0; i < losses.size(); ++i) steps.push_back(static_cast<double>(i));
  curve.plot(as_array(steps), as_array(losses), {.width = 2, .label = "tiny network, lr 0.1"});
  curve.set_yscale("log");
  curve.set_xlabel("step");
  curve.set_ylabel("loss (log scale)");
  curve.set_title("The tiny network's loss");
  curve.grid();
  const std::string path = in_dir(dir, "gradient_descent.svg");
  fig.save_svg(path);
  return {path};
}

}  // namespace tour
