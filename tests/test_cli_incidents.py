"""The safety check from the command line on a real ledger: incident start / record / export / close."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from app.__main__ import main
from app.models import open_ledger
from app.paths import ledger_path
from app.safety import incidents
from tests.test_safety import make_world


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    ledger = open_ledger(ledger_path(folder))
    make_world(ledger)
    ledger.close()
    return folder


def run(capsys, data_dir, *args):
    code = main([*args, "--data-dir", str(data_dir)])
    out = capsys.readouterr()
    return code, out.out.strip(), out.err.strip()


def test_start_record_export_and_close_each_print_one_line(capsys, data_dir, tmp_path):
    code, out, err = run(capsys, data_dir, "incident", "start", "--town", "余川町", "--name", "7月豪雨", "--kind", "flood")
    assert code == 0, err
    assert out == "started the incident 7月豪雨 (flood) in 余川町: 4 persons needing support to check"
    # WHEN 山田 (map number 2) is checked twice: first unreachable, then evacuated to a school
    code, out, err = run(capsys, data_dir, "incident", "record", "--town", "余川町", "--map-number", "2",
                         "--status", "連絡不能", "--by", "川村", "--method", "電話")
    assert code == 0, err
    assert out.startswith("recorded 余川町 No.2 山田　ハル: 連絡不能 (電話, 川村) in 7月豪雨; now 未確認 3、")
    code, out, err = run(capsys, data_dir, "incident", "record", "--town", "余川町", "--map-number", "2",
                         "--status", "避難済み（味真野小学校）", "--note", "長男が送った")
    assert code == 0 and len(out.splitlines()) == 1, err
    assert "避難済み（味真野小学校） (訪問," in out and "避難済み 1" in out and "連絡不能 0" in out
    # AND a bad status is refused with the labels to use, and records nothing
    code, out, err = run(capsys, data_dir, "incident", "record", "--town", "余川町", "--map-number", "2",
                         "--status", "たぶん無事")
    assert code == 1 and "--status たぶん無事" in err and "無事（自宅）" in err
    code, out, err = run(capsys, data_dir, "incident", "export", "--out", str(tmp_path / "log.xlsx"),
                         "--audience", "staff")
    assert code == 0 and out == f"wrote 2 checks of 7月豪雨 to {tmp_path / 'log.xlsx'}"
    log = list(load_workbook(tmp_path / "log.xlsx")["記録"].iter_rows(min_row=4, values_only=True))
    assert [(r[4], r[5], r[9]) for r in log] == [("山田　ハル", "連絡不能", None), ("山田　ハル", "避難済み", "長男が送った")]
    code, out, err = run(capsys, data_dir, "incident", "close")
    assert code == 0 and out == "closed the incident 7月豪雨; its 2 checks are kept"
    # THEN after closing, a record is refused and the events stay in the ledger
    code, out, err = run(capsys, data_dir, "incident", "record", "--town", "余川町", "--map-number", "4",
                         "--status", "無事（自宅）")
    assert code == 1 and "No incident is open" in err
    ledger = open_ledger(ledger_path(data_dir))
    try:
        with ledger.Session() as s:
            [incident] = incidents.list_incidents(s)
            assert not incident.is_open and len(incidents.events_of(s, incident.id)) == 2
    finally:
        ledger.close()


def test_a_person_who_is_not_on_the_roll_call_is_refused_and_nothing_is_recorded(capsys, data_dir):
    # GIVEN an incident in 余川町, whose roll call lists its four persons of concern
    assert run(capsys, data_dir, "incident", "start", "--town", "余川町", "--name", "7月豪雨")[0] == 0
    # WHEN the neighbour 森 (map number 5, not of concern) is recorded as safe
    code, out, err = run(capsys, data_dir, "incident", "record", "--town", "余川町", "--map-number", "5",
                         "--status", "無事")
    # THEN it is refused, saying he is not on the roll call and how to put him on it; no check is stored
    assert code == 1 and out == ""
    assert "森　一郎" in err and "roll call" in err and "Person of concern" in err
    ledger = open_ledger(ledger_path(data_dir))
    try:
        with ledger.Session() as s:
            [incident] = incidents.list_incidents(s)
            assert incidents.events_of(s, incident.id) == []
    finally:
        ledger.close()
