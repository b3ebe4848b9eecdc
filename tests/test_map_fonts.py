"""The map's canvas never uses a font for the first time while it draws the households.

On Linux a font's first use in the page asks the app's font service, and the page's thread waits for the answer. Asked
while a city's households were drawn (strokeText of a symbol's letter), that answer was seen never to come, and the
page hung until the app ended it (issue 17: 8 of 112 fresh opens of the 50,000-household city under load; gdb put the
page's thread in the font service's wait under CanvasRenderingContext2D.strokeText). The page uses every font it draws
with once, on a canvas of its own, while it starts and when the symbols' scale changes (``P.warmFonts``).

The real page records each font set on a canvas: on its own canvas (not in the document) or on one the map draws on.
"""

from __future__ import annotations

from PySide6.QtWebEngineCore import QWebEngineScript

from tests.page_calls import run_json
from tests.test_ui_map import READY_MS, window  # noqa: F401 - the window fixture

# Runs in each new document before the page's own scripts: every font set on a 2D canvas, in order, with whether
# that canvas is in the document (the map's) or not (a canvas of the page's own).
RECORD_FONTS = """
(function () {
  var font = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, "font");
  window.fontsUsed = [];
  Object.defineProperty(CanvasRenderingContext2D.prototype, "font", {
    configurable: true, get: font.get,
    set: function (value) { font.set.call(this, value); window.fontsUsed.push([this.canvas.isConnected, this.font]); }
  });
})();
"""


def fonts_first_used_on_the_map(fonts_used: list[list]) -> list[str]:
    """The fonts whose first use was on a canvas of the map (in the document)."""
    seen: set[str] = set()
    first_on_map = []
    for on_map, font in fonts_used:
        if font not in seen and on_map:
            first_on_map.append(font)
        seen.add(font)
    return first_on_map


def test_every_font_the_map_draws_with_was_used_before(qtbot, window):
    view = window.map_view
    script = QWebEngineScript()
    script.setName("record fonts")
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    script.setSourceCode(RECORD_FONTS)
    view.page().scripts().insert(script)
    with qtbot.waitSignal(window.map_ready, timeout=READY_MS):
        window.towns.load_town(window.towns.town.id, forget=False)  # a new document: the script runs first
    run_json(qtbot, view, "sasaeai.select(null)")  # a drawing pass after the map is ready, too
    fonts = run_json(qtbot, view, "window.fontsUsed")
    on_map = {font for used_on_map, font in fonts if used_on_map}
    assert on_map  # the demo town's symbols have letters, "?" and "!" signs, map numbers: the map drew text
    assert fonts_first_used_on_the_map(fonts) == []

    # The symbols in a new size (a projector): their fonts are used before they are drawn in it, too.
    run_json(qtbot, view, "sasaeai.setScale(1.6)")
    fonts = run_json(qtbot, view, "window.fontsUsed")
    assert {font for used_on_map, font in fonts if used_on_map} > on_map  # new sizes drawn
    assert fonts_first_used_on_the_map(fonts) == []
