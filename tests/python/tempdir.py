"""A test case with a folder of its own, removed after each test, for the office-free tests
of files and paths."""

import os
import shutil
import tempfile
import unittest


class TempDir(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="caseweight-test-")
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def write(self, name, data=b"x"):
        """A file in the folder holding data (bytes, or text written as UTF-8); its path."""
        path = self.path(name)
        if isinstance(data, str):
            data = data.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        return path
