// Axes: the plotting calls. Each checks its inputs, reads them as float64 and adds an
// artist; drawing happens in axes_render.cpp when the figure is written.
#include "lina/plot/axes.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "lina/core/errors.hpp"
#include "lina/plot/contour.hpp"
#include "lina/ops/creation.hpp"
#include "lina/plot/ticks.hpp"
#include "plot/array_input.hpp"
#include "plot/artists.hpp"

namespace lina::plot {

using detail::values_of;

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();

void check_finite(const char* op, const char* what, double v) {
  if (!std::isfinite(v))
    throw ValueError(std::string(op) + ": " + what + " must be finite, got " + format_general(v));
}
void check_size(const char* op, const char* what, double v) {
  if (!std::isfinite(v) || v < 0)
    throw ValueError(std::string(op) + ": " + what + " must be finite and >= 0, got " + format_general(v));
}
void check_alpha(const char* op, double a) {
  if (!(a >= 0 && a <= 1)) throw ValueError(std::string(op) + ": alpha must be in [0, 1], got " + format_general(a));
}

// The finite range of `v`, or nothing.
std::optional<std::pair<double, double>> finite_range(const std::vector<double>& v) {
  double lo = kInf, hi = -kInf;
  for (double x : v)
    if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
  if (lo > hi) return std::nullopt;
  return std::make_pair(lo, hi);
}

void same_length(const char* op, const char* a_name, const Array& a, const char* b_name, const Array& b) {
  if (a.shape() != b.shape())
    throw ShapeError(std::string(op) + ": " + a_name + " and " + b_name + " must have the same shape, got " +
                     shape_str(a.shape()) + " and " + shape_str(b.shape()));
}
}  // namespace

Axes::Axes() = default;
Axes::~Axes() = default;

Color Axes::next_color() { return cycle_color(color_index_++); }

void Axes::add(std::unique_ptr<detail::Artist> artist) { artists_.push_back(std::move(artist)); }

void Axes::plot(const Array& y, const LineOptions& options) {
  detail::require_1d("plot", "y", y);
  plot(arange(Scalar(y.shape(0))), y, options);
}

void Axes::plot(const Array& x, const Array& y, const LineOptions& options) {
  detail::require_1d("plot", "x", x);
  detail::require_1d("plot", "y", y);
  same_length("plot", "x", x, "y", y);
  detail::check_dash("plot", options.dash);
  detail::check_marker("plot", options.marker, true);
  check_size("plot", "width", options.width);
  check_size("plot", "marker_size", options.marker_size);
  check_alpha("plot", options.alpha);
  const Color c = options.color ? *options.color : next_color();
  add(std::make_unique<detail::LineArtist>(values_of(x), values_of(y), c, options));
}

ColorScale Axes::scatter(const Array& x, const Array& y, const ScatterOptions& options) {
  detail::require_1d("scatter", "x", x);
  detail::require_1d("scatter", "y", y);
  same_length("scatter", "x", x, "y", y);
  detail::check_marker("scatter", options.marker, false);
  check_size("scatter", "size", options.size);
  check_alpha("scatter", options.alpha);
  ColorScale scale{options.cmap, 0, 1, {}, false};
  std::vector<Color> colors(static_cast<std::size_t>(x.size()));
  if (options.values) {
    same_length("scatter", "x", x, "values", *options.values);
    const auto v = values_of(*options.values);
    if (auto r = finite_range(v)) scale.vmin = r->first, scale.vmax = r->second;
    for (std::size_t i = 0; i < v.size(); ++i) colors[i] = options.cmap.at(v[i], scale.vmin, scale.vmax);
  } else {
    std::fill(colors.begin(), colors.end(), options.color ? *options.color : next_color());
  }
  add(std::make_unique<detail::ScatterArtist>(values_of(x), values_of(y), std::move(colors), options));
  return scale;
}

ColorScale Axes::quiver(const Array& X, const Array& Y, const Array& U, const Array& V,
                        const QuiverOptions& options) {
  same_length("quiver", "U", U, "V", V);
  if (options.pivot != "tail" && options.pivot != "middle")
    throw ValueError("quiver: pivot '" + options.pivot + "' is not valid; use \"tail\" or \"middle\"");
  if (options.scale && !(std::isfinite(*options.scale) && *options.scale > 0))
    throw ValueError("quiver: scale must be finite and > 0, got " + format_general(*options.scale));
  check_size("quiver", "width", options.width);
  std::vector<double> xs, ys;
  double spacing = kInf;
  if (U.ndim() == 2) {
    auto g = detail::grid_coords("quiver", X, Y, U.shape(), "U and V of shape");
    xs = std::move(g.x), ys = std::move(g.y);
    const std::int64_t rows = U.shape(0), cols = U.shape(1);
    for (std::int64_t i = 0; i < rows; ++i)
      for (std::int64_t j = 0; j < cols; ++j) {
        const auto k = static_cast<std::size_t>(i * cols + j);
        if (j + 1 < cols) {
          const double d = std::hypot(xs[k + 1] - xs[k], ys[k + 1] - ys[k]);
          if (d > 0 && std::isfinite(d)) spacing = std::min(spacing, d);
        }
        if (i + 1 < rows) {
          const auto kd = k + static_cast<std::size_t>(cols);
          const double d = std::hypot(xs[kd] - xs[k], ys[kd] - ys[k]);
          if (d > 0 && std::isfinite(d)) spacing = std::min(spacing, d);
        }
      }
  } else if (U.ndim() == 1 && X.shape() == U.shape() && Y.shape() == U.shape()) {
    xs = values_of(X), ys = values_of(Y);
    // Scattered arrows: the closest pair sets the spacing (a cap keeps this cheap).
    const std::size_t n = std::min<std::size_t>(xs.size(), 2000);
    for (std::size_t a = 0; a < n; ++a)
      for (std::size_t b = a + 1; b < n; ++b) {
        const double d = std::hypot(xs[b] - xs[a], ys[b] - ys[a]);
        if (d > 0 && std::isfinite(d)) spacing = std::min(spacing, d);
      }
  } else {
    throw ShapeError("quiver: X " + shape_str(X.shape()) + ", Y " + shape_str(Y.shape()) + ", U " +
                     shape_str(U.shape()) + " and V " + shape_str(V.shape()) +
                     " do not fit together; U and V must be 2-D (rows, cols) with X, Y of that shape or of "
                     "shapes (cols,) and (rows,), or all four 1-D of one length");
  }
  if (!std::isfinite(spacing)) spacing = 1;  // a single point: any length will do
  const auto us = values_of(U), vs = values_of(V);
  std::vector<double> mag(us.size());
  double max_mag = 0;
  for (std::size_t k = 0; k < us.size(); ++k) {
    mag[k] = std::hypot(us[k], vs[k]);
    if (std::isfinite(mag[k])) max_mag = std::max(max_mag, mag[k]);
  }
  ColorScale scale{options.cmap, 0, 1, {}, false};
  std::vector<double> cvals;
  if (options.color_values) {
    same_length("quiver", "U", U, "color_values", *options.color_values);
    cvals = values_of(*options.color_values);
  } else if (options.color_by_magnitude) {
    cvals = mag;
  }
  if (auto r = finite_range(cvals)) scale.vmin = r->first, scale.vmax = r->second;
  const Color single = options.color ? *options.color : next_color();
  const double auto_scale = max_mag > 0 ? 0.9 * spacing / max_mag : 1;
  std::vector<detail::ArrowSpec> arrows;
  arrows.reserve(us.size());
  for (std::size_t k = 0; k < us.size(); ++k) {
    if (!std::isfinite(xs[k]) || !std::isfinite(ys[k]) || !std::isfinite(mag[k]) || mag[k] == 0) continue;
    double s = options.scale ? *options.scale : auto_scale;
    if (options.normalize) s = 0.9 * spacing / mag[k];
    const double dx = us[k] * s, dy = vs[k] * s;
    const double x = options.pivot == "middle" ? xs[k] - dx / 2 : xs[k];
    const double y = options.pivot == "middle" ? ys[k] - dy / 2 : ys[k];
    const Color c = cvals.empty() ? single : options.cmap.at(cvals[k], scale.vmin, scale.vmax);
    arrows.push_back({x, y, dx, dy, c});
  }
  const Color legend_color = cvals.empty() ? single : options.cmap(0.6);
  add(std::make_unique<detail::ArrowsArtist>(std::move(arrows), options.width, 3.6, 4.2, true, options.label,
                                             legend_color));
  return scale;
}

void Axes::arrow(double x, double y, double dx, double dy, const ArrowOptions& options) {
  check_finite("arrow", "x", x);
  check_finite("arrow", "y", y);
  check_finite("arrow", "dx", dx);
  check_finite("arrow", "dy", dy);
  check_size("arrow", "width", options.width);
  check_size("arrow", "head_width", options.head_width);
  check_size("arrow", "head_length", options.head_length);
  const Color c = options.color ? *options.color : next_color();
  add(std::make_unique<detail::ArrowsArtist>(std::vector<detail::ArrowSpec>{{x, y, dx, dy, c}}, options.width,
                                             options.head_width, options.head_length, false, options.label, c));
}

ColorScale Axes::contour(const Array& X, const Array& Y, const Array& Z, const ContourOptions& options) {
  return contour_impl("contour", &X, &Y, Z, options, false);
}
ColorScale Axes::contour(const Array& Z, const ContourOptions& options) {
  return contour_impl("contour", nullptr, nullptr, Z, options, false);
}
ColorScale Axes::contourf(const Array& X, const Array& Y, const Array& Z, const ContourOptions& options) {
  return contour_impl("contourf", &X, &Y, Z, options, true);
}
ColorScale Axes::contourf(const Array& Z, const ContourOptions& options) {
  return contour_impl("contourf", nullptr, nullptr, Z, options, true);
}

ColorScale Axes::contour_impl(const char* op, const Array* X, const Array* Y, const Array& Z,
                              const ContourOptions& options, bool filled) {
  if (Z.ndim() != 2)
    throw ShapeError(std::string(op) + ": Z must be 2-D (rows, cols), got shape " + shape_str(Z.shape()));
  const std::int64_t rows = Z.shape(0), cols = Z.shape(1);
  const auto g = X ? detail::grid_coords(op, *X, *Y, Z.shape(), "Z of shape") : detail::index_coords(rows, cols);
  if (options.num_levels < 1)
    throw ValueError(std::string(op) + ": num_levels must be >= 1, got " + std::to_string(options.num_levels));
  check_size(op, "width", options.width);
  check_alpha(op, options.alpha);
  for (std::size_t k = 0; k < options.levels.size(); ++k)
    if (!std::isfinite(options.levels[k]) || (k > 0 && !(options.levels[k] > options.levels[k - 1])))
      throw ValueError(std::string(op) + ": levels must be finite and strictly increasing; level " +
                       std::to_string(k) + " is " + format_general(options.levels[k]));
  const auto z = values_of(Z);
  ColorScale scale{options.cmap, 0, 1, {}, !filled};

  // The levels: given, or nice values across the data.
  std::vector<double> levels = options.levels;
  const auto range = finite_range(z);
  if (levels.empty() && range) {
    double lo = range->first, hi = range->second;
    if (lo == hi) {
      if (filled) widen_singular_range(lo, hi), levels = {lo, hi};  // one band over everything
    } else {
      const double step = nice_step(lo, hi, options.num_levels + 1);
      if (filled) {
        // Band edges from a multiple of the step at or below the minimum to one at or
        // above the maximum, so every finite sample lies in a band.
        const double first = std::floor(lo / step), count = std::min(std::ceil(hi / step) - first, 1000.0);
        for (int k = 0; k <= static_cast<int>(count); ++k) levels.push_back((first + k) * step);
      } else {
        for (double l : linear_ticks(lo, hi, options.num_levels + 1).values)
          if (l > lo && l < hi) levels.push_back(l);
      }
    }
  }
  scale.levels = levels;
  if (!levels.empty()) scale.vmin = levels.front(), scale.vmax = levels.back();

  detail::Extent grid;
  for (std::size_t k = 0; k < g.x.size(); ++k) grid.add(g.x[k], g.y[k], false, false);
  grid.tight = true;
  // Index coordinates (u = column, v = row) to data coordinates, bilinear in the cell.
  const auto to_data = [&](Point p) {
    // Clamped as a double before the conversion, which is undefined for NaN and for
    // values beyond int64 (contour points lie in the grid, but the cast should not
    // depend on that).
    const auto cell = [](double v, std::int64_t n) {
      const double last = static_cast<double>(std::max<std::int64_t>(n - 2, 0));
      return static_cast<std::int64_t>(std::fmin(std::fmax(std::floor(v), 0.0), last));  // NaN -> 0
    };
    const std::int64_t i0 = cell(p.y, rows), j0 = cell(p.x, cols);
    const auto i1 = std::min(i0 + 1, rows - 1), j1 = std::min(j0 + 1, cols - 1);
    const double fv = p.y - static_cast<double>(i0), fu = p.x - static_cast<double>(j0);
    auto lerp2 = [&](const std::vector<double>& c) {
      auto at = [&](std::int64_t i, std::int64_t j) { return c[static_cast<std::size_t>(i * cols + j)]; };
      return (1 - fv) * ((1 - fu) * at(i0, j0) + fu * at(i0, j1)) + fv * ((1 - fu) * at(i1, j0) + fu * at(i1, j1));
    };
    return Point{lerp2(g.x), lerp2(g.y)};
  };
  const std::span<const double> zs(z);
  if (filled) {
    std::vector<detail::FilledRegion> regions;
    const std::size_t bands = levels.empty() ? 0 : levels.size() - 1;
    for (std::size_t k = 0; k < bands; ++k) {
      detail::FilledRegion r{detail::spread_color(options.cmap, k, bands), {}};
      for (auto& loop : contour_region(zs, rows, cols, levels[k])) {
        for (Point& p : loop) p = to_data(p);
        r.loops.push_back(std::move(loop));
      }
      regions.push_back(std::move(r));
    }
    add(std::make_unique<detail::ContourFillArtist>(std::move(regions), grid, options.alpha));
  } else {
    std::vector<detail::LevelLines> sets;
    for (std::size_t k = 0; k < levels.size(); ++k) {
      const Color c = options.color ? *options.color : detail::spread_color(options.cmap, k, levels.size());
      detail::LevelLines s{levels[k], c, {}};
      for (auto& line : contour_lines(zs, rows, cols, levels[k])) {
        for (Point& p : line.points) p = to_data(p);
        s.lines.push_back(std::move(line.points));
      }
      sets.push_back(std::move(s));
    }
    add(std::make_unique<detail::ContourArtist>(std::move(sets), grid, options.width, options.labels,
                                                std::clamp(options.label_digits, 1, 10)));
  }
  return scale;
}

ColorScale Axes::imshow(const Array& Z, const ImshowOptions& options) {
  if (Z.ndim() != 2)
    throw ShapeError("imshow: Z must be 2-D (rows, cols), got shape " + shape_str(Z.shape()));
  auto z = values_of(Z);
  double vmin = 0, vmax = 1;
  if (auto r = finite_range(z)) vmin = r->first, vmax = r->second;
  if (options.vmin) check_finite("imshow", "vmin", *options.vmin), vmin = *options.vmin;
  if (options.vmax) check_finite("imshow", "vmax", *options.vmax), vmax = *options.vmax;
  if (vmin > vmax)
    throw ValueError("imshow: vmin " + format_general(vmin) + " is above vmax " + format_general(vmax));
  invert_y_ = true;
  integer_ticks_ = true;
  add(std::make_unique<detail::ImageArtist>(std::move(z), Z.shape(0), Z.shape(1), options, vmin, vmax));
  return {options.cmap, vmin, vmax, {}, false};
}

void Axes::text(double x, double y, const std::string& text, const TextOptions& options) {
  check_finite("text", "x", x);
  check_finite("text", "y", y);
  if (!(options.size > 0) || !std::isfinite(options.size))
    throw ValueError("text: size must be finite and > 0, got " + format_general(options.size));
  if (options.anchor != "start" && options.anchor != "middle" && options.anchor != "end")
    throw ValueError("text: anchor '" + options.anchor + "' is not valid; use \"start\", \"middle\" or \"end\"");
  add(std::make_unique<detail::TextArtist>(x, y, text, options));
}

void Axes::axhline(double y, const LineOptions& options) {
  check_finite("axhline", "y", y);
  detail::check_dash("axhline", options.dash);
  add(std::make_unique<detail::RefLineArtist>(true, y, options.color ? *options.color : Color{0.55, 0.55, 0.55},
                                              options));
}

void Axes::axvline(double x, const LineOptions& options) {
  check_finite("axvline", "x", x);
  detail::check_dash("axvline", options.dash);
  add(std::make_unique<detail::RefLineArtist>(false, x, options.color ? *options.color : Color{0.55, 0.55, 0.55},
                                              options));
}

void Axes::set_xlim(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi) || (xlog_ && lo <= 0))
    throw ValueError("set_xlim: [" + format_general(lo) + ", " + format_general(hi) + "] is not valid; it needs " +
                     (xlog_ ? "0 < lo < hi on a log axis" : "finite lo < hi"));
  xlim_ = {lo, hi};
}

void Axes::set_ylim(double lo, double hi) {
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo < hi) || (ylog_ && lo <= 0))
    throw ValueError("set_ylim: [" + format_general(lo) + ", " + format_general(hi) + "] is not valid; it needs " +
                     (ylog_ ? "0 < lo < hi on a log axis" : "finite lo < hi"));
  ylim_ = {lo, hi};
}

namespace {
bool parse_scale(const char* op, const std::string& scale) {
  if (scale == "linear") return false;
  if (scale == "log") return true;
  throw ValueError(std::string(op) + ": scale '" + scale + "' is not valid; use \"linear\" or \"log\"");
}
}  // namespace

void Axes::set_xscale(const std::string& scale) {
  const bool log = parse_scale("set_xscale", scale);
  if (log && xlim_ && xlim_->first <= 0)
    throw ValueError("set_xscale: the x limits [" + format_general(xlim_->first) + ", " +
                     format_general(xlim_->second) + "] include values <= 0, which a log axis cannot show");
  xlog_ = log;
}

void Axes::set_yscale(const std::string& scale) {
  const bool log = parse_scale("set_yscale", scale);
  if (log && ylim_ && ylim_->first <= 0)
    throw ValueError("set_yscale: the y limits [" + format_general(ylim_->first) + ", " +
                     format_general(ylim_->second) + "] include values <= 0, which a log axis cannot show");
  ylog_ = log;
}

void Axes::legend(const std::string& location) {
  static const char* kLocations[] = {"best", "upper right", "upper left", "lower left", "lower right"};
  for (const char* l : kLocations)
    if (location == l) {
      legend_ = location;
      return;
    }
  throw ValueError("legend: location '" + location +
                   "' is not valid; use \"best\", \"upper right\", \"upper left\", \"lower left\" or \"lower right\"");
}

void Axes::colorbar(const ColorScale& scale, std::string label) { colorbar_.emplace(scale, std::move(label)); }

std::pair<double, double> Axes::xlim() const { return limits(true); }
std::pair<double, double> Axes::ylim() const { return limits(false); }

std::pair<double, double> Axes::limits(bool x_axis) const {
  if (x_axis && xlim_) return *xlim_;
  if (!x_axis && ylim_) return *ylim_;
  const bool log = x_axis ? xlog_ : ylog_;
  double lo = kInf, hi = -kInf, tight_lo = kInf, tight_hi = -kInf;
  for (const auto& a : artists_) {
    const detail::Extent e = a->extent(xlog_, ylog_);
    if (e.empty()) continue;
    const double elo = x_axis ? e.xmin : e.ymin, ehi = x_axis ? e.xmax : e.ymax;
    lo = std::min(lo, elo), hi = std::max(hi, ehi);
    if (e.tight) tight_lo = std::min(tight_lo, elo), tight_hi = std::max(tight_hi, ehi);
  }
  if (lo > hi) return log ? std::make_pair(1.0, 10.0) : std::make_pair(0.0, 1.0);
  if (log) {
    // Work in decades, as the axis draws them.
    double a = std::log10(lo), b = std::log10(hi);
    if (a == b) a -= 1, b += 1;
    const double m = 0.05 * (b - a);
    return {std::pow(10.0, tight_lo <= lo ? a : a - m), std::pow(10.0, tight_hi >= hi ? b : b + m)};
  }
  if (lo == hi) {
    widen_singular_range(lo, hi);
    return {lo, hi};
  }
  const double m = 0.05 * (hi - lo);
  return {tight_lo <= lo ? lo : lo - m, tight_hi >= hi ? hi : hi + m};
}

}  // namespace lina::plot
