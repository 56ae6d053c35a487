"""Doxygen input filter: lets lina's headers keep plain `//` comments (STYLE.md) while the
API reference shows them. Reads a header, writes it with
  - the comment block that opens the file as the file's documentation (`/// @file`),
  - a whole-line `//` comment as a doc comment (`///`) for what follows it,
  - a trailing `// text` after a declaration (`;`, `{}` or `,`) as `///< text`,
and leaves alone separator lines (`// ---`) with the heading lines that follow them,
`// NOLINT` notes and macro bodies. Only
the text Doxygen reads changes; the headers on disk do not.
usage (Doxygen's INPUT_FILTER): doxygen_filter.py FILE
"""
import re
import sys

WHOLE_LINE = re.compile(r"^(\s*)//(?!/)\s?(.*)$")
TRAILING = re.compile(r"^(.*?(?:;|\{\}|,))(\s*)//(?!/)\s?(.*)$")


def convert(lines):
    out, opening, in_macro, heading = [], True, False, False
    for line in lines:
        whole = WHOLE_LINE.match(line)
        if opening:
            if whole:
                out.append(("/// @file\n" if not out else "") + f"{whole.group(1)}/// {whole.group(2)}".rstrip())
                continue
            opening = False
        if not whole:
            heading = False
        continued_macro = in_macro
        in_macro = line.rstrip().endswith("\\") and (in_macro or line.lstrip().startswith("#"))
        if continued_macro or line.lstrip().startswith("#"):
            out.append(line)
        elif whole and (heading or re.match(r"-{3,}|={3,}|NOLINT", whole.group(2))):
            heading = bool(re.match(r"-{3,}|={3,}", whole.group(2))) or (heading and whole.group(2) != "")
            out.append(line)
        elif whole:
            out.append(f"{whole.group(1)}/// {whole.group(2)}".rstrip())
        else:
            trailing = TRAILING.match(line)
            if trailing and not trailing.group(3).startswith("NOLINT") and '"' not in trailing.group(1):
                out.append(f"{trailing.group(1)}{trailing.group(2)}///< {trailing.group(3)}")
            else:
                out.append(line)
    return out


sys.stdout.write("\n".join(convert(open(sys.argv[1]).read().split("\n"))))
