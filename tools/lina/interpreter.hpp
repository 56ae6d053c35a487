// Evaluates one expression of lina's NumPy-like language (../shared/spec/eval-cli.md)
// by recursive descent with Python's precedence, computing as it parses.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "lexer.hpp"
#include "value.hpp"

namespace lina::cli {

class Interpreter {
 public:
  explicit Interpreter(std::map<std::string, Value> names) : names_(std::move(names)) {}
  // Throws ParseError for syntax errors and lina::Error for evaluation errors.
  Value evaluate(const std::string& source);

 private:
  const Token& peek() const { return toks_[pos_]; }
  bool accept(const std::string& op);
  void expect(const std::string& op);
  Value expression();
  Value arith();
  Value term();
  Value unary();
  Value power();
  Value postfix();
  Value atom();
  Value subscript(const Value& base);
  Value call(const std::string& name, int column);
  void arguments(ValueList& args, std::map<std::string, Value>& kwargs);  // after '(' through ')'
  Value attribute(const Value& self, const std::string& name, int column);
  Value sequence(const std::string& close, bool is_list, int column);

  // Binary operator, unary minus and calls go through these, which do nothing during
  // the syntax-only first pass (so a syntax error is reported before any evaluation
  // error, as Python does).
  Value bin(const std::string& op, const Value& a, const Value& b);

  // Counts `values` more tuple and list elements made by this evaluation and raises
  // ValueError past lina's allocation limit (max_alloc_bytes() / sizeof(Value)): each
  // repetition is bounded by itself, but many bounded ones in one expression would still
  // add up (an expression of 4,096 characters can hold 100 of them).
  void charge_sequence_values(std::uint64_t values);

  std::map<std::string, Value> names_;
  std::uint64_t sequence_values_ = 0;  // made so far in this pass (charge_sequence_values)
  bool dry_ = false;
  static constexpr int kMaxDepth = 200;
  int depth_ = 0;
  std::vector<Token> toks_;
  std::size_t pos_ = 0;
};

// Binary and unary operators on values (Python semantics for two Python scalars,
// NumPy's with weak scalars otherwise).
Value binary_op(const std::string& op, const Value& a, const Value& b);
Value negate(const Value& a);

// Calls a builtin (NumPy function) with positional and keyword arguments.
Value call_builtin(const std::string& name, const ValueList& args, const std::map<std::string, Value>& kwargs);
bool is_builtin(const std::string& name);
// The builtins' names with a one-line example each, for help texts.
std::vector<std::pair<std::string, std::string>> builtin_help();

}  // namespace lina::cli
