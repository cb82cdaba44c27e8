"""Real Calc windows under Xvfb, driven by the keyboard with xdotool.

Xvfb() starts a virtual X screen of a fixed size on a display Xvfb picks itself (-displayfd,
so never one in use) and always stops it. Screen(display) types and presses keys with xdotool,
waits for windows by name with a timeout (`xdotool search --sync`, bounded), and takes
screenshots with ImageMagick's `import -window root` once the screen has stopped changing.

There is no window manager: a window gets the keyboard only when given it (focus()), so every
step focuses the window it means to type into.
"""

import contextlib
import os
import select
import shutil
import signal
import subprocess
import time

SIZE = (1280, 800)
TOOLS = ("Xvfb", "xdotool", "import")
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


def only_a_cursor_differs(a, b, size=SIZE):
    """Whether two RGB grabs of the screen differ only in one box the size of a text cursor."""
    if len(a) != len(b):
        return False
    row = size[0] * 3
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
    return (right // 3) - (left // 3) < CURSOR_WIDTH


class Xvfb:
    """A virtual X screen of SIZE pixels; use start() and stop() (stop is always safe)."""

    def __init__(self, size=SIZE):
        self.size = size
        self.proc = None
        self.display = None

    def start(self, timeout=30):
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

    def __init__(self, display):
        self.display = display
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
        return subprocess.run(
            ["import", "-display", self.display, "-window", "root", "rgb:-"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=30,
            check=True,
        ).stdout

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
        subprocess.run(
            [
                "import",
                "-display",
                self.display,
                "-window",
                "root",
                "-depth",
                "8",
                "+dither",
                "-colors",
                "256",
                "PNG8:" + path,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=60,
            check=True,
        )
        return path
