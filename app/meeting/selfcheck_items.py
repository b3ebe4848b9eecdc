"""The organisation self-check: 「協働で進める『総合相談・地域生活支援』体制チェック表」, transcribed
word for word from section 4 of the seed report (line breaks of the PDF joined, nothing reworded).

Item ids are stable ("1-1" … "4-7": mechanism, then position in the seed): answers in the ledger
refer to them, so never renumber; a new item gets a new id.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.models.meeting import CheckerKind

TITLE = "協働で進める「総合相談・地域生活支援」体制チェック表"
PURPOSE = "生活困窮者自立支援制度を契機にした今後の体制強化に向けて、重点項目や方針を立てる上でご活用ください。"

# 「チェック者：□自治体職員 □社協職員 □その他福祉関係者 □一般住民」, in the seed's order.
CHECKER_KIND_LABELS = {
    CheckerKind.MUNICIPAL_STAFF: "自治体職員",
    CheckerKind.COUNCIL_STAFF: "社協職員",
    CheckerKind.OTHER_WELFARE: "その他福祉関係者",
    CheckerKind.RESIDENT: "一般住民",
}


@dataclass(frozen=True)
class Mechanism:
    number: int  # ① … ④
    title: str


@dataclass(frozen=True)
class CheckItem:
    id: str
    mechanism: int
    text: str


MECHANISMS = (
    Mechanism(1, "早期発見・早期把握の仕組み"),
    Mechanism(2, "相談から困りごとを見逃さない仕組み"),
    Mechanism(3, "オーダーメイドな支援調整の仕組み"),
    Mechanism(4, "社会参加の場づくり・放っておかない地域づくりの仕組み"),
)

_TEXTS = {
    1: (
        "組織内で課やグループを越えて「気になる世帯のこと」や「心配なケース」を共有できるツール（記録様式）と共有する機会（会議等）がある。",
        "住民と専門職とが協働して潜在的な対象者の把握のための調査を実施している。",
        "日常的に地域住民から情報が入ってきやすいような身近な拠点づくり、職員によるアウトリーチ（出前訪問）の体制がある。",
        "税金や家賃、公共料金の滞納等生活困窮のサインを早期にキャッチ、集約する仕組みが関係部署・機関間でできている。",
    ),
    2: (
        "身近な場所でどんな相談でも受け止めてくれる初期相談の窓口がある。",
        "相談を受けた職員だけがケースを丸抱えすることのないよう、職場の中で相談や共有、役割分担ができる体制がある。",
        "日常生活圏域ごとに担当者を置き、アウトリーチや相談支援者・相談機関との担当者レベルでの連絡体制がある。",
        "複合多問題を抱えた人・世帯を総合的にアセスメントするためのツールがある。",
        # 「を関係機関同士である」 is the seed's own wording.
        "相談支援者や相談機関同士がケースを共有できるツール（記録様式）や定期的に共有する機会（会議等）を関係機関同士である。",
    ),
    3: (
        "一人ひとりの自立の形とペースに合わせた目標設定とプランニングを行っている。",
        "本人が使える制度やサービスを総動員できる分野横断的な支援調整の仕組みがある。",
        "各専門機関へのつなぎにおいても適切な支援が受けられるように同行支援、手続き支援までフォローする支援体制がある。",
        "地域生活支援や支援調整を担う専門職（コミュニティソーシャルワーカー）を養成・配置している。",
        "制度のすき間を埋める柔軟な支援を提供している。",
    ),
    4: (
        "共生型サロンや住民が誰でも来てもよい交流拠点、フリースペースがある。",
        "年齢や障害の有無を問わず生活能力の向上やソーシャルスキルの向上に向けた支援が受けられる機会がある。",
        "中間的な就労の場や社会に貢献する経験を通じて自尊感情を高める機会がある。",
        "把握した支援対象者の情報を民生委員等地域住民にフィードバックする仕組みがある。",
        "個別の生活課題を題材にした福祉教育と新たな社会資源・住民活動の仕組みづくりに取り組んでいる。",
        "様々な支援事例を集約・分析したり、困難ケースへのスーパーバイズをするバックアップ機能がある。",
        "生活困窮者支援の体制整備や支援を通じた地域づくりについて、行政計画や政策に明確に位置付けられている。",
    ),
}

ITEMS: tuple[CheckItem, ...] = tuple(
    CheckItem(f"{m}-{i}", m, text) for m, texts in _TEXTS.items() for i, text in enumerate(texts, start=1)
)
ITEMS_BY_ID = {item.id: item for item in ITEMS}


def items_of(mechanism: int) -> tuple[CheckItem, ...]:
    return tuple(item for item in ITEMS if item.mechanism == mechanism)
