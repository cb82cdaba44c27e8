"""Inputs too large for the office: memory limit, bombs (tests of test_tool_safety.py, run
from this file in a process of its own)."""

from test_tool_safety import LIMITS, suite_of


def load_tests(loader, tests, pattern):
    return suite_of(LIMITS)
