"""The command line contract: exit codes, one clear sentence, files untouched."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pmdesk import __version__
from pmdesk.cli import main
from pmdesk.core.project import Project
from pmdesk.core.storage.fileformat import SCHEMA_VERSION


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def one_sentence(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("pmdesk: ")
    return lines[0]


def test_sample_export_import_export_gives_identical_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    os.chdir(tmp_path)
    assert run(capsys, "sample", "a.pmdesk")[0] == 0
    assert run(capsys, "export", "a.pmdesk", "--format", "json", "-o", "a.json")[0] == 0
    assert run(capsys, "import", "b.pmdesk", "--from", "a.json")[0] == 0
    assert run(capsys, "export", "b.pmdesk", "--format", "json", "-o", "b.json")[0] == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert len(json.loads((tmp_path / "a.json").read_text())["sections"]) >= 8


def test_new_info_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "p.pmdesk"
    code, out, _ = run(capsys, "new", path, "--title", "移动端改版", "--template", "prd-zh")
    assert code == 0
    code, out, _ = run(capsys, "info", path)
    assert code == 0
    assert (
        "移动端改版" in out
        and f"schema:        {SCHEMA_VERSION}" in out
        and "sections:      10" in out
    )
    code, out, _ = run(capsys, "check", path)
    assert (code, out.strip()) == (0, "p.pmdesk: ok")


def test_new_with_product_prefix_and_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "p.pmdesk"
    code, _, err = run(
        capsys, "new", path, "--title", "CRM PRD", "--product", "Acme CRM",
        "--prefix", "CRM", "--lang", "en", "--template", "prd-zh",
    )  # fmt: skip
    assert (code, err) == (0, "")
    with Project.view(path) as view:
        info = view.info()
    assert (info.title, info.product, info.key_prefix, info.language) == (
        "CRM PRD", "Acme CRM", "CRM", "en",
    )  # fmt: skip
    code, _, err = run(capsys, "new", tmp_path / "q.pmdesk", "--prefix", "需 求")
    assert code == 2 and "需 求" in err and "Traceback" not in err
    assert not (tmp_path / "q.pmdesk").exists()


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert capsys.readouterr().out.strip() == f"pmdesk {__version__}"
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("new", "sample", "info", "check", "export", "import"):
        assert command in out


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", "x.pmdesk")
    assert code == 2 and "required" in one_sentence(err)
    code, _, err = run(capsys, "frobnicate", "x")
    assert code == 2 and "unknown command" in one_sentence(err)


def _sqlite_of_another_app(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()


def _newer_schema(path: Path) -> None:
    main(["new", str(path)])
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=99")
    conn.commit()
    conn.close()


def _truncated(path: Path) -> None:
    main(["sample", str(path)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _damaged(path: Path) -> None:
    main(["sample", str(path)])
    data = bytearray(path.read_bytes())
    page = 4096
    for p in range(1, len(data) // page):  # garble every page but the header page
        data[p * page + 8 : p * page + 400] = os.urandom(392)
    path.write_bytes(bytes(data))


BAD_INPUTS = {
    "missing": (None, "does not exist"),
    "directory": (lambda p: p.mkdir(), "is a folder"),
    "text": (lambda p: p.write_text("# 需求清单\n- 登录\n", encoding="utf-8"), "text file"),
    "random": (lambda p: p.write_bytes(os.urandom(5000)), "not a pmdesk project"),
    "empty": (lambda p: p.write_bytes(b""), "is empty"),
    "other_sqlite": (_sqlite_of_another_app, "another application"),
    "truncated": (_truncated, "damaged"),
    "damaged": (_damaged, "damaged"),
    "newer": (_newer_schema, "newer pmdesk"),
}


@pytest.mark.parametrize("command", ["info", "check", "export"])
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_project_files_give_one_sentence_exit_2_and_stay_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, command: str
) -> None:
    path = tmp_path / "bad.pmdesk"
    make, expected = BAD_INPUTS[case]
    if make is not None:
        make(path)
    capsys.readouterr()
    before = path.read_bytes() if path.is_file() else None
    extra = ["--format", "json", "-o", str(tmp_path / "out.json")] if command == "export" else []
    code, _, err = run(capsys, command, path, *extra)
    if command == "check" and case == "damaged" and code == 1:
        # check read the file and reported its problems: that is its job (exit 1).
        assert "pmdesk: bad.pmdesk:" in err
    else:
        assert code == 2
        assert expected in one_sentence(err)
    assert (path.read_bytes() if path.is_file() else None) == before
    assert not (tmp_path / "out.json").exists()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in ("bad.pmdesk",)]
    assert leftovers == [], leftovers


def test_unwritable_targets(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "sample", tmp_path / "a.pmdesk")
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(
        capsys, "export", tmp_path / "a.pmdesk", "--format", "json", "-o", blocker / "a.json"
    )
    assert code == 2 and "not a folder" in one_sentence(err)
    code, _, err = run(capsys, "new", tmp_path / "missing" / "b.pmdesk")
    assert code == 2 and "does not exist" in one_sentence(err)
    code, _, err = run(capsys, "export", tmp_path / "a.pmdesk", "--format", "json", "-o", tmp_path)
    assert code == 2 and "folder" in one_sentence(err)
    code, _, err = run(capsys, "new", "/proc/pmdesk-test.pmdesk")
    assert code == 2 and "Cannot write" in one_sentence(err)


def test_import_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"pmdesk_snapshot": 1, "requirements": [{"priority": "urgent"}]}')
    code, _, err = run(capsys, "import", tmp_path / "n.pmdesk", "--from", bad)
    assert code == 2
    assert "requirements[0].priority: 'urgent' is not one of" in one_sentence(err)
    assert not (tmp_path / "n.pmdesk").exists()
    (tmp_path / "latin1.json").write_bytes('{"x": "caf\xe9"}'.encode("latin-1"))
    code, _, err = run(capsys, "import", tmp_path / "n.pmdesk", "--from", tmp_path / "latin1.json")
    assert code == 2 and "not UTF-8" in one_sentence(err)
    code, _, err = run(capsys, "import", tmp_path / "n.txt", "--from", bad)
    assert code == 2 and "must end in .pmdesk" in one_sentence(err)


def test_real_process_never_prints_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "x.pmdesk").write_bytes(os.urandom(300))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PMDESK_DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "pmdesk", "info", str(tmp_path / "x.pmdesk")],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "pmdesk: x.pmdesk is not a pmdesk project (it is not a database at all)."
    )


def test_export_to_stdout_and_special_files(
    tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    main(["sample", str(tmp_path / "a.pmdesk")])
    capsysbinary.readouterr()
    assert main(["export", str(tmp_path / "a.pmdesk"), "--format", "json", "-o", "-"]) == 0
    out = capsysbinary.readouterr().out
    assert json.loads(out.decode("utf-8"))["pmdesk_snapshot"] == 1
    fifo = tmp_path / "pipe.pmdesk"
    os.mkfifo(fifo)
    assert main(["info", str(fifo)]) == 2
    assert b"not a regular file" in capsysbinary.readouterr().err
    # Through a symlink the linked file is replaced; the link stays a link.
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert main(["export", str(tmp_path / "a.pmdesk"), "--format", "json", "-o", str(link)]) == 0
    assert link.is_symlink() and json.loads(real.read_text())["pmdesk_snapshot"] == 1


def test_save_keeps_the_files_permissions(tmp_path: Path, data_dir: Path) -> None:
    from pmdesk.core.storage.workingcopy import WorkingCopy

    path = tmp_path / "shared.pmdesk"
    main(["sample", str(path)])
    os.chmod(path, 0o660)
    wc = WorkingCopy.open(path, data_dir=data_dir)
    wc.save(overwrite_changes=True)
    wc.close()
    assert path.stat().st_mode & 0o777 == 0o660


def test_names_the_system_refuses_and_deep_nesting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "new", tmp_path / ("x" * 300 + ".pmdesk"))
    assert code == 2 and "too long" in one_sentence(err).lower()
    node: dict[str, object] = {"title": "leaf"}
    for _ in range(60):
        node = {"title": "level", "children": [node]}
    deep = tmp_path / "deep.json"
    deep.write_text(json.dumps({"pmdesk_snapshot": 1, "requirements": [node]}))
    code, _, err = run(capsys, "import", tmp_path / "deep.pmdesk", "--from", deep)
    assert code == 2 and "nested deeper than 50 levels" in one_sentence(err)
    assert not (tmp_path / "deep.pmdesk").exists()


def test_a_markdown_export_into_a_missing_folder_names_the_md(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pictures written beside the .md come first; the sentence still names the
    file the user asked for, not a picture they never named, and nothing is left."""
    project = tmp_path / "crm.pmdesk"
    assert main(["sample", str(project)]) == 0
    out = tmp_path / "missing" / "prd.md"
    assert main(["export", str(project), "--format", "md", "-o", str(out)]) != 0
    error = capsys.readouterr().err
    assert "prd.md" in error and "roadmap.png" not in error
    assert not (tmp_path / "missing").exists()
