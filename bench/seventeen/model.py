"""The 地区, the laptops, their edits and what a run found."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from app.models import Agency, Household, Person
from app.models.sync import CITY_WIDE, DISTRICT_PATHS, LINK_PATHS

ROOT = Path(__file__).resolve().parents[2]
CHIKU_CSV = ROOT / "tests" / "data" / "echizen" / "chiku_list.csv"
TABLES = (*DISTRICT_PATHS, *CITY_WIDE, *LINK_PATHS)
IGNORED = frozenset({"created_at", "updated_at", "search_key"})  # per ledger, or derived from other columns
MODELS = {"household": Household, "person": Person, "agency": Agency}
MAX_ROUNDS = 8


def districts(count: int) -> list[str]:
    """The real 17 地区 of Echizen (tests/data), in the file's order; numbered ones past 17."""
    with CHIKU_CSV.open(encoding="utf-8") as f:
        names = [row["chiku"] for row in csv.DictReader(f)]
    return (names + [f"第{n}地区" for n in range(len(names) + 1, count + 1)])[:count]


@dataclass(frozen=True)
class Laptop:
    index: int
    name: str
    url: str  # its own login
    data_dir: str
    district: str  # its own
    sees: tuple[str, ...]


@dataclass(frozen=True)
class Edit:
    laptop: int
    entity: str
    entity_id: str
    field: str
    value: str
    kind: str  # own / contested / merged / agency


@dataclass
class Outcome:
    laptops: int
    households: int
    edits: int
    setup_s: float = 0.0
    concurrent_s: float = 0.0  # all laptops at once: from the common start to the last one done
    start_spread_s: float = 0.0
    quiet_s: float = 0.0  # the rounds after it, until one moved nothing
    rounds: int = 0
    journal_rows: int = 0  # server journal rows written from the common start until quiet
    delivered: int = 0  # changes the laptops received in that time (a retried sync reports its last attempt only)
    sync_seconds: list[float] = field(default_factory=list)  # each laptop's own concurrent sync
    stale_retries: int = 0
    errors: list[str] = field(default_factory=list)
    expected_conflicts: int = 0
    recorded_conflicts: int = 0
    rows_compared: int = 0
    resolve_s: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def throughput(self) -> float:
        return self.journal_rows / self.concurrent_s if self.concurrent_s else 0.0

