"""Search pairs: the character pairs of every search entry, so one- and two-character queries read an index.

``search_pair`` holds, for each entry of ``search_entry`` whose key is at most ``PAIR_KEY_LIMIT``
characters, every pair of neighbouring characters of the key, the last character paired with
``char(1)`` (folded text never holds it). A two-character query is one pair; a one-character query
is every pair starting with it (a range of the primary key). Longer keys are found by a substring
test over them alone (the partial index ``ix_search_entry_long``). ``search_number`` (1 … the limit)
lets the triggers cut a key into pairs in plain SQL. Kept by triggers on ``search_entry``, beside
those of the FTS5 index (migration 0005); SQLite only, like the FTS5 index.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 10:00:00
"""

from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

PAIR_KEY_LIMIT = 1024  # app/models/search_index.py has the same number

_PAIRS = ("SELECT substr({key} || char(1), n, 2) FROM search_number "
          f"WHERE n <= length({{key}}) AND length({{key}}) <= {PAIR_KEY_LIMIT}")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # the office server (PostgreSQL) has no search window
    op.execute("CREATE TABLE search_number (n INTEGER PRIMARY KEY)")
    op.execute(f"WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < {PAIR_KEY_LIMIT}) "
               "INSERT INTO search_number(n) SELECT n FROM c")
    op.execute("CREATE TABLE search_pair (pair TEXT NOT NULL, entry_id INTEGER NOT NULL, "
               "PRIMARY KEY (pair, entry_id)) WITHOUT ROWID")
    op.execute(f"CREATE INDEX ix_search_entry_long ON search_entry (entry_id) WHERE length(key) > {PAIR_KEY_LIMIT}")
    op.execute("INSERT OR IGNORE INTO search_pair(pair, entry_id) "
               "SELECT substr(e.key || char(1), n.n, 2), e.entry_id FROM search_entry e "
               f"JOIN search_number n ON n.n <= length(e.key) WHERE length(e.key) <= {PAIR_KEY_LIMIT}")
    insert_new = ("INSERT OR IGNORE INTO search_pair(pair, entry_id) SELECT substr(new.key || char(1), n, 2), "
                  f"new.entry_id FROM search_number WHERE n <= length(new.key) AND length(new.key) <= {PAIR_KEY_LIMIT}")
    delete_old = "DELETE FROM search_pair WHERE entry_id = old.entry_id AND pair IN ({})"
    old_pairs = _PAIRS.format(key="old.key")
    op.execute(f"""CREATE TRIGGER search_pair_ai AFTER INSERT ON search_entry BEGIN
        {insert_new};
    END""")
    op.execute(f"""CREATE TRIGGER search_pair_ad AFTER DELETE ON search_entry BEGIN
        {delete_old.format(old_pairs)};
    END""")
    op.execute(f"""CREATE TRIGGER search_pair_au AFTER UPDATE OF key ON search_entry BEGIN
        {delete_old.format(old_pairs)};
        {insert_new};
    END""")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("search_pair_au", "search_pair_ad", "search_pair_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP INDEX IF EXISTS ix_search_entry_long")
    op.execute("DROP TABLE IF EXISTS search_pair")
    op.execute("DROP TABLE IF EXISTS search_number")
