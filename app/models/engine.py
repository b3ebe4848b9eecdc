"""The engine factory: the one place that opens a ledger file (SQLCipher-encrypted) and keeps its schema current.

Every ledger is created and upgraded by the Alembic migrations in ``migrations/``.
"""

from __future__ import annotations

import getpass
import glob
import hashlib
import logging
import os
import threading
import unicodedata
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.models.audit import LEDGER_INFO_KEY, Operator, install_audit
from app.models.errors import QT_TRANSLATE_NOOP, LedgerError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration in migrations/versions (tests/test_ledger.py checks it is the scripts' head). A ledger at
# this revision opens without loading Alembic, which the app then never imports (15 MB of a fresh app).
HEAD_REVISION = "0023"
PASSPHRASE_ENV = "SASAEAI_PASSPHRASE"
OPERATOR_ENV = "SASAEAI_OPERATOR"
# The demo town holds invented people only; its fixed passphrase is documented in the README.
DEMO_PASSPHRASE = "hidamari-demo"
BACKUP_FOLDER = "backups"
_PLAIN_HEADER = b"SQLite format 3\x00"
# How SQLCipher 4 turns a passphrase into a file's key (its defaults, which every ledger is made with):
# PBKDF2-HMAC-SHA512, 256,000 rounds, 32 bytes, salted with the file's first 16 bytes. The engine stretches
# the passphrase this way once per ledger and keys its connections with the result (``_raw_key``).
_KDF_HASH, _KDF_ROUNDS, _KEY_BYTES, _SALT_BYTES = "sha512", 256_000, 32, 16
# What SQLite keeps beside a database file while it is open or after a crash: the write-ahead log and its
# index (the ledger runs in WAL mode), the rollback journal (single files: backups, sync packages).
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


class WrongPassphrase(LedgerError):
    pass


class PassphraseRequired(LedgerError):
    pass


class StorageError(LedgerError):
    """The disk is full, the folder is read-only or the file vanished: the change was not saved."""


@dataclass(eq=False)
class Ledger:
    """An open ledger: its file, its engine and a session factory (one session per user action).

    ``operator`` (who is working, chosen at unlock) is stamped on every audit entry written
    through ``Session``; a single session may override it with ``session.info["operator"]``.
    """

    path: Path
    engine: Engine
    Session: sessionmaker[Session]
    passphrase: str = field(repr=False, default="")
    operator: Operator = field(default_factory=lambda: default_operator())

    @property
    def data_dir(self) -> Path:
        return self.path.parent

    @property
    def backup_dir(self) -> Path:
        return backup_dir(self.path)

    def close(self) -> None:
        self.engine.dispose()


def default_operator() -> Operator:
    """Who works when nobody chose at unlock (scripts, tests): ``SASAEAI_OPERATOR`` or the login name."""
    name = os.environ.get(OPERATOR_ENV)
    if not name:
        try:
            name = getpass.getuser()
        except Exception:  # no login name on some service accounts
            name = "unknown"
    return Operator(name=name, role="")


def backup_dir(ledger_file: Path) -> Path:
    return Path(ledger_file).parent / BACKUP_FOLDER


def _alembic_config() -> Any:
    from alembic.config import Config  # only to migrate: see HEAD_REVISION

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _sql_literal(text: str) -> str:
    # PRAGMA key cannot take a bound parameter; a doubled quote is the SQL escape, safe for any text.
    return "'" + text.replace("'", "''") + "'"


def _check_passphrase_text(passphrase: str) -> str:
    if not isinstance(passphrase, str) or not passphrase:
        raise PassphraseRequired(QT_TRANSLATE_NOOP("errors", "the passphrase must not be empty"))
    if "\x00" in passphrase:
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "the passphrase must not contain a NUL character"))
    return passphrase


def normalize_passphrase(text: str) -> str:
    """NFC: a passphrase typed through another input method (が as か + ゛ U+3099) is the same key."""
    return unicodedata.normalize("NFC", text) if isinstance(text, str) else text


def passphrase_forms(text: str) -> list[str]:
    """The keys typed ``text`` may stand for: its NFC form first, then the text as typed (a ledger
    made before passphrases were normalised keeps the form its passphrase was typed in)."""
    nfc = normalize_passphrase(text)
    return [nfc] if nfc == text else [nfc, text]


def _connect_with_key(path: Path, key: str) -> sqlcipher.Connection:
    conn = sqlcipher.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported by us, not on stderr
    conn.execute(f"PRAGMA key = {_sql_literal(key)}")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


def side_files(path: Path) -> list[Path]:
    """The ``-wal``, ``-shm`` and ``-journal`` files beside ``path`` that exist now."""
    path = Path(path)
    return [f for f in (path.with_name(path.name + suffix) for suffix in SIDE_SUFFIXES) if f.exists()]


def _use_wal(conn: sqlcipher.Connection) -> None:
    """The ledger's journal: write-ahead log, so a long read never blocks a save nor a save a read.

    ``journal_mode`` is stored in the file (a ledger from an older build switches on its first open);
    ``synchronous`` is per connection. FULL: each commit waits for the log to reach the disk, so
    nothing the app has said is saved can be lost to a power cut (measured on this kind of machine:
    about 3 ms a commit, against 14 ms for the rollback journal; NORMAL would risk the last commits).
    """
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    except sqlcipher.OperationalError as e:  # a read-only folder: the save reports it, in words
        log.warning("the ledger stays in its journal mode: %s", e)
    else:
        if mode != "wal":
            log.warning("the ledger stays in %s journal mode", mode)
    conn.execute("PRAGMA synchronous = FULL")


def _connect_with_form(path: Path, forms: list[str]) -> sqlcipher.Connection:
    if len(forms) > 1 and Path(path).is_file() and Path(path).stat().st_size > 0:
        for form in forms[:-1]:
            conn = _connect_with_key(path, form)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except sqlcipher.DatabaseError as e:
                conn.close()
                if "not a database" not in str(e):
                    raise
        return _connect_with_key(path, forms[-1])
    return _connect_with_key(path, forms[0])


def connect_raw(path: Path, passphrase: str, *, exact: bool = False, ledger: bool = False) -> sqlcipher.Connection:
    """A DB-API connection to an encrypted file (used by the engine, backups, sync packages and checks).

    An existing file is opened with the first of ``passphrase_forms`` that decrypts it; a new file
    gets the NFC form. ``exact``: the key was already resolved, use it as it is. ``ledger``: the file
    is the ledger itself, switched to (and kept in) WAL mode; other files (backups, sync packages
    that travel on a USB stick) keep the journal mode they have, a new one the rollback journal, so
    each stays a single file.
    """
    conn = _connect_with_form(path, [passphrase] if exact else passphrase_forms(passphrase))
    if ledger:
        try:
            _use_wal(conn)
        except BaseException:
            conn.close()
            raise
    return conn


def is_plain_sqlite(path: Path) -> bool:
    """True for an unencrypted SQLite file (a ledger from before encryption)."""
    try:
        with open(path, "rb") as f:
            return f.read(16) == _PLAIN_HEADER
    except OSError:
        return False


def passphrase_opens(path: Path, passphrase: str) -> bool:
    """Whether typed ``passphrase`` (in its NFC form or as typed) decrypts ``path``; never writes it."""
    return opening_passphrase(path, passphrase) is not None


def opening_passphrase(path: Path, passphrase: str) -> str | None:
    """The form of typed ``passphrase`` (NFC first, then as typed) that decrypts ``path``, or None."""
    return next((form for form in passphrase_forms(passphrase) if _key_opens(path, form)), None)


def _key_opens(path: Path, passphrase: str) -> bool:
    """Whether the key ``passphrase`` decrypts ``path`` (False, too, when the file cannot be opened at all)."""
    try:
        return _try_key(path, passphrase)
    except sqlcipher.Error:
        return False


def _try_key(path: Path, passphrase: str) -> bool:
    """Whether the key ``passphrase`` decrypts ``path``; opens read-only, so the file is never written ...

    ... except after a crash: then SQLite must first roll back the interrupted transaction from
    its journal (which copies back stored pages, whatever the key), and that needs write access.
    A file that cannot be opened at all (a WAL ledger in a read-only folder: its ``-shm`` cannot be
    made) raises the ``sqlcipher.Error``: that is no answer about the key.
    """
    for mode in ("ro", "rw"):
        try:
            conn = sqlcipher.connect(f"{Path(path).resolve().as_uri()}?mode={mode}", uri=True)
        except sqlcipher.Error:
            if mode == "rw":
                raise
            continue
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = {_sql_literal(passphrase)}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return True
        except sqlcipher.DatabaseError as e:
            if "not a database" in str(e):
                return False
            if mode == "rw":
                raise
        finally:
            conn.close()
    return False


def integrity_problems(path: Path, passphrase: str) -> list[str]:
    """``PRAGMA integrity_check`` of an encrypted file: an empty list when the file is sound."""
    try:
        conn = connect_raw(path, passphrase)
    except sqlcipher.Error as e:
        return [str(e)]
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlcipher.Error as e:  # a page that fails its HMAC stops the check itself
        return [str(e)]
    finally:
        conn.close()
    return [] if rows == ["ok"] else rows


_STORAGE_MESSAGES = ("database or disk is full", "disk i/o error", "readonly database", "unable to open database",
                     "file too large")


def _storage_error(context) -> Exception | None:  # noqa: ANN001 - SQLAlchemy ExceptionContext
    text = str(context.original_exception).lower()
    if any(m in text for m in _STORAGE_MESSAGES):
        return StorageError(
            QT_TRANSLATE_NOOP("errors", "could not save: the disk is full or the folder is read-only "
                                        "({detail}); nothing was changed, free some space or choose "
                                        "another folder and try again"),
            detail=str(context.original_exception))
    return None


def _file_salt(path: Path) -> bytes | None:
    """The salt SQLCipher keeps in an encrypted file's first bytes; None for a new, empty or plain file."""
    try:
        with open(path, "rb") as f:
            head = f.read(_SALT_BYTES)
    except OSError:
        return None
    return head if len(head) == _SALT_BYTES and head != _PLAIN_HEADER else None


def _raw_key(path: Path, passphrase: str) -> str | None:
    """``PRAGMA key``'s raw form (``x'<64 hex>'``) of ``passphrase`` for the file ``path``, as SQLCipher 4
    derives it; None when the file has no salt yet. SQLCipher takes a raw key as the key itself: a connection
    keyed with it skips the 0.1–0.2 s of key stretching. Secret as the passphrase: never logged nor shown."""
    salt = _file_salt(path)
    if salt is None:
        return None
    try:
        secret = passphrase.encode("utf-8")
    except UnicodeEncodeError:  # (a lone surrogate) SQLite would not take it either: let the passphrase fail
        return None
    return "x'" + hashlib.pbkdf2_hmac(_KDF_HASH, secret, salt, _KDF_ROUNDS, _KEY_BYTES).hex() + "'"


def _keyed_ledger_connection(path: Path, passphrase: str) -> tuple[sqlcipher.Connection, str | None] | None:
    """The ledger's connection keyed with ``passphrase``'s raw key, and that key; else (a ledger whose
    key is not derived with SQLCipher 4's defaults: nothing is written before a key proves itself) keyed
    with the passphrase itself, and None; None when ``passphrase`` does not open the ledger."""
    raw = _raw_key(path, passphrase)
    if raw is not None:
        conn = _ledger_connection(path, raw)
        if conn is not None:
            return conn, raw
    conn = _ledger_connection(path, passphrase)
    if conn is None:
        return None
    if raw is not None:
        log.info("the ledger's key is not derived with SQLCipher's defaults: each connection derives it")
    return conn, None


class _LedgerKey:
    """How the engine keys the ledger's connections: with the raw key once it is known (stretched once per
    ledger: at open, or for a new ledger when its first later connection is made), else with the passphrase."""

    def __init__(self, path: Path, passphrase: str, raw: str | None, *, settled: bool) -> None:
        self._path, self._passphrase, self._raw = path, passphrase, raw
        self._settled = settled or raw is not None  # whether the raw key was tried (on a file that has its salt)
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"<ledger key for {self._path.name}>"

    def connect(self) -> sqlcipher.Connection:
        with self._lock:  # the reads' thread and the UI thread may both want their first connection
            if not self._settled and _file_salt(self._path) is not None:
                self._settled = True
                got = _keyed_ledger_connection(self._path, self._passphrase)
                if got is not None:
                    conn, self._raw = got
                    return conn
            key = self._raw or self._passphrase
        return connect_raw(self._path, key, exact=True, ledger=True)


def make_engine(path: Path, passphrase: str, first: sqlcipher.Connection | None = None,
                raw_key: str | None = None) -> Engine:
    """The ledger's engine; ``first``: a ledger connection already keyed (the one that proved the key at
    open), handed out as the pool's first connection; ``raw_key``: ``passphrase``'s raw key for this file
    (None with ``first``: the raw key did not open it), which keys the later connections (see ``_LedgerKey``):
    the key is stretched once per ledger."""
    path = Path(path)
    spare = [first] if first is not None else []
    key = _LedgerKey(path, passphrase, raw_key, settled=first is not None)

    def connect() -> sqlcipher.Connection:
        return spare.pop() if spare else key.connect()

    # A creator (not a URL with the key in it) keeps any passphrase characters intact: quotes, %, 日本語.
    engine = create_engine("sqlite://", module=sqlcipher, creator=connect, poolclass=QueuePool,
                           # the connection used last comes back first: its page cache is warm (search)
                           pool_use_lifo=True)
    event.listen(engine, "handle_error", _storage_error)
    return engine


def schema_revision(engine: Engine) -> str | None:
    """The revision the database is at: the row of Alembic's version table (None before the first migration)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def head_revision() -> str:
    return HEAD_REVISION


def upgrade(engine: Engine) -> None:
    from alembic import command  # only to migrate: see HEAD_REVISION

    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def backup_name(ledger_file: Path, kind: str, when: datetime | None = None) -> Path:
    """``backups/ledger-20261127-061500-123456-close.sqlite3``: sorts by time, says why it was made."""
    stamp = (when or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return backup_dir(ledger_file) / f"{Path(ledger_file).stem}-{stamp}-{kind}{Path(ledger_file).suffix or '.sqlite3'}"


def online_backup(source: Path, passphrase: str, dest: Path) -> Path:
    """Copy an encrypted ledger with SQLite's online backup API (consistent even while others write).

    The copy is written beside ``dest`` and renamed into place, so a failed backup leaves no half file.
    It is one self-contained file in the rollback-journal mode, whatever the ledger's: the backup API
    copies the ledger's WAL flag too, and a WAL file needs its -wal and -shm beside it, even to be read
    from a read-only stick.
    """
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".part")
    _remove_with_side_files(partial)
    src = connect_raw(source, passphrase)
    try:
        dst = connect_raw(partial, passphrase)
        try:
            src.backup(dst)
            mode = dst.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            if mode != "delete":
                raise sqlcipher.OperationalError(f"the copy stayed in {mode} journal mode")
        finally:
            dst.close()
    except sqlcipher.Error as e:
        _remove_with_side_files(partial)
        raise StorageError(QT_TRANSLATE_NOOP("errors", "the backup could not be written ({detail})"),
                           where=str(dest), detail=str(e)) from e
    finally:
        src.close()
    # Side files of an older file of that name belong to it, not to the copy: SQLite would replay them into it.
    for stale in side_files(dest):
        stale.unlink(missing_ok=True)
    os.replace(partial, dest)
    return dest


def _remove_with_side_files(path: Path) -> None:
    """Delete a half-made file of ours and what SQLite left beside it (a journal it would replay)."""
    for leftover in [Path(path), *side_files(path)]:
        leftover.unlink(missing_ok=True)


def encrypt_plain_ledger(path: Path, passphrase: str) -> Path:
    """Encrypt an unencrypted ledger in place; returns the plain backup copy kept beside it."""
    path = Path(path)
    plain_copy = backup_name(path, "unencrypted")
    plain_copy.parent.mkdir(parents=True, exist_ok=True)
    encrypted = path.with_name(path.name + ".encrypting")
    # What a conversion killed part-way left: half files, and journals SQLite would replay into new files.
    leftovers = [encrypted, *plain_copy.parent.glob(f"{glob.escape(path.stem)}-*-unencrypted{plain_copy.suffix}.part")]
    for leftover in leftovers:
        _remove_with_side_files(leftover)
    partial = plain_copy.with_name(plain_copy.name + ".part")  # never listed as a copy until it is whole
    src = sqlcipher.connect(str(path))  # no key: sqlcipher reads plain SQLite files
    try:
        keep = sqlcipher.connect(str(partial))
        try:
            src.backup(keep)
            keep.execute("PRAGMA journal_mode = DELETE")  # one file, like every backup
        finally:
            keep.close()
        os.replace(partial, plain_copy)
        version = src.execute("PRAGMA user_version").fetchone()[0]
        src.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(encrypted), passphrase))
        src.execute("SELECT sqlcipher_export('encrypted')")
        src.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        src.execute("DETACH DATABASE encrypted")
    finally:
        src.close()
    if integrity_problems(encrypted, passphrase) or path.with_name(path.name + "-wal").exists():
        # (a plain ledger in WAL mode still open elsewhere: its log would be replayed into the encrypted file)
        _remove_with_side_files(encrypted)
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "the ledger could not be encrypted; it was left as it was"),
                          where=str(path))
    os.replace(encrypted, path)  # atomic: the ledger is either the old plain file or the encrypted one
    log.warning("ledger %s encrypted; the unencrypted copy %s should be deleted once checked", path, plain_copy)
    return plain_copy


def _candidate(passphrase: str | None) -> tuple[str, str] | None:
    if passphrase is not None:
        return ("given", passphrase)
    env = os.environ.get(PASSPHRASE_ENV)
    return ("environment", env) if env else None


def resolve_passphrase(path: Path, passphrase: str | None = None) -> str:
    """The key that opens (or will create) ``path``.

    From the ``passphrase`` argument, else ``SASAEAI_PASSPHRASE``. Typed text is tried in its NFC
    form, then as typed; a new ledger gets the NFC form. A passphrase that does not open the ledger
    is refused, always: nothing falls back to ``DEMO_PASSPHRASE`` (the demo's paths pass it).
    """
    return _resolve(path, passphrase, _try_key)[0]


def _ledger_connection(path: Path, key: str) -> sqlcipher.Connection | None:
    """The ledger's own connection (as the engine opens it) when ``key`` decrypts ``path``, else None.

    What ``_try_key`` answers, at the cost of one key derivation, which the engine then does not pay
    again. It reads the first page before anything is written: a key that does not decrypt it leaves
    the file as it was (a crash's journal is rolled back first, whatever the key, as ``_try_key`` does).
    """
    conn = _connect_with_key(path, key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _use_wal(conn)
    except sqlcipher.DatabaseError as e:
        conn.close()
        if "not a database" in str(e):
            return None
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def _resolve(path: Path, passphrase: str | None, prove) -> tuple[str, Any]:  # noqa: ANN001, C901
    """``resolve_passphrase``, and what ``prove(path, key)`` gave for the key that opens an encrypted
    ``path`` (None for a new or plain file); ``prove`` answers a falsy value for a wrong key."""
    path = Path(path)
    found = _candidate(passphrase)
    if found is not None:
        _check_passphrase_text(found[1])
    exists = path.exists() and path.stat().st_size > 0
    if not exists or is_plain_sqlite(path):
        if found is None:
            template = (QT_TRANSLATE_NOOP("errors", "this ledger is not encrypted yet: give a passphrase to encrypt it")
                        if exists else QT_TRANSLATE_NOOP("errors", "a new ledger needs a passphrase"))
            raise PassphraseRequired(template, where=str(path))
        return normalize_passphrase(found[1]), None
    if found is None:
        raise PassphraseRequired(QT_TRANSLATE_NOOP("errors", "this ledger is locked: enter its passphrase"),
                                 where=str(path))
    for key in passphrase_forms(found[1]):
        try:
            if proof := prove(path, key):
                return key, proof
        except sqlcipher.Error as e:
            if not any(m in str(e).lower() for m in _STORAGE_MESSAGES):
                continue  # a damaged file: no passphrase opens it
            # Not a wrong passphrase: the file cannot be opened here (a ledger in WAL mode needs to write
            # its -shm and -wal beside it even to be read).
            raise StorageError(QT_TRANSLATE_NOOP("errors", "cannot open the ledger for writing here ({detail}); "
                                                           "is the folder read-only?"),
                               where=str(path), detail=str(e)) from e
    if found[0] == "environment":
        raise WrongPassphrase(QT_TRANSLATE_NOOP("errors", "wrong passphrase in {env}: it does not open this ledger, "
                                                          "or the file is not a ledger"),
                              where=str(path), env=PASSPHRASE_ENV)
    raise WrongPassphrase(QT_TRANSLATE_NOOP("errors", "wrong passphrase, or the file is not a ledger"),
                          where=str(path))


def open_ledger(path: Path, passphrase: str | None = None, *, create: bool = True) -> Ledger:
    """Open (and create, encrypt or upgrade, when needed) the ledger file at ``path``.

    Raises ``PassphraseRequired`` / ``WrongPassphrase`` (both ``LedgerError``) and never changes
    the file when the passphrase does not open it. See ``resolve_passphrase`` for where the
    passphrase comes from when it is not given.
    """
    path = Path(path)
    if not path.exists() and not create:
        raise FileNotFoundError(path)
    key, proof = _resolve(path, passphrase, _keyed_ledger_connection)
    first, raw = proof if proof is not None else (None, None)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and is_plain_sqlite(path):
        encrypt_plain_ledger(path, key)
    engine = make_engine(path, key, first, raw)
    try:
        current = schema_revision(engine)
        if current != head_revision():
            if current is not None:  # a brand-new file has nothing to lose
                online_backup(path, key, backup_name(path, f"before-migration-{current}"))
            upgrade(engine)
    except Exception:
        engine.dispose()
        raise
    ledger = Ledger(path=path, engine=engine, Session=None, passphrase=key)  # type: ignore[arg-type]
    ledger.Session = sessionmaker(engine, expire_on_commit=False, info={LEDGER_INFO_KEY: ledger})
    install_audit(ledger.Session)
    return ledger


class LedgerOpening:
    """``open_ledger`` on a thread of its own, started at once; ``ledger()`` waits for it and returns the ledger or
    raises what ``open_ledger`` raised.

    Most of an open is stretching the key (PBKDF2, 0.1-0.2 s) and SQLite reading the file, neither of which holds
    Python's interpreter lock: the caller builds what needs no ledger meanwhile (the window, its widgets).
    ``operator``: who works, set on the ledger before it is handed out.
    """

    def __init__(self, path: Path, passphrase: str | None = None, *, create: bool = True,
                 operator: Operator | None = None) -> None:
        self.path = Path(path)
        opener = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ledger open")
        self._future = opener.submit(self._open, passphrase, create, operator)
        opener.shutdown(wait=False)  # its one thread ends with the open

    def __repr__(self) -> str:
        return f"<opening {self.path.name}>"

    def _open(self, passphrase: str | None, create: bool, operator: Operator | None) -> Ledger:
        ledger = open_ledger(self.path, passphrase, create=create)
        if operator is not None:
            ledger.operator = operator
        return ledger

    def ledger(self) -> Ledger:
        return self._future.result()

    @property
    def done(self) -> bool:
        """The open has ended: ``ledger()`` returns (or raises) at once."""
        return self._future.done()

    def when_done(self, callback: Callable[[], None]) -> None:
        """``callback()`` once the open has ended, on the thread that opened the ledger (now, on this thread, if it
        has ended already)."""
        self._future.add_done_callback(lambda _future: callback())

    def abandon(self) -> None:
        """Nobody will ask for the ledger after all: once open, it is closed (a failed open leaves nothing)."""
        if self._future.exception() is None:
            self._future.result().close()


def rekey_file(path: Path, passphrase: str, new_passphrase: str) -> None:
    """Re-encrypt a closed file in one transaction (a crash leaves the old key in force); the new key in NFC.

    In WAL mode too: SQLCipher 4 keeps the file's salt, so the rewritten pages in the log are read with
    the new key until the close copies them into the file (killed at each stage in test_crash_safety.py).
    """
    new_key = _check_passphrase_text(normalize_passphrase(new_passphrase))
    conn = connect_raw(path, passphrase)
    try:
        conn.execute(f"PRAGMA rekey = {_sql_literal(new_key)}")
    finally:
        conn.close()


def change_passphrase(ledger: Ledger, new_passphrase: str) -> None:
    """Re-encrypt the ledger with a new passphrase (``PRAGMA rekey``, in NFC); a backup is made first."""
    new_passphrase = _check_passphrase_text(normalize_passphrase(new_passphrase))
    online_backup(ledger.path, ledger.passphrase, backup_name(ledger.path, "before-rekey"))
    ledger.engine.dispose()  # every pooled connection holds the old key
    rekey_file(ledger.path, ledger.passphrase, new_passphrase)
    if not passphrase_opens(ledger.path, new_passphrase):
        raise LedgerError(QT_TRANSLATE_NOOP("errors", "the passphrase could not be changed"), where=str(ledger.path))
    ledger.passphrase = new_passphrase
    new_engine = make_engine(ledger.path, new_passphrase)
    ledger.engine = new_engine
    ledger.Session.configure(bind=new_engine)
