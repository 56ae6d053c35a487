// Colour maps: a value in [0, 1] to a colour, by linear interpolation between the
// entries of a published table.
//
//   viridis  perceptually uniform, lightness rises monotonically from dark violet to
//            yellow; the default for magnitudes, heat maps and filled contours.
//   RdBu     ColorBrewer's diverging red-white-blue; RdBu_r runs blue (low) to red
//            (high), the usual choice for signed values such as weights.
//   gray     black to white.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "lina/plot/color.hpp"

namespace lina::plot {

class Colormap {
 public:
  // viridis.
  Colormap();
  // A map through `stops`, evenly spaced over [0, 1]; needs at least two.
  Colormap(std::string name, std::vector<Color> stops);

  // "viridis", "RdBu", "RdBu_r", "gray"; throws ValueError naming the valid ones.
  static Colormap by_name(const std::string& name);
  static Colormap viridis();
  static Colormap rdbu();    // red (low) .. white .. blue (high), as ColorBrewer
  static Colormap rdbu_r();  // blue (low) .. white .. red (high)
  static Colormap gray();

  // The colour at t in [0, 1] (clamped); NaN gives the "bad" colour, light grey.
  Color operator()(double t) const;
  // The colour of value v on the scale vmin..vmax (the midpoint when vmin == vmax).
  Color at(double v, double vmin, double vmax) const;

  const std::string& name() const { return name_; }
  const std::vector<Color>& stops() const { return *stops_; }

 private:
  std::string name_;
  std::shared_ptr<const std::vector<Color>> stops_;
};

}  // namespace lina::plot
