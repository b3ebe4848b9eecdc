"""The overview's workbook printed (as 社協 staff print it for the district meeting): the chart whole on a page."""

from __future__ import annotations

import subprocess

from app.meeting.overview import overview
from app.meeting.overview_excel import export_overview_xlsx
from tests.office_print import needs_libreoffice, printed


@needs_libreoffice
def test_printed_overview_has_the_table_on_one_page_and_the_chart_whole_on_the_next(demo_ledger, tmp_path):
    with demo_ledger.Session() as s:
        ov = overview(s)
    pdf, pages = printed(export_overview_xlsx(ov, tmp_path / "overview.xlsx"), tmp_path)
    # THEN two pages: the table, and the chart of watched / not watched, not cut across two sheets of paper
    assert len(pages) == 2, [p[:80] for p in pages]
    assert "支え合いマップ 集計" in pages[0] and "合計" in pages[0]
    assert "気がかりな人の見守り状況" in pages[1] and "見守りなし" in pages[1]
    size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "841.89 x 595.3" in size  # A4 landscape


@needs_libreoffice
def test_a_citys_overview_prints_on_as_many_pages_as_needed_each_with_the_headings(ledger, tmp_path):
    from app.towns.towns import add_town

    # GIVEN the office ledger of a city: 8 districts of 10 towns (97 rows with the subtotals and the total)
    with ledger.Session.begin() as s:
        for i in range(80):
            add_town(s, f"第{i // 10 + 1}地区", f"町{i:02d}")
    with ledger.Session() as s:
        ov = overview(s)
    _pdf, pages = printed(export_overview_xlsx(ov, tmp_path / "overview.xlsx"), tmp_path)
    table = [p for p in pages if "見守り状況" not in p and "世帯数" in p]
    # THEN the table is not shrunk onto one page (unreadable print): it runs over pages, each with its headings,
    # and every town is on one of them
    assert len(table) >= 2, f"{len(table)} page(s) of table"
    assert all("世帯数" in page and "見直し未了" in page for page in table)
    assert all(any(f"町{i:02d}" in page for page in table) for i in range(80))


@needs_libreoffice
def test_a_citys_chart_is_printed_a_dozen_towns_a_page_not_shrunk_onto_one(ledger, tmp_path):
    import re

    from app.meeting.overview_excel import CHART_TOWNS
    from app.towns.towns import add_town

    # GIVEN the office ledger of a city: 8 districts of 10 towns
    with ledger.Session.begin() as s:
        for i in range(80):
            add_town(s, f"第{i // 10 + 1}地区", f"町{i:02d}")
    with ledger.Session() as s:
        ov = overview(s)
    _pdf, pages = printed(export_overview_xlsx(ov, tmp_path / "overview.xlsx"), tmp_path)
    charts = [p for p in pages if "見守り状況" in p]
    # THEN the chart is not one page of 80 bars nobody can read: a page a district here, each with its towns'
    # numbers beside it, and every town on one of them
    assert len(charts) == 8, [p[:120] for p in charts]
    towns = [set(re.findall(r"町\d\d", page)) for page in charts]
    assert all(0 < len(t) <= CHART_TOWNS for t in towns)
    assert set().union(*towns) == {f"町{i:02d}" for i in range(80)}
    assert "第1地区" in charts[0].replace(" ", "") and "1/8" in charts[0]


@needs_libreoffice
def test_each_chart_of_a_city_prints_on_its_own_page_at_a_fixed_scale_not_fitted_to_the_page(ledger, tmp_path):
    import re

    from openpyxl import load_workbook

    from app.meeting.overview_excel import CHART_SHEET, chart_groups
    from app.towns.towns import add_town

    # GIVEN a city of three districts: two of a dozen towns (a full chart each) and one of five
    with ledger.Session.begin() as s:
        for d, count in enumerate((12, 12, 5), start=1):
            for i in range(count):
                add_town(s, f"第{d}地区", f"町{d}{i:02d}")
    with ledger.Session() as s:
        ov = overview(s)
    path = export_overview_xlsx(ov, tmp_path / "overview.xlsx")
    groups = chart_groups(ov.towns)
    assert len(groups) == 3
    # THEN the chart sheet breaks before every chart but the first and does not ask to be fitted to the page (Excel
    # ignores manual page breaks then, and cuts the charts where its width-fitted pages end): a fixed scale
    ws = load_workbook(path)[CHART_SHEET]
    assert len(ws.row_breaks.brk) == len(groups) - 1
    assert not (ws.sheet_properties.pageSetUpPr and ws.sheet_properties.pageSetUpPr.fitToPage)
    assert 50 <= ws.page_setup.scale <= 100
    # AND LibreOffice prints the pages laid out: a chart a page, each with its own towns' numbers, in order
    _pdf, pages = printed(path, tmp_path)
    charts = [p for p in pages if "見守り状況" in p]
    assert len(charts) == len(groups), [p[:120] for p in charts]
    for page, group in zip(charts, groups, strict=True):
        assert set(re.findall(r"町\d\d\d", page)) == {ov.towns[i].town_name for i in group}
