"""Snapshots (a **contract**) that must be refused, each with one sentence: what
is not JSON at all by line and column, a value JSON does not hold (NaN,
1e400, a lone surrogate, nesting too deep) or a snapshot may
not by its JSON path; and a baseline whose frozen snapshot is damaged, in a
snapshot or in a project file, is named instead of breaking every export."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.core.errors import PmdeskError, SnapshotError
from pmdesk.core.snapshot.convert import loads
from tests.damaged_files import sample_project

LINES = '{\n  "pmdesk_snapshot": 1,\n  "requirements": [{"title": "x", "rice": {"reach": %s}}]\n}\n'
COLUMN = LINES.splitlines()[2].index("%s") + 1  # where the bad value starts, on line 3


def refusal(text: str | bytes) -> str:
    with pytest.raises(SnapshotError) as caught:
        loads(text)
    said = str(caught.value)
    assert "\n" not in said, said
    return said


@pytest.mark.parametrize(
    ("value", "detail"),
    [
        ("NaN", "NaN is not a number JSON allows"),
        ("Infinity", "Infinity is not a number JSON allows"),
        ("-Infinity", "Infinity is not a number JSON allows"),
        ("1e400", "the number is too large"),
        ("-1e400", "the number is too large"),
        ('"\\ud800"', "a lone surrogate (\\ud800-\\udfff) is not a character"),
    ],
)
def test_what_json_does_not_allow_is_refused_with_its_json_path(value: str, detail: str) -> None:
    """The user fixing the file learns which field, and where the first one is."""
    said = refusal(LINES % value)
    column = COLUMN + (1 if value[0] == '"' else 0)  # at the value; at the escape
    assert said == f"requirements[0].rice.reach: {detail} (line 3, column {column})", said


def test_every_value_json_does_not_allow_is_named() -> None:
    text = (
        '{"pmdesk_snapshot": 1, "notes": {"a\\udc00b": 1},\n'
        '"requirements": [{"title": "x"}, {"title": "\\ud800", "rice": {"effort": Infinity}}],\n'
        '"history": [{"old": [1, NaN]}]}'
    )
    said = refusal(text)
    assert said == (
        'notes."a\\udc00b": a lone surrogate (\\ud800-\\udfff) is not a character '
        "(in the field name) (line 1, column 36); "
        "requirements[1].title: a lone surrogate (\\ud800-\\udfff) is not a character; "
        "requirements[1].rice.effort: Infinity is not a number JSON allows; "
        "history[0].old[1]: NaN is not a number JSON allows"
    ), said


def test_a_bad_value_beside_a_syntax_error_is_said_by_line_and_column() -> None:
    said = refusal('{"pmdesk_snapshot": 1,\n "requirements": [{"title": NaN}}')
    assert said == (
        "The snapshot is not valid JSON (line 2, column 29: NaN is not a number JSON allows)."
    ), said


def test_truncated_json_is_refused_with_line_and_column() -> None:
    said = refusal('{"pmdesk_snapshot": 1,\n "requirements": [{"title": "x"')
    assert said.startswith("The snapshot is not valid JSON (line 2, column "), said


def test_invalid_utf8_is_refused_with_line_and_column() -> None:
    text = (LINES % '"ab\xff"').encode("latin-1")
    said = refusal(text)
    assert said == (
        f"The snapshot is not UTF-8 text (line 3, column {COLUMN + 3}), so it is not a snapshot."
    )


@pytest.mark.parametrize("depth", [200, 1000, 1100, 5000])
@pytest.mark.parametrize(
    ("where", "path"),
    [
        ("rice", "requirements[0].rice"),
        ("history", "history[0].old"),
        ("unknown", "notes"),
        ("baseline", "baselines[0].snapshot.requirements[0].title"),
    ],
)
def test_nesting_a_thousand_deep_is_refused_with_its_json_path(
    depth: int, where: str, path: str
) -> None:
    deep = "[" * depth + "]" * depth
    body = {
        "rice": '"requirements": [{"title": "x", "rice": DEEP}]',
        "history": '"history": [{"old": DEEP}]',
        "unknown": '"notes": DEEP',
        "baseline": '"baselines": [{"name": "b", "snapshot": {"pmdesk_snapshot": 1, '
        '"requirements": [{"title": DEEP}]}}]',
    }[where].replace("DEEP", deep)
    text = '{\n"pmdesk_snapshot": 1,\n' + body + "\n}"
    said = refusal(text)
    line3 = text.splitlines()[2]
    column = line3.index("[" * 10) + 1  # the first of the deep brackets …
    opened = line3[:column].count("[") + line3[:column].count("{")
    column += 128 - opened  # … and the one that goes past 128 levels
    assert said == (
        f"{path}: lists or objects are nested more than 128 levels deep (line 3, column {column})"
    ), said


def test_a_chain_of_objects_too_deep_is_named_by_its_first_fields() -> None:
    text = '{"pmdesk_snapshot": 1, "notes": ' + '{"a": ' * 300 + "1" + "}" * 300 + "}"
    said = refusal(text)
    assert said.startswith("notes.a.a.a.a.a.a.a.a.a.a.a…: lists or objects are nested"), said


def test_a_top_level_list_too_deep_is_said_by_line_and_column() -> None:
    said = refusal("[" * 2000 + "]" * 2000)
    assert said == (
        "The snapshot nests lists or objects more than 128 levels deep "
        "(line 1, column 129), so it is not a snapshot."
    ), said


def test_a_large_good_snapshot_is_read_without_the_slow_parse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import pmdesk.core.snapshot.check as check

    def slow(text: object) -> None:
        raise AssertionError("the lenient parse ran on a good snapshot")

    monkeypatch.setattr(check, "bad_values", slow)
    rows = ", ".join(f'{{"title": "r{i}", "rice": {{"reach": {i}.5}}}}' for i in range(2000))
    assert len(loads('{"pmdesk_snapshot": 1, "requirements": [' + rows + "]}")["requirements"])


def test_a_stored_baseline_with_nan_is_named_by_path(tmp_path: Path) -> None:
    from pmdesk.core.snapshot.baselines import read_frozen

    with pytest.raises(PmdeskError) as caught:
        read_frozen('{"pmdesk_snapshot":1,"requirements":[{"rice":{"reach":NaN}}]}', "v1")
    assert str(caught.value) == (
        "The baseline “v1” is damaged: its frozen copy of the project cannot be read "
        "(requirements[0].rice.reach: NaN is not a number JSON allows (line 1, column 55)). "
        "Delete the baseline, or open a backup of the project."
    )


def test_pmdesk_snapshot_true_is_not_version_1() -> None:
    assert refusal('{"pmdesk_snapshot": true}') == (
        "pmdesk_snapshot: true is not a snapshot version."
    )


def test_a_key_with_a_newline_is_refused() -> None:
    said = refusal('{"pmdesk_snapshot": 1, "requirements": [{"key": "REQ-1\\n", "title": "x"}]}')
    assert said == "requirements[0].key: 'REQ-1\\n' is not a key like REQ-42"


def test_a_field_name_with_a_newline_is_shown_on_one_line() -> None:
    said = refusal('{"pmdesk_snapshot": 1, "project": {"title\\nx": "t"}}')
    assert said == 'project."title\\nx": is not a field of a project'


@pytest.mark.parametrize(
    ("frozen", "expected"),
    [
        ('"garbage"', "baselines[0].snapshot: expected an object, found a text"),
        ("{}", "baselines[0].snapshot.pmdesk_snapshot: null is not 1"),
        (
            '{"pmdesk_snapshot": 1, "requirements": "garbage"}',
            "baselines[0].snapshot.requirements: expected a list, found a text",
        ),
        (
            '{"pmdesk_snapshot": 1, "requirements": [{"priority": "urgent"}]}',
            "baselines[0].snapshot.requirements[0].priority: 'urgent' is not one of "
            "must, should, could, wont",
        ),
        (
            '{"pmdesk_snapshot": 1, "baselines": []}',
            "baselines[0].snapshot.baselines: is not a part of a snapshot",
        ),
    ],
)
def test_a_baseline_whose_frozen_snapshot_is_garbage_is_refused(frozen: str, expected: str) -> None:
    text = '{"pmdesk_snapshot": 1, "baselines": [{"name": "v1", "snapshot": FROZEN}]}'
    text = text.replace("FROZEN", frozen)
    assert refusal(text) == expected


def _project_with_damaged_baseline(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.pmdesk"
    sample_project(path)
    assert main(["baseline", str(path), "v1 评审版"]) == 0
    assert main(["baseline", str(path), "v2"]) == 0
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM baseline ORDER BY created_at")]
    conn.execute("UPDATE baseline SET snapshot = ? WHERE name = ?", (text, names[0]))
    conn.commit()
    conn.close()
    return path


DAMAGED = ["garbage", '{"pmdesk_snapshot": 1, "requirements": 5}', "[]"]


def _first_baseline(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("SELECT name FROM baseline ORDER BY created_at").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("stored", DAMAGED)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_prd_export_leaves_a_damaged_baseline_out_with_a_note(
    stored: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _project_with_damaged_baseline(tmp_path, stored)
    name = _first_baseline(path)
    out = tmp_path / "out.md"
    capsys.readouterr()
    code = main(["export", str(path), "--format", "md", "--lang", lang, "-o", str(out)])
    assert code == 0, capsys.readouterr().err
    text = out.read_text(encoding="utf-8")
    note = {
        "en": f"The baseline “{name}” is damaged and left out (",
        "zh": f"基线「{name}」已损坏，未列入（",
    }[lang]
    assert note in text
    assert "| v2 |" in text  # the sound baseline is still in the revision history


@pytest.mark.parametrize("stored", DAMAGED)
def test_a_docx_export_leaves_a_damaged_baseline_out(
    stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    path = _project_with_damaged_baseline(tmp_path, stored)
    out = tmp_path / "out.docx"
    assert main(["export", str(path), "--format", "docx", "-o", str(out)]) == 0
    paragraphs = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert f"“{_first_baseline(path)}” is damaged and left out" in paragraphs
    capsys.readouterr()


@pytest.mark.parametrize("stored", DAMAGED)
@pytest.mark.parametrize(
    "argv", [["--format", "json"], ["--format", "md", "--baseline", "v1 评审版"]]
)
def test_an_export_that_needs_the_damaged_baseline_names_it(
    stored: str, argv: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The JSON snapshot is lossless and cannot leave it out; changes since it
    cannot be listed."""
    path = _project_with_damaged_baseline(tmp_path, stored)
    capsys.readouterr()
    suffix = argv[1]
    code = main(["export", str(path), *argv, "-o", str(tmp_path / f"out.{suffix}")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("pmdesk: The baseline “v1 评审版” is damaged: ")
    assert err.endswith(" Delete the baseline, or open a backup of the project.\n")
    assert "internal error" not in err and err.count("\n") == 1


def test_the_baseline_list_still_works_with_a_damaged_baseline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _project_with_damaged_baseline(tmp_path, "garbage")
    capsys.readouterr()
    assert main(["baseline", str(path), "--list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line.split("  ")[0] for line in listed] == ["v1 评审版", "v2"]


def test_a_damaged_baseline_is_named_by_the_core(tmp_path: Path) -> None:
    from pmdesk.core.snapshot.compare import baselines
    from pmdesk.core.storage.projectfile import open_readonly

    path = _project_with_damaged_baseline(tmp_path, json.dumps({"pmdesk_snapshot": True}))
    store = open_readonly(path)
    try:
        with store.engine.connect() as conn, pytest.raises(PmdeskError) as caught:
            baselines(conn)
    finally:
        store.dispose()
    assert caught.value.code == "baseline.damaged"
    assert "pmdesk_snapshot: true is not 1" in str(caught.value)
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_a_new_baseline_can_be_made_beside_a_damaged_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _project_with_damaged_baseline(tmp_path, "garbage")
    capsys.readouterr()
    assert main(["baseline", str(path), "v3"]) == 0, capsys.readouterr().err
    assert "Created baseline “v3”" in capsys.readouterr().out


def test_a_huge_text_is_not_read_a_second_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the limit the lenient parse (several times the text in memory) is
    skipped: the first bad value is said by line and column."""
    import pmdesk.core.snapshot.json_errors as lenient

    monkeypatch.setattr(lenient, "LENIENT_LIMIT", 10)
    said = refusal(LINES % "NaN")
    detail = "NaN is not a number JSON allows"
    assert said == f"The snapshot is not valid JSON (line 3, column {COLUMN}: {detail}).", said
