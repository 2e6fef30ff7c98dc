"""Refresh the Qt Linguist sources from the code and compile them.

    python packaging/update_translations.py

1. `pyside6-lupdate` collects every `tr()`/`translate()` string of pmdesk/app, the
   texts of the Qt Designer forms in ui/, the core's sentences in
   pmdesk/core/messages.py and the names of its vocabulary (pmdesk/core/domain/vocabulary.py), into
   resources/translations/pmdesk_<lang>.ts, keeping existing translations.
2. `pyside6-lrelease` compiles each .ts to the .qm file pmdesk loads at run time.

Translate new strings in Qt Linguist (or by editing the .ts) and mark them
finished: lrelease drops unfinished ones. tests/app/test_translations.py fails
when a string has no zh_CN translation or a .qm is out of date.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN", "en")


def qt_tool(name: str) -> str:
    """`pyside6-lupdate` and friends: the ones beside this Python (its venv's
    bin/ or Scripts/, which need not be on PATH), else whatever PATH has."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    return shutil.which(name) or name


def sources() -> list[Path]:
    # The core's sentences (marked with QT_TRANSLATE_NOOP, the core imports no Qt)
    # are shown by the app in the UI language.
    # The forms' texts are read from ui/*.ui, not from their compiled modules.
    # The names of the vocabulary's values (context "Labels") are the core's too.
    # The compiled forms (app/forms) are left out: their texts are the .ui files'.
    return [
        *sorted(p for p in (ROOT / "pmdesk" / "app").rglob("*.py") if "forms" not in p.parts),
        *sorted((ROOT / "ui").glob("*.ui")),
        ROOT / "pmdesk/core/messages.py",
        ROOT / "pmdesk/core/domain/vocabulary.py",
    ]


def lupdate(ts: Path, language: str) -> None:
    files = [str(p.relative_to(ROOT)) for p in sources()]
    subprocess.run(
        [qt_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", "-target-language", language,
         *files, "-ts", str(ts.relative_to(ROOT))],
        cwd=ROOT, check=True, capture_output=True,
    )


def fill(ts: Path, language: str) -> list[str]:
    """Give unfinished messages a translation: zh_CN from zh_CN_strings.py, en the
    English source itself. Returns the messages still without a translation."""
    sys.path.insert(0, str(Path(__file__).parent))
    sys.path.insert(0, str(ROOT))
    from zh_CN_strings import ZH_CN

    from pmdesk.core.domain.vocabulary import (
        KANO_CATEGORY,
        KANO_CATEGORY_TERMS,
        LABELS,
        all_terms,
    )

    # The vocabulary's names carry their Chinese with them (pmdesk.core.domain.vocabulary).
    chinese = {(LABELS, term.en): term.zh for term in all_terms()} | ZH_CN
    chinese |= {(KANO_CATEGORY, term.en): term.zh for term in KANO_CATEGORY_TERMS.values()}

    tree = ET.parse(ts)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            assert translation is not None
            # pyside6-lupdate marks plurals of tr() only; translate(ctx, text, "", n)
            # is a plural too: mark it and fill its forms.
            if "%n" in source and message.get("numerus") != "yes":
                message.set("numerus", "yes")
                translation.set("type", "unfinished")
                translation.text = None
            if translation.get("type") not in ("unfinished", None) or (
                translation.get("type") is None and (translation.text or len(translation))
            ):
                continue
            text = source if language == "en" else chinese.get((name, source))
            if text is None:
                missing.append(f"{name}: {source}")
                continue
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                for child in list(translation):
                    translation.remove(child)
                # "%n item(s)": item, items; "%n stor(y|ies)": story, stories.
                one, many = (re.sub(r"\(([^()|]*)\|([^()|]*)\)", g, source) for g in (r"\1", r"\2"))
                forms = [one.replace("(s)", ""), many.replace("(s)", "s")]
                for form in forms if language == "en" else [text]:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    return missing


def lrelease(ts: Path, qm: Path) -> None:
    # Compile beside it and rename: a running pmdesk maps the .qm into memory, and
    # rewriting that file in place would crash it (SIGBUS).
    tmp = qm.with_suffix(".qm.tmp")
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(tmp)], check=True)
    os.replace(tmp, qm)


def main() -> int:
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"pmdesk_{language}.ts"
        lupdate(ts, language)
        missing = fill(ts, language)
        lrelease(ts, ts.with_suffix(".qm"))
        print(f"updated {ts.relative_to(ROOT)}")
        for item in missing:
            print(f"  needs a translation: {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
