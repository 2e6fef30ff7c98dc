"""`pmdesk merge BASE MINE THEIRS -o OUT`: exit 0 with a merged file, or exit 1
with a conflict report a person can read and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.ops import Remove, Update
from tests.core.merge_helpers import by_key, copies, edit


@pytest.fixture
def base(tmp_path: Path) -> Path:
    path = tmp_path / "base.pmdesk"
    write_sample(path, "en")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_conflicts_are_reported_by_key_field_and_both_values(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    rows = by_key(base)
    crm3, crm8 = rows["CRM-3"]["uid"], rows["CRM-8"]["uid"]
    edit(mine, "Li", Update("requirement", crm3, {"title": "Card, mine"}))
    edit(theirs, "Wang", Update("requirement", crm3, {"title": "Card, theirs"}))
    edit(mine, "Li", Remove((("requirement", crm8),)))
    edit(theirs, "Wang", Update("requirement", crm8, {"status": "review"}))
    out = base.with_name("out.pmdesk")
    code, stdout, err = run(capsys, "merge", base, mine, theirs, "-o", out)
    assert code == 1
    assert stdout.splitlines() == [
        "CRM-3: title",
        "    mine:   “Card, mine”",
        "    theirs: “Card, theirs”",
        "CRM-8: deleted in mine; theirs changed status",
    ]
    assert err.count("\n") == 1 and "2 conflicts" in err and "--prefer" in err
    assert not out.exists()

    code, stdout, _ = run(capsys, "merge", base, mine, theirs, "-o", out, "--prefer", "theirs")
    assert code == 0 and "Merged" in stdout
    assert stdout.splitlines()[:2] == [
        "settled: CRM-3: title from theirs (mine had “Card, mine”)",
        "settled: CRM-8: kept (theirs)",
    ]
    merged = by_key(out)
    assert merged["CRM-3"]["title"] == "Card, theirs" and merged["CRM-8"]["status"] == "review"


def test_bad_inputs_get_one_sentence(
    base: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    code, _, err = run(capsys, "merge", base, base, text, "-o", tmp_path / "o.pmdesk")
    assert code == 2 and "notes.txt is a text file" in err and "Traceback" not in err
    code, _, err = run(capsys, "merge", base, base, base, "-o", tmp_path / "o.docx")
    assert code == 2 and ".pmdesk" in err
    assert not (tmp_path / "o.pmdesk").exists()


def test_arguments_in_the_wrong_order_are_refused(
    base: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine, theirs = copies(base, "mine", "theirs")
    crm3 = by_key(base)["CRM-3"]["uid"]
    edit(mine, "Li", Update("requirement", crm3, {"title": "Mine"}))
    out = base.with_name("out.pmdesk")
    code, _, err = run(capsys, "merge", mine, base, theirs, "-o", out)  # MINE given as BASE
    assert code == 2 and "is not the version both copies started from" in err
    assert not out.exists()
