"""Compiles and runs every ```cpp block with a main() in README.md and docs/*.md, so the
docs never rot. usage: check_doc_blocks.py SOURCE_DIR WORKDIR CXX LIB [LINK FLAGS...]"""
import glob
import os
import re
import subprocess
import sys

src, work, cxx, lib = sys.argv[1:5]
link = sys.argv[5:]
os.makedirs(work, exist_ok=True)
files = [os.path.join(src, "README.md")] + sorted(glob.glob(os.path.join(src, "docs", "*.md")))
blocks = []
for f in files:
    for i, code in enumerate(re.findall(r"```cpp\n(.*?)```", open(f).read(), re.S)):
        if "int main" in code:
            blocks.append((f"{os.path.basename(f)}#{i}", code))
failed = 0
for name, code in blocks:
    cpp = os.path.join(work, re.sub(r"\W", "_", name) + ".cpp")
    exe = cpp[:-4]
    open(cpp, "w").write(code)
    c = subprocess.run([cxx, "-std=c++20", "-O1", "-I", os.path.join(src, "include"), cpp, lib, *link, "-o", exe],
                       capture_output=True, text=True)
    r = subprocess.run([exe], capture_output=True, text=True, cwd=work) if c.returncode == 0 else None
    if c.returncode != 0 or r.returncode != 0:
        failed += 1
        print(f"FAIL {name}:\n{c.stderr[-2000:]}{r.stderr if r else ''}")
    else:
        print(f"ok   {name}")
print(f"{len(blocks) - failed} passed, {failed} failed")
sys.exit(1 if failed or not blocks else 0)
