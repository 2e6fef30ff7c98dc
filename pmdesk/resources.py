"""Find bundled resources (samples, templates, translations) without Qt.

In a wheel, `resources/` and `ui/` are installed inside the package as
`pmdesk/resources` and `pmdesk/ui`. In a source checkout or an editable install
they sit at the top of the repository, one level above the package.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _bundled_dir(name: str) -> Path:
    packaged = Path(str(resources.files("pmdesk"))) / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"pmdesk is installed without its {name} folder")


def resource_path(*parts: str) -> Path:
    """Path of a file under `resources/`, e.g. resource_path("samples", "crm-zh.json")."""
    return _bundled_dir("resources").joinpath(*parts)


def ui_path(*parts: str) -> Path:
    """Path of a Qt Designer form under `ui/`."""
    return _bundled_dir("ui").joinpath(*parts)
