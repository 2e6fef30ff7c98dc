"""Shared fixtures. Qt runs offscreen; every test gets its own pmdesk data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt
# Hypothesis keeps its files (found examples, Unicode tables) under tests/, not at
# the top level, which is fixed; read before its first use of them.
os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(os.path.dirname(__file__), ".hypothesis")
)

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Connection

from pmdesk.core.newproject.sample import write_sample
from pmdesk.core.storage.projectfile import new_project, open_readonly
from pmdesk.core.storage.workingcopy import WorkingCopy

REPO = Path(__file__).resolve().parent.parent

# CI (CI=true) draws the same examples on every run, so a red build means a change
# broke something; runs at a desk keep exploring and keep what they find in
# tests/.hypothesis, replayed first next time.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")
_QAPP: object = None


def pytest_configure(config: pytest.Config) -> None:
    """One QApplication for the whole run, made before any test: a command-line
    test that exports the roadmap picture would otherwise leave a plain
    QGuiApplication (all the CLI needs, and all it may import), on which no
    window of a later test can be built. The CLI's own import rules are checked
    in fresh processes (tests/test_layers.py)."""
    global _QAPP
    try:
        from PySide6.QtWidgets import QApplication
    except ImportError:  # the core tests run without Qt
        return
    _QAPP = QApplication.instance() or QApplication(["pmdesk-tests"])


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder, so tests never touch the user's working copies."""
    folder = tmp_path / "pmdesk-data"
    monkeypatch.setenv("PMDESK_DATA_DIR", str(folder))
    monkeypatch.setenv("PMDESK_USER", "测试员")
    return folder


@pytest.fixture
def project_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.pmdesk"
    new_project(path, title="测试项目", key_prefix="REQ")
    return path


@pytest.fixture
def working_copy(project_file: Path, data_dir: Path) -> Iterator[WorkingCopy]:
    wc = WorkingCopy.open(project_file, data_dir=data_dir)
    yield wc
    wc.close(discard=True)


@pytest.fixture(scope="module")
def sample_conn(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connection]:
    """A read-only connection to the bundled Chinese sample, shared by a module."""
    path = tmp_path_factory.mktemp("sample") / "crm.pmdesk"
    write_sample(path, "zh")
    store = open_readonly(path)
    try:
        with store.engine.connect() as conn:
            yield conn
    finally:
        store.dispose()
