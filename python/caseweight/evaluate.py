"""Evaluates formulas in a scratch sheet of a running office.

The add-in's functions are reached through formulas (their types are not known to this
Python process), and UNO calls are slow, so formulas are written, recalculated and read back
in blocks of a column:

    with Scratch(office) as scratch:
        scratch.values(['=CASEPOINTS("SWINDON";"CP";4)'])       -> [54.0]
        scratch.values(['=CASEPOINTS("SWINDON";"X")'])           -> [None]   (an error)
        scratch.values(['=CASEPOINTS("SWINDON";"X")'], errors=True) -> ['Err:502']
        scratch.array('=SCHEMEITEMS("SWINDON";"travel")')        -> ['TRAVEL-NEAR', ...]

Results are cached per formula for the life of the scratch document (the add-in gives the
same result for the same formula).
"""

ERROR_MARK = "#cw-error#"
BLOCK = 2000  # formulas written at once


class Scratch:
    """A new Calc document of `office` used as a scratch sheet; close() closes it."""

    def __init__(self, office):
        self.doc = office.new_calc()
        self.sheet = self.doc.Sheets.getByIndex(0)
        self._cache = {}

    def close(self):
        self.doc.close(True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def values(self, formulas, errors=False):
        """The results of `formulas` ("=..." each), in order: a number (float) or a text; for a
        formula showing an error None, or with errors=True the error as shown ("Err:502",
        "#NAME?" ...)."""
        key = bool(errors)
        todo = [f for f in dict.fromkeys(formulas) if (f, key) not in self._cache]
        for start in range(0, len(todo), BLOCK):
            block = todo[start : start + BLOCK]
            rng = self.sheet.getCellRangeByPosition(0, 0, 0, len(block) - 1)
            if errors:
                rng.setFormulaArray(tuple((f,) for f in block))
            else:
                rng.setFormulaArray(
                    tuple(('=IFERROR(%s;"%s")' % (f[1:], ERROR_MARK),) for f in block)
                )
            self.doc.calculateAll()
            for f, (v,) in zip(block, rng.getDataArray()):
                self._cache[(f, key)] = None if v == ERROR_MARK else v
            if errors:
                for i, f in enumerate(block):
                    cell = rng.getCellByPosition(0, i)
                    if cell.getError():
                        self._cache[(f, key)] = cell.getString() or "Err:%d" % cell.getError()
            rng.clearContents(1023)
        return [self._cache[(f, key)] for f in formulas]

    def value(self, formula, errors=False):
        return self.values([formula], errors)[0]

    def array(self, formula, rows=200):
        """The texts of an array formula's first column, down to the first empty cell, error or
        repeat (Calc repeats a 1x1 result over the whole range)."""
        if (formula, "array") in self._cache:
            return self._cache[(formula, "array")]
        rng = self.sheet.getCellRangeByPosition(2, 0, 2, rows - 1)
        rng.setArrayFormula(formula)
        self.doc.calculateAll()
        out = []
        for (v,) in rng.getDataArray():
            if (
                not isinstance(v, str)
                or not v
                or v.startswith("#")
                or v.startswith("Err")
                or v in out
            ):
                break
            out.append(v)
        rng.setArrayFormula("")
        rng.clearContents(1023)
        self._cache[(formula, "array")] = out
        return out
