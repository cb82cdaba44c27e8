"""A private, headless LibreOffice for scripts and tests.

Office(oxt=...) makes a throw-away user profile, installs the extension into it with
unopkg, starts headless soffice on a local socket and connects to it. Leaving the `with`
block (also on an exception, Ctrl+C or SIGTERM) terminates soffice and every process it
started, and deletes the profile.

unopkg refuses to install into a user profile as root, so as root the office runs as an
unprivileged user (created when missing) and this process talks to it over the socket.
"""

import atexit
import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

sys.path.append("/usr/lib/python3/dist-packages")  # Debian's uno module

import uno  # noqa: E402
from com.sun.star.beans import PropertyValue  # noqa: E402
from com.sun.star.connection import NoConnectException  # noqa: E402

OFFICE_USER = "cwoffice"
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
UNOPKG = shutil.which("unopkg") or "/usr/bin/unopkg"

_live = []  # offices to stop if the interpreter exits without closing them


def _stop_all():
    for office in list(_live):
        office.close()


atexit.register(_stop_all)


def _on_sigterm(signum, frame):
    _stop_all()
    sys.exit(128 + signum)


with contextlib.suppress(ValueError):  # imported outside the main thread: leave it be
    signal.signal(signal.SIGTERM, _on_sigterm)


def props(**kw):
    out = []
    for k, v in kw.items():
        p = PropertyValue()
        p.Name = k
        p.Value = v
        out.append(p)
    return tuple(out)


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ensure_office_user():
    try:
        return pwd.getpwnam(OFFICE_USER)
    except KeyError:
        subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin",
                        OFFICE_USER], check=True)
        return pwd.getpwnam(OFFICE_USER)


class OfficeError(RuntimeError):
    pass


class Office:
    """A headless soffice with its own profile; use as a context manager."""

    def __init__(self, oxt=None, workdir=None, log=None):
        self.oxt = oxt
        self.log = log or sys.stderr
        self.proc = None
        self.desktop = None
        self.ctx = None
        self._own_dir = workdir is None
        self.dir = workdir or tempfile.mkdtemp(prefix="caseweight-office-")
        self.profile = os.path.join(self.dir, "profile")
        # Documents the office writes go here: the office user owns it.
        self.docs = os.path.join(self.dir, "docs")
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
        env.pop("PYTHONPATH", None)
        env.pop("PYTHONHOME", None)
        return env

    def _run(self, argv, timeout=240):
        r = subprocess.run(self._cmd(argv), env=self._env(), stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, timeout=timeout,
                           start_new_session=True)
        return r.returncode, r.stdout

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

    def start(self):
        os.makedirs(self.docs, exist_ok=True)
        if self._as_root:
            os.chmod(self.dir, 0o755)
            for d in (self.dir, self.docs):
                os.chown(d, self._user.pw_uid, self._user.pw_gid)
        _live.append(self)
        # A new profile must be initialised once before unopkg writes to it.
        code, out = self._run([SOFFICE, "--headless", "--terminate_after_init", "--norestore",
                               self._profile_arg()])
        if code != 0:
            raise OfficeError("soffice could not initialise the profile:\n" + out)
        if self.oxt:
            self.add_extension(self.oxt)
        self._launch()

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
        port = _free_port()
        accept = "socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port
        self.proc = subprocess.Popen(
            self._cmd([SOFFICE, "--headless", "--invisible", "--nologo", "--norestore",
                       "--nodefault", "--nolockcheck", self._profile_arg(), "--accept=" + accept]),
            env=self._env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port
        deadline = time.time() + 90
        while True:
            try:
                self.ctx = resolver.resolve(url)
                break
            except NoConnectException:
                if self.proc.poll() is not None or time.time() > deadline:
                    raise OfficeError("soffice did not start (exit %s)" % self.proc.poll())
                time.sleep(0.3)
        self.desktop = self.ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.ctx)

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
            "com.sun.star.script.provider.MasterScriptProviderFactory", self.ctx)
        provider = factory.createScriptProvider("")
        script = provider.getScript(
            "vnd.sun.star.script:%s?language=Basic&location=application" % macro)
        result, _, _ = script.invoke(tuple(args), (), ())
        return result

    def _terminate(self):
        if self.desktop is not None:
            with contextlib.suppress(Exception):
                self.desktop.terminate()
        self.desktop = None
        self.ctx = None
        if self.proc is not None:
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                pass
            # soffice starts soffice.bin in the same session: kill all of it, always.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            with contextlib.suppress(Exception):
                self.proc.wait(timeout=10)
            self.proc = None

    def close(self):
        self._terminate()
        if self in _live:
            _live.remove(self)
        if self._own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    # -- documents -------------------------------------------------------------------------
    def new_calc(self):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                 props(Hidden=True))

    def load(self, path, **kw):
        doc = self.desktop.loadComponentFromURL(file_url(path), "_blank", 0,
                                                props(Hidden=True, **kw))
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


def store(doc, path, filter_name):
    doc.storeToURL(file_url(path), props(FilterName=filter_name, Overwrite=True))


FILTERS = {".ods": "calc8", ".xlsx": "Calc Office Open XML", ".fods": "OpenDocument Spreadsheet Flat XML",
           ".ots": "calc8_template", ".pdf": "calc_pdf_Export", ".csv": "Text - txt - csv (StarCalc)"}
