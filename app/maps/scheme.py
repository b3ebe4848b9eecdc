"""The ``sasaeai:`` URL scheme: serves base-map images and MBTiles tiles to the map page, and the town's households.

No open port and no ``file://`` access for base maps: the page asks
``sasaeai://basemap/<file>/image`` or ``sasaeai://basemap/<file>/<z>/<x>/<y>`` and this
handler answers from the data folder's ``basemaps/``. A town's households go to the page as one binary
message (``sasaeai://town/<token>``, ``MapView.set_features``): the token is unguessable, made for that one
message and forgotten once it is served (the data is personal: nothing else may fetch it, nor fetch it again).
"""

from __future__ import annotations

import logging
import re
import secrets
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject
from PySide6.QtWebEngineCore import (
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
    QWebEngineUrlRequestJob,
    QWebEngineUrlScheme,
    QWebEngineUrlSchemeHandler,
)

from app.maps.page import SCHEME
from app.towns.basemap_files import BaseMapError, MBTilesReader, sniff_mime

log = logging.getLogger(__name__)

# A base map as stored, or a georeferenced scan's warped copy (basemaps._warped_path).
_FILE = r"(?P<file>[0-9a-f]{32}(?:\.(?:png|jpg|mbtiles)|\.warped-[0-9a-f]{16}\.png))"
_IMAGE = re.compile(rf"^/{_FILE}/image$")
# Numbers of at most nine digits (any tile there is): a longer one is not a tile's, nor can Python read every one.
_TILE = re.compile(rf"^/{_FILE}/(?P<z>\d{{1,9}})/(?P<x>-?\d{{1,9}})/(?P<y>-?\d{{1,9}})$")
TOWN_HOST = "town"  # sasaeai://town/<token>: a message for the page (offer), served once
# Schemes a page may load from: everything else would leave the machine.
LOCAL_SCHEMES = frozenset({"file", "qrc", SCHEME, "data", "blob", "about"})


def register_scheme() -> None:
    """Declare the scheme to Qt WebEngine; must run before the QApplication exists."""
    if QWebEngineUrlScheme.schemeByName(SCHEME.encode()).name():
        return
    scheme = QWebEngineUrlScheme(SCHEME.encode())
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Path)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.CorsEnabled
        | QWebEngineUrlScheme.Flag.FetchApiAllowed  # the page fetches its households (the CSP allows only this)
    )
    QWebEngineUrlScheme.registerScheme(scheme)


class BaseMapSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers base-map requests from files in one folder."""

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self._readers: dict[str, MBTilesReader] = {}
        self._offered: dict[str, bytes] = {}  # token -> a message for the page, until it is served
        self.served = 0  # answers given, for diagnostics and tests

    def set_folder(self, folder: Path) -> None:
        """Serve the base maps of ``folder`` from now on (the messages offered stay: ``withdraw`` forgets them)."""
        self._close_readers()
        self.folder = folder

    def close(self) -> None:
        self._close_readers()
        self.withdraw()

    def _close_readers(self) -> None:
        for reader in self._readers.values():
            reader.close()
        self._readers.clear()

    def offer(self, data: bytes) -> str:
        """Serve ``data`` once at a new unguessable URL, which is returned (then forgotten: a second ask fails)."""
        token = secrets.token_urlsafe(32)
        self._offered[token] = data
        return f"{SCHEME}://{TOWN_HOST}/{token}"

    @property
    def waiting(self) -> int:
        """Messages offered and not asked for yet (a page that never fetched its households shows here)."""
        return len(self._offered)

    def offers(self) -> frozenset[str]:
        """The tokens of the messages offered and not yet served."""
        return frozenset(self._offered)

    def withdraw(self, tokens: Iterable[str] | None = None) -> None:
        """Forget the messages offered under ``tokens`` (default: every one) and not yet served."""
        if tokens is None:
            self._offered.clear()
            return
        for token in tokens:
            self._offered.pop(token, None)

    def _reader(self, name: str) -> MBTilesReader:
        reader = self._readers.get(name)
        if reader is None:
            reader = self._readers[name] = MBTilesReader(self.folder / name)
        return reader

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt override
        """Every ask gets an answer: one left open holds the page's fetch, and every call to the page behind it."""
        try:
            self._answer(job)
        except Exception:  # a bug here must not leave the page waiting: said in the log, and the ask refused
            log.exception("answering %s failed", job.requestUrl().toString()[:200])
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)

    def _answer(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        if url.host() == TOWN_HOST:
            self._serve_offer(job, url.path().lstrip("/"))
            return
        path = url.path() if url.host() == "basemap" else ""
        try:
            if m := _IMAGE.match(path):
                data = (self.folder / m["file"]).read_bytes()
            elif m := _TILE.match(path):
                data = self._reader(m["file"]).tile(int(m["z"]), int(m["x"]), int(m["y"]))
            else:
                job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)
                return
        except (OSError, BaseMapError) as e:
            log.warning("base map request %s failed: %s", url.toString(), e)
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        if data is None:  # no tile there: an empty answer keeps Leaflet quiet
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply((sniff_mime(data) or "application/octet-stream").encode(), buffer)
        self.served += 1

    def _serve_offer(self, job: QWebEngineUrlRequestJob, token: str) -> None:
        # Only the app's page (a local file) asks, and only with GET; a token is used up by any ask.
        data = self._offered.pop(token, None)
        if job.requestMethod() != b"GET" or job.initiator().scheme() != "file":
            data = None
        if data is None:
            log.warning("refused a request for a page message not offered (or served already)")
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        # The page is a local file (an opaque origin): the answer may be read by that page alone.
        job.setAdditionalResponseHeaders({QByteArray(b"Access-Control-Allow-Origin"): QByteArray(b"null"),
                                          QByteArray(b"Cache-Control"): QByteArray(b"no-store")})
        job.reply(b"application/octet-stream", buffer)
        self.served += 1


class OfflineGuard(QWebEngineUrlRequestInterceptor):
    """Blocks and records every request that would leave the machine."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:  # noqa: N802 - Qt override
        url = info.requestUrl()
        if url.scheme() not in LOCAL_SCHEMES:
            info.block(True)
            self.blocked.append(url.toString())
            log.warning("blocked a request that would leave the machine: %s", url.toString())
