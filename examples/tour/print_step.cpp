// How the tour prints one step: the C++ code, the NumPy line, then the result with its
// continuation lines indented under the first.
#include <iostream>

#include "tour.hpp"

namespace tour {

namespace {
constexpr const char* kResultIndent = "         ";  // the width of "  =>     "
// A step ends with an empty line; an explanation does not. Sections end on one.
bool at_paragraph_end = true;
}  // namespace

void say(const std::string& text) {
  std::cout << "    " << text << "\n";
  at_paragraph_end = false;
}

void end_section() {
  if (!at_paragraph_end) std::cout << "\n";
  at_paragraph_end = true;
}

void show_text(const std::string& code, const std::string& numpy, const std::string& result) {
  std::string indented;
  for (std::size_t i = 0; i < result.size(); ++i) {
    indented += result[i];
    if (result[i] == '\n' && i + 1 < result.size() && result[i + 1] != '\n') indented += kResultIndent;
  }
  std::cout << "  lina : " << code << "\n  numpy: " << numpy << "\n  =>     " << indented << "\n\n";
  at_paragraph_end = true;
}

void show(const std::string& code, const std::string& numpy, const lina::Array& result) {
  show_text(code, numpy, lina::repr(result));
}

}  // namespace tour
