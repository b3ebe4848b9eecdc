"""Licences: the components the app ships are gathered from the installed packages, and the About box lists them."""

from __future__ import annotations

from app.licences import EMBEDDED, bundled_components, closure, write_notices
from app.ui.about import AboutDialog

# Code built into wheels that ship only their own licence (Leaflet in xstatic-leaflet, SQLCipher in
# sqlcipher3-wheels, libpq in psycopg-binary) has its upstream text in resources/licenses/.
UPSTREAM_TEXTS = {
    "XStatic-Leaflet": "Vladimir Agafonkin",
    "Leaflet": "Vladimir Agafonkin",
    "SQLCipher": "ZETETIC LLC",
    "libpq (PostgreSQL client library)": "PostgreSQL Global Development Group",
}


def test_every_component_of_the_dependency_closure_has_its_licence_text_in_the_bundle(tmp_path):
    # GIVEN the installed dependency closure of the app
    names = {d.metadata["Name"] for d in closure()}
    assert {"PySide6_Essentials", "sqlcipher3-wheels", "fpdf2", "SudachiPy", "sudachidict-core"} <= names
    assert "pykakasi" not in names and "sasaeai-map" not in names

    # WHEN the notices are written into a bundle folder and read back as the bundle's About box reads them
    written = write_notices(tmp_path)
    listed = bundled_components(tmp_path)

    # THEN every distribution and every embedded component is listed, with its texts in licenses/
    assert listed == written
    by_name = {c.name: c for c in listed}
    assert names <= set(by_name)
    assert {e.name for e in EMBEDDED} <= set(by_name)
    assert {c.name: c.missing for c in listed if c.missing} == {}
    for c in listed:
        if c.licence != "blessing":
            assert c.texts, f"{c.name} has no licence text"
    for name, holder in UPSTREAM_TEXTS.items():
        assert any(holder in t.text for t in by_name[name].texts), name
        for t in c.texts:
            assert (tmp_path / "licenses" / c.folder / t.name).read_text(encoding="utf-8") == t.text
    # Qt's LGPL-3.0 and the GPL-3.0 it supplements, OpenSSL's Apache-2.0 inside SQLCipher, SQLCipher listed
    qt = {t.name: t.text for t in by_name["Qt"].texts}
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt["LGPL-3.0.txt"]
    assert "GNU GENERAL PUBLIC LICENSE" in qt["GPL-3.0.txt"] and "why-not-lgpl" in qt["GPL-3.0.txt"]
    assert "Apache License" in by_name["OpenSSL (in SQLCipher)"].texts[0].text
    assert by_name["SQLCipher"].inside.startswith("sqlcipher3-wheels") and "ZETETIC" in by_name["SQLCipher"].notice
    assert "zlib" in by_name["sqlcipher3-wheels"].licence
    assert "Vladimir Agafonkin" in by_name["Leaflet"].notice
    assert any("Apache License" in t.text for t in by_name["SudachiPy"].texts)
    notices = (tmp_path / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
    assert "| fpdf2 | " in notices and "LGPL-3.0-only" in notices and "pykakasi" not in notices


def test_about_box_lists_every_component_with_its_licence_and_shows_the_text(qtbot):
    # GIVEN the About box, shown non-modally
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
                for r in range(dialog.table.rowCount())}

        # THEN the app itself comes first under MIT, and Qt, SQLCipher, fpdf2 and SudachiPy are listed with licences
        assert dialog.table.item(0, 2).text() == "MIT"
        assert "Permission is hereby granted" in dialog.text.toPlainText()
        assert rows["Qt"][1] == "LGPL-3.0-only"
        assert rows["sqlcipher3-wheels"][1] == "zlib/libpng"
        assert rows["SQLCipher"] == ("in sqlcipher3-wheels " + rows["sqlcipher3-wheels"][0], "BSD-3-Clause")
        assert rows["fpdf2"][1] == "LGPL-3.0-only"
        assert rows["SudachiPy"][1] == "Apache-2.0"
        assert not any("kakasi" in name.lower() for name in rows)

        # WHEN a component is chosen THEN its licence text shows, read-only
        dialog.table.setCurrentCell(dialog.row_of("fpdf2"), 0)
        assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
        assert dialog.text.isReadOnly()
        dialog.table.setCurrentCell(dialog.row_of("SQLCipher"), 0)
        assert "ZETETIC" in dialog.text.toPlainText() and "BSD-3-Clause" in dialog.text.toPlainText()
    finally:
        dialog.close()
