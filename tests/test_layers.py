"""The dependency direction app → export → core is enforced, not hoped for."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    ("modules", "forbidden"),
    [
        (
            "pmdesk.core.workingcopy, pmdesk.core.snapshot, pmdesk.core.importing, "
            "pmdesk.core.queries, pmdesk.core.templates, pmdesk.core.sample, pmdesk.commands, "
            "pmdesk.core.roadmap_layout, pmdesk.core.queries_roadmap",
            "PySide6",
        ),
        ("pmdesk.export, pmdesk.export.roadmap_picture", "PySide6.QtWidgets"),
    ],
)
def test_layer_does_not_import(modules: str, forbidden: str) -> None:
    code = f"import sys, {modules}; print({forbidden!r} in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_headless_commands_do_not_load_qt(tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = (
        "import sys; from pmdesk.cli import main; "
        f"rc = main(['new', {str(tmp_path / 'a.pmdesk')!r}]); "
        "print(rc, 'PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-2:] == ["0", "False"]


def test_opening_and_the_tree_do_not_load_the_database_layer() -> None:
    # The window paints an opening project's tree before SQLAlchemy's ~0.5 s of
    # imports (see pmdesk/core/tree_read.py): nothing on that path may pull it in.
    code = (
        "import sys, pmdesk.app.launch, pmdesk.app.opening, pmdesk.app.tree_pane; "
        "print(sorted(m for m in ('sqlalchemy', 'markdown', 'alembic') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
