"""caseweight.fods' cell addresses, office-free."""

import unittest
from types import SimpleNamespace

from caseweight.fods import cells_of, col


def area(c0, r0, c1, r1):
    """A stand-in for a CellRangeAddress: the four fields cells_of reads."""
    return SimpleNamespace(StartColumn=c0, StartRow=r0, EndColumn=c1, EndRow=r1)


class CellsOf(unittest.TestCase):
    def test_area_by_area_row_by_row(self):
        self.assertEqual(
            list(cells_of([area(1, 0, 2, 1), area(0, 5, 0, 5)])),
            [(1, 0), (2, 0), (1, 1), (2, 1), (0, 5)],
        )

    def test_nothing_found(self):
        self.assertEqual(list(cells_of(())), [])


class Col(unittest.TestCase):
    def test_names(self):
        self.assertEqual(
            [col(i) for i in (0, 25, 26, 51, 52, 701, 702)],
            ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"],
        )


if __name__ == "__main__":
    unittest.main()
