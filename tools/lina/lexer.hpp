// Tokens of the expression language (a subset of Python's).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace lina::cli {

enum class Tok { Int, Float, Name, String, Op, End };

struct Token {
  Tok kind;
  std::string text;
  int column;  // 1-based, as the error messages count
};

// A syntax error at a column: "parse error at column 9: expected ')'".
class ParseError : public std::runtime_error {
 public:
  ParseError(int column, const std::string& what)
      : std::runtime_error("parse error at column " + std::to_string(column) + ": " + what) {}
};

std::vector<Token> tokenize(const std::string& src);

}  // namespace lina::cli
