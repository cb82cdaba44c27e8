"""Calibration vignettes: short anonymised case descriptions with the scheme's reference coding,
which managers score apart and then compare (docs/calibration.md). One file per set, in the
folder vignettes/ beside the scheme files (schemes/vignettes/*.toml); the engine reads only
schemes/*.toml, so it never sees them. No office needed.

    s = vignettes.find("swindon-1")         # or vignettes.sets(), or load_file(path)
    s.scheme, s.title, len(s.vignettes)
    v = s.by_id("SW01")
    v.children, v.answer                     # {column key: the drop-down entry}

A file is checked whole when loaded: its keys, the vignettes' ids, titles and children, and
every answer against the worker sheet the scheme makes (caseweight.sheets.scheme_layout): each
column key is one of its columns and each entry one its drop-down offers. Whether the row as a
whole follows the scheme's rules is the engine's to say: the comparison scores every reference
coding in Calc and lists one that does not score (caseweight-calibrate).
"""

import datetime
import os
import re
import tomllib
from dataclasses import dataclass, field
from typing import Dict, List

from caseweight import schemes
from caseweight.sheets import scheme_layout

FOLDER = "vignettes"  # beside the scheme files

ID = re.compile(r"[A-Za-z0-9]{1,8}")
SET_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,39}")
MOST_TITLE = 60  # a sheet row's width
MOST_CHILDREN = 20
# A drop-down longer than this is named by its single codes in a message, not entry by entry.
MOST_LISTED = 12

FILE_KEYS = {"scheme": str, "set": str, "title": str, "vignette": list}
VIGNETTE_KEYS = {
    "id": str,
    "title": str,
    "text": str,
    "children": int,
    "answer": dict,
    "reason": str,
    "share": (int, float),
}
OPTIONAL = {"share"}


class VignetteError(ValueError):
    """A vignette file that cannot be read or does not follow the format; the message names
    the file and the vignette."""


@dataclass
class Vignette:
    id: str
    title: str
    text: str
    children: int
    answer: Dict[str, str]  # column key -> drop-down entry; columns not named are empty
    reason: str
    share: float = 1.0  # the co-working share of the row (0 < share <= 1)

    def codes(self):
        """Every code of the answer, in the order of its columns."""
        return [p.strip() for entry in self.answer.values() for p in entry.split(";")]


@dataclass
class VignetteSet:
    scheme: str  # the scheme's canonical name
    set: str
    title: str
    path: str
    vignettes: List[Vignette] = field(default_factory=list)
    scheme_dir: str = ""  # the folder the set's scheme was read from

    def by_id(self, id):
        for v in self.vignettes:
            if v.id == id:
                return v
        raise KeyError("%s has no vignette %s" % (self.set, id))


def _or_list(words):
    words = list(words)
    return words[0] if len(words) == 1 else "%s or %s" % (", ".join(words[:-1]), words[-1])


def _type_name(want):
    if want is int:
        return "a whole number"
    if want is str:
        return "a text"
    if want is dict:
        return "a table { column = entry, ... }"
    if want is list:
        return "[[vignette]] tables"
    return "a number"


def _check_keys(where, table, known, required):
    for key in table:
        if key not in known:
            raise VignetteError(
                '%s: unknown key "%s"; the keys are %s' % (where, key, ", ".join(known))
            )
    for key in required:
        if key not in table:
            raise VignetteError('%s: the key "%s" is missing' % (where, key))
    for key, value in table.items():
        want = known[key]
        # TOML true is a Python int: never a number here
        if not isinstance(value, want) or isinstance(value, bool):
            raise VignetteError(
                '%s: "%s" must be %s, not %r' % (where, key, _type_name(want), value)
            )
        if isinstance(value, str) and not value.strip():
            raise VignetteError('%s: "%s" is empty' % (where, key))


def _offered(column):
    """The column's entries in words for a message: every one, or its codes for a long list."""
    entries = column.entries()
    if len(entries) <= MOST_LISTED:
        return _or_list(entries)
    return '%s, or several of them as its drop-down lists them ("A; B")' % _or_list(column.codes)


def _words(text):
    """The text as one paragraph: a TOML file wraps long texts, a sheet's cell does not."""
    return " ".join(text.split())


def _vignette(where, table, columns, version):
    _check_keys(where, table, VIGNETTE_KEYS, [k for k in VIGNETTE_KEYS if k not in OPTIONAL])
    if not ID.fullmatch(table["id"]):
        raise VignetteError(
            '%s: the id "%s" must be 1 to 8 letters or digits' % (where, table["id"])
        )
    title = _words(table["title"])
    if len(title) > MOST_TITLE:
        raise VignetteError(
            "%s: the title has %d characters; at most %d fit a sheet row"
            % (where, len(title), MOST_TITLE)
        )
    children = table["children"]
    if not 1 <= children <= MOST_CHILDREN:
        raise VignetteError(
            "%s: children must be 1 to %d, not %d" % (where, MOST_CHILDREN, children)
        )
    share = table.get("share", 1)
    if not 0 < share <= 1:
        raise VignetteError("%s: share must be more than 0 and at most 1, not %r" % (where, share))
    answer = table["answer"]
    if not answer:
        raise VignetteError("%s: the answer names no column" % where)
    by_key = {c.key: c for c in columns}
    for key, entry in answer.items():
        if key not in by_key:
            raise VignetteError(
                '%s: the sheet of %s has no column "%s"; its columns are %s'
                % (where, version.name, key, ", ".join(by_key))
            )
        column = by_key[key]
        if not isinstance(entry, str) or entry not in column.entries():
            raise VignetteError(
                '%s: the column %s has no entry "%s"; it offers %s'
                % (where, key, entry, _offered(column))
            )
    v = Vignette(
        id=table["id"],
        title=title,
        text=_words(table["text"]),
        children=children,
        answer=dict(answer),
        reason=_words(table["reason"]),
        share=float(share),
    )
    return v


def _schemes_dir(directory):
    return directory or schemes.BUILT_IN_DIR


def _scheme(name, directory):
    """(the scheme, the folder it was read from): from `directory` (a pack's own scheme), else
    from the built-in schemes (a pack's set of a shipped scheme)."""
    try:
        return schemes.load(name, directory), directory
    except schemes.SchemeError:
        if os.path.abspath(directory) == os.path.abspath(schemes.BUILT_IN_DIR):
            raise
        return schemes.load(name, schemes.BUILT_IN_DIR), schemes.BUILT_IN_DIR


def load_file(path, scheme_dir=None, date=None):
    """The set of vignettes of a file, checked against its scheme as found in `scheme_dir`
    (default the built-in schemes) in the version in force on `date` (default today)."""
    name = os.path.basename(path)
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise VignetteError("%s: %s" % (name, e)) from None
    _check_keys(name, data, FILE_KEYS, list(FILE_KEYS))
    if not SET_ID.fullmatch(data["set"]):
        raise VignetteError(
            '%s: the set "%s" must be letters, digits and dashes (at most 40)' % (name, data["set"])
        )
    try:
        scheme, found_in = _scheme(data["scheme"], _schemes_dir(scheme_dir))
        version = scheme.version_at(date or datetime.date.today())
        columns = scheme_layout.of(version).columns
    except schemes.SchemeError as e:
        raise VignetteError("%s: %s" % (name, e)) from None
    out = VignetteSet(scheme.name, data["set"], data["title"].strip(), path, scheme_dir=found_in)
    seen = set()
    for n, table in enumerate(data["vignette"], 1):
        if not isinstance(table, dict):
            raise VignetteError("%s: vignette %d is not a [[vignette]] table" % (name, n))
        label = table.get("id") if isinstance(table.get("id"), str) else "number %d" % n
        v = _vignette("%s: vignette %s" % (name, label), table, columns, version)
        if v.id.upper() in seen:
            raise VignetteError("%s: the id %s is given to two vignettes" % (name, v.id))
        seen.add(v.id.upper())
        out.vignettes.append(v)
    if not out.vignettes:
        raise VignetteError("%s: no [[vignette]]" % name)
    return out


def is_vignette_file(path):
    """Whether a .toml file is a set of vignettes (it has [[vignette]] tables), not a scheme."""
    try:
        with open(path, "rb") as f:
            return "vignette" in tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        return False


def sets(directory=None, date=None, also=()):
    """Every set of `<directory>/vignettes/*.toml` (directory: the folder of the scheme files,
    default the built-in one) and of the folders of scheme files in `also` (installed scheme
    packs), by set id. Two files of one set id are a mistake."""
    out = {}
    for d in [_schemes_dir(directory)] + list(also):
        folder = os.path.join(d, FOLDER)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            path = os.path.join(folder, name)
            if not name.endswith(".toml") or not os.path.isfile(path):
                continue
            s = load_file(path, d, date)
            if s.set in out:
                raise VignetteError(
                    "%s: the set %s is also the set of %s; give each file its own set"
                    % (name, s.set, os.path.basename(out[s.set].path))
                )
            out[s.set] = s
    return [out[k] for k in sorted(out)]


def find(set_id, directory=None, date=None, also=()):
    """The set of that id (any case) among sets(directory, also=also); VignetteError naming
    the sets there when there is none."""
    found = sets(directory, date, also)
    for s in found:
        if s.set.upper() == set_id.upper():
            return s
    raise VignetteError(
        "no vignette set %s; the sets are %s" % (set_id, ", ".join(s.set for s in found) or "none")
    )
