"""A date field that takes what people write: 令和7年4月1日, R7.4.1, 昭和15年3月2日 or 2025-04-01."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.core.japanese import format_date, parse_date


def typed_date(text: str) -> date | None:
    """A whole date as typed (和暦 or 西暦); None when empty. Raises ValueError when it is not a date."""
    text = text.strip()
    if not text:
        return None
    parsed = parse_date(text)
    if not parsed.complete:
        raise ValueError(text)
    return parsed.to_date()


class JapaneseDateEdit(QWidget):
    """Empty means unknown; what was understood is shown under the field, in both calendars."""

    def __init__(self, value: date | None = None, *, wareki: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.wareki = wareki
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("e.g. 令和8年4月1日, R8.4.1 or 2026-04-01"))
        self.feedback = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.feedback)
        self.edit.textChanged.connect(self._check)
        self.set(value)

    def set(self, value: date | None) -> None:
        self.edit.setText(format_date(value, wareki=self.wareki))

    def value(self) -> date | None:
        """The date typed; None when empty. Raises ValueError when it is not a date."""
        return typed_date(self.edit.text())

    def valid(self) -> bool:
        try:
            self.value()
        except ValueError:
            return False
        return True

    def _check(self) -> None:
        try:
            day = self.value()
        except ValueError:
            self.feedback.setText(self.tr("⚠ Not a date this app understands"))
            return
        self.feedback.setText("" if day is None else f"{format_date(day, wareki=True)}（{day.isoformat()}）")
