#include "lina/plot/colormap.hpp"

#include <algorithm>
#include <cmath>

#include "lina/core/errors.hpp"
#include "plot/colormap_tables.hpp"

namespace lina::plot {

namespace {
Color from_word(std::uint32_t w) {
  return {((w >> 16) & 0xffu) / 255.0, ((w >> 8) & 0xffu) / 255.0, (w & 0xffu) / 255.0};
}

template <std::size_t N>
std::vector<Color> from_words(const std::array<std::uint32_t, N>& words, bool reversed) {
  std::vector<Color> out;
  out.reserve(N);
  for (std::uint32_t w : words) out.push_back(from_word(w));
  if (reversed) std::reverse(out.begin(), out.end());
  return out;
}
}  // namespace

Colormap::Colormap() : Colormap(viridis()) {}

Colormap::Colormap(std::string name, std::vector<Color> stops) : name_(std::move(name)) {
  if (stops.size() < 2)
    throw ValueError("Colormap: '" + name_ + "' has " + std::to_string(stops.size()) +
                     " colours; a colour map needs at least two");
  stops_ = std::make_shared<const std::vector<Color>>(std::move(stops));
}

Colormap Colormap::viridis() {
  static const Colormap map("viridis", from_words(detail::kViridis, false));
  return map;
}
Colormap Colormap::rdbu() {
  static const Colormap map("RdBu", from_words(detail::kRdBu11, false));
  return map;
}
Colormap Colormap::rdbu_r() {
  static const Colormap map("RdBu_r", from_words(detail::kRdBu11, true));
  return map;
}
Colormap Colormap::gray() {
  static const Colormap map("gray", {Color{0, 0, 0}, Color{1, 1, 1}});
  return map;
}

Colormap Colormap::by_name(const std::string& name) {
  if (name == "viridis") return viridis();
  if (name == "RdBu") return rdbu();
  if (name == "RdBu_r") return rdbu_r();
  if (name == "gray" || name == "grey") return gray();
  throw ValueError("Colormap::by_name: unknown colour map '" + name +
                   "'; valid names are viridis, RdBu, RdBu_r, gray");
}

Color Colormap::operator()(double t) const {
  if (std::isnan(t)) return Color{0.85, 0.85, 0.85};
  const auto& s = *stops_;
  const double x = std::clamp(t, 0.0, 1.0) * static_cast<double>(s.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(x), s.size() - 2);
  const double f = x - static_cast<double>(i);
  const Color& a = s[i];
  const Color& b = s[i + 1];
  return {a.r + (b.r - a.r) * f, a.g + (b.g - a.g) * f, a.b + (b.b - a.b) * f};
}

Color Colormap::at(double v, double vmin, double vmax) const {
  if (!(vmax > vmin)) return (*this)(std::isnan(v) ? v : 0.5);
  return (*this)((v - vmin) / (vmax - vmin));
}

}  // namespace lina::plot
