"""A private, headless LibreOffice for scripts and tests.

Office(oxt=...) makes a throw-away user profile, installs the extension into it with
unopkg, starts headless soffice on a local socket and connects to it. Leaving the `with`
block (also on an exception, Ctrl+C or SIGTERM) terminates soffice and every process it
started, and deletes the profile and the office's temporary files (its TMPDIR is a folder of
the throw-away directory, so nothing is left in /tmp).

On Ctrl+C or SIGTERM the offices are killed at once (from a helper thread, as the main thread
may be waiting inside a call to the office); SIGTERM then raises SystemExit(143) and Ctrl+C
KeyboardInterrupt (in a tool, for the first signal only). The call that was under way may fail
with another exception first (the office went away under it): run_tool() exits 130 / 143 after
any signal, whatever the exception.

Helpers for the tools: check_input() and load_spreadsheet() refuse what cannot be read,
same_file() tells whether two paths name one file, replace_file() writes an output through a
temporary file in the destination folder renamed into place.

unopkg refuses to install into a user profile as root, so as root the office runs as an
unprivileged user (created when missing) and this process talks to it over the socket.

Office(display=":N") starts soffice with a real window on that X display instead of headless
(for tests that drive Calc with the keyboard); the profile is still initialised headlessly.
"""

import atexit
import contextlib
import hashlib
import os
import pwd
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

import uno  # Debian's python3-uno: run with /usr/bin/python3
from caseweight import inputs
from caseweight.inputs import same_file
from caseweight.properties import file_url, props, store  # noqa: F401 - the tools' helpers too
from com.sun.star.connection import NoConnectException

OFFICE_USER = "cwoffice"
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
UNOPKG = shutil.which("unopkg") or "/usr/bin/unopkg"

# The port of a headless office already running with the extension installed, which Office
# then uses instead of starting its own (tests run the tools so, on the test's office).
SHARED_OFFICE = "CASEWEIGHT_SHARED_OFFICE_PORT"

_live = []  # offices to stop if the interpreter exits without closing them


def _stop_all():
    for office in list(_live):
        office.close()


atexit.register(_stop_all)


def _kill_all():
    """Kills every office's processes without talking to them (safe from any thread)."""
    for office in list(_live):
        office.kill()


_spawn_depth = 0  # > 0 while a child is being started or the offices closed
_deferred = []  # signals that arrived meanwhile
_received = []  # SIGINT / SIGTERM received: the run is being stopped (run_tool's status)
_raised = []  # the handler raised already, or run_tool is past the tool's work
_in_tool = []  # run_tool() is running: it closes the offices and sets the status


def stop_signal():
    """The first SIGINT or SIGTERM this process received, or None."""
    return _received[0] if _received else None


@contextlib.contextmanager
def _holding_signals():
    """Holds SIGTERM and Ctrl+C back until the child just started is recorded (a signal
    handled inside Popen() would leave a process nobody knows to kill), or until the offices
    are closed (an exception raised inside the clean-up would leave folders behind). Only
    the main thread runs signal handlers: another thread holds nothing back."""
    global _spawn_depth
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _spawn_depth += 1
    try:
        yield
    finally:
        _spawn_depth -= 1
        if _spawn_depth == 0 and _deferred:
            signum = _deferred.pop(0)
            _deferred.clear()
            _handle(signum)


def _note(signum):
    if signum in (signal.SIGINT, signal.SIGTERM) and signum not in _received:
        _received.append(signum)


def _handle(signum):
    _kill_all()
    if _in_tool:
        # Raised once: a second signal must not break into the clean-up the first started.
        if _raised:
            return
        _raised.append(signum)
    elif signum == signal.SIGTERM:
        _stop_all()  # no run_tool() to close them
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise SystemExit(128 + signum)


def _on_signal(signum, frame):
    _note(signum)
    if _spawn_depth:
        _deferred.append(signum)
        return
    _handle(signum)


def _watch_signals(fd):
    # Python runs signal handlers in the main thread only between bytecodes, which may be
    # long while it waits inside a call to the office; a signal also writes its number to
    # this pipe, so this thread kills the offices at once and the pending call returns.
    # The call then fails with whatever the office bridge makes of it (or the handler's
    # exception is turned into another one inside pyuno): run_tool goes by _received.
    while True:
        try:
            data = os.read(fd, 64)
        except OSError:
            return
        if not data:
            return
        for signum in (signal.SIGINT, signal.SIGTERM):
            if signum in data:
                _note(signum)
        if signal.SIGTERM in data or signal.SIGINT in data:
            _kill_all()


def _install_signal_handling():
    try:
        signal.signal(signal.SIGTERM, _on_signal)
        if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            signal.signal(signal.SIGINT, _on_signal)
    except ValueError:  # imported outside the main thread: leave it be
        return
    r, w = os.pipe()
    os.set_blocking(w, False)
    try:
        signal.set_wakeup_fd(w, warn_on_full_buffer=False)
    except ValueError:
        os.close(r)
        os.close(w)
        return
    threading.Thread(target=_watch_signals, args=(r,), name="cwoffice-signals", daemon=True).start()


_install_signal_handling()


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _killpg(proc):
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def _ensure_office_user():
    try:
        return pwd.getpwnam(OFFICE_USER)
    except KeyError:
        subprocess.run(
            [
                "useradd",
                "--system",
                "--no-create-home",
                "--shell",
                "/usr/sbin/nologin",
                OFFICE_USER,
            ],
            check=True,
        )
        return pwd.getpwnam(OFFICE_USER)


def _cached_profile(oxt):
    """Where a profile initialised with oxt installed is kept, or None. Only when
    CASEWEIGHT_PROFILE_CACHE names a folder (the tests set it): starting from a copy skips the
    first start and unopkg, which are most of an office's start-up. The key is the extension's
    content and the office's build, so a new .oxt or LibreOffice makes a new profile."""
    folder = os.environ.get("CASEWEIGHT_PROFILE_CACHE")
    if not folder:
        return None
    key = hashlib.sha256()
    if oxt:
        with open(oxt, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                key.update(block)
    program = os.path.dirname(os.path.realpath(SOFFICE))
    for name in ("soffice.bin", "types.rdb"):
        with contextlib.suppress(OSError):
            st = os.stat(os.path.join(program, name))
            key.update(b"%s %d %d" % (name.encode(), st.st_size, st.st_mtime_ns))
    return os.path.join(os.path.abspath(folder), key.hexdigest()[:24])


def _product_version():
    """The office's version as its configuration gives it ("7.4"), or None."""
    program = os.path.dirname(os.path.realpath(SOFFICE))
    main = os.path.join(program, os.pardir, "share", "registry", "main.xcd")
    try:
        with open(main, encoding="utf-8") as f:
            found = re.search(
                r'<prop oor:name="ooSetupVersion">\s*<value>([^<]+)</value>', f.read()
            )
    except OSError:
        return None
    return found.group(1) if found else None


def _quick_start(profile):
    """Settings of a new profile that make each start of its office quicker: see
    _mark_version_started and _without_java."""
    _mark_version_started(profile)
    _without_java(profile)


def _without_java(profile):
    """Turns Java off in the profile (Tools > Options > Advanced): caseweight needs none, and
    with it on, every start of the office first starts a Java VM to look at the runtime."""
    config = os.path.join(profile, "user", "config")
    with contextlib.suppress(OSError):
        for name in os.listdir(config):
            if name.startswith("javasettings") and name.endswith(".xml"):
                path = os.path.join(config, name)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                off = text.replace(
                    '<enabled xsi:nil="true"/>', '<enabled xsi:nil="false">false</enabled>', 1
                )
                if off != text:
                    with open(path, "w", encoding="utf-8") as f:  # in place: its owner stays
                        f.write(off)


def _mark_version_started(profile):
    """Records in the profile that this version of the office has started there before. A
    headless office never records it itself, and then every start counts as the first after an
    upgrade and runs LibreOffice's graphics render tests: two thirds of a start's CPU time."""
    xcu = os.path.join(profile, "user", "registrymodifications.xcu")
    version = _product_version()
    try:
        with open(xcu, encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return
    if not version or "ooSetupLastVersion" in text or "</oor:items>" not in text:
        return
    item = (
        '<item oor:path="/org.openoffice.Setup/Product"><prop oor:name="ooSetupLastVersion" '
        'oor:op="fuse"><value>%s</value></prop></item>\n' % version
    )
    with open(xcu, "w", encoding="utf-8") as f:  # in place: its owner stays the office user
        f.write(text.replace("</oor:items>", item + "</oor:items>", 1))


class OfficeError(RuntimeError):
    pass


class Office:
    """A headless soffice with its own profile; use as a context manager. With display (an X
    display such as ":99") soffice shows real windows there instead. `also`: more extensions
    (scheme packs) added to the profile before soffice first starts, so that it starts once."""

    def __init__(self, oxt=None, workdir=None, log=None, display=None, also=()):
        self.oxt = oxt
        self.also = list(also)
        self.display = display
        self.log = log or sys.stderr
        self.proc = None
        self.desktop = None
        self.ctx = None
        self._own_dir = workdir is None
        self.dir = workdir or tempfile.mkdtemp(prefix="caseweight-office-")
        self.profile = os.path.join(self.dir, "profile")
        # Documents the office writes go here: the office user owns it.
        self.docs = os.path.join(self.dir, "docs")
        # The office's temporary files (its lu*.tmp folders, the copy of a document being
        # shared): inside the throw-away directory, removed with it.
        self.tmp = os.path.join(self.dir, "tmp")
        self._child = None  # a running soffice --terminate_after_init or unopkg
        self.port = None
        self._bridge = None
        self.attached = False  # connected to an office it did not start (SHARED_OFFICE)
        self._as_root = os.geteuid() == 0
        self._user = _ensure_office_user() if self._as_root else None

    # -- running things as the office user ------------------------------------------------
    def _cmd(self, argv):
        if not self._as_root:
            return argv
        return ["runuser", "-u", OFFICE_USER, "--"] + argv

    def _env(self):
        env = dict(os.environ)
        env["HOME"] = self.dir
        env["XDG_CACHE_HOME"] = os.path.join(self.dir, "cache")
        env["XDG_CONFIG_HOME"] = os.path.join(self.dir, "config")
        env["TMPDIR"] = self.tmp
        env["JAVA_TOOL_OPTIONS"] = "-XX:-UsePerfData"  # no /tmp/hsperfdata_* of the JVM
        env.pop("PYTHONPATH", None)
        env.pop("PYTHONHOME", None)
        if self.display:
            env["DISPLAY"] = self.display
        return env

    def _run(self, argv, timeout=240):
        with _holding_signals():
            proc = self._child = subprocess.Popen(
                self._cmd(argv),
                env=self._env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                start_new_session=True,
            )
        try:
            out, _ = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise OfficeError("%s did not finish in %d s" % (os.path.basename(argv[0]), timeout))
        finally:
            # whatever happened, nothing it started may outlive it
            _killpg(proc)
            with contextlib.suppress(Exception):
                proc.wait(timeout=10)
            self._child = None
        return proc.returncode, out

    def _profile_arg(self):
        return "-env:UserInstallation=" + file_url(self.profile)

    # -- lifecycle -------------------------------------------------------------------------
    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self, launch=True):
        """Makes the profile and starts soffice on it; with launch=False only the profile (for
        unopkg alone: launch() starts soffice later)."""
        memory_limit()  # a wrong CASEWEIGHT_OFFICE_MEMORY_GB is said before anything starts
        os.makedirs(self.docs, exist_ok=True)
        os.makedirs(self.tmp, mode=0o700, exist_ok=True)
        if self._as_root:
            os.chmod(self.dir, 0o755)
            for d in (self.dir, self.docs, self.tmp):
                os.chown(d, self._user.pw_uid, self._user.pw_gid)
        _live.append(self)
        shared = os.environ.get(SHARED_OFFICE) if not self.display else None
        if shared:
            # An office already running with the extension (a test's): only connect to it.
            self.attached = True
            self.port = int(shared)
            owner = next(
                (o for o in _live if o.proc is not None and o.port == self.port),
                None,
            )
            if owner is not None:
                # Started by this process: its connection is used. A second connection from
                # one process to one office is now and then disposed during its first call.
                self.ctx, self.desktop = owner.ctx, owner.desktop
                return
            self._connect(self.port, lambda: False)
            return
        cached = _cached_profile(self.oxt)
        if cached and os.path.isdir(cached):
            self._copy_profile(cached, self.profile)
            _quick_start(self.profile)  # a profile cached before these settings
        else:
            self._new_profile()
            if cached:
                self._keep_profile(cached)
        for oxt in self.also:
            self.add_extension(oxt)
        if launch:
            self._launch()

    def _new_profile(self):
        # A new profile must be initialised once before unopkg writes to it.
        code, out = self._run(
            [SOFFICE, "--headless", "--terminate_after_init", "--norestore", self._profile_arg()]
        )
        if code != 0:
            raise OfficeError("soffice could not initialise the profile:\n" + out)
        _quick_start(self.profile)
        if self.oxt:
            self.add_extension(self.oxt)

    def _copy_profile(self, src, dest):
        shutil.copytree(src, dest, symlinks=True)
        if self._as_root:
            uid, gid = self._user.pw_uid, self._user.pw_gid
            for root, dirs, files in os.walk(dest):
                for name in [root] + [os.path.join(root, n) for n in dirs + files]:
                    os.lchown(name, uid, gid)

    def _keep_profile(self, cached):
        """Stores the new profile as the cached one; a rival that stored it first wins."""
        parent = os.path.dirname(cached)
        os.makedirs(parent, exist_ok=True)
        tmp = tempfile.mkdtemp(prefix=".new-", dir=parent)
        try:
            self._copy_profile(self.profile, os.path.join(tmp, "profile"))
            with contextlib.suppress(OSError):
                os.rename(os.path.join(tmp, "profile"), cached)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def add_extension(self, oxt):
        """unopkg add, from a copy the office user can read (the checkout may be private)."""
        self.unopkg("add", "--suppress-license", self.copy_in(oxt))

    def unopkg(self, *args):
        """Runs unopkg on the profile; only while soffice is stopped (they share it)."""
        code, out = self._run([UNOPKG] + list(args) + [self._profile_arg()])
        if code != 0:
            raise OfficeError("unopkg %s failed (%d):\n%s" % (" ".join(args), code, out))
        return out

    def _launch(self):
        port = self.port = _free_port()
        accept = "socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port
        mode = ["--headless", "--invisible"] if not self.display else []
        with _holding_signals():
            self.proc = subprocess.Popen(
                self._cmd(
                    [SOFFICE]
                    + mode
                    + [
                        "--nologo",
                        "--norestore",
                        "--nodefault",
                        "--nolockcheck",
                        self._profile_arg(),
                        "--accept=" + accept,
                    ]
                ),
                env=self._env(),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                preexec_fn=_limit_memory(memory_limit()),
            )
        self._connect(port, lambda: self.proc.poll() is None)

    def _connect(self, port, alive):
        # The bridge is made here, not by a UnoUrlResolver, so that it can be disposed: a
        # bridge still running when the process exits crashes it (its threads outlive the
        # libraries' clean-up).
        local = uno.getComponentContext()
        smgr = local.ServiceManager
        connector = smgr.createInstanceWithContext("com.sun.star.connection.Connector", local)
        bridges = smgr.createInstanceWithContext("com.sun.star.bridge.BridgeFactory", local)
        deadline = time.time() + 90
        while True:
            try:
                connection = connector.connect("socket,host=127.0.0.1,port=%d" % port)
                break
            except NoConnectException:
                if not alive() or time.time() > deadline:
                    if self.attached:
                        raise OfficeError("no office answers on port %d" % port)
                    raise OfficeError("soffice did not start (exit %s)" % self.proc.poll())
                time.sleep(0.1)
        self._bridge = bridges.createBridge("", "urp", connection, None)
        self.ctx = self._bridge.getInstance("StarOffice.ComponentContext")
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.ctx
        )

    def _dispose_bridge(self):
        """Ends the connection and waits for its threads (safe when already ended)."""
        bridge, self._bridge = self._bridge, None
        if bridge is not None:
            with contextlib.suppress(Exception):
                bridge.dispose()

    def restart(self):
        """Stop and start soffice on the same profile (Calc reads add-ins once per process)."""
        self.stop()
        self.launch()

    def stop(self):
        """Stops soffice but keeps the profile (for unopkg, or to start again)."""
        self._terminate()

    def launch(self):
        self._launch()

    def run_basic(self, macro, *args):
        """Calls a Basic macro of the application's libraries (extensions' included)."""
        factory = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.script.provider.MasterScriptProviderFactory", self.ctx
        )
        provider = factory.createScriptProvider("")
        script = provider.getScript(
            "vnd.sun.star.script:%s?language=Basic&location=application" % macro
        )
        result, _, _ = script.invoke(tuple(args), (), ())
        return result

    def peak_memory(self):
        """The most address space a process of this office has held (VmPeak), in bytes; 0 when
        it cannot be told. Near memory_limit(), an allocation of the office has failed."""
        if self.proc is None:
            return 0
        peak = 0
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                if os.getpgid(int(pid)) != self.proc.pid:
                    continue
                with open("/proc/%s/status" % pid) as f:
                    for line in f:
                        if line.startswith("VmPeak:"):
                            peak = max(peak, int(line.split()[1]) * 1024)
            except (OSError, ValueError):
                continue
        return peak

    def kill(self):
        """Kills soffice (and a running unopkg) at once; safe from another thread."""
        for proc in (self.proc, self._child):
            if proc is not None:
                _killpg(proc)

    def _terminate(self):
        # A windowed office may be showing a modal dialog, which makes terminate() wait for
        # ever: its throw-away profile needs no orderly shutdown, so it is killed below.
        if self.attached:
            self.desktop = self.ctx = None
            self._dispose_bridge()
            return
        if self.desktop is not None and not self.display:
            with contextlib.suppress(Exception):
                self.desktop.terminate()
        self.desktop = None
        self.ctx = None
        self._dispose_bridge()
        if self.proc is not None:
            try:
                self.proc.wait(timeout=0 if self.display else 20)
            except subprocess.TimeoutExpired:
                pass
            # soffice starts soffice.bin in the same session: kill all of it, always.
            _killpg(self.proc)
            with contextlib.suppress(Exception):
                self.proc.wait(timeout=10)
            self.proc = None

    def close(self):
        with _holding_signals():
            self._terminate()
            if self in _live:
                _live.remove(self)
            if self._own_dir:
                shutil.rmtree(self.dir, ignore_errors=True)
            else:
                shutil.rmtree(self.tmp, ignore_errors=True)

    # -- documents -------------------------------------------------------------------------
    def new_calc(self):
        return self.desktop.loadComponentFromURL(
            "private:factory/scalc", "_blank", 0, props(Hidden=True)
        )

    def load(self, path, **kw):
        doc = self.desktop.loadComponentFromURL(
            file_url(path), "_blank", 0, props(Hidden=True, **kw)
        )
        if doc is None:
            raise OfficeError("could not load " + path)
        return doc

    def doc_path(self, name):
        """A path the office may write to (owned by the office user)."""
        return os.path.join(self.docs, name)

    def copy_in(self, path):
        """Copy a file where the office user can open and lock it; returns the new path."""
        dest = self.doc_path(os.path.basename(path))
        shutil.copyfile(path, dest)
        if self._as_root:
            os.chown(dest, self._user.pw_uid, self._user.pw_gid)
        return dest

    @contextlib.contextmanager
    def copies_in(self):
        """copy(path) -> copy_in(path), each copy removed when the block ends: the `copy` of
        worker_sheet.read_file."""
        made = []

        def copy(path):
            made.append(self.copy_in(path))
            return made[-1]

        try:
            yield copy
        finally:
            for c in made:
                try:
                    os.unlink(c)
                except OSError:
                    pass


FILTERS = {
    ".ods": "calc8",
    ".xlsx": "Calc Office Open XML",
    ".fods": "OpenDocument Spreadsheet Flat XML",
    ".ots": "calc8_template",
    ".pdf": "calc_pdf_Export",
    ".csv": "Text - txt - csv (StarCalc)",
}


# -- helpers for the tools ------------------------------------------------------------------


def add_oxt_option(parser, what="the extension to install"):
    """The --oxt option every tool has: caseweight.oxt, by default the build's."""
    from caseweight import SOURCE_DIR

    parser.add_argument(
        "--oxt",
        default=os.path.join(SOURCE_DIR, "build", "caseweight.oxt"),
        help="%s (default: the build's)" % what,
    )


def check_input(path, nothing):
    """Raises ToolError unless path is a readable, non-empty file that is no bomb (see
    caseweight.inputs); `nothing` ends the sentence for an empty one ("nothing to score")."""
    link = inputs.dangling_link(path)
    if link:
        raise ToolError("%s %s" % (path, link))
    if not os.path.exists(path):
        raise ToolError("no such file: " + path)
    if not os.path.isfile(path):
        raise ToolError("%s is not a file" % path)
    if not os.access(path, os.R_OK):
        raise ToolError("%s cannot be read (permission denied)" % path)
    if os.path.getsize(path) == 0:
        raise ToolError("%s is empty: %s" % (path, nothing))
    bomb = inputs.bomb_reason(path)
    if bomb:
        raise ToolError("refused %s before opening it: %s" % (path, bomb))


def load_spreadsheet(office, path):
    """A private copy of path loaded in the office, or ToolError saying why it cannot be; the
    caller closes it."""
    try:
        doc = office.load(office.copy_in(path))
    except Exception as e:  # noqa: BLE001 - any load failure means: cannot read
        # Calc may also survive the failed allocation and just not return a document.
        if (
            office_stopped(e)
            or (office.proc is not None and office.proc.poll() is not None)
            or office.peak_memory() > memory_limit() * 0.9
        ):
            raise ToolError(out_of_memory("opening " + path)) from None
        raise ToolError(
            "cannot read %s: LibreOffice could not open it (damaged, "
            "password-protected or not a workbook)" % path
        ) from None
    if not doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
        doc.close(True)
        raise ToolError("%s is not a spreadsheet" % path)
    return doc


def check_writable_folder(path):
    """None when a file can be written at path, else the reason in words."""
    folder = os.path.dirname(os.path.realpath(path)) or "."
    if not os.path.isdir(folder):
        return "the folder %s does not exist" % folder
    if not os.access(folder, os.W_OK | os.X_OK):
        return "the folder %s is not writable" % folder
    if os.path.isdir(path):
        return "%s is a folder" % path
    return None


def replace_file(src, dest, inputs=()):
    """Copies src to dest through a temporary file in dest's folder renamed into place, so
    dest is either its old self or the whole new file, never half of one. A symbolic link at
    dest is followed: the file it points to is replaced, unless dest is then one of inputs
    (the same path, a symbolic or hard link to it): checked at the moment of writing, as a
    link may have been made since the tool looked at its paths, and a ToolError."""
    dest_given = dest
    dest = os.path.realpath(dest)
    folder = os.path.dirname(dest)
    tmp = None
    try:
        # A signal's exception is held back until the name is known, so that it is removed.
        with _holding_signals():
            fd, tmp = tempfile.mkstemp(
                prefix="." + os.path.basename(dest) + ".", suffix=".part", dir=folder
            )
        with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
            shutil.copyfileobj(inp, out, 1 << 20)
            out.flush()
            os.fsync(out.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        for path in inputs:
            if same_file(path, dest_given) or same_file(path, dest):
                raise ToolError(
                    "cannot write %s: it is now the same file as the input %s (a link to it); "
                    "%s is left as it was" % (dest_given, path, path)
                )
        os.replace(tmp, dest)
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


def memory_limit():
    """Bytes of address space the office may take: CASEWEIGHT_OFFICE_MEMORY_GB, or three
    quarters of this machine's memory. A sheet whose formulas pass whole-sheet ranges makes
    Calc build every cell (docs/performance.md); the limit ends that office, not the machine."""
    given = os.environ.get("CASEWEIGHT_OFFICE_MEMORY_GB")
    if given:
        try:
            gb = float(given)
        except ValueError:
            gb = float("nan")
        if not 0.5 <= gb <= 1 << 20:  # below half a GB the office cannot even start
            raise ToolError(
                "CASEWEIGHT_OFFICE_MEMORY_GB must be a number of GB from 0.5, not %r" % given
            )
        return int(gb * (1 << 30))
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return max(4 << 30, total * 3 // 4)


def out_of_memory(doing):
    """The reason when the office went away while `doing` ("opening team.ods"): what ends it
    there is the memory limit."""
    return (
        "LibreOffice ran out of the memory it may use (%g GB) while %s; "
        "CASEWEIGHT_OFFICE_MEMORY_GB=N allows N GB, but a formula over whole columns or the "
        "whole sheet needs far more: give such formulas the rows in use"
        % (memory_limit() / (1 << 30), doing)
    )


def _limit_memory(limit):
    """What the child runs before soffice: only this (an exception there is not one line)."""

    def limit_child():
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return limit_child


def office_stopped(e):
    """Whether an exception says the office process went away (the bridge was disposed)."""
    return (
        type(e).__name__ == "DisposedException"
        or "bridge" in str(getattr(e, "Message", "") or e).lower()
    )


class ToolError(Exception):
    """A reason, in one sentence, why a tool could not do what it was asked (status 2)."""


def describe(e):
    """One line saying what went wrong, for an exception from the office or the system."""
    if isinstance(e, OSError) and e.strerror:
        text = "%s%s" % (e.strerror, ": " + str(e.filename) if e.filename else "")
    else:
        text = getattr(e, "Message", "") or str(e) or type(e).__name__
    return " ".join(str(text).split())


def run_tool(name, main):
    """Runs main() and exits with its status; every failure is one line on stderr and
    status 2, Ctrl+C is status 130 and SIGTERM 143 (the office stopped and removed first),
    whatever the call that was under way when the signal came made of it."""
    reason = None
    _in_tool.append(name)
    try:
        code = main()
    except KeyboardInterrupt:
        _note(signal.SIGINT)  # also a Ctrl+C before the handlers were installed
        code = 130
    except SystemExit:
        if stop_signal() is None:
            raise  # argparse's usage error or --help
        code = 2
    except ToolError as e:
        reason, code = str(e), 2
    except Exception as e:  # noqa: BLE001 - never a traceback, one line and status 2
        reason, code = describe(e), 2
        if office_stopped(e):
            reason = out_of_memory("working on the file")
    _raised.append(None)  # from here on a signal only kills the offices
    _stop_all()
    signum = stop_signal()
    if signum == signal.SIGINT:
        reason, code = "interrupted", 130
    elif signum is not None:
        reason, code = "stopped by SIGTERM", 128 + signum
    if reason is not None:
        print("%s: %s" % (name, reason), file=sys.stderr)
    sys.exit(code)
