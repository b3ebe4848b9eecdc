"""`incident record` with two incidents open for the town (a sync brought the other laptop's) asks which one with
--name, as `incident close` and `incident export` do, instead of writing the check to the newest."""

from __future__ import annotations

from datetime import timedelta

from app.models import open_ledger
from app.models.safety import Incident, IncidentKind
from app.paths import ledger_path
from app.safety import incidents
from tests.test_cli_incidents import data_dir, run  # noqa: F401 - the fixture, and the command line run


def checks(data_dir) -> dict[str, int]:
    ledger = open_ledger(ledger_path(data_dir))
    try:
        with ledger.Session() as s:
            return {i.name: len(incidents.events_of(s, i.id)) for i in incidents.list_incidents(s)}
    finally:
        ledger.close()


def test_record_with_two_incidents_open_in_the_town_asks_which_and_writes_to_the_one_named(capsys, data_dir):
    # GIVEN 7月豪雨 open in 余川町, and 別の端末の大雨 for 余川町 as a sync brings it from another laptop (written as
    # the sync writes rows: a second start here is refused); and 東町の火災 open in 東町, which is not asked about
    assert run(capsys, data_dir, "incident", "start", "--town", "余川町", "--name", "7月豪雨")[0] == 0
    assert run(capsys, data_dir, "incident", "start", "--town", "東町", "--name", "東町の火災")[0] == 0
    ledger = open_ledger(ledger_path(data_dir))
    try:
        with ledger.Session.begin() as s:
            flood = next(i for i in incidents.open_incidents(s) if i.name == "7月豪雨")
            s.add(Incident(name="別の端末の大雨", kind=IncidentKind.FLOOD, town_ids=[str(t) for t in flood.town_ids],
                           started_at=flood.started_at + timedelta(hours=1), note=""))
    finally:
        ledger.close()
    # WHEN 山田 (map number 2) is recorded without naming the incident
    code, out, err = run(capsys, data_dir, "incident", "record", "--town", "余川町", "--map-number", "2",
                         "--status", "無事")
    # THEN it is refused naming both and --name; nothing is written to either
    assert code == 1 and out == ""
    assert "2 incidents are open" in err and "別の端末の大雨" in err and "7月豪雨" in err and "--name" in err
    assert "東町の火災" not in err
    assert checks(data_dir) == {"別の端末の大雨": 0, "7月豪雨": 0, "東町の火災": 0}
    # WHEN the incident is named (the older one, which the newest-first guess would have missed)
    code, out, err = run(capsys, data_dir, "incident", "record", "--town", "余川町", "--map-number", "2",
                         "--status", "無事", "--name", "7月豪雨")
    # THEN the check is in 7月豪雨 and nowhere else
    assert code == 0, err
    assert out.startswith("recorded 余川町 No.2 山田　ハル: 無事（自宅） (訪問, ") and " in 7月豪雨; now " in out
    assert checks(data_dir) == {"別の端末の大雨": 0, "7月豪雨": 1, "東町の火災": 0}
    # AND a name no open incident has is refused, naming it
    code, out, err = run(capsys, data_dir, "incident", "record", "--town", "余川町", "--map-number", "2",
                         "--status", "無事", "--name", "山田　ハル")
    assert code == 1 and "山田　ハル" in err and "--name" in err and checks(data_dir)["7月豪雨"] == 1

