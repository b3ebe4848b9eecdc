"""The plans on paper: one A4 page per person with the map extract, Excel read back, the consent rule, no
formula from user text, and the command line writing both."""

from __future__ import annotations

from openpyxl import load_workbook

from app.plans import papers, plans
from app.plans.views import PlanFields, SupporterFields
from app.privacy.copies import outstanding_copies
from app.privacy.masking import Audience
from app.towns.reference_layers import import_layer
from tests.conftest import DATA, run_app
from tests.emergency_fixtures import pdf_pages, pdf_text
from tests.plan_fixtures import plan_town  # noqa: F401 - the fixture

SHELTERS = DATA / "echizen" / "gsi_emergency_shiteikinkyu.geojson"


def _with_plans(ledger, t):
    with ledger.Session.begin() as s:
        import_layer(s, SHELTERS)
        suggested = plans.get_plan(s, t.persons["couple"]).suggested_shelter
        plans.save_plan(s, t.persons["couple"], PlanFields(shelter_id=suggested.feature_id, transport="車いす",
                                                           consent="yes"),
                        [SupporterFields("=HYPERLINK(\"http://x\")", "近所"), SupporterFields("乙", "長男")])
        plans.save_plan(s, t.persons["alone_dry"], PlanFields(transport="徒歩"), [SupporterFields("丙")])
    return suggested


def test_pdf_has_one_page_per_person_names_only_where_consent_allows(ledger, plan_town, tmp_path):
    suggested = _with_plans(ledger, plan_town)
    assert suggested.name and suggested.lat is not None  # a shelter open for floods, outside the zone
    with ledger.Session() as s:
        path = papers.export_plans(s, plan_town.town_id, tmp_path / "plans.pdf", audience=Audience.WATCHERS)
        everyone = plans.persons_needing_plans(s, plan_town.town_id)
    assert path.read_bytes().startswith(b"%PDF")
    assert pdf_pages(path) == len(everyone) == 4  # #1, #2, #3 and #5 (the frail watcher is of concern)
    numbers = {p: pdf_text(path, p) for p in range(1, 5)}
    couple = next(text for text in numbers.values() if "No.2" in text)
    assert "中島正男" in couple and "車いす" in couple
    assert suggested.name.replace(" ", "").replace("　", "") in couple
    assert "自宅" in couple and "N" in couple  # the map extract: house label, north arrow, scale bar
    assert "表示ルール" in couple
    dry = next(text for text in numbers.values() if "No.3" in text)
    assert "高台キヨ" not in dry and "（匿名）" in dry and "徒歩" not in dry  # no consent: the map number only
    assert "地図・個人情報は表示しません" in dry


def test_staff_copy_shows_everyone(ledger, plan_town, tmp_path):
    _with_plans(ledger, plan_town)
    with ledger.Session() as s:
        path = papers.export_plans(s, plan_town.town_id, tmp_path / "staff.pdf", audience=Audience.STAFF)
    assert "高台キヨ" in pdf_text(path)


def test_excel_masks_per_consent_and_keeps_user_text_as_text(ledger, plan_town, tmp_path):
    _with_plans(ledger, plan_town)
    with ledger.Session.begin() as s:
        path = papers.export_plans(s, plan_town.town_id, tmp_path / "plans.xlsx", audience=Audience.WATCHERS)
    ws = load_workbook(path).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0].startswith("表示ルール")
    # a paper that names people is counted out: its serial on the paper, its row in the printed copies ledger
    with ledger.Session() as s:
        (copy,) = [c for c in outstanding_copies(s) if c.file_name == "plans.xlsx"]
    assert copy.paper == "evacuation_plans" and f"管理番号 {copy.serial}" in rows[0][0]
    header = rows[1]
    by_number = {r[1]: dict(zip(header, r, strict=False)) for r in rows[2:]}
    assert by_number[2]["氏名"] == "中島　正男" and by_number[2]["移動手段"] == "車いす"
    assert by_number[3]["氏名"] == "（匿名）" and by_number[3]["移動手段"] is None
    assert by_number[2]["避難支援者1"].startswith("=HYPERLINK")
    for row in ws.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate
    assert "支援者" in (by_number[3]["確認事項"] or "") or by_number[3]["確認事項"] is None


def test_export_plans_command_writes_pdf_and_excel(ledger, plan_town, tmp_path):
    _with_plans(ledger, plan_town)
    data_dir = ledger.path.parent
    ledger.close()
    for name in ("plans.pdf", "plans.xlsx"):
        out = tmp_path / name
        done = run_app("export-plans", "--data-dir", str(data_dir), "--town", "粟田部町", "--out", str(out),
                       "--audience", "staff")
        assert done.returncode == 0, done.stderr
        assert "exported 4 evacuation plan(s) of 粟田部町" in done.stdout and out.stat().st_size > 0
    assert pdf_pages(tmp_path / "plans.pdf") == 4
    assert load_workbook(tmp_path / "plans.xlsx").active.max_row == 6
    bad = run_app("export-plans", "--data-dir", str(data_dir), "--town", "粟田部町", "--out", str(tmp_path / "x.doc"))
    assert bad.returncode == 1 and "x.doc" in bad.stderr


def test_an_archived_plan_prints_as_the_blank_form_not_as_a_plan_in_force(ledger, plan_town, tmp_path):
    # GIVEN a plan with a means of transport and consent, then archived (as Undo of a new plan leaves it)
    _with_plans(ledger, plan_town)
    with ledger.Session.begin() as s:
        plans.archive_plan(s, plan_town.persons["couple"])
    with ledger.Session() as s:
        path = papers.export_plans(s, plan_town.town_id, tmp_path / "plans.pdf", audience=Audience.STAFF)
        kept = plans.get_plan(s, plan_town.persons["couple"])
    # THEN the person's page is the blank form to fill in by hand: nothing of the archived plan on it
    couple = next(pdf_text(path, p) for p in range(1, pdf_pages(path) + 1) if "No.2" in pdf_text(path, p))
    assert "中島正男" in couple
    assert "車いす" not in couple and "長男" not in couple and "同意あり" not in couple
    # and the archived plan is still kept in the ledger as it was (archive, never delete)
    assert kept.archived and kept.fields.transport == "車いす"
