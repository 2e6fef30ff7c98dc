"""Shared fixtures. Qt runs offscreen; every test gets its own pmdesk data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection

from pmdesk.core.projectfile import new_project, open_readonly
from pmdesk.core.sample import write_sample
from pmdesk.core.workingcopy import WorkingCopy

REPO = Path(__file__).resolve().parent.parent


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
