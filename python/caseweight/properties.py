"""UNO property lists, file addresses and storing a document: what every part that talks to an
office needs, the tools (through caseweight.office) and the code the extension runs in the
user's office alike."""

import os

import uno
from com.sun.star.beans import PropertyValue


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


def store(doc, path, filter_name):
    doc.storeToURL(file_url(path), props(FilterName=filter_name, Overwrite=True))
