"""Search index: entries per household and person, an FTS5 trigram index over them, kept by triggers.

Batch-mode migrations that recreate ``household`` or ``person`` drop these triggers with the old
table: such a migration must call ``create_household_triggers()`` / ``create_person_triggers()`` of
this module again (tests/test_search.py fails when the index stops following edits).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27 06:20:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def create_household_triggers() -> None:
    op.execute("""CREATE TRIGGER search_household_ai AFTER INSERT ON household BEGIN
        INSERT INTO search_entry(owner_id, household_id, kind, key) VALUES (new.id, new.id, 'h', new.search_key);
    END""")
    op.execute("""CREATE TRIGGER search_household_au AFTER UPDATE OF search_key ON household BEGIN
        UPDATE search_entry SET key = new.search_key WHERE owner_id = new.id;
    END""")
    op.execute("""CREATE TRIGGER search_household_ad AFTER DELETE ON household BEGIN
        DELETE FROM search_entry WHERE owner_id = old.id;
    END""")


def create_person_triggers() -> None:
    op.execute("""CREATE TRIGGER search_person_ai AFTER INSERT ON person BEGIN
        INSERT INTO search_entry(owner_id, household_id, kind, key) VALUES (new.id, new.household_id, 'p', new.search_key);
    END""")
    op.execute("""CREATE TRIGGER search_person_au AFTER UPDATE OF search_key, household_id ON person BEGIN
        UPDATE search_entry SET key = new.search_key, household_id = new.household_id WHERE owner_id = new.id;
    END""")
    op.execute("""CREATE TRIGGER search_person_ad AFTER DELETE ON person BEGIN
        DELETE FROM search_entry WHERE owner_id = old.id;
    END""")


def upgrade() -> None:
    op.create_table('search_entry',
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Uuid(), nullable=False),
    sa.Column('household_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=1), nullable=False),
    sa.Column('key', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('entry_id', name=op.f('pk_search_entry')),
    sa.UniqueConstraint('owner_id', name=op.f('uq_search_entry_owner_id'))
    )
    with op.batch_alter_table('search_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_search_entry_household_id'), ['household_id'], unique=False)
    if op.get_bind().dialect.name != "sqlite":
        return  # FTS5 and these triggers are SQLite's; the office server (PostgreSQL) has no search window
    op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(key, content='search_entry', content_rowid='entry_id', "
               "tokenize='trigram')")
    op.execute("""CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN
        INSERT INTO search_fts(rowid, key) VALUES (new.entry_id, new.key);
    END""")
    op.execute("""CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN
        INSERT INTO search_fts(search_fts, rowid, key) VALUES ('delete', old.entry_id, old.key);
    END""")
    op.execute("""CREATE TRIGGER search_entry_au AFTER UPDATE OF key ON search_entry BEGIN
        INSERT INTO search_fts(search_fts, rowid, key) VALUES ('delete', old.entry_id, old.key);
        INSERT INTO search_fts(rowid, key) VALUES (new.entry_id, new.key);
    END""")
    op.execute("INSERT INTO search_entry(owner_id, household_id, kind, key) "
               "SELECT id, id, 'h', search_key FROM household")
    op.execute("INSERT INTO search_entry(owner_id, household_id, kind, key) "
               "SELECT id, household_id, 'p', search_key FROM person")
    create_household_triggers()
    create_person_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_table('search_entry')
        return
    for name in ("search_person_ad", "search_person_au", "search_person_ai", "search_household_ad",
                 "search_household_au", "search_household_ai", "search_entry_au", "search_entry_ad", "search_entry_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table('search_entry')
