"""A person of concern with many watchers on the watch-network record form: every printed page starts with a
person's name, and the form reads back as it was written."""

from __future__ import annotations

import re
import subprocess

import openpyxl
import pytest

from app.core.sheets import ChangeKind
from app.privacy.masking import Audience
from app.towns import towns
from app.watch import network as watch
from app.watch.views import LinkFields, WatcherFields
from app.watch.watch_form import TITLE, export_form, read_form
from tests.office_print import needs_libreoffice, printed


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


# ---------------------------------------------------------------- the pages LibreOffice prints

# Marks that make the added watchers' names unique, one per person given many watchers.
_MARKS = "甲乙丙丁"


def _layout_pages(path):
    """The pages the form means to print, from its page breaks: per page, its blocks' names (the 氏名 lines; ""
    for an empty block to fill in by hand), its continued names (the 氏名（続き） lines) and its watchers' names."""
    ws = openpyxl.load_workbook(path).worksheets[0]
    breaks = [b.id for b in ws.row_breaks.brk]
    pages = []
    for first, last in zip([4, *breaks], breaks, strict=False):
        lines = [(ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 3).value) for r in range(first + 1, last + 1)]
        pages.append(([n or "" for label, n, _ in lines if label == "氏名"],
                      [n for label, n, _ in lines if label == "氏名（続き）"],
                      [w for _, _, w in lines if w]))
    return pages


@needs_libreoffice
def test_the_printed_pages_are_the_pages_the_form_laid_out(demo_ledger, tmp_path):
    # GIVEN the demo town's form, three of its persons with many watchers (one more than a page holds), many of
    # them with a way of helping long enough to wrap onto two lines
    with demo_ledger.Session.begin() as s:
        town = towns.find_town(s, "ひだまり町")
        concerns = watch.list_concerns(s, town.id)
        for mark, (concern, count) in zip(_MARKS, [(concerns[1], 9), (concerns[2], 40), (concerns[4], 12)],
                                          strict=False):
            for n in range(count):
                w = watch.add_watcher(s, town.id, WatcherFields(f"{mark}見守{n:02d}"))
                involvement = "週に一度の声かけ" if n % 3 else "朝夕の見回りと、ゴミ出しの日の声かけ。雪の日は玄関先の雪かきも手伝う"
                watch.link_watcher(s, concern.person.id, w.id, LinkFields(involvement))
        path = export_form(s, town.id, tmp_path / "form.xlsx", audience=Audience.STAFF)
    layout = _layout_pages(path)
    assert len(layout) >= 4 and any(continued for _, continued, _ in layout)

    # WHEN LibreOffice prints it
    pdf, printed_pages = printed(path, tmp_path, layout="-raw")

    # THEN it prints as many pages as the form laid out, each the same persons and watchers
    assert len(printed_pages) == len(layout), [p[:80] for p in printed_pages]
    for number, (page, (names, continued, watchers)) in enumerate(zip(printed_pages, layout, strict=True), 1):
        text = page.replace(" ", "").replace("\u3000", "")
        unique = [w for w in watchers if w[0] in _MARKS]
        missing = [w for w in unique if w not in text]
        elsewhere = [w for w in unique for other in printed_pages if other is not page and w in other]
        assert not missing and not elsewhere, (number, missing, elsewhere)
        assert all(n.replace("\u3000", "") in text for n in names + continued), (number, names, continued)
        # a person's block whole on its page, a continued one starting under 「氏名（続き）」
        assert text.count("気になるところ") == len(names), (number, names)
        assert text.count("氏名（続き）") == len(continued), (number, continued)
        # the headings and the consent rule on every page
        assert TITLE in text and "気がかりな人" in text and "関わり方" in text and "表示ルール" in text, number
    assert f"Pages:{len(layout)}" in subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout.replace(" ", "")

    # AND at the scale the file asks for (Excel prints at that scale too; under fit-to-page each program picks its
    # own): two watchers' lines of 31.5 points are 31.5 points times the scale apart
    scale = openpyxl.load_workbook(path).worksheets[0].page_setup.scale or 100
    words = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    tops = {word: float(top) for top, word in re.findall(r'yMin="([\d.]+)"[^>]*>([^<]+)</word>', words)}
    assert tops["甲見守02"] - tops["甲見守01"] == pytest.approx(31.5 * scale / 100, abs=0.3), scale
