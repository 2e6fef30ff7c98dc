"""An installed pmdesk finds its resources: build the wheel, install it into a fresh
virtual environment and run `pmdesk sample` there."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def share_site_packages(python: Path) -> None:
    """Let the venv of `python` import what this interpreter's environment has.

    A `.pth` line only appends the folder to sys.path (the `.pth` files inside it,
    such as an editable install of pmdesk, are not run), and after the venv's own
    site-packages: the wheel's pmdesk comes first."""
    ours = [p for p in sys.path if Path(p).name in ("site-packages", "dist-packages")]
    theirs = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(theirs, "_pmdesk_test_deps.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")


@pytest.mark.slow
def test_wheel_installs_and_runs_sample_in_a_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    [wheel] = dist.glob("pmdesk-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "pmdesk/resources/samples/crm-zh.json" in names
    assert "pmdesk/resources/templates/prd-en.json" in names
    assert "pmdesk/core/storage/migrations/versions/0001_initial_schema.py" in names
    assert "pmdesk/ui/preferences.ui" in names  # the Designer forms' sources
    assert "pmdesk/app/forms/ui_preferences.py" in names  # what the app runs

    # The runtime dependencies come from the environment running the tests (no
    # network): not from the base interpreter's site-packages, which a fresh venv
    # made as the README says does not fill. pmdesk itself only from the wheel.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    share_site_packages(python)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            str(wheel),
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    # As a user runs it: no PYTHONPATH pointing at the source tree.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run(
        [str(python), "-c", "import pmdesk; print(pmdesk.__file__)"],
        cwd=work,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(where).is_relative_to(env_dir), where
    pmdesk = env_dir / ("Scripts/pmdesk.exe" if sys.platform == "win32" else "bin/pmdesk")
    result = subprocess.run(
        [str(pmdesk), "sample", "crm.pmdesk"], cwd=work, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    info = subprocess.run(
        [str(pmdesk), "info", "crm.pmdesk"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "requirements:  45" in info
    new = subprocess.run(
        [str(pmdesk), "new", "t.pmdesk", "--template", "prd-en"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    assert new.returncode == 0, new.stderr
