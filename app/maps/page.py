"""Builds the map page, wired to local Leaflet files and the app's base-map scheme.

The page is the same for every town and holds no personal data, nor any text of a town: it is loaded before the
ledger is open, and the town's map is made by its first call, ``begin`` (``page_spec``: data, no code); households
travel over QWebChannel and the app's scheme after it. It is loaded again when the town or its base map changes. No
script is written into the page itself, and a Content-Security-Policy lets only the app's own script files run.

The page was first made with folium, which gave it only the few lines making the ``L.map`` (its header's CDN
links and inline styles were left out for the CSP). ``begin`` makes it with the same options
(tests/test_lazy_imports_page.py compares them with folium's), so opening a town no longer imports folium with
jinja2, branca and requests (about 23 MB of the app's memory, issue 17).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.text import markup_to_text
from app.core.views import BaseMapView, Crs
from app.paths import leaflet_dir, web_dir

SCHEME = "sasaeai"
# Echizen City Hall: where a new town without any position opens on a geographic map.
DEFAULT_CENTER = (35.9036, 136.1688)

# Only the app's own script files (file: 'self', Qt's qrc: for qwebchannel.js): no inline script, no inline
# event handler, no eval, no javascript: URL. Images only from the app (base map through its scheme) and
# data: URLs, which never leave the machine and cannot run script: Leaflet cancels a tile still loading by
# pointing it at its built-in blank GIF (a data: URL held in a private variable of leaflet.js, which
# ``L.Util.emptyImageUrl`` does not change). data: is allowed for images only, never for scripts, styles or
# frames. Nothing may connect anywhere but the app's own scheme, where the page fetches its households (a
# one-time URL per message, app/maps/scheme.py). A <meta> policy: the page is a local file, there is no response
# header to carry it.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",
    "script-src 'self' qrc:",
    "style-src 'self'",
    f"img-src 'self' {SCHEME}: data:",
    "font-src 'self'",
    f"connect-src {SCHEME}:",
    "media-src 'none'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
))


def base_map_url(base: BaseMapView) -> str | None:
    """Where the page fetches the base map: always through the app's own URL scheme."""
    if base.path is None:
        return None
    name = base.path.name
    if base.georeferenced and base.warped_path is not None:
        # A scan tied to the ground: drawn from its copy resampled onto Web Mercator, between its bounds.
        return f"{SCHEME}://basemap/{base.warped_path.name}/image"
    if base.kind == "mbtiles":
        return f"{SCHEME}://basemap/{name}/{{z}}/{{x}}/{{y}}"
    return f"{SCHEME}://basemap/{name}/image"


# The page's own script, by concern, loaded in this order (resources/web/sasaeai/).
SCRIPT_PARTS = ("core", "households", "overlays", "legend", "start")

# Watch lines by the watcher's role: colour AND dash pattern AND width, so they read in grey print.
LINE_STYLES: dict[str, dict[str, Any]] = {
    "district_head": {"color": "#1f3a93", "weight": 4},
    "welfare_commissioner": {"color": "#006d2c", "weight": 5},
    "welfare_promoter": {"color": "#8c2d04", "weight": 4, "dashArray": "10 6"},
    "elderly_home_counsellor": {"color": "#6a3d9a", "weight": 4, "dashArray": "2 6"},
    "neighbour": {"color": "#404040", "weight": 3},
    "relative": {"color": "#b15928", "weight": 3, "dashArray": "12 4 2 4"},
    "other": {"color": "#707070", "weight": 2, "dashArray": "4 4"},
}


@dataclass
class PageLabels:
    legend_title: str = "Legend"
    other_household: str = "Other household"
    person_of_concern: str = "Person of concern lives here"
    place: str = "Gathering place"
    gap: str = "Nobody watches over them yet"
    toggle_legend: str = "Click to show or hide the legend"
    drag_hint: str = "Drag to move this household"
    approximate: str = "(?) Position guessed from the address: drag it to the house"
    sources: str = "Sources"  # the map's credits, folded into a button on a small map
    roles: dict[str, str] = field(default_factory=dict)  # watcher role → label for the line legend


def page_config(base: BaseMapView, legend: list[dict[str, Any]], labels: PageLabels,
                center: tuple[float, float] | None, symbol_scale: float = 1.0, editable: bool = True,
                legend_open: bool | None = None) -> dict[str, Any]:
    return {
        "base": {
            "kind": base.kind,
            "url": base_map_url(base),
            "width": base.width,
            "height": base.height,
            "bounds": list(base.bounds) if base.bounds else None,
            # MBTiles files write their credit as HTML; the page shows its text, never its markup.
            "attribution": markup_to_text(base.attribution or ""),
            "minZoom": base.min_zoom if base.min_zoom is not None else 0,
            "maxZoom": base.max_zoom if base.max_zoom is not None else 18,
        },
        "center": list(center or DEFAULT_CENTER),
        "zoom": 16,
        # A scanned town map is zoomed in pixel steps; a geographic map like any web map.
        "zoomRange": [-5, 4] if base.crs is Crs.PIXEL else [0, 21],
        "legend": legend,
        "legendTitle": labels.legend_title,
        # The user's last choice; None: open where there is room, a button on a small view.
        "legendOpen": legend_open,
        "labels": {
            "otherHousehold": labels.other_household,
            "personOfConcern": labels.person_of_concern,
            "place": labels.place,
            "gap": labels.gap,
            "toggleLegend": labels.toggle_legend,
            "sources": labels.sources,
            "dragHint": labels.drag_hint,
            "approximate": labels.approximate,
        },
        "lineStyles": {role: {**style, "label": labels.roles.get(role, role)} for role, style in LINE_STYLES.items()},
        "symbolScale": symbol_scale,
        "editable": editable,
    }


def map_options(base: BaseMapView, center: tuple[float, float] | None) -> dict[str, Any]:
    """The options of the page's ``L.map`` (those folium's ``Map`` gave it): a scanned town map in pixel
    coordinates with quarter zoom steps, a geographic map in Web Mercator at street level."""
    pixel = base.crs is Crs.PIXEL
    return {
        "center": [0.0, 0.0] if pixel else [float(c) for c in (center or DEFAULT_CENTER)],
        "zoom": 0 if pixel else 16,
        "zoomControl": True,
        "preferCanvas": False,
        "zoomSnap": 0.25 if pixel else 1,
        # Leaflet's attribution control shows its text as HTML: the page's script puts up one that shows text.
        "attributionControl": False,
    }


def page_spec(base: BaseMapView, legend: list[dict[str, Any]], labels: PageLabels = PageLabels(), *,
              center: tuple[float, float] | None = None, symbol_scale: float = 1.0, editable: bool = True,
              legend_open: bool | None = None) -> dict[str, Any]:
    """What the page's ``begin`` makes the town's map from (the first call on a page, app/maps/view.py): the kind of
    map, the options of its ``L.map`` and the page's settings. Data only: text from files (an MBTiles attribution,
    category labels) travels in it as JSON and the page shows it as text."""
    return {"crs": "pixel" if base.crs is Crs.PIXEL else "geo", "options": map_options(base, center),
            "config": page_config(base, legend, labels, center, symbol_scale, editable, legend_open)}


_PAGE = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
{links}
</head>
<body>
{body}
<script src="{script}"></script>
</body>
</html>
"""


def build_page(out_dir: Path) -> Path:
    """Write the map page into ``out_dir`` and return its path (load it with ``QUrl.fromLocalFile``).

    The page is the same for every town: Leaflet, the channel and the page's own scripts, and the map's box. It
    opens its channel to the app as soon as it has loaded, and makes the town's map when the app calls ``begin``
    with :func:`page_spec`: a view loads it before the ledger is open (app/maps/view.py), and the town follows.
    """
    # Everything local: Leaflet from the xstatic-leaflet package, the channel from Qt's resources.
    leaflet = leaflet_dir()
    scripts = [(leaflet / "leaflet.js").as_uri(), "qrc:///qtwebchannel/qwebchannel.js",
               *((web_dir() / "sasaeai" / f"{part}.js").as_uri() for part in SCRIPT_PARTS)]
    styles = [(leaflet / "leaflet.css").as_uri(), (web_dir() / "sasaeai.css").as_uri()]
    out_dir.mkdir(parents=True, exist_ok=True)
    links = [f'<link rel="stylesheet" href="{html.escape(url)}">' for url in styles]
    links += [f'<script src="{html.escape(url)}"></script>' for url in scripts[:-1]]
    path = out_dir / "map.html"
    # The map's box keeps folium's class: resources/web/sasaeai.css styles it.
    path.write_text(_PAGE.format(csp=html.escape(CONTENT_SECURITY_POLICY, quote=False), links="\n".join(links),
                                 body='<div class="folium-map" id="map"></div>', script=html.escape(scripts[-1])),
                    encoding="utf-8")
    return path
