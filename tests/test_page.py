"""The map page the app builds: local files only, no CDN, the same for every town; the town's map made from data (its
``begin`` spec), the base map through the app's scheme."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from app.core.views import BaseMapView
from app.maps.page import PageLabels, build_page, page_spec

URL_ATTR = re.compile(r'(?:src|href)="([^"]+)"')


def base(kind: str, name: str | None = "0123456789abcdef0123456789abcdef.png") -> BaseMapView:
    path = Path("/data/basemaps") / name if name else None
    return BaseMapView(None, kind, path, "x", 800, 600, "© 国土地理院", 0, 1, None)


def test_page_loads_only_local_files_and_qt_resources(tmp_path):
    page = build_page(tmp_path).read_text(encoding="utf-8")
    urls = URL_ATTR.findall(page)
    assert urls, "the page should load Leaflet and the app's script"
    assert all(u.startswith(("file://", "qrc:///")) for u in urls), urls
    assert "http://" not in page and "https://" not in page
    for u in urls:
        if u.startswith("file://"):
            assert Path(u[len("file://"):]).exists(), u
    assert any(u.endswith("leaflet.js") and "xstatic" in u for u in urls), "Leaflet comes from xstatic-leaflet"


def test_base_map_comes_through_the_custom_scheme():
    image = page_spec(base("image"), [])
    assert image["config"]["base"]["url"] == "sasaeai://basemap/0123456789abcdef0123456789abcdef.png/image"
    assert image["crs"] == "pixel"  # a scanned town map is used in pixel coordinates
    tiles = page_spec(base("mbtiles", "0123456789abcdef0123456789abcdef.mbtiles"), [])
    assert tiles["config"]["base"]["url"] == "sasaeai://basemap/0123456789abcdef0123456789abcdef.mbtiles/{z}/{x}/{y}"


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.inline_script = ""

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):  # noqa: ANN001
        if self.tags and self.tags[-1][0] in ("script", "style") and data.strip():
            self.inline_script += data


def test_page_holds_no_inline_script_and_a_policy_that_allows_only_the_apps_files(tmp_path):
    tags = _Tags()
    tags.feed(build_page(tmp_path).read_text("utf-8"))
    assert tags.inline_script == ""
    assert all(attrs.get("src") for tag, attrs in tags.tags if tag == "script")
    assert not [name for _tag, attrs in tags.tags for name in attrs if name.startswith("on") or name == "style"]
    [policy] = [attrs["content"] for tag, attrs in tags.tags
                if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy"]
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives["default-src"] == ["'none'"]
    assert directives["script-src"] == ["'self'", "qrc:"]  # no inline script, no eval, no remote origin
    assert directives["connect-src"] == ["sasaeai:"]  # the app's own scheme only (the households' one-time URL)
    # Images also from data: URLs (Leaflet's blank GIF for a cancelled tile): an image cannot run script.
    assert directives["img-src"] == ["'self'", "sasaeai:", "data:"]
    assert [name for name, sources in directives.items() if "data:" in sources] == ["img-src"]
    assert "unsafe" not in policy and "http" not in policy and "*" not in policy


def test_text_from_a_file_is_never_evaluated_as_a_template():
    # no template engine: text from a file must reach the page as data, never be evaluated (folium, used before,
    # rendered its templates twice through Jinja)
    text = "{{ 7*7 }} {% if true %}yes{% endif %} {{ cycler.__init__.__globals__ }}"
    evil = BaseMapView(None, "plain", None, None, None, None, text, None, None, None)
    legend = [{"code": "c", "label": text, "color": "#fff", "shape": "circle", "letter": "c", "priority": 1}]
    spec = json.dumps(page_spec(evil, legend, PageLabels(legend_title=text)), ensure_ascii=False)
    assert spec.count(json.dumps(text, ensure_ascii=False)) == 3  # the credit, the category, the legend title
