"""The dependency direction cli → app | cli_commands → export → core is enforced, not hoped for.

import-linter checks it over every import (pyproject.toml [tool.importlinter],
also run by .ci/run as `lint-imports`); the tests below it check what only a
run can show: which modules a headless command or an opening window loads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTRACTS = (
    "The cli above the window and the headless commands, above export, above core",
    "Core never imports Qt",
    "Export and the headless commands never import Qt's widgets",
    "No import cycles inside core, export or the window",
    "Core's subpackages in layers",
)

LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"


def lint_imports(cwd: Path) -> str:
    """Run import-linter on the contracts in `cwd`/pyproject.toml, on `cwd`'s pmdesk."""
    env = {**os.environ, "PYTHONPATH": str(cwd)}
    out = subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS, "--no-logo", "--no-cache"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return out.stdout + out.stderr


def test_the_import_contracts_are_kept() -> None:
    # Every import counts, those inside functions too (pyproject.toml [tool.importlinter]).
    report = lint_imports(ROOT)
    assert [f"{name} KEPT" in report for name in CONTRACTS] == [True] * len(CONTRACTS), report
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in report, report


def _add_import(path: Path, statement: str) -> None:
    # Inside a function, where a hand-picked runtime import check would not see it.
    text = path.read_text(encoding="utf-8")
    path.write_text(f"{text}\n\ndef _sneaky() -> None:\n    {statement}\n", encoding="utf-8")


def test_each_contract_catches_a_breach(tmp_path: Path) -> None:
    shutil.copytree(
        ROOT / "pmdesk", tmp_path / "pmdesk", ignore=shutil.ignore_patterns("__pycache__")
    )
    (tmp_path / "tests").mkdir()
    for name in ("__init__.py", "import_contracts.py"):
        shutil.copy(ROOT / "tests" / name, tmp_path / "tests" / name)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    assert "0 broken" in lint_imports(tmp_path)

    core, export = tmp_path / "pmdesk" / "core", tmp_path / "pmdesk" / "export"
    _add_import(core / "clock.py", "from pmdesk.export import labels")  # core above export
    _add_import(core / "messages.py", "import PySide6.QtCore")
    _add_import(export / "table_widths.py", "from PySide6 import QtWidgets")
    # A cycle, and the bottom of core reaching up to the store.
    _add_import(core / "errors.py", "from pmdesk.core.storage.store import ProjectStore")
    report = lint_imports(tmp_path)
    assert [f"{name} BROKEN" in report for name in CONTRACTS] == [True] * len(CONTRACTS), report
    assert "pmdesk.core.clock -> pmdesk.export.labels" in report
    assert "pmdesk.core.messages -> PySide6" in report
    assert "pmdesk.export.table_widths -> PySide6.QtWidgets" in report
    assert "pmdesk.cli_commands -> " in report  # the commands reach it through the export


def test_headless_commands_do_not_load_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from pmdesk.cli import main; "
        f"rc = main(['new', {str(tmp_path / 'a.pmdesk')!r}]); "
        "print(rc, 'PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-2:] == ["0", "False"]


def test_opening_and_the_tree_do_not_load_the_database_layer() -> None:
    # The window paints an opening project's tree before SQLAlchemy's ~0.5 s of
    # imports (see pmdesk/core/storage/tree_read.py): nothing on that path may pull it in.
    code = (
        "import sys, pmdesk.app.launch, pmdesk.app.opening, pmdesk.app.tree.pane; "
        "print(sorted(m for m in ('sqlalchemy', 'markdown_it', 'alembic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
