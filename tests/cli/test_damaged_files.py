"""Every damaged-file kind (tests/damaged_files.py) × every command that reads a
project file: one clear sentence naming the file (exit 1 or 2), never an
internal error; a file that still holds a whole project (a `-wal`, a hot
journal, a dropped index) is read correctly. A command that only reads never
changes the file or anything beside it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from pmdesk.cli import main
from pmdesk.core.queries.requirements import counts, project_info
from pmdesk.core.storage.projectfile import open_readonly
from tests.damaged_files import (
    KINDS,
    WAL_TITLE,
    WRITE_PROTECTED,
    readable,
    sample_project,
    side_files,
    state,
)

REPO = Path(__file__).resolve().parents[2]
NAME = "plan.pmdesk"
MERGED = "m.pmdesk"
RAW_WORDS = ("internal error", "Traceback", "SQL", "sqlite", "OperationalError", "malformed")

Command = Callable[[Path, Path, Path], list[str]]

COMMANDS: dict[str, Command] = {
    "info": lambda f, h, out: ["info", str(f)],
    "check": lambda f, h, out: ["check", str(f)],
    "export-md": lambda f, h, out: ["export", str(f), "--format", "md", "-o", str(out / "o.md")],
    "export-docx": lambda f, h, out: [
        "export",
        str(f),
        "--format",
        "docx",
        "-o",
        str(out / "o.docx"),
    ],
    "export-json": lambda f, h, out: [
        "export",
        str(f),
        "--format",
        "json",
        "-o",
        str(out / "o.json"),
    ],
    "baseline": lambda f, h, out: ["baseline", str(f), "v9"],
    "baseline-list": lambda f, h, out: ["baseline", str(f), "--list"],
    "merge-base": lambda f, h, out: ["merge", str(f), str(h), str(h), "-o", str(out / MERGED)],
    "merge-mine": lambda f, h, out: ["merge", str(h), str(f), str(h), "-o", str(out / MERGED)],
    "merge-theirs": lambda f, h, out: ["merge", str(h), str(h), str(f), "-o", str(out / MERGED)],
    "import": lambda f, h, out: ["import", str(out / "new.pmdesk"), "--from", str(f)],
}
WRITES = {"baseline"}


@pytest.fixture(scope="module")
def healthy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("healthy") / "healthy.pmdesk"
    sample_project(path)
    return path


def _title_and_count(path: Path) -> tuple[str, int, int]:
    store = open_readonly(path)
    try:
        with store.engine.connect() as conn:
            n = counts(conn)
            return project_info(conn).title, n.requirements, n.baselines
    finally:
        store.dispose()


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_damaged_file(
    kind: str,
    command: str,
    healthy: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / NAME
    shutil.copyfile(healthy, path)
    KINDS[kind](path)
    before = state(path)
    listed = sorted(p.name for p in folder.iterdir())
    out = tmp_path / "out"
    out.mkdir()

    code = main(COMMANDS[command](path, healthy, out))
    stdout, stderr = capsys.readouterr()

    for word in RAW_WORDS:
        assert word not in stderr, stderr
    ok = readable(kind) and command != "import"
    if command in WRITES and ok and kind in WRITE_PROTECTED:
        assert code == 2
        assert stderr == (
            f"pmdesk: {NAME} is write-protected, so pmdesk leaves it as it is: "
            "make it writable first, or write another file.\n"
        )
        assert state(path) == before
        assert sorted(p.name for p in folder.iterdir()) == listed
        return
    if command in WRITES and ok:
        assert code == 0, stderr
        # A new version of the project, whole, and nothing stale beside it.
        title, requirements, baselines = _title_and_count(path)
        healthy_title, healthy_requirements, healthy_baselines = _title_and_count(healthy)
        assert title == (WAL_TITLE if kind == "wal_unmerged" else healthy_title)
        assert (requirements, baselines) == (healthy_requirements, healthy_baselines + 1)
        assert side_files(path) == dict.fromkeys(side_files(path))
        assert sorted(p.name for p in folder.iterdir()) == [NAME]
        return
    assert state(path) == before, "a command that only reads changed the file or its side files"
    assert sorted(p.name for p in folder.iterdir()) == listed
    if ok:
        if command == "check" and kind == "drop_index":
            assert code == 1
            assert f"pmdesk: {NAME}: index ix_requirement_tree is missing" in stderr
            return
        assert code == 0, stderr
        if command == "info":
            expected = WAL_TITLE if kind == "wal_unmerged" else _title_and_count(healthy)[0]
            assert f"title:         {expected}\n" in stdout
        return
    assert code in (1, 2), stdout
    lines = stderr.strip().splitlines()
    assert lines, "refused without saying why"
    if command != "check":
        assert len(lines) == 1, stderr
    for line in lines:
        assert line.startswith("pmdesk: ") and NAME in line, stderr
        assert "Too many levels" not in line, stderr  # the system's words, not pmdesk's


def test_the_side_files_beside_a_read_file_are_the_ones_there_before(
    healthy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The matrix compares side files by content; a `-shm` that appears is new."""
    path = tmp_path / NAME
    shutil.copyfile(healthy, path)
    KINDS["wal_unmerged"](path)
    for argv in (["info", str(path)], ["check", str(path)], ["baseline", str(path), "--list"]):
        assert main(argv) == 0
        assert sorted(p.name for p in tmp_path.iterdir()) == [NAME, f"{NAME}-wal"]
    capsys.readouterr()


def test_baseline_list_refuses_a_file_without_its_requirement_table(
    healthy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / NAME
    shutil.copyfile(healthy, path)
    KINDS["drop_table_requirement"](path)
    assert main(["baseline", str(path), "--list"]) == 2
    assert capsys.readouterr().err == (
        f"pmdesk: {NAME} is damaged and cannot be read: its table requirement is missing.\n"
    )


@pytest.mark.parametrize("kind", ["hot_journal", "drop_table_history", "symlink_loop"])
def test_damaged_file_in_a_real_process(kind: str, healthy: Path, tmp_path: Path) -> None:
    """The same through the installed command: no traceback, one sentence."""
    path = tmp_path / NAME
    shutil.copyfile(healthy, path)
    KINDS[kind](path)
    before = state(path)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "pmdesk.cli", "export", str(path), "--format", "md", "-o", "out.md"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert state(path) == before
    if readable(kind):
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1 and NAME in result.stderr, result.stderr
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr


def test_a_2_gb_sparse_file_is_refused_as_a_snapshot_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(2 * 1024**3)
    started = time.monotonic()
    code = main(["import", str(tmp_path / "new.pmdesk"), "--from", str(big)])
    took = time.monotonic() - started
    assert code == 2
    said = capsys.readouterr().err
    assert said == "pmdesk: big.json is not UTF-8 text, so it is not a snapshot.\n"
    assert took < 1.0


def test_a_project_file_given_as_a_snapshot_is_named_as_such(
    healthy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["import", str(tmp_path / "new.pmdesk"), "--from", str(healthy)])
    assert code == 2
    assert capsys.readouterr().err == (
        "pmdesk: healthy.pmdesk is a database (maybe a pmdesk project), not a JSON snapshot.\n"
    )
