"""A person of concern with many watchers on the watch-network record form: every printed page starts with a
person's name, and the form reads back as it was written."""

from __future__ import annotations

import openpyxl
import pytest

from app.core.sheets import ChangeKind
from app.privacy.masking import Audience
from app.towns import towns
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields
from app.watch.watch_form import export_form, read_form


def _form_with_watchers(ledger, tmp_path, watchers: int):
    """The demo town's form, its third person of concern watched by ``watchers`` persons; (path, their name)."""
    with ledger.Session.begin() as s:
        town = towns.find_town(s, "ひだまり町")
        concern = watch.list_concerns(s, town.id)[2]
        for n in range(watchers - len(concern.links)):
            w = watch.add_watcher(s, town.id, WatcherFields(f"見守り　{n:02d}郎"))
            watch.link_watcher(s, concern.person.id, w.id, LinkFields("週に一度の声かけ"))
        path = export_form(s, town.id, tmp_path / "form.xlsx", audience=Audience.STAFF)
    return path, concern.person.name


# What an A4 page of the form holds under its repeated headings: four blocks of six lines of 31.5 points (and a
# little room), as LibreOffice and Excel print it; more runs onto a page the form did not start.
PAGE_POINTS = 4 * 6 * 31.5 + 24


def _pages(path):
    """Per printed page: (label, name) of its first line under the column headings, and its lines' height."""
    ws = openpyxl.load_workbook(path).worksheets[0]
    breaks = [b.id for b in ws.row_breaks.brk]
    pages = []
    for first, last in zip([4, *breaks], breaks, strict=False):
        height = sum(ws.row_dimensions[r].height or ws.sheet_format.defaultRowHeight for r in range(first + 1, last))
        pages.append(((ws.cell(first + 1, 1).value, ws.cell(first + 1, 2).value), height))
    return pages


@pytest.mark.parametrize("watchers", [14, 40])
def test_every_page_of_the_form_starts_with_a_persons_name(demo_ledger, tmp_path, watchers):
    # GIVEN a person watched by more persons than the rest of a page holds (14), or than a whole page holds (40)
    path, name = _form_with_watchers(demo_ledger, tmp_path, watchers)

    # WHEN the form is printed, THEN no page starts with watchers' lines that do not say whose they are
    pages = _pages(path)
    tops = [top for top, _height in pages]
    assert all(label in ("氏名", "氏名（続き）") for label, _ in tops), tops
    assert all(height <= PAGE_POINTS for _top, height in pages), pages
    assert [n for label, n in tops if label == "氏名（続き）"] == ([] if watchers == 14 else [name])

    # AND the form reads back as it was written: the name carried over is neither a new person nor a concern
    with demo_ledger.Session.begin() as s:
        preview = read_form(s, path)
    assert [(r.label, r.changes) for r in preview.rows if r.kind is not ChangeKind.UNCHANGED] == []
    assert sum(r.record == "watcher" for r in preview.rows if r.sheet and r.label.startswith("見守り")) \
        == watchers - 2
