"""Compile the Qt Designer forms in ui/ into Python modules the app imports.

    python packaging/compile_forms.py           # after editing a form in Designer
    python packaging/compile_forms.py --check   # exit 1 if a compiled form is out of date

Each `ui/NAME.ui` becomes `pmdesk/app/forms/ui_NAME.py` (class `Ui_<form class>`)
through `pyside6-uic`; compiled modules whose form is gone are removed. The
compiled modules are committed, so pmdesk runs without the Qt tools, and the line
naming uic's version is replaced, so another PySide6 release gives the same bytes
as long as its code does not change. tests/test_forms.py fails when a compiled
form differs from what this script makes now. Strings are translated with the
form's class as context: packaging/update_translations.py reads them from ui/.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "ui"
COMPILED = ROOT / "pmdesk" / "app" / "forms"
_VERSION_LINE = re.compile(r"^## Created by: Qt User Interface Compiler version .*\n", re.M)


def qt_tool(name: str) -> str:
    """`pyside6-uic`: the one beside this Python (its venv's bin/ or Scripts/,
    which need not be on PATH), else whatever PATH has."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which(name) or name


def target(form: Path) -> Path:
    return COMPILED / f"ui_{form.stem}.py"


def compiled(form: Path) -> bytes:
    """The Python module `pyside6-uic` makes of `form`, without its version line."""
    out = subprocess.run(
        [qt_tool("pyside6-uic"), "--generator", "python", str(form)],
        check=True,
        capture_output=True,
    ).stdout
    text = _VERSION_LINE.sub("## Compiled by packaging/compile_forms.py\n", out.decode(), count=1)
    return text.replace("\r\n", "\n").encode("utf-8")


def stale() -> list[str]:
    """What is out of date: forms compiled differently now, modules without a form."""
    forms = sorted(FORMS.glob("*.ui"))
    wanted = {target(f) for f in forms}
    problems = [
        f"{target(f).relative_to(ROOT)} is not compiled from {f.relative_to(ROOT)}"
        for f in forms
        if not target(f).is_file() or target(f).read_bytes() != compiled(f)
    ]
    problems += [
        f"{m.relative_to(ROOT)} has no form in ui/"
        for m in sorted(COMPILED.glob("ui_*.py"))
        if m not in wanted
    ]
    return problems


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        problems = stale()
        for problem in problems:
            print(f"{problem}: run packaging/compile_forms.py", file=sys.stderr)
        return 1 if problems else 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    COMPILED.mkdir(parents=True, exist_ok=True)
    forms = sorted(FORMS.glob("*.ui"))
    for form in forms:
        target(form).write_bytes(compiled(form))
        print(f"compiled {form.relative_to(ROOT)} -> {target(form).relative_to(ROOT)}")
    for module in sorted(COMPILED.glob("ui_*.py")):
        if module not in {target(f) for f in forms}:
            module.unlink()
            print(f"removed {module.relative_to(ROOT)} (its form is gone)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
