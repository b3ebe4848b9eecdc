"""Match keys and persons of concern (issue 17): indexes for the roster's match in SQL and the concern lists.

``ix_person_of_concern``: the emergency sheet, the Step II/III lists, the roll call and the plans' priority
list look the persons of concern up (about one member in thirteen), on both databases.

``ix_person_name_key`` (the birth date after it) and ``ix_household_address_key`` (after the town) index
the folded name of a person and the folded address of a household (app.core.text.fold), read out of the
``search_key`` every write path already keeps (search_key(name, kana) and search_key(name, address): the
folded parts joined by char(31), an empty part left out). Expression indexes: SQLite keeps them true on
every insert and update whatever wrote the row (ORM, Core batches, sync, raw SQL), they need no column the
sync would send, and creating them fills them for an existing ledger. SQLite only, like the search index:
the office server matches no rosters.
app/watch/roster/keys.py has the same expressions; a query must spell them exactly so to use the index.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-01 19:10:00
"""

from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None

PERSON_NAME_KEY = ("CASE WHEN name = '' THEN '' WHEN instr(search_key, char(31)) > 0 "
                   "THEN substr(search_key, 1, instr(search_key, char(31)) - 1) ELSE search_key END")
HOUSEHOLD_ADDRESS_KEY = ("CASE WHEN address = '' THEN '' WHEN name = '' THEN search_key "
                         "ELSE substr(search_key, instr(search_key, char(31)) + 1) END")


def upgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_of_concern'), ['of_concern'], unique=False)
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(f"CREATE INDEX ix_person_name_key ON person ({PERSON_NAME_KEY}, birth_date)")
    op.execute(f"CREATE INDEX ix_household_address_key ON household (town_id, {HOUSEHOLD_ADDRESS_KEY})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP INDEX IF EXISTS ix_household_address_key")
        op.execute("DROP INDEX IF EXISTS ix_person_name_key")
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_of_concern'))
