#include "lexer.hpp"

#include <cctype>

namespace lina::cli {

std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> out;
  std::size_t i = 0;
  // Longest operators first.
  static const char* kOps[] = {"...", "**", "//", "<=", ">=", "==", "!=", "+", "-", "*", "/", "%", "@", "<",
                               ">",   "(",  ")",  "[",  "]",  ",",  ":",  ".", "="};
  while (i < s.size()) {
    const char c = s[i];
    const int col = static_cast<int>(i) + 1;
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) ||
        (c == '.' && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1])))) {
      std::size_t j = i;
      bool is_float = false;
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      if (j < s.size() && s[j] == '.' && !(j + 1 < s.size() && s[j + 1] == '.')) {
        is_float = true;
        ++j;
        while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
      }
      if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
          is_float = true;
          j = k;
          while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j;
        }
      }
      if (j < s.size() && (std::isalpha(static_cast<unsigned char>(s[j])) || s[j] == '_'))
        throw ParseError(static_cast<int>(j) + 1, "invalid number literal");
      std::string text;
      for (std::size_t k = i; k < j; ++k)
        if (s[k] != '_') text += s[k];
      out.push_back({is_float ? Tok::Float : Tok::Int, text, col});
      i = j;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      std::size_t j = i;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      out.push_back({Tok::Name, s.substr(i, j - i), col});
      i = j;
      continue;
    }
    if (c == '\'' || c == '"') {
      const std::size_t end = s.find(c, i + 1);
      if (end == std::string::npos) throw ParseError(col, "unterminated string");
      out.push_back({Tok::String, s.substr(i + 1, end - i - 1), col});
      i = end + 1;
      continue;
    }
    bool matched = false;
    for (const char* op : kOps) {
      const std::string o(op);
      if (s.compare(i, o.size(), o) == 0) {
        out.push_back({Tok::Op, o, col});
        i += o.size();
        matched = true;
        break;
      }
    }
    if (!matched) throw ParseError(col, std::string("unexpected character '") + c + "'");
  }
  out.push_back({Tok::End, "", static_cast<int>(s.size()) + 1});
  return out;
}

}  // namespace lina::cli
