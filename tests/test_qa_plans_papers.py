"""The plans on paper with what welfare staff really type: long Japanese text wraps in its box, whole and
readable, and a plan too long for one page goes on to the next (with its number and the rule) instead of
running off the page."""

from __future__ import annotations

import re
import subprocess

from openpyxl import load_workbook

from app.core.text import NO_LINE_START
from app.plans import papers, plans
from app.plans.views import PlanFields, SupporterFields
from app.privacy.masking import Audience
from tests.emergency_fixtures import flat, pdf_pages, pdf_text
from tests.office_print import needs_libreoffice, printed
from tests.plan_fixtures import plan_town  # noqa: F401 - the fixture

ROUTE = ("自宅前の細い道を北へ進み、県道に出たら信号を渡って右へ。川沿いの道は大雨の時に冠水するので使わない。"
         "公民館の手前の坂は車いすでは上れないので、裏の駐車場から入る。\n夜間は懐中電灯を持ち、最後に区長へ電話する。")


def _export(ledger, t, tmp_path, fields, supporters=()):
    with ledger.Session.begin() as s:
        plans.save_plan(s, t.persons["alone_deep"], fields, list(supporters))
        everyone = plans.persons_needing_plans(s, t.town_id)
        path = papers.export_plans(s, t.town_id, tmp_path / "plans.pdf", audience=Audience.STAFF,
                                   person_ids=[t.persons["alone_deep"]])
    return path, everyone


def test_a_long_route_and_supporter_wrap_whole_in_their_boxes(ledger, plan_town, tmp_path):
    # GIVEN a route of three sentences and two lines, and a supporter with a long note to their name
    supporter = SupporterFields("長男の妻　山田　花子さん（市外在住、週末のみ）", "家族（長男の妻）", "080-1234-5678")
    path, _ = _export(ledger, plan_town, tmp_path, PlanFields(route_note=ROUTE, consent="yes"),
                      [supporter, SupporterFields("隣　太郎", "近所", "090-0000-3333")])
    # THEN the plan is still one page, and every word of the route and the supporter's phone is on it
    assert pdf_pages(path) == 1
    text = pdf_text(path, 1, raw=True)
    assert flat(ROUTE) in text
    assert "080-1234-5678" in text and "公民館の手前の坂" in text and "最後に区長へ電話する。" in text


def test_a_plan_too_long_for_one_page_goes_on_to_a_second_with_its_number(ledger, plan_town, tmp_path):
    # GIVEN a note pasted from a care record, far longer than a page
    note = "".join(f"{i}回目の訪問：玄関の段差に注意し、声をかけてから入る。" for i in range(1, 121))
    path, _ = _export(ledger, plan_town, tmp_path, PlanFields(route_note=ROUTE, note=note, consent="yes"))
    pages = pdf_pages(path)
    # THEN the note is printed whole over the pages, each headed with the town's map number and the rule
    assert pages >= 2
    # (read across the page break: the next page's rule line, title and the row's label come between)
    text = re.sub(r"表示ルール:[^個]*個別避難計画（続き）粟田部町No\.1(備考)?", "", pdf_text(path, raw=True))
    assert flat(note) in text
    for page in range(1, pages + 1):
        text = pdf_text(path, page)
        assert "No.1" in text and "表示ルール" in text
    assert "個別避難計画（続き）" in pdf_text(path, 2)
    assert "自宅" in pdf_text(path, pages)  # the map extract, on the last page


def test_excel_rows_are_tall_enough_for_their_wrapped_text(ledger, plan_town, tmp_path):
    # GIVEN one plan with a long route and a supporter whose phone comes after a long name, one plan with short text
    supporter = SupporterFields("長男の妻　山田　花子さん（市外在住、週末のみ）", "家族（長男の妻）", "080-1234-5678")
    with ledger.Session.begin() as s:
        plans.save_plan(s, plan_town.persons["alone_deep"], PlanFields(route_note=ROUTE, consent="yes"), [supporter])
        plans.save_plan(s, plan_town.persons["couple"], PlanFields(route_note="県道を北へ", consent="yes"),
                        [SupporterFields("乙", "長男")])
        path = papers.export_plans(s, plan_town.town_id, tmp_path / "plans.xlsx", audience=Audience.STAFF,
                                   person_ids=[plan_town.persons["alone_deep"], plan_town.persons["couple"]])
    ws = load_workbook(path)[papers.TITLE]
    header = [c.value for c in ws[2]]
    rows = {ws.cell(row=r, column=2).value: r for r in range(3, ws.max_row + 1)}
    long_row, short_row = rows[1], rows[2]
    route = ws.cell(row=long_row, column=header.index("避難経路") + 1).value
    assert flat(route) == flat(ROUTE)
    # THEN the long row is tall enough for the whole route (about 120 full-width characters in a column 24 wide,
    # 11 or 12 a line: ten lines of 11 pt at least), so the route's end and the supporter's phone are not cut
    height = ws.row_dimensions[long_row].height
    assert height is not None and height >= 10 * 13
    assert "080-1234-5678" in ws.cell(row=long_row, column=header.index("避難支援者1") + 1).value
    # and a row whose longest text wraps to two lines (its two warnings) is two lines tall, not ten
    assert ws.row_dimensions[short_row].height is None or ws.row_dimensions[short_row].height < 3 * 15 + 3


def test_every_printed_page_of_the_excel_plans_carries_the_serial_the_rule_and_its_number(ledger, plan_town,
                                                                                          tmp_path):
    # GIVEN plans naming people: a paper counted out with a serial, printed across many pages (26 columns)
    with ledger.Session.begin() as s:
        plans.save_plan(s, plan_town.persons["couple"], PlanFields(route_note=ROUTE, consent="yes"),
                        [SupporterFields("乙", "長男")])
        path = papers.export_plans(s, plan_town.town_id, tmp_path / "plans.xlsx", audience=Audience.WATCHERS)
    ws = load_workbook(path)[papers.TITLE]
    serial = re.search(r"管理番号 \d{4}-\d{4}", ws["A1"].value)
    assert serial  # the first row, as before
    # THEN the page header and footer (printed on every page, not only the first) say what it is and which copy
    assert "個別避難計画" in ws.oddHeader.left.text and "粟田部町" in ws.oddHeader.left.text
    assert serial.group(0) in ws.oddHeader.right.text
    assert "表示ルール" in ws.oddFooter.left.text and serial.group(0) in ws.oddFooter.left.text
    assert "&P" in ws.oddFooter.right.text and "&N" in ws.oddFooter.right.text


@needs_libreoffice
def test_the_rule_is_printed_whole_once_on_every_page_of_the_excel_plans(ledger, plan_town, tmp_path):
    # GIVEN plans naming people, 26 columns printed across pages; the sheet's first row says the rule and the serial
    with ledger.Session.begin() as s:
        plans.save_plan(s, plan_town.persons["couple"], PlanFields(route_note=ROUTE, consent="yes"),
                        [SupporterFields("乙", "長男")])
        path = papers.export_plans(s, plan_town.town_id, tmp_path / "plans.xlsx", audience=Audience.WATCHERS)
    rule = load_workbook(path)[papers.TITLE]["A1"].value
    assert rule.startswith("表示ルール") and "管理番号" in rule  # on the screen, above the column names
    # WHEN LibreOffice Calc prints it
    _, pages = printed(path, tmp_path)
    # THEN every page says the rule and the serial once, whole, in its footer: the first row was cut at the first
    # page's edge, and printed again in part beside the town and name (the repeated columns) on every page after
    assert len(pages) >= 2
    for page in pages:
        assert page.count("表示ルール") == 1 and flat(rule) in flat(page)
        assert "町名" in page and "氏名" in page  # the column names still head every page


KINSOKU_ROUTE = ("デイサービスセンターひまわりの送迎バス（リフト付き）で、ショートステイ・ホームヘルパーの事業所へ。"
                 "エレベーターのない棟なので、ケアマネージャーとヘルパーが二人で階段を下りる。")


@needs_libreoffice
def test_no_line_of_the_excel_plans_printed_by_libreoffice_starts_with_a_long_vowel_mark(ledger, plan_town, tmp_path):
    # GIVEN routes and supporters full of 「ー」「、」「）」, shifted by one character from one plan to the next so
    # that some fall where the program wraps the columns
    who = ["alone_deep", "couple"]
    with ledger.Session.begin() as s:
        for n, key in enumerate(who):
            plans.save_plan(s, plan_town.persons[key], PlanFields(route_note="ひ" * n + KINSOKU_ROUTE, consent="yes"),
                            [SupporterFields("ひ" * n + "居宅介護支援センターひまわり　ケアマネージャー（サービス提供責任者）",
                                             "ケアマネージャー", "090-0000-0606")])
        path = papers.export_plans(s, plan_town.town_id, tmp_path / "plans.xlsx", audience=Audience.STAFF,
                                   person_ids=[plan_town.persons[key] for key in who])
    # WHEN LibreOffice Calc prints the workbook
    pdf, _ = printed(path, tmp_path)
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    words = re.findall(r"<word [^>]*>([^<]*)</word>", out)
    # THEN no printed line starts with a 行頭禁則 character, and every route is printed whole
    assert [w for w in words if w[:1] in NO_LINE_START] == []
    # (every word of it: the lines broken here lose nothing)
    text = flat(subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    assert all(flat("ひ" * n + KINSOKU_ROUTE) in text for n in range(len(who)))
    # AND the workbook holds each route and supporter as written, but for the lines broken
    ws = load_workbook(path)[papers.TITLE]
    header = [c.value for c in ws[2]]
    routes = sorted(flat(ws.cell(row=r, column=header.index("避難経路") + 1).value) for r in (3, 4))
    assert routes == sorted(flat("ひ" * n + KINSOKU_ROUTE) for n in range(len(who)))
    supporters = [flat(ws.cell(row=r, column=header.index("避難支援者1") + 1).value) for r in (3, 4)]
    assert all("居宅介護支援センターひまわりケアマネージャー（サービス提供責任者）" in s for s in supporters)


def test_no_line_of_the_pdf_plans_starts_with_a_long_vowel_mark_or_a_full_stop(ledger, plan_town, tmp_path):
    # fpdf2's multi_cell broke a long value at a space when it had one (a short first line) and started lines with
    # 「ー」「。」「）」. The plans' PDF now breaks its values as the cards and the sheet do.
    who = {"alone_deep": 4, "couple": 12}  # shifted to where multi_cell started lines with 「ー」 (both) and 「ョ」
    with ledger.Session.begin() as s:
        for key, n in who.items():
            plans.save_plan(s, plan_town.persons[key], PlanFields(route_note="ひ" * n + KINSOKU_ROUTE, consent="yes"),
                            [SupporterFields("ひ" * n + "居宅介護支援センターひまわり　ケアマネージャー（サービス提供責任者）",
                                             "ケアマネージャー", "090-0000-0606")])
        path = papers.export_plans(s, plan_town.town_id, tmp_path / "plans.pdf", audience=Audience.STAFF,
                                   person_ids=[plan_town.persons[key] for key in who])
    drawn = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    assert [line for line in drawn if line[:1] in NO_LINE_START] == []
    text = pdf_text(path, raw=True)
    assert all(flat("ひ" * n + KINSOKU_ROUTE) in text for n in who.values())  # every route whole
    assert pdf_pages(path) == len(who)


def test_an_empty_plans_paper_prints_its_long_rule_whole_inside_the_page(tmp_path):
    # No plan to print still gives a page with the rule applied. On the day of a disaster the rule says who shared
    # the list, when and why: it ran off the page's right edge on one line.
    rule = ("表示ルール: 災害時の避難支援等関係者への提供（本人の同意によらない）。提供者: 福祉課 越前 花子、"
            "2026年7月1日 9:00、理由: 大雨特別警報の発表により避難支援が必要なため。　No.2026-0042")
    path = papers.write_plans_pdf([], tmp_path / "plans.pdf", rule=rule)
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = [(float(a), float(c), t) for a, c, t in re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out)]
    mm = 72 / 25.4
    assert "".join(t for _, _, t in words) == rule.replace(" ", "").replace("　", "")
    assert all(12 * mm - 1 <= x0 and x1 <= (210 - 12) * mm + 1 for x0, x1, _ in words), words


def test_a_long_shelter_name_east_of_the_house_stays_on_the_map_extract(ledger, plan_town, tmp_path):
    # The map extract names the shelter to the right of its symbol. A shelter east of the house lands near the box's
    # right edge, and a long real name (GSI's 「丹南総合公園（グラウンド部分）」) ran past the box and off the paper.
    from dataclasses import replace as with_

    from app.plans.views import ShelterChoice
    from tests.plan_fixtures import DEEP

    name = "丹南総合公園（グラウンド部分）"
    with ledger.Session() as s:
        view = plans.get_plan(s, plan_town.persons["alone_deep"])
    papers_out = []
    for east in (0.02, -0.02):  # east of the house, and west of it (the usual side still used)
        shelter = ShelterChoice(name, "越前市", DEEP[1], DEEP[0] + east, 1800.0)
        papers_out.append(papers.PlanPaper(with_(view, lat=DEEP[1], lon=DEEP[0], shelter=shelter), False))
    path = papers.write_plans_pdf(papers_out, tmp_path / "plans.pdf", rule="表示ルール: 職員用")
    mm = 72 / 25.4
    for page in (1, 2):
        out = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                             capture_output=True, text=True, check=True).stdout
        words = [(float(a), float(c), t) for a, c, t in re.findall(
            r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', out)]
        label = [w for w in words if w[2] in name and len(w[2]) > 1]
        assert "".join(w[2] for w in label) == name, words  # the whole name, once
        assert all(12 * mm <= x0 and x1 <= (210 - 12) * mm for x0, x1, _ in label), (page, label)
