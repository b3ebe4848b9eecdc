"""Check that every dependency of the app resolves to wheels on Windows and macOS, not only on Linux.

    python tools/check_wheels.py [--platform TAG ...] [--python 3.11 ...]

The app is installed with pip on the laptops of the welfare council (Windows first, some Macs). A
dependency that publishes Linux wheels only (as ``sqlcipher3-binary`` did) makes the README's steps fail
at ``pip install`` there, and nothing on a Linux CI would notice. This asks pip to resolve the app's
dependencies (and the ``build`` and ``test`` extras, which the README's Windows steps install) for each target platform and
Python version with ``--only-binary :all:``, without installing or downloading the wheels themselves
(``--dry-run --report``), and prints the wheel chosen for each package that is not pure Python.

Exit status 0 when every combination resolves, 1 otherwise (pip's own message says which package).
It needs the package index, so it runs in ``.ci/run`` beside the test suite, not inside it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PLATFORMS = ("win_amd64", "macosx_11_0_arm64")
PYTHONS = ("3.11", "3.12")
EXTRAS = ("build", "test")  # the README's Windows steps install the test extra


def requirements(pyproject: Path = REPO / "pyproject.toml") -> list[str]:
    """The app's runtime dependencies and those of the extras a Windows or Mac developer installs."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    found = list(project["dependencies"])
    for extra in EXTRAS:
        found += project.get("optional-dependencies", {}).get(extra, [])
    return found


def resolve(reqs: list[str], platform: str, python: str) -> tuple[bool, list[str], str]:
    """(resolved, binary wheels chosen, pip's messages) for one platform and Python version."""
    with tempfile.TemporaryDirectory(prefix="sasaeai-wheels-") as tmp:
        report = Path(tmp) / "report.json"
        cmd = [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
               "--only-binary", ":all:", "--platform", platform, "--python-version", python,
               "--implementation", "cp", "--target", str(Path(tmp) / "target"), "--report", str(report), *reqs]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
        if done.returncode != 0 or not report.exists():
            return False, [], done.stderr.strip() or done.stdout.strip()
        installs = json.loads(report.read_text(encoding="utf-8"))["install"]
    wheels = sorted(item["download_info"]["url"].rsplit("/", 1)[-1] for item in installs)
    return True, [w for w in wheels if not w.endswith("-none-any.whl")], ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--platform", action="append", help=f"platform tag (default: {', '.join(PLATFORMS)})")
    parser.add_argument("--python", action="append", help=f"Python version (default: {', '.join(PYTHONS)})")
    args = parser.parse_args(argv)
    reqs = requirements()
    failures = 0
    for platform in args.platform or PLATFORMS:
        for python in args.python or PYTHONS:
            ok, wheels, message = resolve(reqs, platform, python)
            if ok:
                print(f"ok    {platform} Python {python}: {len(wheels)} binary wheels")
                for wheel in wheels:
                    print(f"        {wheel}")
            else:
                failures += 1
                print(f"FAIL  {platform} Python {python}: no wheels for every dependency\n{message}")
    if failures:
        print(f"{failures} platform(s) cannot install the app from wheels; see above.", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
