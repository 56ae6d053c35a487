// `lina repl`: an interactive session over the expression language.
#pragma once

namespace lina::cli {

// Reads statements until end of input: `name = expr`, `expr` (prints its value), and
// the commands :help :vars :load NAME FILE :save NAME FILE :quit. On a terminal, line
// editing and history come from libedit. An error prints its message and the session
// goes on. Returns the exit status (0).
int run_repl();

}  // namespace lina::cli
