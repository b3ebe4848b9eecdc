"""Starting the desktop app: WebEngine set-up, error reporting, first run, the demo copy, the screenshot mode,
and starting again on another ledger."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

log = logging.getLogger(__name__)

SCREENSHOT_TIMEOUT_MS = 90_000
CHROMIUM_FLAGS_ENV = "QTWEBENGINE_CHROMIUM_FLAGS"
SANDBOX_OFF_ENV = "QTWEBENGINE_DISABLE_SANDBOX"
# The Chromium flags the app adds, each with what it saves (issue 17: memory, measured with bench/app_memory.py).
# V8 in the page's process favours size over speed: at 150,000 households the renderer settles at about
# 190 MB instead of 300 MB. A V8 flag, the same on Windows, macOS and Linux.
JS_FLAGS = "--js-flags=--optimize-for-size"
# Linux, where Chromium's sandbox is off already (run as root, QTWEBENGINE_DISABLE_SANDBOX): no zygote processes,
# the page's process is started directly (fork and exec, as Windows and macOS always do). At 50,000 households:
# RssAnon 282 -> 265 MB (the zygotes' 18 MB), the physical pages the app's processes map 562 -> 551 MB (the
# zygotes' ~57 MB of PSS is mostly WebEngine's library, which the page's process maps anyway); no more CPU.
# Chromium refuses it with the sandbox on (the zygote sets the sandbox up); Windows and macOS have no zygote.
NO_ZYGOTE = "--no-zygote"


def chromium_flags(existing: str, *, sandbox_off: bool = False, platform: str = sys.platform) -> str:
    """The user's Chromium flags with the app's added; a user's own ``--js-flags`` is kept as it is."""
    flags = existing.split()
    if not any(f.startswith("--js-flags") for f in flags):
        flags.append(JS_FLAGS)
    if sandbox_off and platform.startswith("linux") and NO_ZYGOTE not in flags:
        flags.append(NO_ZYGOTE)
    return " ".join(flags)


def sandbox_is_off(env: Mapping[str, str]) -> bool:
    """Whether WebEngine starts without Chromium's sandbox (Qt: the variable set at all, even empty; --no-sandbox)."""
    return SANDBOX_OFF_ENV in env or "--no-sandbox" in env.get(CHROMIUM_FLAGS_ENV, "").split()


def prepare_webengine() -> None:
    """Must run before a QApplication exists (scheme registration, WebEngine import, sandbox, Chromium flags)."""
    from app.core.heap import give_back_large_blocks

    give_back_large_blocks()  # before the ledger and the town fill the heap (glibc only)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses its sandbox as root and WebEngine would quit silently.
        os.environ.setdefault(SANDBOX_OFF_ENV, "1")
    os.environ[CHROMIUM_FLAGS_ENV] = chromium_flags(os.environ.get(CHROMIUM_FLAGS_ENV, ""),
                                                    sandbox_off=sandbox_is_off(os.environ))
    from PySide6 import QtWebEngineWidgets  # noqa: F401 - must be imported before QApplication

    from app.maps.scheme import register_scheme

    register_scheme()


def forget_module_sources() -> None:
    """Drop the source lines PySide6 read from every module imported after it and left in ``linecache``.

    PySide6 searches each newly imported module's source for "PySide6" to set its ``__feature__`` default
    (PYSIDE-2029), through ``inspect.getsource``, which keeps every file's lines: about 300,000 lines of 700
    modules, 28 MB of the app's heap (issue 17: memory). Only a traceback reads them, and it reads them again from
    the file. Called once the app's modules are imported, before the ledger and the town fill the heap, so that
    work reuses the freed memory (the frozen app has no sources beside its modules: there the cache stays empty).
    """
    import linecache

    linecache.clearcache()


def settings_for(data_dir: Path):  # noqa: ANN201 - QSettings
    from PySide6.QtCore import QSettings

    return QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)


def restart_command(data_dir: Path) -> tuple[str, list[str]]:
    """The program and arguments that start this app again on the ledger in ``data_dir``."""
    from app.paths import is_frozen

    args = ["--data-dir", str(data_dir)]
    return (sys.executable, args) if is_frozen() else (sys.executable, ["-m", "app", *args])


def start_again_on(data_dir: Path) -> bool:
    """Start a new copy of the app on ``data_dir`` (it asks the passphrase as every start does)."""
    from PySide6.QtCore import QProcess

    program, args = restart_command(data_dir)
    started, _pid = QProcess.startDetached(program, args, str(Path.cwd()))
    return bool(started)


def run_gui(*, data_dir: Path, demo: bool = False, screenshot: Path | None = None, step: int = 1,
            self_test: bool = False) -> int:
    if self_test:
        demo = True
    if (screenshot is not None or self_test) and not any(os.environ.get(v) for v in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    prepare_webengine()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.core.errors import LedgerError
    from app.core.scratch import scratch_folder, sweep_leftovers
    from app.models.engine import DEMO_PASSPHRASE, PASSPHRASE_ENV, LedgerOpening
    from app.paths import ledger_path
    from app.privacy.backup import backup_if_due
    from app.privacy.lock import acquire_lock
    from app.ui.comfort import flag
    from app.ui.dialogs import (
        BaseMapChoiceDialog,
        FirstRunDialog,
        TownDialog,
        error_text,
        show_error,
    )
    from app.ui.help import GUIDE_SHOWN
    from app.ui.i18n import chosen_language, install_translators
    from app.ui.mainwindow import MainWindow
    from app.ui.unlock import (
        AUTO_LOCK_MINUTES,
        DEFAULT_AUTO_LOCK_MINUTES,
        unlock,
    )

    forget_module_sources()
    app = QApplication.instance() or QApplication(sys.argv)
    from app.ui.errors import install_error_reporting

    # Before anything else can fail; in the user's data folder (the demo's own folder is deleted at exit).
    # Without a user (screenshot, self-test) errors are only logged, never shown in a box.
    install_error_reporting(data_dir, dialogs=screenshot is None and not self_test)
    sweep_leftovers()  # previews and pages a crash or a killed process left in the temporary folder
    app.setApplicationName("Sasaeai Map")
    app.setApplicationDisplayName("支え合いマップ")
    app.setApplicationVersion(__import__("app").__version__)
    from PySide6.QtGui import QIcon

    from app.paths import resource_dir

    app.setWindowIcon(QIcon(str(resource_dir() / "icons" / "sasaeai.png")))
    install_translators(app, chosen_language(settings_for(data_dir)))

    demo_scratch: tempfile.TemporaryDirectory[str] | None = None
    new_town: tuple[str, str] | None = None
    if not demo and not ledger_path(data_dir).exists():
        if screenshot is not None:
            print(f"no ledger at {ledger_path(data_dir)}; use --demo or --data-dir", file=sys.stderr)
            return 2
        choice = FirstRunDialog().exec()
        if choice == FirstRunDialog.DEMO:
            demo = True
        elif choice == FirstRunDialog.NEW:
            dialog = TownDialog()
            if dialog.exec() != TownDialog.DialogCode.Accepted:
                return 0
            new_town = (dialog.district.text(), dialog.town.text())
        else:
            return 0
    if demo:
        # Only the demo is made here: its map and hazard zones need numpy and shapely, a user's ledger not (issue 17).
        from app.demo.seed import make_demo

        demo_scratch = scratch_folder("demo")  # removed at exit, whichever way the app ends
        demo_dir = Path(demo_scratch.name)
        make_demo(demo_dir)
        data_dir = demo_dir
    path = ledger_path(data_dir)
    interactive = screenshot is None and not self_test
    settings = settings_for(data_dir)

    def window_for(opening: LedgerOpening) -> MainWindow:
        return MainWindow(opening, settings, demo=demo)  # built while the ledger's key is stretched

    lock = None
    try:
        # One app per ledger: a second copy is told who has it open (a crashed app's lock is taken over).
        lock = acquire_lock(path) if not demo else None
        if demo:
            window = window_for(LedgerOpening(path, DEMO_PASSPHRASE))  # the demo we just made: its public passphrase
        elif os.environ.get(PASSPHRASE_ENV) or not interactive:
            window = window_for(LedgerOpening(path))  # SASAEAI_PASSPHRASE; a wrong one is refused, never replaced
        else:
            unlocked = unlock(path, window_for)
            if unlocked is None:
                lock.release()
                return 0
            window = unlocked
    except LedgerError as e:
        if lock is not None:
            lock.release()
        print(error_text(e), file=sys.stderr)
        if interactive:
            show_error(None, e)
        return 1
    except Exception as e:  # a damaged or foreign file: say so, change nothing
        if lock is not None:
            lock.release()
        log.exception("cannot open the ledger")
        if interactive:
            QMessageBox.critical(None, "Sasaeai Map", f"{path}\n\n{e}")
        return 1
    ledger = window.ledger
    if not demo:
        try:
            backup_if_due(ledger)
        except (LedgerError, OSError) as e:  # the ledger opened fine; only the copy failed
            log.warning("daily backup failed: %s", e)
    if new_town is not None:
        from app.towns.towns import create_town

        try:
            with ledger.Session.begin() as s:
                create_town(s, *new_town)
        except LedgerError as e:
            show_error(None, e)
    window.show_step(step - 1)
    window.show()
    if interactive and not demo:
        minutes = float(window.settings.value(AUTO_LOCK_MINUTES, DEFAULT_AUTO_LOCK_MINUTES))
        window.privacy.start_auto_lock(minutes)
    if new_town is None:
        # Nothing heavy before the window shows: the town and its map fill in right after.
        QTimer.singleShot(0, window.towns.open_initial_town)
    else:
        window.towns.open_initial_town()  # a brand-new town is empty; its base map is chosen next
        choice = BaseMapChoiceDialog(window).exec()
        if choice:
            window.towns.choose_base_map(choice)

    exit_code = 0
    if self_test:
        selftest_scratch = scratch_folder("selftest")  # removed at exit

        def check() -> None:
            form = Path(selftest_scratch.name) / "form.xlsx"
            job = window.imports.export_watch_form(form)  # written in the background
            if job is None:
                report(None)
            else:
                job.ended.connect(lambda: report(form if job.outcome == "succeeded" else None))

        def report(written: Path | None) -> None:
            nonlocal exit_code
            import openpyxl

            try:
                sheets = openpyxl.load_workbook(written).sheetnames if written else []
                from app.core.japanese import suggest_kana

                reading = suggest_kana("山田")  # the reading dictionary is inside the bundle
                ok = bool(sheets) and window.map_view.guard.blocked == [] and reading == "やまだ"
            except Exception as e:  # the self-test reports any failure, then exits non-zero
                print(f"self-test failed: {e}", file=sys.stderr)
                ok = False
            if ok:
                print(f"self-test passed: map loaded ({window.towns.town.household_count} households), "
                      f"form exported ({len(sheets)} sheets), kana read (山田 → {reading}), nothing left the machine")
            exit_code = 0 if ok else 1
            app.quit()

        window.map_ready.connect(lambda: QTimer.singleShot(200, check))
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: (print("self-test failed: the map did not load",
                                                                file=sys.stderr), app.exit(1)))
    elif screenshot is None and not flag(window.settings, GUIDE_SHOWN):
        # The first start walks through the three steps once; the Help menu keeps the guide.
        window.settings.setValue(GUIDE_SHOWN, True)
        QTimer.singleShot(300, window.show_guide)
    if screenshot is not None:
        def save() -> None:
            nonlocal exit_code
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(screenshot)):
                print(f"could not write {screenshot}", file=sys.stderr)
                exit_code = 1
            app.quit()

        def timeout() -> None:
            nonlocal exit_code
            print("the map did not finish loading in time", file=sys.stderr)
            exit_code = 1
            app.quit()

        window.map_ready.connect(lambda: QTimer.singleShot(500, save))
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, timeout)
    code = app.exec()
    window.close()
    window.ledger.close()  # a restore in the window replaces the ledger it opened with
    ledger.close()
    if lock is not None:
        lock.release()
    if demo_scratch is not None:
        settings.sync()  # written now, not when Qt lets the settings go, after the folder is gone
        demo_scratch.cleanup()
    return exit_code or code
