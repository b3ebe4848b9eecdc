"""The folded name of a person and the folded address of a household as SQL, for the roster's match in SQL.

Both are read out of the ``search_key`` every write path keeps (app.core.text.search_key: the folded parts
joined by char(31), an empty part left out), so they are ``fold(person.name)`` and ``fold(household.address)``
for every row whatever wrote it. Migration 0016 indexes exactly these expressions (SQLite uses an
expression index only for the same expression): ``ix_person_name_key`` and ``ix_household_address_key``
(after ``town_id``); the first has the birth date after the name.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import TextClause, Uuid, bindparam, text
from sqlalchemy.orm import Session

PERSON_NAME_KEY = ("CASE WHEN name = '' THEN '' WHEN instr(search_key, char(31)) > 0 "
                   "THEN substr(search_key, 1, instr(search_key, char(31)) - 1) ELSE search_key END")
HOUSEHOLD_ADDRESS_KEY = ("CASE WHEN address = '' THEN '' WHEN name = '' THEN search_key "
                         "ELSE substr(search_key, instr(search_key, char(31)) + 1) END")


def _qualified(expression: str, table: str) -> str:
    for column in ("search_key", "name", "address"):
        expression = expression.replace(f"{column} ", f"{table}.{column} ").replace(f"({column},", f"({table}.{column},")
    return expression


def members_by_name_and_birth(session: Session, town_id: uuid.UUID, pairs: Iterable[tuple[str, str]]) -> list[tuple]:
    """The town's live members (of live households) whose (``fold(name)``, birth date as ISO text) is one of
    ``pairs``: one index search per pair (the pairs drive the loop, CROSS JOIN keeps them outside), as
    (id hex, household id hex, name, kana, phone, concerns, birth date, of concern, household address)."""
    rows = session.execute(text(
        "SELECT person.id, person.household_id, person.name, person.kana, person.phone, person.concerns, "
        "person.birth_date, person.of_concern, household.address "
        "FROM json_each(:births) AS pair CROSS JOIN person "
        f"ON ({_qualified(PERSON_NAME_KEY, 'person')}) = json_extract(pair.value, '$[0]') "
        "AND person.birth_date = json_extract(pair.value, '$[1]') "
        "JOIN household ON household.id = person.household_id "
        "WHERE person.deleted_at IS NULL AND household.deleted_at IS NULL AND household.town_id = :town_id "
        "ORDER BY household.map_number, person.sort_order"
    ).bindparams(bindparam("town_id", town_id, type_=Uuid()),
                 births=json.dumps(sorted(set(pairs)), ensure_ascii=False))).all()
    return [(pid, hid, name, kana, phone, concerns, date.fromisoformat(birth), bool(of_concern), address)
            for pid, hid, name, kana, phone, concerns, birth, of_concern, address in rows]


def person_name_in(keys: Iterable[str], name: str = "names") -> TextClause:
    """``fold(person.name)`` is one of ``keys`` (read through ``ix_person_name_key``, the name its first column)."""
    return _folded_in(PERSON_NAME_KEY, "person", keys, name)


def household_address_in(keys: Iterable[str], name: str = "addresses") -> TextClause:
    """``fold(household.address)`` is one of ``keys`` (read through ``ix_household_address_key``)."""
    return _folded_in(HOUSEHOLD_ADDRESS_KEY, "household", keys, name)


def _folded_in(expression: str, table: str, keys: Iterable[str], name: str) -> TextClause:
    return text(f"({_qualified(expression, table)}) IN (SELECT value FROM json_each(:{name}))"
                ).bindparams(**{name: json.dumps(sorted(set(keys)), ensure_ascii=False)})


def home_members(session: Session, household_ids: Iterable[str]) -> Sequence[Any]:
    """Every member of these households (stored id text), archived ones too, as (rowid, household id hex, sort
    order, name, live), read from ``ix_person_household_first`` alone (it holds all four): no table row."""
    return session.execute(text(
        "SELECT rowid, household_id, sort_order, name, deleted_at IS NULL FROM person "
        "WHERE household_id IN (SELECT value FROM json_each(:homes))"
    ).bindparams(homes=json.dumps(sorted(set(household_ids))))).all()


def rowids_in(table: str, rowids: Iterable[int], name: str) -> TextClause:
    """``table``'s row is one of ``rowids`` (as ``home_members`` gave them: one lookup each)."""
    return text(f"{table}.rowid IN (SELECT value FROM json_each(:{name}))").bindparams(
        **{name: json.dumps(sorted(set(rowids)))})


def ids_in(column: str, raw_ids: Iterable[str], name: str) -> TextClause:
    """``column`` (a UUID column, stored as its hex text) is one of ``raw_ids`` (that stored text)."""
    return text(f"{column} IN (SELECT value FROM json_each(:{name}))").bindparams(
        **{name: json.dumps(sorted(set(raw_ids)))})
