// The tour's pictures (sections 5 and 12), drawn with lina::plot into --out DIR.
#pragma once

#include <string>
#include <vector>

namespace tour {

// The constant field [-2, 5] and the field (x, y) -> (2x, x^2), with the sheet's two
// vectors [3, -2] and [-2, 5]; returns the files written.
std::vector<std::string> draw_vector_fields(const std::string& dir);

// Gradient descent (gradients from lina::autograd) over a bowl's contours with three
// learning rates, and the tiny network's training curve over `losses`.
std::vector<std::string> draw_descent(const std::string& dir, const std::vector<double>& losses);

}  // namespace tour
