"""Fails when a public function of lina is missing from docs/numpy-to-lina.md, so the
NumPy correspondence stays complete as operations are added.

usage: check_numpy_to_lina.py SOURCE_DIR

"Public function": a function declared in include/lina/{core,ops,io}/*.hpp in namespace
lina outside `detail` (free functions, the LINA_DECLARE_BINARY/UNARY families, and the
public members of Array and Generator). It counts as documented when its name appears
inside a `code span` in the lina column of one of the page's tables.
"""
import glob
import os
import re
import sys

# Declared in public headers but not part of the API a user calls; with the reason.
INTERNAL = {
    "element_offset": "Array's byte-offset helper behind at()",
    "check_dtype": "private to Array",
    "to_string": "member of the option types (Scalar, NormOrd), used in messages",
    "kind": "member of Scalar", "as_int": "member of Scalar", "as_double": "member of Scalar",
    "is_none": "member of Axes/NormOrd", "values": "member of Axes", "normalize": "member of Axes",
    "p": "member of NormOrd", "name": "member of NormOrd", "value": "member of Index",
    "allocate": "Storage's allocator, behind every array", "data": "also Storage's; Array::data is documented",
    "nbytes": "also Storage's; Array::nbytes is documented",
}
SKIP_CLASSES = ("Scalar", "Axes", "NormOrd", "Index", "Storage", "Slice", "NewAxis", "EllipsisIndex",
                "PrintOptions",
                "SmallVector")  # Shape's container: std::vector's members, no NumPy counterpart


def without_comments(text):
    return re.sub(r"//[^\n]*", "", re.sub(r"/\*.*?\*/", "", text, flags=re.S))


def drop_blocks(text, opener):
    """Removes every `opener { ... }` block (brace-matched)."""
    while True:
        m = re.search(opener + r"\s*\{", text)
        if not m:
            return text
        depth, i = 0, m.end() - 1
        while True:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
            if depth == 0:
                break
        text = text[: m.start()] + text[i:]


def public_functions(src):
    names = set()
    for header in sorted(glob.glob(os.path.join(src, "include", "lina", "*", "*.hpp"))):
        if os.path.basename(os.path.dirname(header)) not in ("core", "ops", "io"):
            continue
        text = without_comments(open(header).read())
        text = drop_blocks(text, r"namespace\s+detail")
        for cls in SKIP_CLASSES:
            text = drop_blocks(text, r"(?:class|struct)\s+" + cls + r"\b[^;{]*")
        text = re.sub(r"private:.*?(?=public:|\};)", "", text, flags=re.S)
        names.update(re.findall(r"LINA_DECLARE_(?:BINARY|UNARY)\((\w+)\)", text))
        text = "\n".join(l for l in text.split("\n") if not l.lstrip().startswith("#"))
        for m in re.finditer(r"(?:^|\n)[ \t]*(?:template\s*<[^\n]*>\s*)?(?:(?:inline|constexpr|static|explicit)\s+)*"
                             r"(?:const\s+)?(decltype\(auto\)|[\w:]+(?:<[^()\n]*>)?[&*]?)\s+[&*]?([a-z_]\w*)\s*\(", text):
            if m.group(1) not in ("return", "else", "new", "delete", "throw", "case"):
                names.add(m.group(2))
    return names - {"operator"}


def lina_cells(page):
    """The lina column of every table (the NumPy column does not count)."""
    cells, column = [], None
    for line in page.split("\n"):
        if not line.startswith("|"):
            column = None
            continue
        row = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]
        if column is None:
            column = row.index("lina") if "lina" in row else -1
        elif column >= 0 and column < len(row) and not re.fullmatch(r"-+", row[column]):
            cells.append(row[column])
    return cells


def main():
    src = sys.argv[1]
    page = open(os.path.join(src, "docs", "numpy-to-lina.md")).read()
    spans = " ".join(re.findall(r"`([^`\n]+)`", " ".join(lina_cells(page))))
    missing = sorted(n for n in public_functions(src) - set(INTERNAL)
                     if not re.search(r"(?<![\w])" + re.escape(n) + r"(?![\w])", spans))
    found = len(public_functions(src) - set(INTERNAL))
    if missing:
        print(f"docs/numpy-to-lina.md lacks {len(missing)} of lina's {found} public functions "
              f"(add a row: the NumPy spelling and the lina one):\n  " + " ".join(missing))
        sys.exit(1)
    print(f"docs/numpy-to-lina.md names all {found} public functions")


main()
