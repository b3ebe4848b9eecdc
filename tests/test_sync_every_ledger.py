"""Every ledger the app opens records its edits and sends them at the next sync, whatever ledgers the same
process opened and closed before it.

The sync tests' old flake (tests/test_sync.py ran with reruns): in long runs, now and then one laptop's
edit never reached the other. Its audit entry had not been written: the audit hook is installed per
ledger on its sessionmaker, and ``install_audit`` skipped it when ``sqlalchemy.event.contains`` said
the factory already had it. SQLAlchemy keys that registry by ``id()`` of the factory and keeps the key
after the factory and its Session class are gone, so every ledger opened before leaves an address behind,
and a new ledger whose sessionmaker lands on one of them was taken as audited (the more ledgers a
process had opened, the likelier: a whole test run, never a sync file alone). Which address a new
object gets cannot be chosen in a test, so this one gives ``event.contains`` the answer such a left-over
key gives (and only for the audit hook).
"""

from __future__ import annotations

from sqlalchemy import event, select

from app.core.views import HouseholdFields
from app.households import households as hh
from app.models import AuditEntry
from app.models.audit import _before_flush
from app.sync import sync
from tests.sync_fixtures import make_laptop, pg_admin_url, server_url  # noqa: F401 - fixtures
from tests.test_sync import _households, _two_laptops_synced


def test_an_edit_on_a_ledger_opened_after_others_is_in_its_history_and_reaches_the_other_laptop(make_laptop,
                                                                                            monkeypatch):
    # GIVEN SQLAlchemy's listener registry still listing the audit hook for a freed factory at the address
    # the new ledgers' factories get
    real = event.contains
    monkeypatch.setattr(event, "contains",
                        lambda target, name, fn: True if fn is _before_flush else real(target, name, fn))
    # AND laptops A and B opened after it, both holding A's town
    a, b, _, ids = _two_laptops_synced(make_laptop)
    # WHEN A renames a household and both sync
    with a.ledger.Session.begin() as s:
        hh.edit_household(s, ids[0], HouseholdFields(name="山田家", address="余川町1"))
    sent = sync(a.ledger, a.url)
    received = sync(b.ledger, b.url)
    # THEN the rename is in A's history, was sent, and B shows it
    with a.ledger.Session() as s:
        renamed = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == ids[0],
                                                     AuditEntry.field == "name")).all()
    assert [e.new_value for e in renamed] == ["山田家"]
    assert sent.sent == 1 and received.received == 1
    assert _households(b)[ids[0]][1] == "山田家"
