// Axes::render: lays out one panel inside its cell and draws it.
//
//   +------------------------- cell --------------------------+
//   |                    title                                |
//   |        +----------------------------+  +--+             |
//   | ylabel | ticks   plot box (clipped) |  |cb| cb ticks    |
//   |        +----------------------------+  +--+  cb label   |
//   |           tick labels, xlabel                           |
//   +---------------------------------------------------------+
#include <algorithm>
#include <cmath>

#include "lina/plot/axes.hpp"
#include "lina/plot/geometry.hpp"
#include "lina/plot/ticks.hpp"
#include "plot/artist.hpp"

namespace lina::plot {

namespace {
using detail::Box;
using detail::Canvas;
using detail::Stroke;
using detail::TextStyle;
using detail::Transform;

constexpr double kTickFont = 11, kLabelFont = 13, kTitleFont = 14, kLegendFont = 11;
constexpr double kTickLength = 5;
const Color kInk{0.13, 0.13, 0.13};
const Color kFrame{0.2, 0.2, 0.2};

Ticks axis_ticks(double lo, double hi, bool log, int max_ticks, bool integer) {
  if (log) return log_ticks(lo, hi, max_ticks);
  return linear_ticks(lo, hi, max_ticks, integer);
}

double widest(const std::vector<std::string>& labels, double size) {
  double w = 0;
  for (const auto& l : labels) w = std::max(w, detail::text_width(l, size));
  return w;
}

// Grows the shorter data range so one unit has the same length on both axes.
void make_equal_aspect(Transform& t) {
  const double sx = t.box.w / (t.x1 - t.x0), sy = t.box.h / (t.y1 - t.y0);
  if (sx > sy) {
    const double half = t.box.w / sy / 2, c = (t.x0 + t.x1) / 2;
    t.x0 = c - half, t.x1 = c + half;
  } else {
    const double half = t.box.h / sx / 2, c = (t.y0 + t.y1) / 2;
    t.y0 = c - half, t.y1 = c + half;
  }
}

void draw_legend_sample(Canvas& canvas, const detail::LegendEntry& e, double x, double cy) {
  using Kind = detail::LegendEntry::Kind;
  switch (e.kind) {
    case Kind::Line:
      if (e.width > 0) canvas.line({x, cy}, {x + 28, cy}, Stroke{e.color, e.width, e.dash, 1});
      if (!e.marker.empty())
        detail::draw_marker(canvas, {x + 14, cy}, e.marker, e.marker_size, e.color,
                            {e.color.r * 0.6, e.color.g * 0.6, e.color.b * 0.6}, 1);
      break;
    case Kind::Marker:
      detail::draw_marker(canvas, {x + 14, cy}, e.marker, std::min(e.marker_size, 12.0), e.color,
                          {e.color.r * 0.6, e.color.g * 0.6, e.color.b * 0.6}, 1);
      break;
    case Kind::Arrow:
      canvas.polygon(arrow_polygon({x + 2, cy}, {x + 28, cy}, 2, 8, 9), e.color.to_hex());
      break;
    case Kind::Patch:
      canvas.rect({x + 4, cy - 5, 20, 10}, e.color.to_hex());
      break;
  }
}
}  // namespace

void Axes::render(Canvas& canvas, const Box& cell) const {
  Transform t;
  t.xlog = xlog_, t.ylog = ylog_, t.invert_y = invert_y_;
  std::tie(t.x0, t.x1) = limits(true);
  std::tie(t.y0, t.y1) = limits(false);

  // Margins from provisional tick labels.
  const Ticks y_guess = axis_ticks(t.y0, t.y1, ylog_, 7, integer_ticks_);
  double left = 8 + widest(y_guess.labels, kTickFont) + kTickLength + 5;
  if (!ylabel_.empty()) left += kLabelFont + 8;
  double bottom = 8 + kTickLength + 4 + kTickFont * 1.2;
  if (!xlabel_.empty()) bottom += kLabelFont + 8;
  double top = title_.empty() ? 14 : 14 + kTitleFont + 10;
  double right = 18;
  double cb_label_width = 0;
  if (colorbar_) {
    const ColorScale& s = colorbar_->first;
    std::vector<std::string> labels;
    for (double v : s.levels) labels.push_back(format_general(v, 4));
    if (s.levels.empty() && s.vmin < s.vmax) labels = linear_ticks(s.vmin, s.vmax, 8).labels;
    cb_label_width = widest(labels, kTickFont);
    right += 14 + 14 + kTickLength + 4 + cb_label_width + (colorbar_->second.empty() ? 0 : kLabelFont + 8);
  }
  t.box = {cell.x + left, cell.y + top, std::max(cell.w - left - right, 20.0), std::max(cell.h - top - bottom, 20.0)};
  if (equal_aspect_ && !xlog_ && !ylog_) make_equal_aspect(t);

  // Index axes (images) have short integer labels: one per row or column while they fit.
  const int max_x = integer_ticks_ ? std::clamp(static_cast<int>(t.box.w / 28), 3, 30)
                                   : std::clamp(static_cast<int>(t.box.w / 75), 3, 10);
  const int max_y = integer_ticks_ ? std::clamp(static_cast<int>(t.box.h / 20), 3, 30)
                                   : std::clamp(static_cast<int>(t.box.h / 45), 3, 10);
  const Ticks xt = axis_ticks(t.x0, t.x1, xlog_, max_x, integer_ticks_);
  const Ticks yt = axis_ticks(t.y0, t.y1, ylog_, max_y, integer_ticks_);

  canvas.rect(t.box, "#ffffff");
  if (grid_) {
    const Stroke g{{0.88, 0.88, 0.88}, 0.8, "", 1};
    for (double v : xt.values) canvas.line({t.px(v), t.box.y}, {t.px(v), t.box.bottom()}, g);
    for (double v : yt.values) canvas.line({t.box.x, t.py(v)}, {t.box.right(), t.py(v)}, g);
  }

  // The data, clipped to the box, lowest z-order first (stable: call order within one).
  std::vector<const detail::Artist*> order;
  for (const auto& a : artists_) order.push_back(a.get());
  std::stable_sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->zorder() < b->zorder(); });
  canvas.begin_group(canvas.clip(t.box));
  for (const auto* a : order) a->draw(canvas, t);
  canvas.end_group();

  // Frame, ticks and their labels.
  const Stroke frame{kFrame, 1, "", 1};
  canvas.rect(t.box, "none", &frame);
  TextStyle tick_text;
  tick_text.size = kTickFont;
  tick_text.color = kInk;
  tick_text.anchor = "middle";
  tick_text.baseline = "hanging";
  for (std::size_t k = 0; k < xt.values.size(); ++k) {
    const double x = t.px(xt.values[k]);
    canvas.line({x, t.box.bottom()}, {x, t.box.bottom() + kTickLength}, frame);
    canvas.text({x, t.box.bottom() + kTickLength + 3}, xt.labels[k], tick_text);
  }
  tick_text.anchor = "end";
  tick_text.baseline = "middle";
  for (std::size_t k = 0; k < yt.values.size(); ++k) {
    const double y = t.py(yt.values[k]);
    canvas.line({t.box.x - kTickLength, y}, {t.box.x, y}, frame);
    canvas.text({t.box.x - kTickLength - 3, y}, yt.labels[k], tick_text);
  }

  TextStyle label;
  label.size = kLabelFont;
  label.anchor = "middle";
  if (!xlabel_.empty())
    canvas.text({t.box.x + t.box.w / 2, t.box.bottom() + kTickLength + 4 + kTickFont * 1.2 + kLabelFont + 4}, xlabel_,
                label);
  if (!ylabel_.empty()) {
    label.rotate = -90;
    label.baseline = "hanging";
    canvas.text({cell.x + 6, t.box.y + t.box.h / 2}, ylabel_, label);
    label.rotate = 0;
    label.baseline = "auto";
  }
  if (!title_.empty()) {
    TextStyle title;
    title.size = kTitleFont;
    title.anchor = "middle";
    title.bold = true;
    canvas.text({t.box.x + t.box.w / 2, t.box.y - 10}, title_, title);
  }

  // Legend.
  std::vector<detail::LegendEntry> entries;
  for (const auto& a : artists_)
    if (auto e = a->legend()) entries.push_back(*e);
  if (legend_ && !entries.empty()) {
    double text_w = 0;
    for (const auto& e : entries) text_w = std::max(text_w, detail::text_width(e.label, kLegendFont));
    const double row = 18, w = 8 + 28 + 6 + text_w + 10, h = 6 + row * static_cast<double>(entries.size()) + 2;
    const double inset = 8;
    const Box corners[4] = {
        {t.box.right() - inset - w, t.box.y + inset, w, h},       // upper right
        {t.box.x + inset, t.box.y + inset, w, h},                  // upper left
        {t.box.x + inset, t.box.bottom() - inset - h, w, h},       // lower left
        {t.box.right() - inset - w, t.box.bottom() - inset - h, w, h},  // lower right
    };
    int pick = 0;
    if (*legend_ == "best") {
      std::vector<Point> pts;
      for (const auto& a : artists_) a->sample_points(t, pts);
      std::size_t best = SIZE_MAX;
      for (int k = 0; k < 4; ++k) {
        const auto n = static_cast<std::size_t>(
            std::count_if(pts.begin(), pts.end(), [&](const Point& p) { return corners[k].contains(p); }));
        if (n < best) best = n, pick = k;
      }
    } else {
      static const char* kNames[] = {"upper right", "upper left", "lower left", "lower right"};
      for (int k = 0; k < 4; ++k)
        if (*legend_ == kNames[k]) pick = k;
    }
    const Box& b = corners[pick];
    const Stroke edge{{0.75, 0.75, 0.75}, 1, "", 1};
    canvas.rect(b, "#ffffff", &edge, 0.88);
    TextStyle lt;
    lt.size = kLegendFont;
    lt.baseline = "middle";
    for (std::size_t k = 0; k < entries.size(); ++k) {
      const double cy = b.y + 6 + row * (static_cast<double>(k) + 0.5);
      draw_legend_sample(canvas, entries[k], b.x + 8, cy);
      canvas.text({b.x + 8 + 28 + 6, cy}, entries[k].label, lt);
    }
  }

  // Colour bar.
  if (colorbar_) {
    const ColorScale& s = colorbar_->first;
    const Box bar{t.box.right() + 14, t.box.y, 14, t.box.h};
    std::vector<std::pair<double, std::string>> marks;  // (pixel y, label)
    if (s.levels.empty()) {
      std::vector<Color> stops;
      for (int k = 0; k < 32; ++k) stops.push_back(s.cmap(k / 31.0));
      canvas.rect(bar, "url(#" + canvas.vertical_gradient(stops) + ")");
      if (s.vmin < s.vmax) {
        const Ticks ct = linear_ticks(s.vmin, s.vmax, std::clamp(static_cast<int>(bar.h / 40), 3, 10));
        for (std::size_t k = 0; k < ct.values.size(); ++k)
          marks.push_back({bar.bottom() - (ct.values[k] - s.vmin) / (s.vmax - s.vmin) * bar.h, ct.labels[k]});
      } else {
        marks.push_back({bar.y + bar.h / 2, format_general(s.vmin, 4)});
      }
    } else {
      const std::size_t n = s.levels.size();
      const std::size_t every = n / 12 + 1;
      if (s.lines) {
        canvas.rect(bar, "#ffffff");
        for (std::size_t k = 0; k < n; ++k) {
          const double y = bar.bottom() - (static_cast<double>(k) + 0.5) / static_cast<double>(n) * bar.h;
          canvas.line({bar.x, y}, {bar.right(), y}, Stroke{detail::spread_color(s.cmap, k, n), 2.5, "", 1});
          if (k % every == 0) marks.push_back({y, format_general(s.levels[k], 4)});
        }
      } else {
        const std::size_t bands = n > 0 ? n - 1 : 0;
        for (std::size_t k = 0; k < bands; ++k) {
          const double y0 = bar.bottom() - static_cast<double>(k) / static_cast<double>(bands) * bar.h;
          const double y1 = bar.bottom() - static_cast<double>(k + 1) / static_cast<double>(bands) * bar.h;
          canvas.rect({bar.x, y1, bar.w, y0 - y1 + 0.4}, detail::spread_color(s.cmap, k, bands).to_hex());
        }
        for (std::size_t k = 0; k < n; k += every)
          marks.push_back({bar.bottom() - (bands ? static_cast<double>(k) / static_cast<double>(bands) : 0) * bar.h,
                           format_general(s.levels[k], 4)});
      }
    }
    canvas.rect(bar, "none", &frame);
    TextStyle ct;
    ct.size = kTickFont;
    ct.baseline = "middle";
    for (const auto& [y, text] : marks) {
      canvas.line({bar.right(), y}, {bar.right() + kTickLength, y}, frame);
      canvas.text({bar.right() + kTickLength + 3, y}, text, ct);
    }
    if (!colorbar_->second.empty()) {
      TextStyle cl;
      cl.size = kLabelFont;
      cl.anchor = "middle";
      cl.rotate = -90;
      cl.baseline = "hanging";
      canvas.text({bar.right() + kTickLength + 6 + cb_label_width + 4, bar.y + bar.h / 2}, colorbar_->second, cl);
    }
  }
}

}  // namespace lina::plot
