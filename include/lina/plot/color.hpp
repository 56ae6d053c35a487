// Colours for plots: sRGB values in [0, 1], written to SVG as hex triplets ("#rrggbb").
#pragma once

#include <string>
#include <string_view>

namespace lina::plot {

struct Color {
  double r = 0, g = 0, b = 0;  // sRGB components in [0, 1]

  // "#1f77b4" or "1f77b4"; throws ValueError on anything else.
  static Color hex(std::string_view text);
  // "#rrggbb", components rounded to 8 bits and clamped to [0, 1].
  std::string to_hex() const;
  // CIE 1976 L* (0 black .. 100 white) under D65: how light the colour looks. Used to
  // pick black or white text on a coloured cell, and by the tests of the colour maps.
  double lightness() const;

  bool operator==(const Color&) const = default;
};

// The i-th colour of the default cycle for lines and markers (wraps around). It is the
// ten-colour "Tableau 10" palette that matplotlib has used as its default cycle since
// version 2.0: distinct hues of similar weight that stay apart for most colour-blind
// readers.
Color cycle_color(int i);

}  // namespace lina::plot
