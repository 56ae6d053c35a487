#include "lina/plot/color.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "lina/core/errors.hpp"

namespace lina::plot {

namespace {
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// sRGB transfer function inverted: encoded value -> linear light.
double srgb_to_linear(double c) {
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
}  // namespace

Color Color::hex(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '#') digits.remove_prefix(1);
  int v[6] = {};
  bool ok = digits.size() == 6;
  for (std::size_t i = 0; ok && i < 6; ++i) ok = (v[i] = hex_digit(digits[i])) >= 0;
  if (!ok)
    throw ValueError("Color::hex: '" + std::string(text) +
                     "' is not a colour; expected six hex digits such as \"#1f77b4\"");
  return {(v[0] * 16 + v[1]) / 255.0, (v[2] * 16 + v[3]) / 255.0, (v[4] * 16 + v[5]) / 255.0};
}

std::string Color::to_hex() const {
  auto byte = [](double c) {
    if (!(c > 0)) return 0;  // also NaN
    return static_cast<int>(std::lround(std::min(c, 1.0) * 255.0));
  };
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(r), byte(g), byte(b));
  return buf;
}

double Color::lightness() const {
  // Relative luminance Y from linear sRGB (ITU-R BT.709 primaries), then CIE L*.
  const double y = 0.2126 * srgb_to_linear(r) + 0.7152 * srgb_to_linear(g) + 0.0722 * srgb_to_linear(b);
  const double f = y > 216.0 / 24389.0 ? std::cbrt(y) : (24389.0 / 27.0 * y + 16.0) / 116.0;
  return 116.0 * f - 16.0;
}

Color cycle_color(int i) {
  static const std::array<Color, 10> kTableau10 = {
      Color::hex("1f77b4"), Color::hex("ff7f0e"), Color::hex("2ca02c"), Color::hex("d62728"),
      Color::hex("9467bd"), Color::hex("8c564b"), Color::hex("e377c2"), Color::hex("7f7f7f"),
      Color::hex("bcbd22"), Color::hex("17becf")};
  const int n = static_cast<int>(kTableau10.size());
  return kTableau10[static_cast<std::size_t>(((i % n) + n) % n)];
}

}  // namespace lina::plot
