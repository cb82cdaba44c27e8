"""Real Calc windows under Xvfb, driven by the keyboard with xdotool.

Xvfb() starts a virtual X screen of a fixed size on a display Xvfb picks itself (-displayfd,
so never one in use) and always stops it; its screen is also a file (-fbdir), read for
screenshots without a process or a round trip to the X server. Screen(display, framebuffer)
types and presses keys with xdotool, waits for windows by name with a timeout (`xdotool search
--sync`, bounded), and writes screenshots (PNG) once the screen has stopped changing.

There is no window manager: a window gets the keyboard only when given it (focus()), so every
step focuses the window it means to type into.
"""

import contextlib
import os
import select
import shutil
import signal
import struct
import subprocess
import tempfile
import time
import zlib

SIZE = (1280, 800)
TOOLS = ("Xvfb", "xdotool")
TYPE_DELAY_MS = "40"  # between typed characters: Calc drops none at this pace
KEY_DELAY_MS = "60"


def missing_tools():
    return [t for t in TOOLS if shutil.which(t) is None]


def wait_until(predicate, timeout, what, step=0.1):
    """Polls predicate until it returns something true, which is returned; else TimeoutError."""
    deadline = time.monotonic() + timeout
    while True:
        result = predicate()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError("waited %g s for %s" % (timeout, what))
        time.sleep(step)


# A text cursor: at most this many pixels wide and rows tall. A field's blinking cursor never
# lets two grabs agree (a file dialog's name field), whereas painting changes larger areas.
CURSOR_WIDTH, CURSOR_HEIGHT = 3, 40


def only_a_cursor_differs(a, b, size=SIZE, pixel=4):
    """Whether two grabs of the screen (pixel bytes a pixel, row by row) differ only in one box
    the size of a text cursor."""
    if len(a) != len(b):
        return False
    row = size[0] * pixel
    rows = [
        r for r in range(len(a) // row) if a[r * row : (r + 1) * row] != b[r * row : (r + 1) * row]
    ]
    if not rows or rows[-1] - rows[0] >= CURSOR_HEIGHT:
        return False
    left, right = row, 0
    for r in rows:
        x, y = a[r * row : (r + 1) * row], b[r * row : (r + 1) * row]
        first = next(i for i in range(row) if x[i] != y[i])
        last = next(i for i in range(row - 1, -1, -1) if x[i] != y[i])
        left, right = min(left, first), max(right, last)
    return (right // pixel) - (left // pixel) < CURSOR_WIDTH


def read_framebuffer(path):
    """(width, height, pixels) of an Xvfb screen file (XWD: a big-endian header, a colour map,
    then rows of 32-bit pixels, blue, green, red and a spare byte in memory order)."""
    with open(path, "rb") as f:
        data = f.read()
    header = struct.unpack(">25I", data[:100])
    size, width, height, bits, line, ncolors = (header[i] for i in (0, 4, 5, 11, 12, 19))
    if bits != 32 or line != width * 4 or header[7] != 0:  # 7: byte order, LSBFirst
        raise RuntimeError("unexpected screen file format %r" % (header,))
    start = size + ncolors * 12  # an XWDColor is 12 bytes
    return width, height, data[start : start + line * height]


def write_png(path, width, height, pixels):
    """A PNG (8-bit RGB) of pixels as read_framebuffer gives them."""
    rgb = bytearray(width * height * 3)
    rgb[0::3], rgb[1::3], rgb[2::3] = pixels[2::4], pixels[1::4], pixels[0::4]
    line = width * 3
    raw = b"".join(b"\0" + rgb[y * line : (y + 1) * line] for y in range(height))

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        f.write(chunk(b"IEND", b""))


class Xvfb:
    """A virtual X screen of SIZE pixels; use start() and stop() (stop is always safe)."""

    def __init__(self, size=SIZE):
        self.size = size
        self.proc = None
        self.display = None
        self.fbdir = None
        self.framebuffer = None  # the screen as a file (XWD), while Xvfb runs

    def start(self, timeout=30):
        self.fbdir = tempfile.mkdtemp(prefix="caseweight-xvfb-")
        self.framebuffer = os.path.join(self.fbdir, "Xvfb_screen0")
        r, w = os.pipe()
        try:
            self.proc = subprocess.Popen(
                [
                    "Xvfb",
                    "-displayfd",
                    str(w),
                    "-screen",
                    "0",
                    "%dx%dx24" % self.size,
                    "-fbdir",
                    self.fbdir,
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ],
                pass_fds=(w,),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            os.close(w)
            w = None
            number = b""
            deadline = time.monotonic() + timeout
            while not number.endswith(b"\n"):
                left = deadline - time.monotonic()
                ready, _, _ = select.select([r], [], [], max(left, 0))
                if not ready:
                    raise TimeoutError("Xvfb did not start in %d s" % timeout)
                chunk = os.read(r, 16)
                if not chunk:
                    raise RuntimeError("Xvfb exited (%s)" % self.proc.poll())
                number += chunk
            self.display = ":" + number.decode().strip()
        finally:
            os.close(r)
            if w is not None:
                os.close(w)
        return self.display

    def stop(self):
        if self.fbdir is not None:
            shutil.rmtree(self.fbdir, ignore_errors=True)
            self.fbdir = None
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)
        self.proc = None


class Screen:
    """The keyboard, the windows and screenshots of one X display."""

    def __init__(self, display, framebuffer):
        self.display = display
        self.framebuffer = framebuffer
        self.env = dict(os.environ, DISPLAY=display)

    def xdotool(self, *args, timeout=20):
        try:
            proc = subprocess.run(
                ["xdotool"] + [str(a) for a in args],
                env=self.env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            raise TimeoutError(
                "xdotool %s: no answer in %g s" % (" ".join(map(str, args)), timeout)
            )
        return proc.returncode, proc.stdout

    # -- windows ------------------------------------------------------------------------
    def visible(self):
        """{window id: name} of the mapped windows (menus have no name)."""
        code, out = self.xdotool("search", "--onlyvisible", "--name", "")
        found = {}
        for wid in out.split():
            _, name = self.xdotool("getwindowname", wid)
            found[wid] = name.rstrip("\n")
        return found

    def wait_window(self, name_regex, timeout=30):
        """The id of a visible window whose name matches, waiting at most timeout seconds.
        A search fails outright (BadWindow) when a window goes while it looks, as the hidden
        documents a command opens and closes do: it is asked again until the time is up."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no window named %r" % name_regex)
            try:
                code, out = self.xdotool(
                    "search", "--sync", "--onlyvisible", "--name", name_regex, timeout=left
                )
            except TimeoutError:
                raise TimeoutError("no window named %r" % name_regex)
            if code == 0 and out.split():
                return out.split()[0]
            time.sleep(0.2)

    def find_window(self, name_regex):
        code, out = self.xdotool("search", "--onlyvisible", "--name", name_regex)
        return out.split()[0] if code == 0 and out.split() else None

    def wait_gone(self, wid, timeout=15):
        wait_until(lambda: wid not in self.visible(), timeout, "window %s to close" % wid)

    def wait_new_window(self, before, timeout=15):
        """The id of a window that is visible now and was not in before (a menu opening)."""

        def new():
            ids = [w for w in self.visible() if w not in before]
            return ids[-1] if ids else None

        return wait_until(new, timeout, "a new window")

    def focus(self, wid):
        code, _ = self.xdotool("windowfocus", "--sync", wid, timeout=10)
        if code != 0:
            raise RuntimeError("could not focus window %s" % wid)

    # -- keyboard -----------------------------------------------------------------------
    def type(self, text):
        self.xdotool("type", "--delay", TYPE_DELAY_MS, "--", text, timeout=60)

    def key(self, *keys):
        self.xdotool("key", "--delay", KEY_DELAY_MS, *keys)

    # -- screenshots --------------------------------------------------------------------
    def _grab(self):
        return read_framebuffer(self.framebuffer)[2]

    def settle(self, timeout=6, step=0.4):
        """Waits until two grabs of the screen a moment apart are the same (painting done),
        but for a blinking text cursor."""
        deadline = time.monotonic() + timeout
        last = self._grab()
        while time.monotonic() < deadline:
            time.sleep(step)
            now = self._grab()
            if now == last or only_a_cursor_differs(last, now):
                return True
            last = now
        return False

    def shot(self, path):
        """A PNG of the whole screen at path, once the screen is still."""
        self.settle()
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_png(path, *read_framebuffer(self.framebuffer))
        return path
