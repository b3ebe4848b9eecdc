"""The safety-check panel (安否確認): the roll call in hazard order, filters, a one-click status record with
who and how, and the selected person's history. Signals only: the controller (app/ui/mainwindow/safety.py)
records through the window's Operations."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.models.safety import CheckMethod, SafetyStatus
from app.safety.views import (
    KIND_LABELS,
    METHOD_LABELS,
    STATUS_LABELS,
    EventFields,
    EventView,
    IncidentView,
    JoinView,
    RollCallRow,
)
from app.ui.comfort import set_role
from app.ui.list_models import RIGHT, Column, ViewList, natural_key

translate = QCoreApplication.translate


def _when(e: EventView | None) -> str:
    return e.checked_at.astimezone().strftime("%m/%d %H:%M") if e else ""


def joined_text(j: JoinView) -> str:
    """Both incidents by name and start (two laptops often give them the same name), and the checks moved."""
    return translate("SafetyPanel", "This town had two safety checks open (started on two laptops): “{joined}” "
                                    "(started {joined_start}) was joined into “{kept}” (started {kept_start}), "
                                    "which was started first. Its {count} checks now show here.").format(
        joined=j.joined_name, joined_start=f"{j.joined_started_at.astimezone():%m/%d %H:%M}", kept=j.kept_name,
        kept_start=f"{j.kept_started_at.astimezone():%m/%d %H:%M}", count=j.moved)


COLUMNS = (
    Column(lambda: translate("SafetyPanel", "No."), lambda r: str(r.map_number), lambda r: natural_key(str(r.map_number)),
           align=RIGHT, width_sample="0000"),
    Column(lambda: translate("SafetyPanel", "Name"), lambda r: r.name, width_sample="山田　ハルヨ"),
    Column(lambda: translate("SafetyPanel", "Status"), lambda r: r.status_text, width_sample="避難済み（公民館）"),
    Column(lambda: translate("SafetyPanel", "Hazard"), lambda r: r.hazard_label, lambda r: r.hazard_order,
           width_sample="洪水 3.0m以上5.0m未満"),
    Column(lambda: translate("SafetyPanel", "Checked"), lambda r: _when(r.latest), width_sample="00/00 00:00"),
    Column(lambda: translate("SafetyPanel", "By"), lambda r: r.latest.checked_by if r.latest else "", width_sample="川村"),
    Column(lambda: translate("SafetyPanel", "How"), lambda r: r.latest.method_label if r.latest else ""),
    Column(lambda: translate("SafetyPanel", "Phone"), lambda r: r.phone, width_sample="0778-00-0000"),
)


ROLL_CALL_ROWS = 6  # persons the roll call always shows; on a shorter screen the dock scrolls


class _HistoryList(QListWidget):
    """The chosen person's checks: three lines tall, two when the dock is short; the roll call above takes the rest
    (at a fixed 110 px it left a laptop's roll call two rows)."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)

    def _lines(self, n: int) -> QSize:
        return QSize(super().sizeHint().width(), n * self.fontMetrics().lineSpacing() + 2 * self.frameWidth() + 6)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._lines(3)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self._lines(2)


class SafetyPanel(QWidget):
    record = Signal(object, object)  # person id, EventFields
    person_chosen = Signal(object)  # person id or None: the controller shows the history and selects the house
    start_requested = Signal()  # the start dialog
    close_requested = Signal()  # close the open incident (the controller asks first)
    checklists_requested = Signal()  # PDF checklists per 民生委員, watcher or shelter
    excel_requested = Signal()  # the Excel checklist to type into
    read_back_requested = Signal()  # a typed checklist read back
    log_requested = Signal()  # the incident's log for the city
    projector_requested = Signal()  # the 災害対策本部's view

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.incident_label = QLabel()
        self.incident_label.setObjectName("safetyIncident")
        self.incident_label.setWordWrap(True)
        self.incident_label.setStyleSheet("font-weight: bold;")
        self.notice = QLabel()  # a refused record and other messages: here, never a modal box
        self.notice.setObjectName("safetyNotice")
        self.notice.setWordWrap(True)
        set_role(self.notice, "problem", bold=True)
        self.notice.setVisible(False)
        self.empty = QLabel(translate("SafetyPanel", "No incident is open. Start one to check on every person "
                                                     "needing support: the roll call lists them deepest hazard "
                                                     "first."))
        self.empty.setObjectName("safetyEmpty")
        self.empty.setWordWrap(True)
        self.start_button = QPushButton(translate("SafetyPanel", "Start an incident…"))
        self.start_button.setObjectName("safetyStart")
        self.close_button = QPushButton(translate("SafetyPanel", "Close the incident…"))
        self.close_button.setObjectName("safetyClose")
        # The papers and the projector, under one button: as five buttons they took three rows of a laptop's dock,
        # and the roll call above them showed two persons (one in large text).
        self.papers_button = QPushButton(translate("SafetyPanel", "Papers and projector"))
        self.papers_button.setObjectName("safetyPapers")
        papers = QMenu(self.papers_button)
        for text, signal in ((translate("SafetyPanel", "Checklists (PDF)…"), self.checklists_requested),
                             (translate("SafetyPanel", "Checklist to type into (Excel)…"), self.excel_requested),
                             (translate("SafetyPanel", "Read back a ticked checklist…"), self.read_back_requested),
                             (translate("SafetyPanel", "Log for the city (Excel)…"), self.log_requested),
                             (translate("SafetyPanel", "Projector view (no names)"), self.projector_requested)):
            papers.addAction(text).triggered.connect(signal)
        self.papers_button.setMenu(papers)
        self.start_button.clicked.connect(self.start_requested)
        self.close_button.clicked.connect(self.close_requested)
        self.status_filter = QComboBox()
        self.district_filter = QComboBox()
        self.commissioner_filter = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText(translate("SafetyPanel", "Search name or number"))
        self.list = ViewList(COLUMNS, key=lambda r: r.person_id,
                             search=lambda r: (r.name, r.kana, str(r.map_number), r.phone),
                             bold=lambda r: r.status in (SafetyStatus.NEEDS_HELP, SafetyStatus.UNREACHABLE),
                             min_rows=ROLL_CALL_ROWS)
        self.checked_by = QLineEdit()
        self.checked_by.setPlaceholderText(translate("SafetyPanel", "Who checked"))
        self.method = QComboBox()
        for m in CheckMethod:
            self.method.addItem(METHOD_LABELS[m], m)
        self.shelter = QLineEdit()
        self.shelter.setPlaceholderText(translate("SafetyPanel", "Shelter (when evacuated)"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(translate("SafetyPanel", "Note"))
        self.buttons: dict[SafetyStatus, QPushButton] = {}
        grid = QGridLayout()
        for i, status in enumerate(s for s in SafetyStatus if s is not SafetyStatus.UNCHECKED):
            button = QPushButton(STATUS_LABELS[status])
            button.setObjectName(f"safety_{status.value}")
            button.clicked.connect(lambda _=False, st=status: self._record(st))
            self.buttons[status] = button
            grid.addWidget(button, i // 3, i % 3)
        self.history = _HistoryList()
        self.history.setObjectName("safetyHistory")
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        # Two a row: in one row (and the papers three a row) the dock was 860 px wide in large Japanese text, wider
        # than a laptop's screen beside the map and the steps.
        filters = QGridLayout()
        for i, w in enumerate((self.status_filter, self.district_filter, self.commissioner_filter, self.search)):
            filters.addWidget(w, i // 2, i % 2)
        who = QHBoxLayout()
        for w in (self.checked_by, self.method, self.shelter):
            who.addWidget(w)
        top = QHBoxLayout()  # under the incident's name, which has the dock's width to itself
        top.addStretch(1)
        top.addWidget(self.start_button)
        top.addWidget(self.close_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        bottom.addWidget(self.papers_button)
        self.work = QWidget()  # everything of an open incident; hidden in the empty state
        work = QVBoxLayout(self.work)
        work.setContentsMargins(0, 0, 0, 0)
        work.addLayout(filters)
        work.addWidget(self.list, 1)
        work.addLayout(who)
        work.addWidget(self.note)
        work.addLayout(grid)
        work.addWidget(QLabel(translate("SafetyPanel", "History of the selected person")))
        work.addWidget(self.history)
        work.addLayout(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.incident_label)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.empty)
        layout.addWidget(self.work, 1)
        self.status_filter.addItem(translate("SafetyPanel", "Every status"), None)
        for s in SafetyStatus:
            self.status_filter.addItem(STATUS_LABELS[s], s)
        for combo in (self.status_filter, self.district_filter, self.commissioner_filter):
            combo.currentIndexChanged.connect(self._refilter)
        self.search.textChanged.connect(self.list.set_filter_text)
        self.list.chosen.connect(self._chosen)
        self._set_enabled(False)
        self.show_incident(None)

    # ------------------------------------------------------------------ showing

    def show_incident(self, incident: IncidentView | None) -> None:
        """Which incident is open; with none, the empty state and its Start button only."""
        self.incident_label.setText(translate("SafetyPanel", "No incident is open.") if incident is None else
                                    translate("SafetyPanel", "Open incident: {name} ({kind}, since {start})").format(
                                        name=incident.name, kind=KIND_LABELS[incident.kind],
                                        start=f"{incident.started_at.astimezone():%m/%d %H:%M}"))
        self.empty.setVisible(incident is None)
        self.work.setVisible(incident is not None)
        self.close_button.setVisible(incident is not None)

    def show_notice(self, text: str) -> None:
        """A message in the panel (a refused record, a closed incident); empty text hides it."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_joined(self, joins: list[JoinView]) -> None:
        """Told once, after the sync that joined them: which incident's checks now show in which one."""
        self.show_notice("\n".join(joined_text(j) for j in joins))

    def show_rows(self, rows: list[RollCallRow]) -> None:
        self._set_choices(self.district_filter, translate("SafetyPanel", "Every district"),
                          sorted({r.district_name for r in rows}))
        self._set_choices(self.commissioner_filter, translate("SafetyPanel", "Every commissioner"),
                          sorted({c for r in rows for c in r.commissioners}))
        self.list.fill(rows, self.list.current_id())
        self._refilter()
        self._set_enabled(self.list.current_id() is not None)

    def upsert_row(self, row: RollCallRow) -> None:
        self.list.upsert(row)

    def show_history(self, events: list[EventView]) -> None:
        self.history.clear()
        for e in events:
            by = "・".join(x for x in (e.checked_by, e.method_label) if x)
            self.history.addItem(f"{_when(e)}　{e.status_text}　{by}" + (f"　{e.note}" if e.note else ""))
        self._set_enabled(self.list.current_id() is not None)

    def show_counts(self, text: str) -> None:
        self.counts.setText(text)

    def roll_call_width(self) -> int:
        """The panel's width that shows every column of the roll call, down to the phone number, whole."""
        columns = sum(self.list.columnWidth(c) for c in range(self.list.model().columnCount()))
        margins = self.layout().contentsMargins()
        return (columns + 2 * self.list.frameWidth() + self.list.verticalScrollBar().sizeHint().width()
                + margins.left() + margins.right())

    def rows(self) -> list[Any]:
        """The rows shown now, in display order (filters applied)."""
        proxy = self.list.proxy
        return [self.list.source.view_at(proxy.mapToSource(proxy.index(i, 0))) for i in range(proxy.rowCount())]

    # ------------------------------------------------------------------ internals

    @staticmethod
    def _set_choices(combo: QComboBox, every: str, names: list[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(every, None)
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(0, combo.findData(current)) if current is not None else 0)
        combo.blockSignals(False)

    def _refilter(self) -> None:
        status, district = self.status_filter.currentData(), self.district_filter.currentData()
        commissioner = self.commissioner_filter.currentData()

        def accept(r: RollCallRow) -> bool:
            return ((status is None or r.status == status) and (district is None or r.district_name == district)
                    and (commissioner is None or commissioner in r.commissioners))

        self.list.set_filter(accept if (status, district, commissioner) != (None, None, None) else None)
        self._set_enabled(self.list.current_id() is not None)

    def _chosen(self, key: object) -> None:
        self._set_enabled(key is not None)
        self.person_chosen.emit(key)

    def _set_enabled(self, on: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(on)

    def _record(self, status: SafetyStatus) -> None:
        person_id = self.list.current_id()
        if not isinstance(person_id, uuid.UUID):
            return
        self.record.emit(person_id, EventFields(status, self.checked_by.text().strip(), CheckMethod(self.method.currentData()),
                                                self.note.text().strip(), self.shelter.text().strip()))
        self.note.clear()
