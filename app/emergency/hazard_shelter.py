"""The shelter printed on the emergency card and the contact sheet, for a household in a hazard zone (issue 16).

Outside every zone (or before any hazard layer is imported) the card names the nearest 指定避難所 as Step III
always did. A household with a hazard at home is sent where ``app.hazards.shelters.nearest_valid_shelter``
sends it, by the same rule: its main hazard (``app.hazards.exposure.main_hazard``: the deepest, flood first),
then the nearest site whose GSI 指定緊急避難場所 flag for that hazard is set and that lies outside that hazard's
zones (or, when none is outside, in a shallower zone, marked 「想定区域内」). The card names the hazard:
「洪水時: 新在家公園（約 390 m）」. When no site is flagged for it (only the 指定避難所 file imported), or every
flagged site lies in as deep a zone, the card falls back to the nearest 指定避難所, unprefixed, as before; marked
「想定区域内」 when that 指定避難所 lies in the zones of the hazard at home too.

A ``ShelterFinder`` is made once for a list (the sheet, the pile of cards) and asked per position: the hazard at
home is read from the stored exposures (``household_exposure``: one query for the rows with a hazard whose
position is current, one vectorised computation for households moved since), the flagged sites and their own
zones once per hazard. Made for one household, it computes the hazard at that point alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import Table, and_, or_, select
from sqlalchemy.orm import Session

from app.core.batches import chunks
from app.emergency.views import SHELTER_REACH_M, NearestShelter, ShelterStatus
from app.hazards.exposure import PointHazards, hazards_at, load_zones, main_hazard
from app.hazards.shelters import flagged_for
from app.models import Household, ReferenceFeature
from app.models.hazard import HazardKind, HazardLayer, HouseholdExposure
from app.towns.georeference import ground_distance_m

if TYPE_CHECKING:  # numpy is imported when a shelter is looked for, not when the app starts (issue 17)
    import numpy as np

# How the card names the hazard: 「洪水時: …」.
HAZARD_NAMES: dict[HazardKind, str] = {HazardKind.FLOOD: "洪水", HazardKind.SEDIMENT: "土砂災害",
                                       HazardKind.STORM_SURGE: "高潮", HazardKind.TSUNAMI: "津波"}

Position = tuple[float, float]  # lat, lon
Home = tuple[int, int, int, int]  # flood rank, sediment class, storm surge rank, tsunami rank (0 = none)
_SAFE: Home = (0, 0, 0, 0)
_BLOCK = 1 << 20  # distances computed at once (positions × shelters): 8 MB a temporary array


def _homes(found: PointHazards) -> list[Home]:
    return list(zip(found.flood_rank.tolist(), found.sediment_class.tolist(), found.storm_surge_rank.tolist(),
                    found.tsunami_rank.tolist(), strict=True))


def _severity(home: Home, kind: HazardKind) -> int:
    return home[(HazardKind.FLOOD, HazardKind.SEDIMENT, HazardKind.STORM_SURGE, HazardKind.TSUNAMI).index(kind)]


def _distances(positions: Sequence[Position], lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
    """Metres from each position (a row) to each shelter (a column)."""
    import numpy as np

    here = np.array(positions, dtype=float)
    return ground_distance_m(here[:, 1:], here[:, :1], lons[None, :], lats[None, :])


class ShelterFinder:
    """The card's shelter for a position, among the 指定避難所 ``designated`` and the flagged sites."""

    def __init__(self, session: Session, designated: Sequence[ReferenceFeature], *, bulk: bool) -> None:
        self.session = session
        self.designated = designated
        self.bulk = bulk  # many positions will be asked: read the stored exposures once
        self._layers: bool | None = None
        self._known: dict[Position, Home] | None = None
        self._sites: dict[HazardKind, tuple[list[ReferenceFeature], np.ndarray, np.ndarray, np.ndarray]] = {}

    def nearest(self, lat: float | None, lon: float | None) -> NearestShelter:
        return self.nearest_all([(lat, lon)])[(lat, lon)]

    def nearest_all(self, positions: Iterable[tuple[float | None, float | None]]
                    ) -> dict[tuple[float | None, float | None], NearestShelter]:
        """The card's shelter for each position (a household's persons share one), in one pass: the shelters'
        coordinates are put in arrays once and the distances of a block of positions computed together (a city's
        thousands of positions, each with its own arrays, cost most of Step III's list)."""
        found: dict[tuple[float | None, float | None], NearestShelter] = {}
        placed: list[Position] = []
        for lat, lon in dict.fromkeys(positions):
            if lat is None or lon is None:
                found[(lat, lon)] = NearestShelter(ShelterStatus.NO_POSITION)
            else:
                placed.append((lat, lon))
        designated = placed
        risk: dict[Position, HazardKind] = {}  # the hazard at home of a position left to the 指定避難所
        if placed and self._any_layer():
            at_risk: dict[HazardKind, list[tuple[Position, int]]] = {}
            designated = []
            for position in placed:
                home = self._home(*position)
                kind = main_hazard(*home)
                if kind is None:
                    designated.append(position)
                else:
                    at_risk.setdefault(kind, []).append((position, _severity(home, kind)))
            for kind, homes in at_risk.items():
                left = self._open_for(kind, homes, found)
                risk.update(dict.fromkeys(left, kind))
                designated += left
        self._nearest_designated(designated, found, risk)
        return found

    def _open_for(self, kind: HazardKind, homes: list[tuple[Position, int]],
                  found: dict[tuple[float | None, float | None], NearestShelter]) -> list[Position]:
        """Into ``found``: the nearest site open for ``kind`` outside its zones (when none is outside, in a zone
        shallower than the home's, ``severity``), first of equals, within reach; returns the positions left to
        the nearest 指定避難所."""
        sites, lons, lats, severity = self._flagged(kind)
        if not sites:
            return [position for position, _ in homes]
        import numpy as np

        inside_zone = not bool((severity == 0).any())
        left = []
        for block in chunks(homes, _BLOCK // len(sites) + 1):
            metres = _distances([position for position, _ in block], lons, lats)
            shallower = severity[None, :] < (np.array([depth for _, depth in block])[:, None] if inside_zone else 1)
            metres = np.where(shallower, metres, np.inf)
            best = metres.argmin(axis=1)
            for (position, _), i, m in zip(block, best.tolist(), metres[np.arange(len(block)), best].tolist(),
                                           strict=True):
                if m > SHELTER_REACH_M:  # also none open (inf)
                    left.append(position)
                else:
                    s = sites[i]
                    found[position] = NearestShelter(ShelterStatus.FOUND, s.name, s.address, m, s.id,
                                                     hazard=HAZARD_NAMES[kind], inside_zone=inside_zone)
        return left

    def _nearest_designated(self, positions: list[Position],
                            found: dict[tuple[float | None, float | None], NearestShelter],
                            risk: dict[Position, HazardKind]) -> None:
        """Into ``found``: Step III's rule, the nearest 指定避難所 as the crow flies (first of equals), or why
        there is none. For a home in a hazard zone (``risk``: no site open for it was left), a 指定避難所 that
        lies in that hazard's zones too is marked 「想定区域内」 rather than printed as if it were safe."""
        if not positions:
            return
        located = [s for s in self.designated if s.lat is not None and s.lon is not None]
        if not located:
            found.update(dict.fromkeys(positions, NearestShelter(ShelterStatus.NO_SHELTERS)))
            return
        import numpy as np

        lons = np.array([s.lon for s in located], dtype=float)
        lats = np.array([s.lat for s in located], dtype=float)
        in_zone: dict[HazardKind, np.ndarray] = {}
        for kind in set(risk.values()):
            zones = load_zones(self.session, lons.min(), lats.min(), lons.max(), lats.max(), kinds=[kind])
            in_zone[kind] = np.array([_severity(home, kind) > 0 for home in _homes(hazards_at(zones, lons, lats))])
        for block in chunks(positions, _BLOCK // len(located) + 1):
            metres = _distances(block, lons, lats)
            best = metres.argmin(axis=1)
            for position, i, m in zip(block, best.tolist(), metres[np.arange(len(block)), best].tolist(),
                                      strict=True):
                if m > SHELTER_REACH_M:
                    found[position] = NearestShelter(ShelterStatus.NONE_NEAR, distance_m=m)
                else:
                    s = located[i]
                    hazard = risk.get(position)
                    found[position] = NearestShelter(ShelterStatus.FOUND, s.name, s.address, m, s.id,
                                                     inside_zone=hazard is not None and bool(in_zone[hazard][i]))

    # ---------------------------------------------------------------------------------------- reading
    def _any_layer(self) -> bool:
        if self._layers is None:
            self._layers = self.session.execute(
                select(HazardLayer.id).where(HazardLayer.archived_at.is_(None)).limit(1)).first() is not None
        return self._layers

    def _home(self, lat: float, lon: float) -> Home:
        if self.bulk:
            if self._known is None:
                self._known = self._stored_homes()
            return self._known.get((lat, lon), _SAFE)
        import numpy as np

        zones = load_zones(self.session, lon, lat, lon, lat)
        return _homes(hazards_at(zones, np.array([lon]), np.array([lat])))[0]

    def _stored_homes(self) -> dict[Position, Home]:
        """Every placed household's hazards by position: stored rows with a hazard whose position is current,
        and those of households with no current row computed here (a position absent is outside every zone)."""
        h, e = Household.__table__, HouseholdExposure.__table__
        assert isinstance(h, Table) and isinstance(e, Table)
        placed = and_(h.c.deleted_at.is_(None), h.c.lat.is_not(None), h.c.lon.is_not(None))
        known: dict[Position, Home] = {}
        for r in self.session.execute(
                select(h.c.lat, h.c.lon, e.c.flood_rank, e.c.sediment_class, e.c.storm_surge_rank, e.c.tsunami_rank)
                .join(e, e.c.household_id == h.c.id)
                .where(placed, e.c.lat == h.c.lat, e.c.lon == h.c.lon,
                       or_(e.c.flood_rank.is_not(None), e.c.sediment_class.is_not(None),
                           e.c.storm_surge_rank.is_not(None), e.c.tsunami_rank.is_not(None)))):
            known[(r[0], r[1])] = (r[2] or 0, r[3] or 0, r[4] or 0, r[5] or 0)
        stale = self.session.execute(
            select(h.c.lat, h.c.lon).select_from(h.outerjoin(e, e.c.household_id == h.c.id))
            .where(placed, or_(e.c.household_id.is_(None), e.c.lat.is_(None), e.c.lat != h.c.lat,
                               e.c.lon != h.c.lon))).all()
        if stale:
            import numpy as np

            lats = np.array([r[0] for r in stale], dtype=float)
            lons = np.array([r[1] for r in stale], dtype=float)
            zones = load_zones(self.session, lons.min(), lats.min(), lons.max(), lats.max())
            known.update(zip([(r[0], r[1]) for r in stale], _homes(hazards_at(zones, lons, lats)), strict=True))
        return known

    def _flagged(self, kind: HazardKind) -> tuple[list[ReferenceFeature], np.ndarray, np.ndarray, np.ndarray]:
        """The sites open for ``kind`` with a position, their longitudes, latitudes and depth in its zones."""
        if kind not in self._sites:
            import numpy as np

            sites = [s for s in self.session.scalars(select(ReferenceFeature).where(
                ReferenceFeature.deleted_at.is_(None), ReferenceFeature.lat.is_not(None),
                ReferenceFeature.lon.is_not(None))) if flagged_for(s.attributes, kind)]
            lons = np.array([s.lon for s in sites], dtype=float)
            lats = np.array([s.lat for s in sites], dtype=float)
            severity = np.zeros(len(sites), dtype=np.int64)
            if sites:
                zones = load_zones(self.session, lons.min(), lats.min(), lons.max(), lats.max(), kinds=[kind])
                severity = np.array([_severity(home, kind) for home in _homes(hazards_at(zones, lons, lats))],
                                    dtype=np.int64)
            self._sites[kind] = (sites, lons, lats, severity)
        return self._sites[kind]
