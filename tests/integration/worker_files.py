"""Workers' sheets written from the shipped templates for the tests: a template opened as a
new document, its header fields, rows and over-maximum record filled by their named cells,
saved as .ods."""

import datetime
import os
import shutil

from caseweight.county import template_path
from caseweight.office import FILTERS, store

EPOCH = datetime.date(1899, 12, 30)


def serial(d):
    return float((d - EPOCH).days)


def save_from_template(office, tpl, path, fill):
    """Opens the template file tpl as a new document, lets fill(doc) fill it in and saves it as
    path (its extension gives the format); returns what fill returned."""
    doc = office.load(office.copy_in(tpl), AsTemplate=True)
    try:
        result = fill(doc)
        ext = os.path.splitext(path)[1]
        tmp = office.doc_path("from-template" + ext)
        store(doc, tmp, FILTERS[ext])
        shutil.move(tmp, path)
    finally:
        doc.close(True)
    return result


def write_worker(office, oxt, path, file="swindon-children", fields=None, rows=()):
    """Writes path (.ods) from the template `file`: fields {key: value} of the named cells
    cw_KEY (dates as datetime.date), rows [{column key: value}]; returns {name: value} of the
    totals read back (cw_total, cw_band, cw_capacity, cw_headroom, cw_over_status)."""

    def fill(doc):
        names = doc.NamedRanges
        referred = {}

        def cell(name, row=0):
            # a named range's cells fetched once: each object costs a millisecond
            if name not in referred:
                referred[name] = names.getByName(name).ReferredCells
            return referred[name].getCellByPosition(0, row)

        for key, value in (fields or {}).items():
            c = cell("cw_" + key)
            if isinstance(value, datetime.date):
                c.setValue(serial(value))
            elif isinstance(value, str):
                c.setString(value)
            else:
                c.setValue(value)
        for i, row in enumerate(rows):
            for key, value in row.items():
                c = cell("cw_col_" + key, i)
                if isinstance(value, str):
                    c.setString(value)
                else:
                    c.setValue(value)
        doc.calculateAll()
        out = {}
        for name in ("cw_total", "cw_band", "cw_capacity", "cw_headroom", "cw_over_status"):
            if names.hasByName(name):
                c = cell(name)
                out[name] = c.getString() if c.FormulaResultType2 == 2 else c.getValue()
        return out

    return save_from_template(office, template_path(file, oxt, office.tmp), path, fill)
