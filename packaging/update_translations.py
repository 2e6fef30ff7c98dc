"""Refresh the Qt Linguist sources from the code and compile them.

    python packaging/update_translations.py

1. `pyside6-lupdate` collects every `tr()`/`translate()` string of pmdesk/app into
   resources/translations/pmdesk_<lang>.ts, keeping existing translations.
2. `pyside6-lrelease` compiles each .ts to the .qm file pmdesk loads at run time.

Translate new strings in Qt Linguist (or by editing the .ts) and mark them
finished: lrelease drops unfinished ones. tests/app/test_translations.py fails
when a string has no zh_CN translation or a .qm is out of date.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def sources() -> list[Path]:
    return sorted((ROOT / "pmdesk" / "app").glob("*.py"))


def lupdate(ts: Path, language: str) -> None:
    files = [str(p.relative_to(ROOT)) for p in sources()]
    subprocess.run(
        ["pyside6-lupdate", "-no-obsolete", "-locations", "none", "-target-language", language,
         *files, "-ts", str(ts.relative_to(ROOT))],
        cwd=ROOT, check=True, capture_output=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(["pyside6-lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"pmdesk_{language}.ts"
        lupdate(ts, language)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
