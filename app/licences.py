"""Third-party components and their licences, read from the installed distributions (no Qt here).

The app's dependency closure is walked from its own metadata; every distribution's licence files come
from its ``*.dist-info`` (License-File entries, ``licenses/``, SBOMs). Some wheels carry code of others
without its licence file (Qt in PySide6, SQLCipher and OpenSSL in sqlcipher3-wheels, libpq in
psycopg-binary, Leaflet in xstatic-leaflet): they are listed from the table EMBEDDED, and a standard
text (Apache-2.0, LGPL-3.0, …) is taken from whichever installed distribution ships it verbatim.
``write_notices`` puts it all into a bundle (``licenses/`` and ``THIRD_PARTY_NOTICES.md``); the About
box reads the same list, from the bundle when frozen and from the installed metadata otherwise.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

from app import __version__

APP = "sasaeai-map"
LICENCES_DIR = "licenses"
NOTICES = "THIRD_PARTY_NOTICES.md"
INDEX = "components.json"  # inside licenses/: what the About box of a bundle reads

# Files of a *.dist-info folder that are licence texts or notices.
_LICENCE_NAME = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS|COPYRIGHT)", re.I)
# Standard licence texts (they name no copyright holder), recognised by their opening lines: a whole file
# that opens with one, or, where the text's last line is known, one inside a longer notice file (numpy's
# LICENSE.txt carries the GPL-3.0 for the GCC runtime it bundles).
_STANDARD = {
    "Apache-2.0": (re.compile(r"\A\s*Apache License\s+Version 2\.0", re.I), None),
    "LGPL-3.0": (re.compile(r"\A\s*GNU LESSER GENERAL PUBLIC LICENSE\s+Version 3", re.I), None),
    "GPL-3.0": (re.compile(r"^[ \t]*GNU GENERAL PUBLIC LICENSE\s+Version 3, 29 June 2007", re.M),
                re.compile(r"<https?://www\.gnu\.org/licenses/why-not-lgpl\.html>\.")),
    "MPL-2.0": (re.compile(r"\A\s*Mozilla Public License,? Version 2\.0", re.I), None),
}


@dataclass(frozen=True)
class Embedded:
    """Code built into another distribution's wheel whose licence file that wheel does not ship."""

    inside: str  # the distribution that carries it
    name: str
    licence: str  # SPDX expression
    notice: str  # its copyright line(s)
    homepage: str
    standard: tuple[str, ...] = ()  # standard texts (keys of _STANDARD) its licence needs
    text: str = ""  # its upstream licence text, kept in resources/licenses/ because no wheel carries it


# LGPL-3.0 supplements the GPL-3.0: a copy of both goes with the combined work (LGPL-3.0, section 4).
EMBEDDED = (
    Embedded("pyside6-essentials", "Qt", "LGPL-3.0-only", "Copyright (C) The Qt Company Ltd. and other contributors.",
             "https://www.qt.io/", ("LGPL-3.0", "GPL-3.0")),
    Embedded("pyside6-addons", "Qt WebEngine (with Chromium)", "LGPL-3.0-only AND BSD-3-Clause AND others",
             "Copyright (C) The Qt Company Ltd.; Chromium: Copyright The Chromium Authors. Qt WebEngine builds on "
             "Chromium and the third-party code inside it; the PySide6 wheels do not carry that list.",
             "https://www.qt.io/", ("LGPL-3.0", "GPL-3.0")),
    Embedded("sqlcipher3-wheels", "SQLCipher", "BSD-3-Clause", "Copyright (c) 2008-2025, ZETETIC LLC",
             "https://www.zetetic.net/sqlcipher/", text="SQLCipher-BSD-3-Clause.txt"),
    Embedded("sqlcipher3-wheels", "SQLite", "blessing", "The SQLite source code is in the public domain.",
             "https://sqlite.org/"),
    Embedded("sqlcipher3-wheels", "OpenSSL (in SQLCipher)", "Apache-2.0",
             "Copyright (c) 1998-2025 The OpenSSL Project Authors", "https://www.openssl.org/", ("Apache-2.0",)),
    Embedded("psycopg-binary", "libpq (PostgreSQL client library)", "PostgreSQL",
             "Portions Copyright (c) 1996-2025, PostgreSQL Global Development Group; "
             "Portions Copyright (c) 1994, The Regents of the University of California", "https://www.postgresql.org/",
             text="libpq-PostgreSQL.txt"),
    Embedded("psycopg-binary", "OpenSSL (in libpq)", "Apache-2.0",
             "Copyright (c) 1998-2025 The OpenSSL Project Authors", "https://www.openssl.org/", ("Apache-2.0",)),
    Embedded("xstatic-leaflet", "Leaflet", "BSD-2-Clause",
             "(c) 2010-2022 Vladimir Agafonkin, (c) 2010-2011 CloudMade", "https://leafletjs.com/",
             text="Leaflet-BSD-2-Clause.txt"),
)
# Licences that need no text beyond the notice (SQLite's blessing places the code in the public domain).
_NO_TEXT = {"blessing"}


@dataclass(frozen=True)
class LicenceText:
    name: str  # file name inside the component's folder of licenses/
    text: str


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    homepage: str
    texts: tuple[LicenceText, ...] = ()
    inside: str = ""  # for an embedded component, the distribution that carries it
    notice: str = ""
    missing: tuple[str, ...] = field(default=())  # licence texts it needs that nothing installed provides

    @property
    def folder(self) -> str:
        return re.sub(r"[^A-Za-z0-9._-]+", "-", self.name).strip("-")


# ---------------------------------------------------------------- the installed distributions


def closure(root: str = APP) -> list[metadata.Distribution]:
    """Every installed distribution ``root`` needs at run time (markers evaluated, extras followed), not ``root``."""
    from packaging.requirements import Requirement  # comes with pip and setuptools; needed here only
    from packaging.utils import canonicalize_name

    found: dict[str, metadata.Distribution] = {}
    todo: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    done: set[tuple[str, frozenset[str]]] = set()
    while todo:
        name, extras = todo.pop()
        key = canonicalize_name(name)
        if (key, extras) in done:
            continue
        done.add((key, extras))
        dist = metadata.distribution(name)
        if key != canonicalize_name(root):
            found[key] = dist
        for line in dist.requires or []:
            req = Requirement(line)
            if req.marker is None or any(req.marker.evaluate({"extra": e}) for e in (extras or {""})):
                todo.append((req.name, frozenset(req.extras)))
    return sorted(found.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def licence_of(dist: metadata.Distribution) -> str:
    """The SPDX expression, else the short License field, else the licence classifiers."""
    meta = dist.metadata
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 80:
        return text
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers) or "see its licence files"


def homepage_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    urls = dict(u.split(",", 1) for u in meta.get_all("Project-URL") or [] if "," in u)
    urls = {k.strip().lower(): v.strip() for k, v in urls.items()}
    for key in ("homepage", "home", "source", "source code", "code", "repository", "documentation"):
        if urls.get(key):
            return meta.get("Home-page") or urls[key]
    return meta.get("Home-page") or next(iter(urls.values()), "")


def licence_files(dist: metadata.Distribution) -> list[LicenceText]:
    """The licence texts, notices and SBOMs a distribution ships in its *.dist-info folder."""
    out = []
    for f in dist.files or []:
        parts = f.parts
        if len(parts) < 2 or not parts[0].endswith(".dist-info"):
            continue
        inside = parts[1:]
        if inside[0] in ("licenses", "sboms") or _LICENCE_NAME.search(inside[-1]):
            if inside[-1] in ("RECORD", "INSTALLER", "WHEEL", "METADATA"):
                continue
            path = Path(dist.locate_file(f))
            if path.is_file():
                out.append(LicenceText("/".join(inside), path.read_text(encoding="utf-8", errors="replace")))
    return out


def standard_texts(texts: Iterable[LicenceText]) -> dict[str, LicenceText]:
    """Standard licence texts (Apache-2.0, LGPL-3.0, …) found verbatim among installed licence files."""
    found: dict[str, LicenceText] = {}
    for t in texts:
        for spdx, (opening, ending) in _STANDARD.items():
            start = opening.search(t.text) if spdx not in found else None
            if start is None:
                continue
            if ending is None:
                found[spdx] = LicenceText(f"{spdx}.txt", t.text)
            elif end := ending.search(t.text, start.start()):
                found[spdx] = LicenceText(f"{spdx}.txt", t.text[start.start():end.end()] + "\n")
    return found


def _embedded_notice(e: Embedded) -> str:
    if e.name == "Leaflet":  # the copyright line as the installed leaflet.js states it
        try:
            import xstatic.pkg.leaflet as leaflet

            head = (Path(leaflet.BASE_DIR) / "leaflet-src.js").read_text(encoding="utf-8")[:400]
            match = re.search(r"\(c\) .*", head)
            if match:
                return match.group(0).strip()
        except (ImportError, OSError):
            pass
    return e.notice


def _upstream_text(e: Embedded) -> tuple[LicenceText, ...]:
    if not e.text:
        return ()
    from app.paths import resource_dir

    path = resource_dir() / "licenses" / e.text
    return (LicenceText(e.text, path.read_text(encoding="utf-8")),) if path.is_file() else ()


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()  # PEP 503 normalisation


def installed_components(root: str = APP) -> list[Component]:
    """Every component the app ships, from the installed metadata: distributions first, then embedded code."""
    dists = closure(root)
    own = {_key(d.metadata["Name"]): licence_files(d) for d in dists}
    standard = standard_texts(t for texts in own.values() for t in texts)
    embedded_in = {_key(e.inside): e for e in EMBEDDED}
    components = []
    for d in dists:
        name, licence = d.metadata["Name"], licence_of(d)
        texts = own[_key(name)]
        missing: tuple[str, ...] = ()
        if not texts:  # a wheel with no licence file: the standard text its licence names, where one is installed
            if _key(name) in embedded_in and not embedded_in[_key(name)].standard:
                licence = embedded_in[_key(name)].licence  # xstatic-leaflet: "(same as Leaflet)"
                texts = list(_upstream_text(embedded_in[_key(name)]))
            wanted = [k for k in _STANDARD if k in licence][:1]
            texts = texts or [standard[k] for k in wanted if k in standard]
            missing = tuple(k for k in wanted if k not in standard) or (() if texts else (licence,))
        components.append(Component(name, d.version, licence, homepage_of(d), tuple(texts), missing=missing))
    versions = {_key(d.metadata["Name"]): d.version for d in dists}
    for e in EMBEDDED:
        if _key(e.inside) not in versions:
            continue
        texts = tuple(standard[k] for k in e.standard if k in standard) + _upstream_text(e)
        missing = tuple(k for k in e.standard if k not in standard)
        if not e.standard and e.licence not in _NO_TEXT and not texts:
            missing = (e.licence,)
        components.append(Component(e.name, "", e.licence, e.homepage, texts, inside=f"{e.inside} {versions[_key(e.inside)]}",
                                    notice=_embedded_notice(e), missing=missing))
    return components


# ---------------------------------------------------------------- the bundle


def write_notices(folder: Path, components: list[Component] | None = None) -> list[Component]:
    """Write ``licenses/<component>/…``, ``licenses/components.json`` and ``THIRD_PARTY_NOTICES.md`` into ``folder``."""
    components = installed_components() if components is None else components
    root = folder / LICENCES_DIR
    root.mkdir(parents=True, exist_ok=True)
    for c in components:
        for t in c.texts:
            target = root / c.folder / t.name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(t.text, encoding="utf-8")
    index = [{**asdict(c), "texts": [t.name for t in c.texts]} for c in components]
    (root / INDEX).write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
    (folder / NOTICES).write_text(notices_markdown(components), encoding="utf-8")
    return components


def notices_markdown(components: list[Component]) -> str:
    lines = [f"# Third-party notices for Sasaeai Map {__version__}", "",
             "Sasaeai Map is released under the MIT licence (LICENSE). It ships the components below; their "
             f"licence texts are in `{LICENCES_DIR}/<component>/`.", "",
             "| component | version | licence | homepage | licence texts |", "|---|---|---|---|---|"]
    for c in components:
        version = c.version or f"in {c.inside}"
        files = ", ".join(f"`{LICENCES_DIR}/{c.folder}/{t.name}`" for t in c.texts) or "—"
        lines.append(f"| {c.name} | {version} | {c.licence} | {c.homepage} | {files} |")
    notes = [c for c in components if c.notice or c.missing]
    if notes:
        lines += ["", "## Notices", ""]
        for c in notes:
            lines.append(f"- **{c.name}**" + (f" (in {c.inside})" if c.inside else "") + f": {c.notice}".rstrip(": "))
            if c.missing:
                lines.append(f"  - licence text not shipped by the installed wheels: {', '.join(c.missing)}")
    return "\n".join(lines) + "\n"


def bundled_components(folder: Path) -> list[Component]:
    """The list a bundle carries (written by ``write_notices``), with its texts read from ``licenses/``."""
    root = folder / LICENCES_DIR
    out = []
    for item in json.loads((root / INDEX).read_text(encoding="utf-8")):
        names = item.pop("texts")
        texts = tuple(LicenceText(n, (root / Component(**item).folder / n).read_text(encoding="utf-8"))
                      for n in names)
        out.append(Component(**{**item, "texts": texts, "missing": tuple(item["missing"])}))
    return out


def bundle_folder() -> Path | None:
    """The folder of a frozen bundle (where the executable is), None when running from source."""
    return Path(sys.executable).parent if getattr(sys, "frozen", False) else None


def components() -> list[Component]:
    """What the About box lists: the bundle's own list when frozen, else the installed metadata."""
    folder = bundle_folder()
    if folder is not None and (folder / LICENCES_DIR / INDEX).exists():
        return bundled_components(folder)
    return installed_components()


def project_licence() -> str:
    """The app's own licence text (LICENSE beside the executable, or at the top of the source tree)."""
    folder = bundle_folder() or Path(__file__).resolve().parents[1]
    path = folder / "LICENSE"
    return path.read_text(encoding="utf-8") if path.exists() else "MIT"
