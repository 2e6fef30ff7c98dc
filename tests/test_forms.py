"""The Qt Designer forms in ui/ and the modules compiled from them agree:
recompiling with packaging/compile_forms.py changes nothing."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "compile_forms.py"


@pytest.fixture(scope="module")
def compile_forms() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compile_forms", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_form_is_compiled_as_it_is_now(compile_forms: ModuleType) -> None:
    forms = sorted((ROOT / "ui").glob("*.ui"))
    assert forms, "ui/ holds the Designer forms"
    for form in forms:
        module = ROOT / "pmdesk" / "app" / "forms" / f"ui_{form.stem}.py"
        assert module.read_bytes() == compile_forms.compiled(form), (
            f"run packaging/compile_forms.py ({form.name} changed)"
        )
    compiled = {m.name for m in (ROOT / "pmdesk" / "app" / "forms").glob("ui_*.py")}
    assert compiled == {f"ui_{f.stem}.py" for f in forms}, "a compiled form without its .ui"


def test_the_check_finds_a_form_edited_without_compiling(
    compile_forms: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    forms, compiled = tmp_path / "ui", tmp_path / "pmdesk" / "app" / "forms"
    forms.mkdir()
    form = forms / "preferences.ui"
    form.write_bytes((ROOT / "ui" / "preferences.ui").read_bytes())
    monkeypatch.setattr(compile_forms, "ROOT", tmp_path)
    monkeypatch.setattr(compile_forms, "FORMS", forms)
    monkeypatch.setattr(compile_forms, "COMPILED", compiled)
    assert compile_forms.stale() == [
        "pmdesk/app/forms/ui_preferences.py is not compiled from ui/preferences.ui"
    ]
    assert compile_forms.main([]) == 0
    assert compile_forms.stale() == []
    form.write_text(form.read_text(encoding="utf-8").replace("Theme:", "Look:"), encoding="utf-8")
    (compiled / "ui_gone.py").write_text("", encoding="utf-8")
    assert compile_forms.main(["--check"]) == 1
    assert compile_forms.stale() == [
        "pmdesk/app/forms/ui_preferences.py is not compiled from ui/preferences.ui",
        "pmdesk/app/forms/ui_gone.py has no form in ui/",
    ]


def test_the_script_runs_as_the_readme_says() -> None:
    out = subprocess.run(
        [sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False
    )
    assert out.returncode == 0, out.stderr
