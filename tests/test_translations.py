"""The Japanese catalogue: up to date with the code, complete, placeholders kept, and really shown by the window."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from app.ui import i18n
from app.ui.app import settings_for
from app.ui.mainwindow import MainWindow
from app.ui.mainwindow.actions import MainAction

REPO = Path(__file__).resolve().parents[1]
CATALOGUE = REPO / "resources" / "translations" / "sasaeai_ja.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
ACCELERATOR = re.compile(r"&(?!&)\w")
READY_MS = 60_000


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in a Qt Linguist file."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out.append((name, message.findtext("source") or "", message.find("translation")))
    return out


def describe(pairs: set[tuple[str, str]]) -> str:
    by_context: dict[str, list[str]] = defaultdict(list)
    for context, source in sorted(pairs):
        by_context[context].append(source)
    return "\n".join(f"  [{context}] {source!r}" for context, sources in by_context.items() for source in sources)


def test_catalogue_is_up_to_date_with_the_code(tmp_path):
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (REPO / "app").rglob("*.py"))
    fresh = tmp_path / "fresh_ja.ts"
    result = subprocess.run([str(lupdate), *sources, "-ts", str(fresh), "-no-obsolete"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    in_code = {(c, s) for c, s, _t in messages(fresh)}
    committed = {(c, s) for c, s, _t in messages(CATALOGUE)}
    assert in_code, "lupdate found no strings at all"
    missing, stale = in_code - committed, committed - in_code
    report = []
    if missing:
        report.append(f"{len(missing)} strings of the code are not in {CATALOGUE.name}; run ./dev.sh translations and "
                      f"translate them:\n{describe(missing)}")
    if stale:
        report.append(f"{len(stale)} strings of {CATALOGUE.name} are no longer in the code, or lupdate cannot see them "
                      f"(it reads self.tr(...), QCoreApplication.translate(...), translate(...) and QT_TRANSLATE_NOOP(...), "
                      f"not an alias such as t = QCoreApplication.translate):\n{describe(stale)}")
    assert not report, "\n".join(report)


def test_every_message_is_translated_and_keeps_its_placeholders():
    problems = []
    entries = messages(CATALOGUE)
    assert len(entries) > 250
    for context, source, translation in entries:
        where = f"[{context}] {source!r}"
        text = translation.text if translation is not None else None
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") or not (text or "").strip():
            problems.append(f"{where}: not translated")
            continue
        if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
            problems.append(f"{where}: placeholders {PLACEHOLDER.findall(source)} became {PLACEHOLDER.findall(text)}")
        if ACCELERATOR.search(source) and not ACCELERATOR.search(text):
            problems.append(f"{where}: the menu accelerator is lost in {text!r}")
        if source.count("\n") and not text.count("\n"):
            problems.append(f"{where}: the line breaks are lost in {text!r}")
    assert not problems, "\n".join(problems)


def test_catalogue_compiles_without_warnings(tmp_path):
    tool = i18n.lrelease()
    if tool is None:
        pytest.skip("lrelease is not installed")
    result = subprocess.run([tool, str(CATALOGUE), "-qm", str(tmp_path / "ja.qm")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 unfinished" in result.stdout, result.stdout
    assert "warning" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr


def test_main_window_speaks_japanese(qtbot, qapp, demo_ledger, demo_dir):
    translators = i18n.install_translators(qapp, "ja")
    try:
        assert len(translators) == 2, "both Qt's own and our catalogue load"
        window = MainWindow(demo_ledger, settings_for(demo_dir), demo=True)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
            window.towns.open_initial_town()
            window.show()

        assert [a.text() for a in window.actions.steps] == ["Ⅰ 世帯を地図に記す", "Ⅱ 見守りネットワーク", "Ⅲ 緊急連絡先",
                                                             "福祉連絡会"]
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[0] == "ファイル(&F)"
        assert {"編集(&E)", "地図(&M)", "手順(&S)", "言語(&L)", "ヘルプ(&H)"} <= set(menus)
        assert "支え合いマップ" in window.windowTitle()
        assert window.actions[MainAction.ADD_HOUSEHOLD].text() == "世帯を追加"

        # Qt's own strings come from qtbase_ja
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(buttons)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "キャンセル"
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel", "English again for other tests"
