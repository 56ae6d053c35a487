#include "repl.hpp"

#include <editline/readline.h>
#include <unistd.h>

#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include "interpreter.hpp"
#include "render.hpp"

namespace lina::cli {

namespace {

bool read_line(bool tty, std::string& line) {
  if (tty) {
    char* raw = readline(">>> ");
    if (!raw) return false;
    line = raw;
    std::free(raw);
    if (!line.empty()) add_history(line.c_str());
    return true;
  }
  return static_cast<bool>(std::getline(std::cin, line));
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

bool is_name(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  return true;
}

void help() {
  std::cout << "Statements: NAME = EXPR, or EXPR to print its value. Commands:\n"
               "  :vars                 names, shapes and dtypes\n"
               "  :load NAME FILE.npy   bind NAME to an array from a file\n"
               "  :save NAME FILE.npy   write NAME to a file\n"
               "  :help, :quit\n"
               "Operators: + - * / // % ** @ < <= > >= == != and x.T, x[1:, ::-1, None, ...]\n"
               "Functions:\n";
  for (const auto& [name, example] : builtin_help()) std::cout << "  " << name << ": " << example << "\n";
}

}  // namespace

int run_repl() {
  const bool tty = isatty(STDIN_FILENO);
  std::map<std::string, Value> names;
  if (tty) std::cout << "lina " << kVersion << " — NumPy-style expressions; :help for help, :quit to leave\n";
  std::string line;
  while (read_line(tty, line)) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    try {
      if (line[0] == ':') {
        std::istringstream in(line.substr(1));
        std::string cmd, name, path;
        in >> cmd >> name >> path;
        if (cmd == "quit" || cmd == "q" || cmd == "exit") break;
        if (cmd == "help") {
          help();
        } else if (cmd == "vars") {
          for (const auto& [n, v] : names) {
            if (v.is_array()) {
              const Array& a = std::get<Array>(v.v);
              std::cout << n << "  " << shape_str(a.shape()) << "  " << dtype_name(a.dtype()) << "\n";
            } else {
              std::cout << n << "  " << v.type_name() << "\n";
            }
          }
        } else if (cmd == "load" && is_name(name) && !path.empty()) {
          names[name] = Value{load_npy(path)};
          std::cout << name << " = " << shape_str(std::get<Array>(names[name].v).shape()) << " "
                    << dtype_name(std::get<Array>(names[name].v).dtype()) << "\n";
        } else if (cmd == "save" && !path.empty()) {
          const auto it = names.find(name);
          if (it == names.end()) throw ValueError("save: name '" + name + "' is not defined");
          save_npy(path, to_array(it->second).contiguous());
        } else {
          throw ValueError("unknown command '" + line + "'; try :help");
        }
        continue;
      }
      // `name = expr` (but not `==`).
      const auto eq = line.find('=');
      if (eq != std::string::npos && eq + 1 < line.size() && line[eq + 1] != '=' && eq > 0 &&
          line[eq - 1] != '!' && line[eq - 1] != '<' && line[eq - 1] != '>' && is_name(trim(line.substr(0, eq)))) {
        names[trim(line.substr(0, eq))] = Interpreter(names).evaluate(line.substr(eq + 1));
        continue;
      }
      std::cout << render(Interpreter(names).evaluate(line)) << "\n";
    } catch (const std::exception& e) {
      std::cout << "error: " << e.what() << "\n";
    }
    std::cout.flush();
  }
  return 0;
}

}  // namespace lina::cli
