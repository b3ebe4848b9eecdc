"""One open incident per town: a second one is refused by name (service, window, command line), and a command
that would act on "the open incident" asks which when several are open instead of taking the newest."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.core.errors import LedgerError
from app.models import open_ledger
from app.models.safety import Incident, IncidentKind
from app.paths import ledger_path
from app.safety import incidents
from app.ui.mainwindow.actions import MainAction
from tests.test_cli_incidents import data_dir, run  # noqa: F401 - the fixture, and the command line run
from tests.test_safety import world  # noqa: F401 - the world fixture
from tests.test_ui_map import window  # noqa: F401 - the window fixture

T0 = datetime(2026, 7, 10, 6, 0, tzinfo=timezone.utc)


def test_a_second_open_incident_in_a_town_is_refused_by_name_and_nothing_is_written(ledger, world):
    # GIVEN 7月豪雨 open in 余川町
    with ledger.Session.begin() as s:
        flood = incidents.start_incident(s, "7月豪雨", [world.town_id], kind="flood", started_at=T0)
    # WHEN another incident is started for 余川町 (and 東町) while it is open
    with pytest.raises(LedgerError) as refused, ledger.Session.begin() as s:
        incidents.start_incident(s, "地震", [world.other_town_id, world.town_id], kind="earthquake",
                                 started_at=T0 + timedelta(hours=2))
    # THEN it is refused naming the open incident and the town; nothing was started
    assert "7月豪雨" in str(refused.value) and "余川町" in str(refused.value)
    with ledger.Session() as s:
        assert [i.name for i in incidents.list_incidents(s)] == ["7月豪雨"]
    # AND an incident in another town only starts, and after 7月豪雨 is closed a new one starts in 余川町
    with ledger.Session.begin() as s:
        incidents.start_incident(s, "東町の火災", [world.other_town_id], started_at=T0 + timedelta(hours=3))
        incidents.close_incident(s, flood.id, at=T0 + timedelta(days=2))
        incidents.start_incident(s, "8月地震", [world.town_id], kind="earthquake", started_at=T0 + timedelta(days=30))
    with ledger.Session() as s:
        assert {i.name for i in incidents.open_incidents(s)} == {"東町の火災", "8月地震"}




def test_the_command_line_refuses_a_second_incident_and_asks_which_one_to_close(capsys, data_dir, tmp_path):
    assert run(capsys, data_dir, "incident", "start", "--town", "余川町", "--name", "7月豪雨")[0] == 0
    # WHEN a second incident is started in 余川町: refused, naming the open one
    code, out, err = run(capsys, data_dir, "incident", "start", "--town", "余川町", "--name", "大雨2")
    assert code == 1 and "7月豪雨" in err and "余川町" in err and out == ""
    # GIVEN a second open incident in another town
    assert run(capsys, data_dir, "incident", "start", "--town", "東町", "--name", "東町の火災")[0] == 0
    # WHEN `incident close` and `incident export` are run without a name: both asked, nothing closed or written
    code, out, err = run(capsys, data_dir, "incident", "close")
    assert code == 1 and "7月豪雨" in err and "東町の火災" in err and "--name" in err
    code, out, err = run(capsys, data_dir, "incident", "export", "--out", str(tmp_path / "log.xlsx"))
    assert code == 1 and "--name" in err and not (tmp_path / "log.xlsx").exists()
    # THEN --name chooses; the other stays open
    code, out, err = run(capsys, data_dir, "incident", "close", "--name", "7月豪雨")
    assert code == 0 and out == "closed the incident 7月豪雨; its 0 checks are kept", err
    code, out, err = run(capsys, data_dir, "incident", "close", "--name", "7月豪雨")
    assert code == 1 and "7月豪雨" in err
    ledger = open_ledger(ledger_path(data_dir))
    try:
        with ledger.Session() as s:
            assert [i.name for i in incidents.open_incidents(s)] == ["東町の火災"]
    finally:
        ledger.close()
    # AND with one open, `incident close` closes it as before
    code, out, err = run(capsys, data_dir, "incident", "close")
    assert code == 0 and out == "closed the incident 東町の火災; its 0 checks are kept", err


def test_the_start_dialog_says_an_incident_is_open_in_the_town_and_starts_nothing(qtbot, window):
    # GIVEN the demo town with its incident open, and the start dialog filled in for the same town
    demo = window.safety.incident
    assert demo is not None
    dialog = window.safety.open_start_dialog()
    dialog.name.setText("豪雨（二つ目）")
    # WHEN Start is clicked
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    # THEN the dialog stays open and names the open incident; the panel still shows it, no second one exists
    assert dialog.isVisible() and demo.name in dialog.problem.text() and window.towns.town.name in dialog.problem.text()
    assert window.safety.incident.id == demo.id
    with window.ledger.Session() as s:
        assert [i.name for i in incidents.open_incidents(s)] == [demo.name]
    dialog.reject()


def test_two_incidents_open_in_the_town_after_a_sync_are_named_in_the_panel(qtbot, window, monkeypatch):
    # GIVEN the demo's incident open, and a second one for the same town as a sync brings it (started on another
    # laptop before the two met: written as the sync writes rows, not through a start here, which is refused)
    demo = window.safety.incident
    with window.ledger.Session.begin() as s:
        s.add(Incident(name="別の端末の大雨", kind=IncidentKind.FLOOD, town_ids=[str(t) for t in demo.town_ids],
                       started_at=demo.started_at + timedelta(hours=1), note=""))
    # WHEN the safety panel is opened
    window.actions[MainAction.SAFETY].trigger()
    panel = window.safety.panel
    # THEN it says both are open, which one it shows (the newest) and what Close will close
    assert panel.notice.isVisibleTo(panel)
    assert "別の端末の大雨" in panel.notice.text() and demo.name in panel.notice.text()
    assert window.safety.incident.name == "別の端末の大雨" and "別の端末の大雨" in panel.incident_label.text()
    # WHEN the user closes the one shown (asked first, naming it)
    asked: list[str] = []
    monkeypatch.setattr(window, "confirm", lambda question: asked.append(question) or True)
    panel.close_button.click()
    # THEN the other is shown and the notice goes away
    assert "別の端末の大雨" in asked[0]
    assert window.safety.incident.id == demo.id and not panel.notice.isVisibleTo(panel)
