"""The map page folium builds: local files only, no CDN, the base map through the app's scheme."""

from __future__ import annotations

import re
from pathlib import Path

from app.maps.page import build_page
from app.services.views import BaseMapView

URL_ATTR = re.compile(r'(?:src|href)="([^"]+)"')


def base(kind: str, name: str | None = "0123456789abcdef0123456789abcdef.png") -> BaseMapView:
    path = Path("/data/basemaps") / name if name else None
    return BaseMapView(None, kind, path, "x", 800, 600, "© 国土地理院", 0, 1, None)


def test_page_loads_only_local_files_and_qt_resources(tmp_path):
    page = build_page(tmp_path, base("image"), []).read_text(encoding="utf-8")
    urls = URL_ATTR.findall(page)
    assert urls, "the page should load Leaflet and the app's script"
    assert all(u.startswith(("file://", "qrc:///")) for u in urls), urls
    assert "http://" not in page and "https://" not in page
    for u in urls:
        if u.startswith("file://"):
            assert Path(u[len("file://"):]).exists(), u
    assert any(u.endswith("leaflet.js") and "xstatic" in u for u in urls), "Leaflet comes from xstatic-leaflet"


def test_base_map_comes_through_the_custom_scheme(tmp_path):
    image_page = build_page(tmp_path / "a", base("image"), []).read_text(encoding="utf-8")
    assert "sasaeai://basemap/0123456789abcdef0123456789abcdef.png/image" in image_page
    assert "L.CRS.Simple" in image_page  # a scanned town map is used in pixel coordinates
    tiles = build_page(tmp_path / "b", base("mbtiles", "0123456789abcdef0123456789abcdef.mbtiles"), [])
    assert "sasaeai://basemap/0123456789abcdef0123456789abcdef.mbtiles/{z}/{x}/{y}" in tiles.read_text("utf-8")


def test_page_text_cannot_break_out_of_its_script(tmp_path):
    evil = BaseMapView(None, "plain", None, None, None, None, "</script><script>alert(1)</script>", None, None, None)
    page = build_page(tmp_path, evil, []).read_text(encoding="utf-8")
    assert "</script><script>alert(1)" not in page
