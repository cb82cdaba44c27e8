"""A tool stopped by Ctrl+C or SIGTERM in each phase (tests of test_tool_safety.py, run
from this file in a process of its own)."""

from test_tool_safety import SIGNALS, suite_of


def load_tests(loader, tests, pattern):
    return suite_of(SIGNALS)
