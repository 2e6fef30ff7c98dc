"""The Linux archive's desktop integration, without building the bundle: the archive's
tree (packaging/build_bundle.py) around a stand-in program, installed by its
install.sh into a fresh home, then read back as the desktop reads it. (CI builds
the real bundle and checks it: packaging/linux/check_bundle.sh.)"""

from __future__ import annotations

import configparser
import contextlib
import importlib.util
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from pmdesk.core.newproject.sample import write_sample

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def linux_tree(bundle: Path, top: Path) -> None:
    """packaging/build_bundle.py's `linux_tree` (a script, not a module of pmdesk)."""
    spec = importlib.util.spec_from_file_location("build_bundle", PACKAGING / "build_bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.linux_tree(bundle, top)


pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the Linux desktop's files")


def unpacked(tmp_path: Path) -> Path:
    """The archive's folder, its program a stand-in that answers --version."""
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    program = bundle / "pmdesk"
    program.write_text("#!/bin/sh\necho 'pmdesk 0.1.0'\n", encoding="utf-8")
    program.chmod(0o755)
    top = tmp_path / "pmdesk-0.1.0-linux-x86_64"
    linux_tree(bundle, top)
    return top


def clean_env(home: Path) -> dict[str, str]:
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}


def install(top: Path, home: Path, *args: str) -> str:
    return subprocess.run(
        ["sh", str(top / "install.sh"), *args],
        env=clean_env(home),
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def mime_type(path: Path, home: Path) -> str:
    """The file's type as Qt's QMimeDatabase sees it (the shared-mime-info database
    GNOME and KDE read), in a fresh process with the given home."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from PySide6.QtCore import QMimeDatabase; "
            "print(QMimeDatabase().mimeTypeForFile(sys.argv[1]).name())",
            str(path),
        ],
        env={**clean_env(home), "PYTHONPATH": os.pathsep.join(sys.path)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_install_puts_pmdesk_where_the_desktop_looks(tmp_path: Path) -> None:
    top, home = unpacked(tmp_path), tmp_path / "home"
    home.mkdir()
    said = install(top, home)
    assert "pmdesk 0.1.0 is installed" in said

    data = home / ".local/share"
    program = home / ".local/lib/pmdesk/pmdesk"
    assert program.is_file()
    assert (home / ".local/bin/pmdesk").resolve() == program
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(data / "applications/pmdesk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == f'"{program}" %f'  # the full path: ~/.local/bin may not be on PATH
    assert desktop["Categories"] == "Office;ProjectManagement;"
    assert desktop["MimeType"] == "application/x-pmdesk;"
    assert desktop["Name[zh_CN]"].startswith("pmdesk")
    assert "路线图" in desktop["Comment[zh_CN]"]
    assert "roadmap" in desktop["Comment"]
    for size in SIZES:
        for kind, name in (("apps", "pmdesk"), ("mimetypes", "application-x-pmdesk")):
            image = QImage(str(data / f"icons/hicolor/{size}x{size}/{kind}/{name}.png"))
            assert (image.width(), image.height()) == (size, size), (size, name)
    assert (data / "icons/hicolor/scalable/apps/pmdesk.svg").is_file()
    assert "application/x-pmdesk=pmdesk.desktop" in (home / ".config/mimeapps.list").read_text()

    # The file type by its name, and by its header when renamed.
    project = tmp_path / "plan.pmdesk"
    write_sample(project, "en")
    renamed = shutil.copy(project, tmp_path / "plan-copy.db")
    assert mime_type(project, home) == "application/x-pmdesk"
    assert mime_type(Path(renamed), home) == "application/x-pmdesk"
    other = tmp_path / "other.db"  # another application's SQLite file stays what it is
    with contextlib.closing(sqlite3.connect(other)) as db:
        db.execute("create table t(x)")
    assert mime_type(other, home) == "application/vnd.sqlite3"

    # Uninstalling takes all of it away again, and leaves pmdesk's data alone.
    (data / "pmdesk").mkdir()
    install(top, home, "--uninstall")
    assert not (home / ".local/lib/pmdesk").exists()
    assert not (home / ".local/bin/pmdesk").exists()
    assert not (data / "applications/pmdesk.desktop").exists()
    assert not list((data / "icons/hicolor").rglob("*pmdesk*"))
    assert "pmdesk" not in (home / ".config/mimeapps.list").read_text()
    assert (data / "pmdesk").is_dir()
    assert mime_type(Path(renamed), home) == "application/vnd.sqlite3"


def test_the_menu_entry_is_valid(tmp_path: Path) -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("desktop-file-validate is not installed (CI installs it)")
    result = subprocess.run(
        [validate, str(PACKAGING / "linux/pmdesk.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_windows_and_mac_icons_hold_every_size() -> None:
    ico = (PACKAGING / "icons/pmdesk.ico").read_bytes()
    _reserved, kind, count = struct.unpack("<HHH", ico[:6])
    sides = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert kind == 1
    assert sides == [16, 24, 32, 48, 64, 128, 256]
    icns = (PACKAGING / "icons/pmdesk.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert all(kind in icns for kind in (b"icp4", b"icp5", b"ic07", b"ic08", b"ic09"))
