"""caseweight.score without an office: values as texts and the printed team table."""

import contextlib
import io
import unittest

from caseweight import score


def printed(rows):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        score.print_table(rows)
    return out.getvalue()


class Text(unittest.TestCase):
    def test_numbers(self):
        self.assertEqual(score.text(6.0), "6")
        self.assertEqual(score.text(0.0), "0")
        self.assertEqual(score.text(-3.0), "-3")
        self.assertEqual(score.text(312.0), "312")
        self.assertEqual(score.text(7.5), "7.5")
        self.assertEqual(score.text(0.1), "0.1")
        self.assertEqual(score.text(1e16), "10000000000000000")

    def test_texts_pass_through(self):
        self.assertEqual(score.text("CP"), "CP")
        self.assertEqual(score.text(""), "")
        self.assertEqual(score.text("Err:502"), "Err:502")


class PrintTable(unittest.TestCase):
    def test_columns_padded_to_the_widest_cell(self):
        rows = [
            ["Worker", "Total", "Band"],
            ["Ann", "312", "Within band"],
            ["Bob Smith", "9"],
        ]
        self.assertEqual(
            printed(rows),
            "  Worker     Total  Band\n" "  Ann        312    Within band\n" "  Bob Smith  9\n",
        )

    def test_empty_rows_left_out(self):
        rows = [["", "", ""], ["Team", "North"], [" ", ""], ["Total", "654"], []]
        self.assertEqual(printed(rows), "  Team   North\n  Total  654\n")

    def test_no_trailing_spaces(self):
        out = printed([["A", "", ""], ["", "", "C"]])
        self.assertEqual(out, "  A\n       C\n")  # A, an empty column, C
        for line in out.splitlines():
            self.assertEqual(line, line.rstrip())

    def test_nothing_to_print(self):
        self.assertEqual(printed([]), "")
        self.assertEqual(printed([["", " "], []]), "")


if __name__ == "__main__":
    unittest.main()
