"""The desktop bundle: build.spec makes a one-folder app that starts offline and passes its self-test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.licences import bundled_components, closure

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.timeout(1800)  # the build (about 600 MB, Sudachi's dictionary included) and the self-test
def test_bundle_builds_and_passes_its_self_test_offline(tmp_path):
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    assert pyinstaller.exists(), "pyinstaller comes with the test extra (pip install -e '.[test]')"
    build = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--distpath", str(tmp_path / "dist"), "--workpath", str(tmp_path / "work"),
         "build.spec"], cwd=REPO, capture_output=True, text=True, timeout=1200)
    assert build.returncode == 0, build.stderr[-3000:]
    app = tmp_path / "dist" / "sasaeai-map" / "sasaeai-map"
    assert app.exists()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QTWEBENGINE_DISABLE_SANDBOX="1")
    prefix = ["unshare", "-n"] if os.geteuid() == 0 and shutil.which("unshare") else []
    run = subprocess.run([*prefix, str(app), "--self-test"], capture_output=True, text=True, timeout=300, env=env,
                         cwd=tmp_path)  # not the source tree: resources must come from the bundle
    assert run.returncode == 0, run.stderr[-3000:]
    assert "self-test passed" in run.stdout

    # Kana readings: Sudachi's resources and dictionary are inside; pykakasi (GPL-3.0) is not.
    bundle = app.parent
    assert list(bundle.rglob("sudachidict_core/resources/system.dic"))
    assert list(bundle.rglob("sudachipy/resources/char.def"))
    assert not list(bundle.rglob("*kakasi*"))
    # Beside the executable: the app's MIT licence, every component's licence texts and the notices.
    assert "MIT License" in (bundle / "LICENSE").read_text(encoding="utf-8")
    listed = {c.name: c for c in bundled_components(bundle)}
    assert {d.metadata["Name"] for d in closure()} <= set(listed)
    for name in ("PySide6_Essentials", "Qt", "fpdf2", "SudachiPy", "OpenSSL (in SQLCipher)", "sqlcipher3-wheels"):
        assert listed[name].texts and all((bundle / "licenses" / listed[name].folder / t.name).is_file()
                                          for t in listed[name].texts), name
    assert "SQLCipher" in (bundle / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8")
