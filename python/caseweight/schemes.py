"""The weighting schemes' data files (schemes/*.toml, format in docs/schemes.md), read with
tomllib: the one place the Python side learns a scheme's codes, labels, points, grades, bands
and paper-sheet columns.

    swindon = schemes.load("SWINDON")              # a built-in scheme, by name or alias
    other = schemes.load("/path/to/scheme.toml")   # or a file
    v = swindon.version_at(datetime.date(2027, 4, 1))   # the version in force on that date
    v.points("CP"), v.label("CP")  # 6, "Child protection plan: ..."
    v.grade_names(), v.band_limits("NQSW"), v.columns

A scheme file holds its first version (from its `from` date) and optional [[amendment]] tables,
each `from` a later date, changing fields of existing items (or grades, columns) or adding
whole new ones. A file with `amends = "NAME"` instead of `name` holds only amendments: it adds
dated versions to that scheme (load() applies every such file of the scheme's folder).
Labels carry no points: points live only in `points`, `further`, `sizes`, `basic` ...

Caseload-number policies ([[policy]] tables: a scheme's own in its file, the others in
schemes/policies.toml) and the full-time week (`full_time_hours`) are data too:

    v.full_time_hours                   # NOTTS: its own 37; a scheme without: the default
    schemes.default_full_time_hours()   # the default week of the file of policies
    schemes.policies(date, prefix="RBWM")   # {code: policy} of every file, in force on date
"""

import datetime
import glob
import os
import tomllib

from caseweight import SOURCE_DIR

# schemes/ of the source; in the installed extension, whose package is in python/pythonpath/,
# the extension's own schemes/.
BUILT_IN_DIR = os.path.join(SOURCE_DIR, "schemes")
if not os.path.isdir(BUILT_IN_DIR):
    BUILT_IN_DIR = os.path.normpath(os.path.join(SOURCE_DIR, os.pardir, "schemes"))

# The keyed lists of a version and the field that names an entry of each.
KEYED = {"item": "code", "grade": "name", "column": "key", "policy": "code"}


class SchemeError(ValueError):
    """A scheme file that cannot be read or does not follow the format."""


def _read(path):
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise SchemeError("%s: %s" % (path, e)) from None


def _date(value, where):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raise SchemeError("%s: `from` must be a date (YYYY-MM-DD), not %r" % (where, value))


def number_text(x):
    """6 -> "6", 7.5 -> "7.5", 0.5 -> "0.5"."""
    return "%d" % x if float(x) == int(x) else ("%g" % x)


class Version:
    """A scheme as it scores from `start` until the next version: its items, grades, bands,
    columns and rules (the file's tables, with the amendments up to `start` applied)."""

    def __init__(self, scheme, start, data, note=""):
        self.scheme = scheme
        self.start = start
        self.note = note
        self.data = data
        self.items = data.get("item", [])
        self.grades = data.get("grade", [])
        self.columns = data.get("column", [])
        self.rules = data.get("rule", [])
        self.bands = data.get("bands", {})
        self.worker = data.get("worker", {})
        self.workload = data.get("workload", {})

    @property
    def full_time_hours(self):
        """The hours of a full-time week: the file's `full_time_hours` (as amended), else the
        default week of the file of policies beside it (else of the built-in one)."""
        own = self.data.get("full_time_hours")
        if own is not None:
            return own
        folder = os.path.dirname(os.path.abspath(self.scheme.path))
        return default_full_time_hours(folder) or default_full_time_hours()

    def __repr__(self):
        return "<Version %s>" % self.spec

    @property
    def name(self):
        return self.scheme.name

    @property
    def spec(self):
        """The scheme text of this version, as SCHEMEAT gives it: "RBWM@2014-01-01"."""
        return "%s@%s" % (self.name, self.start.isoformat())

    def describe(self):
        """One line: "RBWM as from 2014-01-01 (RBWM caseload weighting scheme, ...)"."""
        return "%s as from %s (%s)" % (self.name, self.start.isoformat(), self.scheme.source)

    # -- items ------------------------------------------------------------------------------
    def codes(self, group=None, column=None):
        """The codes in the file's order; only a group's ("case", "modifier", "worker" ...)
        or a column's ("travel" ...) when given."""
        return [
            i["code"]
            for i in self.items
            if (group is None or i.get("group") == group)
            and (column is None or i.get("column") == column)
        ]

    def item(self, code):
        for i in self.items:
            if i["code"] == code:
                return i
        raise KeyError("%s has no item %s" % (self.name, code))

    def label(self, code):
        return self.item(code)["label"]

    def points(self, code):
        """The item's `points` (per row, per child or for the first child, as `per` says);
        None for an item scored by family size only."""
        return self.item(code).get("points")

    # -- grades and bands -------------------------------------------------------------------
    @property
    def default_grade(self):
        return self.data.get("default_grade", "")

    @property
    def grades_ignored(self):
        return bool(self.data.get("grades_ignored", False))

    def grade_names(self):
        """The grades a sheet may choose: every grade with a band (not `invalid` ones); none
        when the scheme's bands do not depend on the grade."""
        if self.grades_ignored:
            return []
        return [g["name"] for g in self.grades if "invalid" not in g]

    def grade(self, name=""):
        name = name or self.default_grade
        if self.grades_ignored or not name:
            return self.grades[0]
        for g in self.grades:
            if g["name"] == name:
                return g
        raise KeyError("%s has no grade %s" % (self.name, name))

    def band_labels(self):
        """Every band label, from the lowest band up."""
        out = [self.bands["below"]] if "below" in self.bands else []
        out.append(self.bands["within"])
        out += [a["label"] for a in self.bands.get("above", [])]
        return out

    def band_limits(self, grade=""):
        """[(label, lowest, highest or None)] at full time, as the file gives them: below the
        grade's lower limit, within up to its upper limit, then each band above up to its
        `up_to` (the last without a limit). Below is left out when the grade has no lower
        limit."""
        g = self.grade(grade)
        lower, upper = g.get("lower"), g.get("upper")
        out = []
        if lower is not None and "below" in self.bands:
            out.append((self.bands["below"], 0, lower))
        out.append((self.bands["within"], lower or 0, upper))
        start = upper
        for a in self.bands.get("above", []):
            out.append((a["label"], start, a.get("up_to")))
            start = a.get("up_to")
        return out

    def within(self, grade=""):
        """(lower or None, upper) of the grade's band at full time."""
        g = self.grade(grade)
        return g.get("lower"), g.get("upper")

    def column(self, key):
        for c in self.columns:
            if c["key"] == key:
                return c
        raise KeyError("%s has no column %s" % (self.name, key))

    def rule(self, kind, **match):
        """The first [[rule]] of that kind whose fields equal `match`, or None."""
        for r in self.rules:
            if r.get("rule") == kind and all(r.get(k) == v for k, v in match.items()):
                return r
        return None


def _amend(data, amendment):
    """The version data after `amendment`: keyed lists change entry by entry (a known code,
    name or key takes the amendment's fields, a new one is added whole), tables field by
    field."""
    out = dict(data)
    for list_key, id_key in KEYED.items():
        if list_key not in amendment:
            continue
        entries = [dict(e) for e in out.get(list_key, [])]
        for change in amendment[list_key]:
            for e in entries:
                if e.get(id_key) == change.get(id_key):
                    e.update(change)
                    break
            else:
                entries.append(dict(change))
        out[list_key] = entries
    for table in ("bands", "worker", "workload"):
        if table in amendment:
            out[table] = dict(out.get(table, {}), **amendment[table])
    for key, value in amendment.items():
        if key not in KEYED and key not in ("bands", "worker", "workload", "from", "note"):
            out[key] = value
    return out


class Scheme:
    """A scheme and its dated versions."""

    def __init__(self, data, path):
        self.path = path
        self.name = data["name"]
        self.article = data.get("article", "a")
        self.aliases = list(data.get("aliases", []))
        self.council = data.get("council", "")
        self.source = data.get("source", "")
        self._base = {k: v for k, v in data.items() if k != "amendment"}
        self._amendments = []
        self.versions = []
        self._add_amendments(data.get("amendment", []), path)

    def __repr__(self):
        return "<Scheme %s: %d versions>" % (self.name, len(self.versions))

    def _add_amendments(self, amendments, where):
        for a in amendments:
            if "policy" in a and set(a) <= {"from", "note", "policy"}:
                continue  # policies only: no version of the scheme (see policies())
            self._amendments.append((_date(a.get("from"), where), a))
        self._amendments.sort(key=lambda x: x[0])
        start = _date(self._base.get("from"), self.path)
        data = self._base
        versions = [Version(self, start, data)]
        for when, a in self._amendments:
            if when <= start:
                raise SchemeError(
                    "%s: an amendment from %s is not after the version it amends (%s)"
                    % (where, when, start)
                )
            data = _amend(data, a)
            versions.append(Version(self, when, data, a.get("note", "")))
            start = when
        self.versions = versions

    def names(self):
        return [self.name] + self.aliases

    def version_at(self, date=None):
        """The version in force on `date` (a date, or "YYYY-MM-DD"; default today); the first
        version also scores every earlier date."""
        if date is None:
            date = datetime.date.today()
        elif isinstance(date, str):
            date = datetime.date.fromisoformat(date)
        elif isinstance(date, datetime.datetime):
            date = date.date()
        chosen = self.versions[0]
        for v in self.versions:
            if v.start <= date:
                chosen = v
        return chosen

    @property
    def first(self):
        return self.versions[0]

    @property
    def latest(self):
        return self.versions[-1]

    # The accessors of the version in force today (scheme.points("CP") ...).
    def __getattr__(self, attr):
        if attr.startswith("_") or attr in ("versions", "amendment_files"):
            raise AttributeError(attr)
        return getattr(self.version_at(), attr)


def _files(directory):
    return sorted(glob.glob(os.path.join(directory, "*.toml")))


def load_file(path, directory=None):
    """The scheme of a file (with the `amends` files of its folder, or of `directory`)."""
    data = _read(path)
    if "amends" in data:
        base = load(data["amends"], directory or os.path.dirname(os.path.abspath(path)))
        if os.path.abspath(path) not in base.amendment_files:
            base._add_amendments(data.get("amendment", []), path)
            base.amendment_files.append(os.path.abspath(path))
        return base
    if "name" not in data:
        raise SchemeError("%s: neither `name` nor `amends`" % path)
    scheme = Scheme(data, path)
    scheme.amendment_files = []
    folder = directory or os.path.dirname(os.path.abspath(path))
    for other in _files(folder):
        if os.path.abspath(other) == os.path.abspath(path):
            continue
        extra = _read(other)
        if extra.get("amends", "").upper() in [n.upper() for n in scheme.names()]:
            scheme._add_amendments(extra.get("amendment", []), other)
            scheme.amendment_files.append(os.path.abspath(other))
    return scheme


_cache = {}


def load(name_or_path, directory=BUILT_IN_DIR):
    """A scheme by name or alias (any case) from `directory` (default the built-in schemes),
    or from a file path (ending .toml)."""
    if name_or_path.endswith(".toml") or os.sep in name_or_path:
        return load_file(name_or_path)
    key = (name_or_path.upper(), os.path.abspath(directory))
    if key not in _cache:
        found = None
        for path in _files(directory):
            data = _read(path)
            names = [data.get("name", "")] + list(data.get("aliases", []))
            if name_or_path.upper() in [n.upper() for n in names if n]:
                found = path
                break
        if found is None:
            raise SchemeError("no scheme %s in %s" % (name_or_path, directory))
        _cache[key] = load_file(found, directory)
    return _cache[key]


def of_file(stem):
    """The built-in scheme of schemes/<stem>.toml ("swindon")."""
    return load_file(os.path.join(BUILT_IN_DIR, stem + ".toml"))


def built_in():
    """Every built-in scheme, in the order of their files' names."""
    out = []
    for path in _files(BUILT_IN_DIR):
        data = _read(path)
        if "name" in data:
            out.append(load(data["name"]))
    return out


# -- caseload policies and the full-time week (files of policies: no `name`, no `amends`) ----


def _is_policy_file(data):
    return "name" not in data and "amends" not in data and "item" not in data


def default_full_time_hours(directory=BUILT_IN_DIR):
    """The default full-time week: `full_time_hours` of the first file of policies of the
    folder (schemes/policies.toml for the built-in schemes); None when no file gives one."""
    for path in _files(directory):
        data = _read(path)
        if _is_policy_file(data) and "full_time_hours" in data:
            return data["full_time_hours"]
    return None


def policies(date=None, directory=BUILT_IN_DIR, prefix=None):
    """{code: policy} of every [[policy]] table of the folder's files, in the files' order,
    with every [[amendment.policy]] (of any file) up to `date` (default today) applied; only
    the codes starting with `prefix` and a dash (or equal to it) when given. A policy is a dict
    of code, label, lower (0 when not given), upper and source."""
    if date is None:
        date = datetime.date.today()
    elif isinstance(date, str):
        date = datetime.date.fromisoformat(date)
    out, changes = {}, []
    for path in _files(directory):
        data = _read(path)
        for p in data.get("policy", []):
            out[p["code"]] = dict({"lower": 0}, **p)
        for a in data.get("amendment", []):
            for change in a.get("policy", []):
                changes.append((_date(a.get("from"), path), change))
    for when, change in sorted(changes, key=lambda c: c[0]):
        if when <= date and change.get("code") in out:
            out[change["code"]].update(change)
    if prefix:
        prefix = prefix.upper()
        out = {c: p for c, p in out.items() if c == prefix or c.startswith(prefix + "-")}
    return out
