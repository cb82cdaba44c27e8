"""Checks of an input file that need no office: what would make LibreOffice spend minutes and
all its memory on a file before failing (a zip bomb, rows and cells repeated billions of
times), and links that lead nowhere. Each returns the reason in words, or None;
same_file() tells whether two paths name one file.

A workbook is a zip (.ods, .xlsx) or flat XML (.fods). In ODF a row or cell may stand for
many (table:number-rows-repeated, table:number-columns-repeated): empty ones cost Calc
nothing (every saved sheet ends with a million empty rows), but a filled cell repeated is
built once per copy. The filled cells they add up to are counted from a streamed read of the
XML, stopping as soon as the count is over the limit.
"""

import os
import xml.parsers.expat
import zipfile

# Far above any caseload workbook (100,000 case rows of a few columns is half a million),
# far below what Calc can build within a few GB of memory.
MAX_FILLED_CELLS = 20_000_000
# What the parts of a zip may unpack to, together; and the ratio of a part above which it
# is a bomb rather than a spreadsheet (XML of a large sheet compresses 20 to 50 times).
MAX_UNPACKED = 1 << 30
MAX_RATIO = 200
RATIO_FROM = 16 << 20  # parts smaller than this may compress as they like

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
SEP = "|"
ROW, CELL, COVERED = (TABLE + SEP + n for n in ("table-row", "table-cell", "covered-table-cell"))
ROWS_REPEATED = TABLE + SEP + "number-rows-repeated"
COLUMNS_REPEATED = TABLE + SEP + "number-columns-repeated"
FILLED = (OFFICE + SEP + "value-type", TABLE + SEP + "formula")


def same_file(a, b):
    """True when paths a and b name the same file: the same device and inode after following
    links (hard links, symbolic links, ..), or, when b does not exist yet, when b resolves to
    the path of a (writing b would then write a)."""
    try:
        sa = os.stat(a)
    except OSError:
        sa = None
    try:
        sb = os.stat(b)
    except OSError:
        sb = None
    if sa is not None and sb is not None:
        return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)
    return os.path.realpath(a) == os.path.realpath(b)


def dangling_link(path):
    """ "is a link to X, which does not exist" when path is a symbolic link to nothing."""
    if os.path.islink(path) and not os.path.exists(path):
        return "is a link to %s, which does not exist" % os.readlink(path)
    return None


def megabytes(n):
    return "%.0f MB" % (n / (1 << 20))


class _TooMany(Exception):
    pass


class CellCounter:
    """Counts the filled cells an ODF table body stands for, fed XML in pieces."""

    def __init__(self, limit=MAX_FILLED_CELLS):
        self.limit = limit
        self.cells = 0
        self.largest = 0  # the largest number of copies of one cell
        self.row_repeat = 1
        self.row_cells = 0
        self.cell = None  # [copies, filled] of the cell being read
        self.parser = xml.parsers.expat.ParserCreate(namespace_separator=SEP)
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.parser.buffer_text = True

    @staticmethod
    def _count(attrs, name):
        try:
            return max(1, int(attrs.get(name, "1")))
        except ValueError:
            return 1

    def _start(self, name, attrs):
        if self.cell is not None:
            self.cell[1] = True  # a paragraph, an annotation ...: something in the cell
        if name == ROW:
            self.row_repeat = self._count(attrs, ROWS_REPEATED)
            self.row_cells = 0
        elif name == CELL or name == COVERED:
            self.cell = [self._count(attrs, COLUMNS_REPEATED), any(a in attrs for a in FILLED)]

    def _end(self, name):
        if name == CELL or name == COVERED:
            copies, filled = self.cell
            self.cell = None
            if filled:
                self.row_cells += copies
                self.largest = max(self.largest, copies * self.row_repeat)
        elif name == ROW:
            self.cells += self.row_cells * self.row_repeat
            self.largest = max(self.largest, self.row_cells * self.row_repeat)
            self.row_repeat = 1
            if self.cells > self.limit:
                raise _TooMany

    def feed(self, data, final=False):
        """False once the count is over the limit (the rest need not be read)."""
        try:
            self.parser.Parse(data, final)
        except _TooMany:
            return False
        except xml.parsers.expat.ExpatError:
            return True  # broken XML: the office says it cannot read it
        return True


def count_reason(counter):
    return (
        "it asks for more than %s filled cells (rows and cells repeated %s times over in its "
        "XML), far more than a workbook holds and than LibreOffice can build in memory"
        % (format(counter.limit, ","), format(counter.largest, ","))
    )


def scan_xml(stream, limit=MAX_FILLED_CELLS, chunk=1 << 20):
    """The reason a stream of ODF XML is a repeat bomb, or None."""
    counter = CellCounter(limit)
    while True:
        data = stream.read(chunk)
        if not counter.feed(data, final=not data):
            return count_reason(counter)
        if not data:
            return None


def zip_reason(path, max_unpacked=MAX_UNPACKED):
    """The reason a zipped workbook is a bomb, or None (also when it is no zip at all: the
    office tells what it is)."""
    try:
        z = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, EOFError):
        return None
    with z:
        infos = z.infolist()
        total = sum(i.file_size for i in infos)
        if total > max_unpacked:
            return "it unpacks to %s (a zip bomb: a workbook of %s does not hold that)" % (
                megabytes(total),
                megabytes(os.path.getsize(path)),
            )
        for i in infos:
            if i.file_size > RATIO_FROM and i.file_size > MAX_RATIO * max(1, i.compress_size):
                return "its part %s unpacks %d times over, to %s (a zip bomb)" % (
                    i.filename,
                    i.file_size // max(1, i.compress_size),
                    megabytes(i.file_size),
                )
        if "content.xml" in z.namelist():
            try:
                with z.open("content.xml") as content:
                    return scan_xml(content)
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError):
                return None  # damaged or encrypted: the office says so
    return None


def bomb_reason(path):
    """Why the workbook at path must not be given to an office, or None."""
    with open(path, "rb") as f:
        head = f.read(4)
    if head.startswith(b"PK"):
        return zip_reason(path)
    if os.path.splitext(path)[1].lower() == ".fods" or head.startswith(b"<?xm"):
        with open(path, "rb") as f:
            return scan_xml(f)
    return None
