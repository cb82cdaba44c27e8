"""The Python sources outside the tests take the schemes' codes from the scheme files: no
string in python/caseweight/ (the templates in sheets/ and the made-up county too) or tools/
is a case or modifier code of a scheme, and no source edits sys.path (the package is found on
PYTHONPATH)."""

import glob
import io
import os
import tokenize
import unittest

from caseweight import SOURCE_DIR, schemes

# Worker items double as job titles and grades (NQSW ...): only the codes a case row uses.
ROW_GROUPS = ("case", "modifier", "specific", "additional")


def sources():
    out = glob.glob(os.path.join(SOURCE_DIR, "python", "caseweight", "**", "*.py"), recursive=True)
    out += glob.glob(os.path.join(SOURCE_DIR, "tools", "caseweight-*"))
    return sorted(p for p in out if not os.path.islink(p))


def strings(path):
    """(line, value) of every string literal of the file, docstrings too."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for tok in tokenize.generate_tokens(io.StringIO(text).readline):
        if tok.type == tokenize.STRING:
            try:
                value = eval(tok.string, {})  # a literal: no names to look up
            except SyntaxError:
                continue
            if isinstance(value, str):
                yield tok.start[0], value


class Sources(unittest.TestCase):
    def test_no_source_spells_a_row_code(self):
        codes = set()
        for scheme in schemes.built_in():
            for v in scheme.versions:
                codes.update(i["code"] for i in v.items if i.get("group") in ROW_GROUPS)
        found = []
        for path in sources():
            for line, value in strings(path):
                parts = {p.strip() for p in value.split(";")}
                hits = sorted(parts & codes)
                if hits:
                    found.append("%s:%d: %s" % (os.path.relpath(path, SOURCE_DIR), line, hits))
        self.assertEqual(found, [])

    def test_no_python_source_edits_sys_path(self):
        found = []
        pattern = "sys.path" + "."  # not this file's own text
        for path in glob.glob(os.path.join(SOURCE_DIR, "**", "*.py"), recursive=True):
            rel = os.path.relpath(path, SOURCE_DIR)
            if rel.startswith("build") or os.path.islink(path):
                continue
            with open(path, encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    if pattern + "insert" in line or pattern + "append" in line:
                        found.append("%s:%d" % (rel, n))
        self.assertEqual(found, [])


if __name__ == "__main__":
    unittest.main()
