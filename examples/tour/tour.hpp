// The cheat-sheet tour's shared pieces: the section list and the helpers that print one
// step as "the C++ it runs / the NumPy line that means the same / the result".
//
// Output format (tests/tour/check_tour.sh reads it):
//   [N/M] Title             a section heading
//       text                an explanation (say)
//     lina : C++ code       one step (show, show_text, STEP, DEFINE, STEP_ERROR)
//     numpy: NumPy code
//     =>     result
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "lina/lina.hpp"

namespace tour {

// What every section may need from the command line.
struct Context {
  std::string out_dir;  // --out DIR: where the sections that draw write their pictures
};

struct Section {
  const char* title;
  std::function<void(const Context&)> body;
};

// Every section, in the cheat sheet's order (main.cpp).
const std::vector<Section>& sections();

// An explanation line.
void say(const std::string& text);
// Ends a section with an empty line (unless its last step printed one).
void end_section();
// One step whose result is an array: printed as NumPy's repr() prints it.
void show(const std::string& code, const std::string& numpy, const lina::Array& result);
// One step whose result is text (a shape, a time, a number).
void show_text(const std::string& code, const std::string& numpy, const std::string& result);

// Runs `f`, which must throw a lina::Error, and prints the error as the step's result.
// Anything else (no error, another exception) stops the tour: the step would be a lie.
template <class F>
void show_error(const std::string& code, const std::string& numpy, F&& f) {
  std::string kind;
  std::string message;
  try {
    f();
  } catch (const lina::ShapeError& e) {
    kind = "ShapeError", message = e.what();
  } catch (const lina::IndexError& e) {
    kind = "IndexError", message = e.what();
  } catch (const lina::Error& e) {
    kind = "lina::Error", message = e.what();
  }
  if (kind.empty()) throw std::logic_error("tour: expected `" + code + "` to raise a lina::Error");
  show_text(code, numpy, kind + ": " + message);
}

// "(2, 3)": NumPy's spelling of a shape.
inline std::string shape_of(const lina::Array& a) { return lina::shape_str(a.shape()); }
// A number as NumPy prints a float64 scalar (shortest round-trip digits).
inline std::string number(double x) { return lina::scalar_str(lina::array(x)); }

// The section bodies, one file each (NN_name.cpp).
void vectors(const Context&);
void scalar_operations(const Context&);
void elementwise_operations(const Context&);
void dot_vs_hadamard(const Context&);
void vector_fields(const Context&);
void matrices(const Context&);
void matrix_elementwise(const Context&);
void broadcasting(const Context&);
void broadcast_hadamard(const Context&);
void transpose(const Context&);
void matrix_multiplication(const Context&);
void tiny_network(const Context&);
void loops_vs_linear_algebra(const Context&);

}  // namespace tour

// STEP("numpy line", expr): prints the C++ expression as written, the NumPy line and
// the value of the expression.
#define STEP(numpy, ...) ::tour::show(#__VA_ARGS__, numpy, (__VA_ARGS__))
// DEFINE(name, "name = numpy expr", expr): binds a const lina::Array and shows it.
#define DEFINE(name, numpy, ...)  \
  const lina::Array name = (__VA_ARGS__); \
  ::tour::show("lina::Array " #name " = " #__VA_ARGS__, numpy, name)
// DEFINE_SHAPED(name, "name = numpy expr", expr): as DEFINE, but prints only the shape
// (for random arrays, whose values NumPy's generator would not reproduce).
#define DEFINE_SHAPED(name, numpy, ...) \
  const lina::Array name = (__VA_ARGS__); \
  ::tour::show_text("lina::Array " #name " = " #__VA_ARGS__, numpy, "shape " + ::tour::shape_of(name))
// STEP_ERROR("numpy line", expr): the expression must raise a lina::Error; prints it.
#define STEP_ERROR(numpy, ...) ::tour::show_error(#__VA_ARGS__, numpy, [&] { (void)(__VA_ARGS__); })
