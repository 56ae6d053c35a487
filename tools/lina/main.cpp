// The `lina` command.
//   lina eval 'EXPR' [NAME=PATH.npy ...] [-o OUT.npy]   (../shared/spec/eval-cli.md)
//   lina info
//   lina repl          (also bare `lina`)
// Exit status: 0 success; 1 the expression could not be evaluated; 2 usage error or an
// unreadable input file. Every error is one line on stderr starting "lina: error: ".
#include <CLI/CLI.hpp>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iostream>
#include <map>

#include "interpreter.hpp"
#include "render.hpp"
#include "repl.hpp"
#include "lina/lina.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace {

using lina::cli::Value;

int fail(int status, const std::string& message) {
  std::string line = message;
  for (char& c : line)
    if (c == '\n') c = ' ';
  std::cerr << "lina: error: " << line << "\n";
  return status;
}

int run_eval(const std::string& expr, const std::vector<std::string>& bindings, const std::string& out_path) {
  std::map<std::string, Value> names;
  for (const auto& b : bindings) {
    const auto eq = b.find('=');
    if (eq == std::string::npos || eq == 0)
      return fail(2, "bad binding '" + b + "': expected NAME=PATH.npy");
    const std::string name = b.substr(0, eq), path = b.substr(eq + 1);
    if (!(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_'))
      return fail(2, "bad binding '" + b + "': '" + name + "' is not a valid name");
    try {
      if (path.size() > 4 && path.compare(path.size() - 4, 4, ".npz") == 0) {
        for (const auto& [key, a] : lina::load_npz(path)) names[name + "." + key] = Value{a};
      } else {
        names[name] = Value{lina::load_npy(path)};
      }
    } catch (const lina::Error& e) {
      return fail(2, e.what());
    }
  }
  Value result;
  try {
    result = lina::cli::Interpreter(names).evaluate(expr);
  } catch (const lina::cli::ParseError& e) {
    return fail(1, e.what());
  } catch (const lina::Error& e) {
    return fail(1, e.what());
  } catch (const std::exception& e) {
    return fail(1, e.what());
  }
  if (!out_path.empty()) {
    try {
      lina::save_npy(out_path, lina::cli::to_array(result).contiguous());
    } catch (const lina::Error& e) {
      return fail(2, e.what());
    }
    return 0;
  }
  std::cout << lina::cli::render(result) << "\n";
  return 0;
}

int run_info() {
  std::cout << "lina " << lina::kVersion << "\n";
#if defined(__clang__)
  std::cout << "compiler: clang " << __clang_major__ << "." << __clang_minor__ << "." << __clang_patchlevel__ << "\n";
#elif defined(__GNUC__)
  std::cout << "compiler: g++ " << __GNUC__ << "." << __GNUC_MINOR__ << "." << __GNUC_PATCHLEVEL__ << "\n";
#endif
  std::cout << "simd targets compiled: " << lina::simd_targets() << "\n";
  std::cout << "simd target chosen at run time: " << lina::kernels_target() << "\n";
  std::cout << "gemm: " << lina::gemm_info() << "\n";
  std::cout << "threads: " << lina::get_num_threads() << " (LINA_NUM_THREADS or lina::set_num_threads)\n";
  std::cout << "blas: built-in (lina's packed GEMM)\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"lina: NumPy's array model in C++. Try: lina eval 'arange(6).reshape(2, 3) @ ones(3)'"};
  app.require_subcommand(0, 1);
  std::string expr, out_path;
  std::vector<std::string> bindings;
  CLI::App* eval = app.add_subcommand("eval", "evaluate a NumPy-style expression over .npy files");
  eval->add_option("expr", expr, "the expression, e.g. 'x @ w.T + b'")->required();
  eval->add_option("bindings", bindings, "NAME=PATH.npy inputs; NAME=PATH.npz binds NAME.KEY for each member");
  eval->add_option("-o", out_path, "write the result to OUT.npy instead of printing it");
  CLI::App* info = app.add_subcommand("info", "version, compiler, SIMD target, threads, BLAS backend");
  app.add_subcommand("repl", "an interactive session (also: bare `lina`)");
  // An expression that starts with '-' ('-x + 1') would read as an option: give it a
  // leading space, which the expression language ignores and the option parser does not
  // take for an option. Only the first argument after `eval`, and never eval's own
  // options (-o FILE, -h, --help).
  std::vector<std::string> words(argv, argv + argc);
  auto is_eval_option = [](const std::string& w) {
    if (w == "-h" || w.rfind("--", 0) == 0) return true;
    if (w.rfind("-o", 0) != 0) return false;  // -o FILE or -oFILE: a path, no operators
    return std::all_of(w.begin(), w.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || std::strchr("._/-~", c); });
  };
  if (words.size() > 2 && words[1] == "eval" && words[2].size() > 1 && words[2][0] == '-' && !is_eval_option(words[2]))
    words[2] = " " + words[2];
  std::vector<char*> args;
  for (auto& w : words) args.push_back(w.data());
  try {
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    return fail(2, e.what());
  }
  if (eval->parsed()) return run_eval(expr, bindings, out_path);
  if (info->parsed()) return run_info();
  return lina::cli::run_repl();
}
