"""Find bundled resources (samples, templates, translations) without Qt.

In a wheel, `resources/` is installed inside the package as `pmdesk/resources`;
in a source checkout or an editable install it sits at the top of the
repository, one level above the package. (The Designer forms of `ui/` are not
read at run time: the app imports the modules compiled from them.)
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
