"""A town's households, gathering places and watch links as GeoJSON (RFC 7946) for GIS tools such as QGIS.

Coordinates are WGS84 longitude/latitude (no ``crs`` member: RFC 7946 fixes it; JGD2011 positions are
written as they are, the two agree within a metre in Japan). A household placed only on an image base
map is written when the town's map is georeferenced (its position computed from the control points),
and otherwise left out and counted in the summary.

Consent is applied as on every paper (``app.privacy.masking``): a member the audience may not see by
name is not named anywhere in the file; a household with such a member loses its name and address and
keeps its map number. Text goes out as plain JSON strings, exactly as entered: no markup is added, and a
value that looks like a formula stays text (GeoJSON is not a spreadsheet).
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError, NotFound
from app.models import GatheringPlace, Household, HouseholdCategory, Person, Town
from app.models.entities import household_category_link
from app.models.watch import Watcher, WatchLink
from app.privacy.copies import register_copies, serial_line
from app.privacy.masking import HOUSEHOLD_BLANKS, Audience, as_audience, export_rule, hidden_persons, rule_line
from app.privacy.sharing import SharingContext, current_sharing
from app.towns.basemaps import georeference_of
from app.towns.georeference import Georeference

APP_CREDIT = "Sasaeai Map (支え合いマップ)"
_DECIMALS = 7  # about a centimetre: more than any position in the ledger can claim


@dataclass(frozen=True)
class GeoJsonExport:
    """What an export wrote, for the status line or the command line."""

    path: Path
    audience: Audience
    households: int
    places: int
    links: int
    anonymous_members: int  # members written without their name
    left_out_households: int  # no geographic position (placed on an image that is not georeferenced)
    left_out_places: int
    georeferenced: bool  # positions on the town's image were converted through its control points

    def summary(self) -> str:
        text = (f"{self.households} households, {self.places} gathering places, {self.links} watch links "
                f"written to {self.path.name} for {self.audience.value}")
        if self.anonymous_members:
            text += f"; {self.anonymous_members} members without consent written without their name"
        if self.left_out_households or self.left_out_places:
            text += (f"; left out (no geographic position: the town's map image is not georeferenced): "
                     f"{self.left_out_households} households, {self.left_out_places} gathering places")
        return text


class _Placed(Protocol):  # a household's or a place's row: its two positions
    lat: float | None
    lon: float | None
    map_x: float | None
    map_y: float | None


def _lonlat(record: _Placed, georef: Georeference | None) -> tuple[float, float] | None:
    if record.lat is not None and record.lon is not None:
        return record.lon, record.lat
    if georef is not None and record.map_x is not None and record.map_y is not None:
        return georef.to_geo(record.map_x, record.map_y)
    return None


def _point(lonlat: tuple[float, float]) -> dict:
    return {"type": "Point", "coordinates": [round(lonlat[0], _DECIMALS), round(lonlat[1], _DECIMALS)]}


def _feature(geometry: dict, properties: dict) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def export_geojson(session: Session, town_id: uuid.UUID, out: Path,
                   audience: Audience | str = Audience.WATCHERS, *,
                   sharing: SharingContext | None = None) -> GeoJsonExport:
    """Write the town to ``out`` (replaced only once the whole file is written).

    ``sharing``: the mode it is made under (the ledger's current one when not given). The file is counted
    out in the printed copies ledger (the caller commits ``session``); its serial is in the header.
    """
    audience = as_audience(audience)
    town = session.get(Town, town_id)
    if town is None:
        raise NotFound(QT_TRANSLATE_NOOP("errors", "This town is no longer in the ledger."))
    out = Path(out)
    if out.suffix.lower() not in (".geojson", ".json"):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "A GeoJSON file ends in .geojson."), where=out.name)
    georef = georeference_of(session, town_id)  # None unless the town's image has control points
    sharing = current_sharing(session) if sharing is None else sharing
    rule = export_rule(audience, sharing)

    # Plain columns, not a household object each with its members and categories (a city's town: 8 s and
    # 440 MB through the ORM); the file is written as the rows are turned into features.
    live_homes = (Household.town_id == town_id, Household.deleted_at.is_(None))
    households = session.execute(
        select(Household.id, Household.map_number, Household.name, Household.address, Household.lat, Household.lon,
               Household.map_x, Household.map_y, Household.position_approximate)
        .where(*live_homes).order_by(Household.map_number)).all()
    members: dict[uuid.UUID, list] = {h.id: [] for h in households}
    for m in session.execute(  # each household's live members in its own order (Household.persons)
            select(Person.household_id, Person.id, Person.name, Person.of_concern)
            .join(Household, Person.household_id == Household.id)
            .where(*live_homes, Person.deleted_at.is_(None)).order_by(Person.sort_order)):
        members[m.household_id].append(m)
    labels: dict[uuid.UUID, list[str]] = {}
    for household_id, label in session.execute(  # in the order of Household.categories
            select(household_category_link.c.household_id, HouseholdCategory.label)
            .join(HouseholdCategory, household_category_link.c.category_id == HouseholdCategory.id)
            .join(Household, household_category_link.c.household_id == Household.id)
            .where(*live_homes).order_by(HouseholdCategory.priority)):
        labels.setdefault(household_id, []).append(label)
    hidden = hidden_persons(session, (p.id for ps in members.values() for p in ps), audience, sharing)
    counts = {"households": 0, "places": 0, "links": 0, "anonymous": 0, "left_households": 0, "left_places": 0}
    positions: dict[uuid.UUID, tuple[float, float]] = {}
    map_numbers = {h.id: h.map_number for h in households}
    anonymous_households = {h.id for h in households if any(p.id in hidden for p in members[h.id])}

    def household_features() -> Iterator[dict]:
        for h in households:
            lonlat = _lonlat(h, georef)
            if lonlat is None:
                counts["left_households"] += 1
                continue
            positions[h.id] = lonlat
            shown = [p for p in members[h.id] if p.id not in hidden]
            anonymous = len(members[h.id]) - len(shown)
            counts["anonymous"] += anonymous
            counts["households"] += 1
            # The household's name (often the head's) and address say who lives there: only when every
            # member may be named to this audience (the papers blank them the same way).
            personal = {"name": h.name, "address": h.address} if not anonymous else dict(HOUSEHOLD_BLANKS)
            yield _feature(_point(lonlat), {
                "layer": "household", "map_number": h.map_number, **personal,
                "members": "、".join(p.name for p in shown), "anonymous_members": anonymous,
                "persons_of_concern": sum(1 for p in members[h.id] if p.of_concern),
                "categories": "、".join(labels.get(h.id, ())),
                "approximate": bool(h.position_approximate),
            })

    def place_features() -> Iterator[dict]:
        places = session.scalars(select(GatheringPlace).where(
            GatheringPlace.town_id == town_id, GatheringPlace.deleted_at.is_(None)).order_by(GatheringPlace.name))
        for place in places:
            lonlat = _lonlat(place, georef)
            if lonlat is None:
                counts["left_places"] += 1
                continue
            counts["places"] += 1
            yield _feature(_point(lonlat), {"layer": "gathering_place", "name": place.name,
                                            "kind": place.kind.value, "schedule": place.schedule})

    def link_features() -> Iterator[dict]:
        watched = aliased(Household)
        rows = session.execute(
            select(WatchLink.involvement, Watcher.name, Watcher.household_id, Person.id, Person.name, watched.id,
                   watched.map_number)
            .join(Watcher, WatchLink.watcher_id == Watcher.id)
            .join(Person, WatchLink.person_id == Person.id)
            .join(watched, Person.household_id == watched.id)
            .where(watched.town_id == town_id, WatchLink.deleted_at.is_(None), Watcher.deleted_at.is_(None),
                   Person.deleted_at.is_(None), watched.deleted_at.is_(None), Watcher.household_id.is_not(None))
            .order_by(watched.map_number, WatchLink.sort_order))
        for involvement, watcher, watcher_home, person_id, person, home, map_number in rows:
            if watcher_home is None:  # (the query asks for watchers with a home: for the type checker)
                continue
            start, end = positions.get(watcher_home), positions.get(home)
            if start is None or end is None:
                continue
            named = person_id not in hidden
            counts["links"] += 1
            yield _feature(
                {"type": "LineString", "coordinates": [_point(start)["coordinates"], _point(end)["coordinates"]]},
                {"layer": "watch_link",
                 "watcher_map_number": map_numbers[watcher_home],
                 "watched_map_number": map_number,
                 # The form names watchers for every audience but the community; here the line also places
                 # the watcher's house, so an anonymous household's watcher stays unnamed too.
                 "watcher": watcher if audience is not Audience.COMMUNITY
                 and watcher_home not in anonymous_households else "",
                 "watched": person if named else "",
                 "involvement": involvement if named else ""})

    header = {
        "type": "FeatureCollection",
        "name": f"{town.district.name} {town.name}",
        "attribution": f"{APP_CREDIT}: {town.district.name} {town.name}",
        "audience": audience.value,
        "note": f"{rule_line(audience, sharing)} / Consent rule: {rule.en}",
        "sharing_mode": sharing.mode.value,
        "serial": register_copies(session, paper="geojson", audience=audience, town_id=town_id,
                                  town_name=town.name, sharing=sharing, file_name=out.name),
    }
    header["note"] += f"　{serial_line(header['serial'])}"
    _write_atomically(out, header, (household_features, place_features, link_features))
    return GeoJsonExport(out, audience, counts["households"], counts["places"], counts["links"],
                         counts["anonymous"], counts["left_households"], counts["left_places"], georef is not None)


def _write_atomically(out: Path, header: dict, parts) -> None:  # noqa: ANN001 - generator factories
    """One feature per line (a large town never builds one big string); the old file stays until done."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".export-", suffix=".geojson", dir=out.parent)
    except OSError as exc:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Cannot write the file: {reason}"), where=out.name,
                          reason=exc.strerror or str(exc)) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "features": [\n')
            first = True
            for part in parts:  # households first: the links need their positions
                for feature in part():
                    f.write(("" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
                    first = False
            f.write("\n]}\n")
        os.replace(temp, out)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "Cannot write the file: {reason}"), where=out.name,
                          reason=exc.strerror or str(exc)) from exc
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
