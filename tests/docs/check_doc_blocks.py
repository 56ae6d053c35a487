"""Extracts every C++ code block of README.md and docs/*.md into sources that the build
compiles (with lina's warnings, linked to lina::lina) and CTest runs, so the docs never
rot. tests/docs/CMakeLists.txt calls it at configure time; tests/docs/README.md states
the convention for writing blocks.

usage: check_doc_blocks.py SOURCE_DIR OUT_DIR

A ```cpp block is, by the line just before it:
  (nothing)                                a whole program: it must define main();
  <!-- docs-test: fragment -->             statements: run inside main() with
                                           `using namespace lina;` and <lina/lina.hpp>,
                                           <iostream>, <cmath> included;
  <!-- docs-test: skip REASON -->          not compiled; the reason is printed.
A block with neither main() nor a marker is an error (a test that fails, naming it).
Every program must exit 0; a fragment that throws fails its test.

Writes OUT_DIR/<doc>_<line>.cpp per program, OUT_DIR/<doc>_fragments.cpp per document
(one function per fragment, run in order), and prints the manifest CMake reads, one
entry a line, fields separated by '|':
  build|TARGET|SOURCE|WHERE      compile SOURCE into TARGET and run it
  skip|WHERE|REASON
  error|WHERE|MESSAGE
Files are rewritten only when their contents change, so unchanged blocks do not rebuild.
"""
import glob
import os
import re
import sys

BLOCK = re.compile(r"^```(?:cpp|c\+\+|cxx)[ \t]*\n(.*?)^```", re.S | re.M)
MARKER = re.compile(r"<!--\s*docs-test:\s*(fragment|skip)\b\s*(.*?)\s*-->\s*$")
FRAGMENT_PRELUDE = "#include <lina/lina.hpp>\n\n#include <cmath>\n#include <iostream>\n\n"


def write_if_changed(path, text):
    if not os.path.exists(path) or open(path).read() != text:
        with open(path, "w") as f:
            f.write(text)


def blocks_of(path):
    """(first code line number, code, marker kind, marker text) for each C++ block."""
    text = open(path).read()
    for m in BLOCK.finditer(text):
        fence_line = text.count("\n", 0, m.start()) + 1
        before = text[: m.start()].rstrip("\n").split("\n")[-1] if m.start() else ""
        marker = MARKER.search(before)
        yield fence_line + 1, m.group(1), (marker.group(1) if marker else None), (marker.group(2) if marker else "")


def main():
    src, out = sys.argv[1:3]
    os.makedirs(out, exist_ok=True)
    src = os.path.abspath(src)
    # (tests/docs/README.md too: its example of the convention must hold.)
    docs = [os.path.join(src, "README.md")] + sorted(glob.glob(os.path.join(src, "docs", "*.md"))) + [
        os.path.join(src, "tests", "docs", "README.md")]
    manifest = []
    for doc in docs:
        rel = os.path.relpath(doc, src)
        stem = re.sub(r"\W", "_", rel)
        fragments = []
        for line, code, kind, note in blocks_of(doc):
            where = f"{rel}:{line}"
            # #line makes compiler errors point into the markdown file.
            located = f'#line {line} "{doc}"\n{code}'
            if kind == "skip":
                if not note:
                    manifest.append(f"error|{where}|a docs-test: skip marker needs a reason")
                else:
                    manifest.append(f"skip|{where}|{note}")
            elif kind == "fragment":
                fragments.append((line, located))
            elif re.search(r"\bint\s+main\s*\(", code):
                source = os.path.join(out, f"{stem}_{line}.cpp")
                write_if_changed(source, located)
                manifest.append(f"build|docs_block_{stem}_{line}|{source}|{where}")
            else:
                manifest.append(f"error|{where}|a C++ block without main() needs <!-- docs-test: fragment --> "
                                "or <!-- docs-test: skip REASON --> on the line before it")
        if fragments:
            body = [FRAGMENT_PRELUDE]
            for line, located in fragments:
                body.append(f"static void fragment_{line}() {{\n  using namespace lina;\n{located}\n}}\n\n")
            body.append("int main() {\n")
            for line, _ in fragments:
                body.append(f'  std::cout << "-- {rel}:{line}" << std::endl;\n  fragment_{line}();\n')
            body.append("}\n")
            source = os.path.join(out, f"{stem}_fragments.cpp")
            write_if_changed(source, "".join(body))
            lines = ",".join(str(line) for line, _ in fragments)
            manifest.append(f"build|docs_block_{stem}_fragments|{source}|{rel}:{lines} (fragments)")
    # The manifest becomes a CMake list and a shell argument: keep its separators out of the text.
    print("\n".join(re.sub(r"[;']", ",", entry) for entry in manifest))


main()
