"""Helpers of the interchange tests: run the command line, read a project back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pmdesk.cli import main
from pmdesk.core.project import Project

Json = dict[str, Any]


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def snapshot_of(path: Path) -> Json:
    with Project.view(path) as project:
        return project.snapshot()


def flat(snapshot: Json) -> list[tuple[Json, str | None]]:
    """Every requirement in tree order with its parent's key."""
    found: list[tuple[Json, str | None]] = []

    def walk(nodes: list[Json], parent: str | None) -> None:
        for node in nodes:
            found.append((node, parent))
            walk(node.get("children", []), node["key"])

    walk(snapshot["requirements"], None)
    return found


def by_title(snapshot: Json) -> dict[str, tuple[Json, str | None]]:
    return {node["title"]: (node, parent) for node, parent in flat(snapshot)}
