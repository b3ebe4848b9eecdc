"""Comfort for older users: large text, high contrast, 和暦 dates, kana suggestions, the guide, self-test."""

from __future__ import annotations

from app.households import households
from app.ui.help import GuideDialog
from app.ui.mainwindow.actions import MainAction
from app.ui.panels import PersonDialog
from tests.conftest import run_app
from tests.test_ui_map import run_js, window  # noqa: F401 - the window fixture


def test_large_text_makes_text_and_map_symbols_bigger_and_is_remembered(qtbot, window, qapp):
    normal_font = qapp.font().pointSizeF()
    window.actions[MainAction.LARGE_TEXT].setChecked(True)
    try:
        assert qapp.font().pointSizeF() >= normal_font * 1.5 - 0.01
        assert run_js(qtbot, window, "document.documentElement.style.fontSize") == "150%"
        assert window.household_panel.name.font().pointSizeF() >= normal_font * 1.5 - 0.01
        assert window.settings.value("ui/large_text") in (True, "true")
    finally:
        window.actions[MainAction.LARGE_TEXT].setChecked(False)
    assert abs(qapp.font().pointSizeF() - normal_font) < 0.01


def test_high_contrast_styles_the_whole_application(qtbot, window, qapp):
    window.actions[MainAction.HIGH_CONTRAST].setChecked(True)
    try:
        assert "#ffff00" in qapp.styleSheet()
    finally:
        window.actions[MainAction.HIGH_CONTRAST].setChecked(False)
    assert "#ffff00" not in qapp.styleSheet() and "focus" in qapp.styleSheet()  # focus frame stays


def test_birth_dates_show_in_the_chosen_era_with_age(qtbot, window):
    with window.ledger.Session() as s:
        home = next(h for h in households.list_households(s, window.towns.town.id)
                    if any(p.birth_date for p in h.persons))
    window.households.select_household(home.id)
    cell = window.household_panel.members.item(0, 2).text()
    assert cell.startswith(("昭和", "平成", "令和", "大正")) and "(" in cell
    window.actions[MainAction.WAREKI].setChecked(False)
    cell = window.household_panel.members.item(0, 2).text()
    assert cell[:4].isdigit() and cell[4] == "-"
    window.actions[MainAction.WAREKI].setChecked(True)


def test_person_dialog_suggests_kana_and_reads_japanese_dates(qtbot):
    dialog = PersonDialog()
    qtbot.addWidget(dialog)
    def type_name(text: str) -> None:  # as the user types (QTest cannot type kanji)
        dialog.name.setText(text)
        dialog.name.textEdited.emit(text)

    type_name("山田")
    assert dialog.kana.text() == "やまだ"
    dialog.kana.setText("ヤマダ")  # the user corrects it: no more suggestions over it
    type_name("山田太郎")
    assert dialog.kana.text() == "ヤマダ"
    dialog.birth.setText("S15.3.2")
    assert "昭和15年3月2日" in dialog.birth_feedback.text()
    assert dialog.fields().birth_date.isoformat() == "1940-03-02"
    dialog.birth.setText("平成32年1月1日")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_guide_explains_the_three_steps_in_japanese(qtbot):
    dialog = GuideDialog("ja")
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    for heading in ("手順Ⅰ", "手順Ⅱ", "手順Ⅲ", "プロジェクター"):
        assert heading in text


def test_self_test_passes_offline_and_leaves_nothing_in_the_temporary_folder(tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    result = run_app("--self-test", prefix=("unshare", "-n"), env={"TMPDIR": str(temp)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "self-test passed" in result.stdout
    # The demo it ran on, its map page and the form it wrote are gone with it.
    assert sorted(p.name for p in temp.glob("sasaeai-*")) == []
