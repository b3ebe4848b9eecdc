"""The 国土数値情報 hazard schemas: which attribute holds what, the code lists and their Japanese labels.

Versions followed (see README, "Hazard zones"):
- 洪水浸水想定区域 A31a (河川単位, 想定最大規模; product pages 第3.0版 2021 – 第4.0版 2022, A31a-2023):
  ``A31a_201`` river code, ``A31a_202`` river name, ``A31a_203``/``A31a_204`` manager, ``A31a_205`` the
  depth rank in the code list 浸水深ランクコード (water_depth_code): 1 0–0.5 m, 2 0.5–3.0 m, 3 3.0–5.0 m,
  4 5.0–10.0 m, 5 10.0–20.0 m, 6 20.0 m 以上.
- 土砂災害警戒区域 A33 (製品仕様書 第1.3版 onward): ``A33_001`` phenomenon 1 急傾斜地の崩壊, 2 土石流,
  3 地すべり; ``A33_002`` zone class 1 土砂災害警戒区域, 2 土砂災害特別警戒区域; ``A33_005`` the zone's name.
- 高潮浸水想定区域 A49 (``A49_003`` the depth class as text, e.g. 「0.5m以上3.0m未満」) and 津波浸水想定 A40
  (第1.1版: ``A40_003`` the depth class as text, each prefecture's own ranks): the text is kept (it is what the
  household's panel and card print) and ranked among the A31a depth ranks by the rank that holds its deepest
  part, so 「0.3m以上1.0m未満」 ranks with 0.5–3.0 m, deeper than 「0.5m未満」, never below what the file says.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from app.core.errors import QT_TRANSLATE_NOOP, LedgerError
from app.models.hazard import HazardKind

# The depth ranks (浸水深ランクコード), shallowest first; also used for storm surge and tsunami depths.
DEPTH_RANKS: dict[int, str] = {
    1: "0.5m未満",
    2: "0.5m以上3.0m未満",
    3: "3.0m以上5.0m未満",
    4: "5.0m以上10.0m未満",
    5: "10.0m以上20.0m未満",
    6: "20.0m以上",
}
_RANK_LOWER_BOUND_M = {1: 0.0, 2: 0.5, 3: 3.0, 4: 5.0, 5: 10.0, 6: 20.0}

SEDIMENT_PHENOMENA: dict[int, str] = {1: "急傾斜地の崩壊", 2: "土石流", 3: "地すべり"}
SEDIMENT_CLASSES: dict[int, str] = {1: "土砂災害警戒区域", 2: "土砂災害特別警戒区域"}

KIND_LABELS: dict[HazardKind, str] = {
    HazardKind.FLOOD: "洪水浸水想定区域",
    HazardKind.SEDIMENT: "土砂災害警戒区域",
    HazardKind.STORM_SURGE: "高潮浸水想定区域",
    HazardKind.TSUNAMI: "津波浸水想定",
}

# One word per kind, in this order wherever kinds are listed (「洪水: …へ」, 「想定区域外（洪水・土砂災害）」).
KIND_SHORT: dict[HazardKind, str] = {
    HazardKind.FLOOD: "洪水",
    HazardKind.SEDIMENT: "土砂災害",
    HazardKind.STORM_SURGE: "高潮",
    HazardKind.TSUNAMI: "津波",
}

# The credit line the 国土数値情報 terms ask for, per kind.
CREDITS: dict[HazardKind, str] = {
    HazardKind.FLOOD: "国土数値情報（洪水浸水想定区域データ）（国土交通省）を加工して作成",
    HazardKind.SEDIMENT: "国土数値情報（土砂災害警戒区域データ）（国土交通省）を加工して作成",
    HazardKind.STORM_SURGE: "国土数値情報（高潮浸水想定区域データ）（国土交通省）を加工して作成",
    HazardKind.TSUNAMI: "国土数値情報（津波浸水想定データ）（国土交通省）を加工して作成",
}

SPEC_VERSIONS: dict[HazardKind, str] = {
    HazardKind.FLOOD: "A31a 河川単位 第3.0版以降（浸水深ランクコード 1–6）",
    HazardKind.SEDIMENT: "A33 第1.3版以降",
    HazardKind.STORM_SURGE: "A49 第1.0版",
    HazardKind.TSUNAMI: "A40 第1.1版",
}


@dataclass(frozen=True)
class Schema:
    """Where one kind keeps its values in the file."""

    kind: HazardKind
    prefix: str  # attribute names start with it
    required: tuple[str, ...]


SCHEMAS: dict[HazardKind, Schema] = {
    HazardKind.FLOOD: Schema(HazardKind.FLOOD, "A31a_", ("A31a_205",)),
    HazardKind.SEDIMENT: Schema(HazardKind.SEDIMENT, "A33_", ("A33_001", "A33_002")),
    HazardKind.STORM_SURGE: Schema(HazardKind.STORM_SURGE, "A49_", ("A49_003",)),
    HazardKind.TSUNAMI: Schema(HazardKind.TSUNAMI, "A40_", ("A40_003",)),
}

# The command line's spelling of each kind.
CLI_KINDS = {"flood": HazardKind.FLOOD, "sediment": HazardKind.SEDIMENT,
             "storm-surge": HazardKind.STORM_SURGE, "tsunami": HazardKind.TSUNAMI}


def guess_kind(properties: dict, file: str) -> HazardKind:
    """The kind a file holds, from its attribute names (A31a_…, A33_…, A49_…, A40_…)."""
    names = [str(k) for k in properties]
    for schema in SCHEMAS.values():
        if any(n.startswith(schema.prefix) for n in names):
            return schema.kind
    if any(re.match(r"A31_\d", n) for n in names):
        raise LedgerError(QT_TRANSLATE_NOOP(
            "errors", "This is the older 洪水浸水想定区域 data (A31, 第1.1–2.x版) whose depth codes differ; download the "
                      "河川単位 data (A31a, 第3.0版 or later) from 国土数値情報."), where=file)
    raise LedgerError(QT_TRANSLATE_NOOP(
        "errors", "Cannot tell which hazard the file holds from its attributes ({names}); choose the kind (flood, "
                  "sediment, storm surge or tsunami)."), where=file, names=", ".join(names[:8]) or "none")


def code(value: object, allowed: dict[int, str]) -> int | None:
    """A code read from a number or a text such as 「2」 or 「02」; None when not one of ``allowed``."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip()
        if not text.isdigit():
            return None
        value = int(text)
    return value if isinstance(value, int) and value in allowed else None


_NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(?:m|ｍ|メートル)?")


def depth_bounds_of_text(value: object) -> tuple[float, float | None] | None:
    """A depth class written as text as (from, to) in metres, ``to`` None when open (「20m以上」); None when the
    text is no depth class. 「0.5m未満」 is (0, 0.5), 「1.0m以上2.0m未満」 and 「1.0~2.0m」 are (1.0, 2.0)."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip().replace("～", "~").replace("〜", "~")
    numbers = [float(m.group(1)) for m in _NUMBER.finditer(text)]
    if not numbers or text.isdigit():
        return None
    if len(numbers) >= 2:
        return min(numbers[:2]), max(numbers[:2])
    if "未満" in text or "以下" in text or "まで" in text:
        return 0.0, numbers[0]  # 「0.5m未満」: from the ground up
    return numbers[0], None  # 「20m以上」, or a bare depth read as where the class starts


def depth_rank_of_text(value: object) -> int | None:
    """The depth rank of a class written as text (「0.5m未満」, 「1.0m以上2.0m未満」, 「5m以上」): the rank holding the
    class's deepest part, so a class is never ranked shallower than it is (「0.3m以上1.0m未満」 is rank 2,
    0.5–3.0 m, not rank 1, under 0.5 m). A bare code 1–6 is taken as the code."""
    if value is None:
        return None
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if text.isdigit():
        return code(text, DEPTH_RANKS)
    bounds = depth_bounds_of_text(text)
    if bounds is None:
        return None
    lower, upper = bounds
    rank = 1
    for r, bound in _RANK_LOWER_BOUND_M.items():
        # an open class from its start; a closed one up to (not including) its end: 「…3.0m未満」 stays below 3.0
        if (upper is None and lower >= bound) or (upper is not None and upper > bound):
            rank = r
    return rank


@lru_cache(maxsize=1024)  # a file has a few classes; its zones are many
def depth_order(value: str, rank: int) -> int:
    """A sort key deeper-last among zones of the same rank: the rank, then how deep the file's class reaches
    (「1.0m以上2.0m未満」 before 「2.0m以上3.0m未満」, both rank 2)."""
    bounds = depth_bounds_of_text(value) if value else None
    if bounds is None:
        return rank * 100_000 + 99_999
    lower, upper = bounds
    return rank * 100_000 + min(99_999, round((upper if upper is not None else lower + 1_000) * 100))


def depth_text(value: object, rank: int | None) -> str:
    """The depth class to print: the file's own text (「0.3m以上1.0m未満」), or the rank's label when the file gave a
    code or nothing readable."""
    if value and depth_bounds_of_text(value) is not None:
        return unicodedata.normalize("NFKC", str(value)).strip()
    return depth_label(rank)


def depth_label(rank: int | None) -> str:
    return DEPTH_RANKS.get(rank, "") if rank is not None else ""
