// Published colour tables, one 0xRRGGBB word per entry (sources in each .cpp).
#pragma once

#include <array>
#include <cstdint>

namespace lina::plot::detail {

extern const std::array<std::uint32_t, 256> kViridis;  // viridis_table.cpp

// ColorBrewer "RdBu", 11 classes, dark red to dark blue. Source: Cynthia A. Brewer,
// ColorBrewer 2.0 (colorbrewer2.org), Pennsylvania State University; Apache-2.0
// style licence. The 11-class scheme is the longest, so the smoothest to interpolate.
inline constexpr std::array<std::uint32_t, 11> kRdBu11 = {
    0x67001fu, 0xb2182bu, 0xd6604du, 0xf4a582u, 0xfddbc7u, 0xf7f7f7u,
    0xd1e5f0u, 0x92c5deu, 0x4393c3u, 0x2166acu, 0x053061u};

}  // namespace lina::plot::detail
