"""Every formula example in the README, with the result it promises, in real headless Calc."""

import os
import re
import unittest

from common import SOURCE_DIR, OfficeTestCase, column_results, set_formulas, shown_of

# "`=F(...)` → 54", "`=F(...)` with Z1 empty → 77", "`=F(...)` → `Within band`",
# and the lines of the code block at the top: "=F(...)   → 40   (a comment)".
INLINE = re.compile(r"`(=[^`]+)`(?: with ([^→`]*?))?\s*→\s*(?:`([^`]+)`|(-?[\d,]*\.?\d+))")
BLOCK = re.compile(r"^(=\S.*?)\s+→ (.+?)(?:\s{2,}\(.*\))?$", re.M)
# What the examples' "with ..." clauses say the sheet holds.
CELLS = {"I1": 7.4}


def readme_examples():
    with open(os.path.join(SOURCE_DIR, "README.md"), encoding="utf-8") as f:
        text = f.read()
    examples = []
    for block in re.findall(r"```\n(.*?)```", text, re.S):
        for formula, result in BLOCK.findall(block):
            examples.append((formula.replace(" ", "").replace(";;", ";;"), result.strip()))
    prose = re.sub(r"```.*?```", "", text, flags=re.S)
    prose = re.sub(r"\s*\n\s*", " ", prose)  # examples may wrap across lines
    for formula, _, text_result, number in INLINE.findall(prose):
        examples.append((formula, text_result or number))
    return examples


def space_free(formula):
    """Spaces outside quoted texts removed (the code block aligns its arguments)."""
    parts = formula.split('"')
    return '"'.join(p.replace(" ", "") if i % 2 == 0 else p for i, p in enumerate(parts))


class ReadmeExamples(OfficeTestCase):
    def test_every_example_gives_what_the_readme_says(self):
        examples = readme_examples()
        self.assertGreater(len(examples), 25)
        doc = self.new_doc()
        sheet = doc.Sheets.getByIndex(0)
        for name, value in CELLS.items():
            sheet.getCellRangeByName(name).setValue(value)
        set_formulas(sheet, 40, [space_free(formula) for formula, _ in examples], doc=doc)
        doc.calculateAll()
        failures = []
        # column AP is empty and no example reads it
        results = column_results(sheet, 40, len(examples), spare_column=41)
        for row, ((formula, want), result) in enumerate(zip(examples, results)):
            kind, got = result
            if re.fullmatch(r"-?[\d,]*\.?\d+", want) and kind == "value":
                # as many decimals as the README writes: 14.47 for 14.4711...
                places = len(want.split(".")[1]) if "." in want else 0
                ok = round(got, places) == float(want.replace(",", ""))
            else:
                ok = shown_of(sheet, result, 40, row) == want
            if not ok:
                failures.append(
                    "%s: the README says %r, Calc gives %r"
                    % (formula, want, shown_of(sheet, result, 40, row))
                )
        self.assertEqual(failures, [], "\n".join(failures))


if __name__ == "__main__":
    unittest.main()
