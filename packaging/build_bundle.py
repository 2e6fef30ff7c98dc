"""Build the pmdesk desktop bundle with one command (packaging/README.md):

    python -m pip install ".[packaging]"
    python packaging/build_bundle.py [--out DIR]

PyInstaller builds the one-folder bundle from packaging/pmdesk.spec into DIR (a new
temporary folder when not given; never the repository). On Linux the bundle is then
packed with the desktop files and install.sh into DIR/pmdesk-VERSION-linux-ARCH.tar.gz;
on Windows, Inno Setup (`iscc`, when on PATH) makes DIR/pmdesk-VERSION-windows-setup.exe
from packaging/windows/pmdesk.iss; on macOS, `hdiutil` puts DIR/dist/pmdesk.app into
DIR/pmdesk-VERSION-macos.dmg. (Only the Linux steps are run and tested here: see the
README.) Prints the paths it made.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / "pmdesk" / "__init__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def pyinstaller(out: Path) -> Path:
    """Run PyInstaller on the spec; the bundle's folder."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(out / "dist"),
            "--workpath",
            str(out / "work"),
            str(PACKAGING / "pmdesk.spec"),
        ],
        check=True,
        cwd=out,
    )
    return out / "dist" / "pmdesk"


def linux_tree(bundle: Path, top: Path) -> None:
    """The archive's contents: the bundle, the freedesktop files laid out as they
    are installed (share/…), and install.sh."""
    if top.exists():
        shutil.rmtree(top)
    top.mkdir(parents=True)
    shutil.copytree(bundle, top / "pmdesk", symlinks=True)
    share = top / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / "pmdesk.desktop", share / "applications")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy2(
        PACKAGING / "linux" / "application-x-pmdesk.xml", share / "mime/packages/pmdesk.xml"
    )
    hicolor = share / "icons" / "hicolor"
    for size in ICON_SIZES:
        for kind, name in (("apps", "pmdesk"), ("mimetypes", "application-x-pmdesk")):
            folder = hicolor / f"{size}x{size}" / kind
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PACKAGING / "icons" / f"{name}-{size}.png", folder / f"{name}.png")
    for kind, name in (("apps", "pmdesk"), ("mimetypes", "application-x-pmdesk")):
        folder = hicolor / "scalable" / kind
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / "resources" / "icons" / f"{name}.svg", folder / f"{name}.svg")
    shutil.copy2(PACKAGING / "linux" / "install.sh", top / "install.sh")
    (top / "install.sh").chmod(0o755)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="build folder (default: a new temporary one)")
    args = parser.parse_args()
    out = (args.out or Path(tempfile.mkdtemp(prefix="pmdesk-build-"))).resolve()
    if out.is_relative_to(ROOT):
        parser.error("build outside the repository (--out)")
    out.mkdir(parents=True, exist_ok=True)
    bundle = pyinstaller(out)
    print(f"bundle: {bundle}")
    if sys.platform.startswith("linux"):
        name = f"pmdesk-{version()}-linux-{platform.machine()}"
        linux_tree(bundle, out / name)
        archive = out / f"{name}.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(out / name, arcname=name)
        print(f"archive: {archive}")
    elif sys.platform == "win32" and shutil.which("iscc"):
        iss = PACKAGING / "windows" / "pmdesk.iss"
        defines = [f"/DBundle={bundle}", f"/DVersion={version()}", f"/DOut={out}"]
        subprocess.run(["iscc", *defines, str(iss)], check=True)
        print(f"installer: {out / f'pmdesk-{version()}-windows-setup.exe'}")
    elif sys.platform == "darwin":
        dmg = out / f"pmdesk-{version()}-macos.dmg"
        app = out / "dist" / "pmdesk.app"
        subprocess.run(
            ["hdiutil", "create", "-volname", "pmdesk", "-srcfolder", str(app), "-ov", str(dmg)],
            check=True,
        )
        print(f"disk image: {dmg}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
