"""Runs the NumPy line of every step the tour prints and checks that it means the same as
the C++ beside it: the same repr() for array results, the same value for shapes and
numbers, a ValueError/IndexError where lina raised, the same shape where only a shape
is printed. usage: NPY_PROMOTION_STATE=weak /usr/bin/python3 check_numpy_lines.py TOUR

Each section's NumPy lines run in order in one namespace, as a reader would type them.
Two sections cannot be replayed value for value, and are checked as follows:
- "A tiny network": its weights come from lina's Generator, whose streams differ from
  NumPy's, so only the steps that print a shape are run and compared;
- "Linear algebra is faster": timings of random data; nothing to replay.
"""
import ast
import itertools
import re
import subprocess
import sys

import numpy as np

SHAPES_ONLY = {"A tiny network"}
NOT_REPLAYED = {"Linear algebra is faster"}
SKIPPED = "skipped"
RESULT_INDENT = " " * 9  # the width of "  =>     "


def parse(output):
    """[(title, [(cpp, numpy, result)])] from the tour's output."""
    sections, lines, i = [], output.split("\n"), 0
    while i < len(lines):
        line = lines[i]
        heading = re.match(r"^\[(\d+)/(\d+)\] (.*)$", line)
        if heading:
            sections.append((heading.group(3), []))
        elif line.startswith("  lina : "):
            cpp, numpy = line[9:], lines[i + 1][len("  numpy: "):]
            result = [lines[i + 2][len("  =>     "):]]
            i += 3
            while i < len(lines) and lines[i].startswith(RESULT_INDENT):
                result.append(lines[i][len(RESULT_INDENT):])
                i += 1
            # Blank lines inside a result (between the blocks of a 3-d array) are part of it.
            while i + 1 < len(lines) and lines[i] == "" and lines[i + 1].startswith(RESULT_INDENT + " "):
                result.append("")
                i += 1
                while i < len(lines) and lines[i].startswith(RESULT_INDENT):
                    result.append(lines[i][len(RESULT_INDENT):])
                    i += 1
            sections[-1][1].append((cpp, numpy, "\n".join(result)))
            continue
        i += 1
    return sections


def run(code, namespace):
    """Evaluates an expression or runs an assignment; returns the value it produced."""
    code = code.split("  #")[0].strip()
    try:
        return eval(compile(code, "<numpy line>", "eval"), namespace)
    except SyntaxError:
        exec(compile(code, "<numpy line>", "exec"), namespace)
        target = re.match(r"^([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*=[^=]", code)
        names = [n.strip() for n in target.group(1).split(",")] if target else []
        return namespace[names[0]] if len(names) == 1 else None


def check_step(cpp, numpy_line, result, namespace, shapes_only):
    """None if the step agrees with NumPy, SKIPPED if it is not compared, else the reason."""
    is_error = re.match(r"^(ShapeError|IndexError|lina::Error): ", result)
    if shapes_only and not result.startswith("shape "):
        return SKIPPED
    if is_error:
        try:
            run(numpy_line, namespace)
        except (ValueError, IndexError) as e:
            return None if (type(e) is IndexError) == (is_error.group(1) == "IndexError") else f"NumPy raised {e!r}"
        return "lina raised but NumPy did not"
    value = run(numpy_line, namespace)
    if result.startswith("array("):
        expected = repr(np.asarray(value))
        return None if expected == result else f"NumPy gives\n{expected}"
    if result.startswith("shape "):
        expected = "shape " + str(tuple(np.shape(value)))
        return None if expected == result else f"NumPy gives {expected}"
    try:
        literal = ast.literal_eval(result)
    except (ValueError, SyntaxError):
        return SKIPPED  # prose ("2 arrays of shape (3, 3)", "... degrees"): the line only has to run
    return None if literal == value else f"NumPy gives {value!r}"


def main():
    output = subprocess.run([sys.argv[1], "--out", sys.argv[2] if len(sys.argv) > 2 else "tour-pictures"],
                            capture_output=True, text=True, check=True).stdout
    sections = parse(output)
    checked = failed = 0
    for title, steps in sections:
        if title in NOT_REPLAYED:
            continue
        namespace = {"np": np, "itertools": itertools, "rng": np.random.default_rng(0)}
        for cpp, numpy_line, result in steps:
            try:
                problem = check_step(cpp, numpy_line, result, namespace, title in SHAPES_ONLY)
            except Exception as e:  # a NumPy line that does not run is a failure too
                problem = f"the NumPy line raised {e!r}"
            if problem == SKIPPED:
                continue
            checked += 1
            if problem:
                failed += 1
                print(f"FAIL [{title}]\n  lina : {cpp}\n  numpy: {numpy_line}\n  lina gave\n{result}\n  {problem}\n")
    print(f"tour numpy lines: {checked - failed} of {checked} steps agree with NumPy "
          f"({len(sections)} sections)")
    if failed or checked < 50:
        sys.exit(1)


main()
