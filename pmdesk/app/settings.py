"""UI settings behind typed getters (QSettings); injected so tests use a temp file.

Only UI state lives here; project-level settings live in the project file.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from pmdesk.core.storage.places import default_user

MAX_RECENT = 10
LANGUAGES = ("system", "zh_CN", "en")
THEMES = ("system", "light", "dark")
ROADMAP_COLOR_BY = ("status", "priority", "release")
ROADMAP_SNAP = ("day", "week")
DOCUMENT_VIEWS = ("both", "editor", "preview")


class AppSettings:
    def __init__(self, store: QSettings) -> None:
        self._s = store

    @classmethod
    def at(cls, path: Path) -> AppSettings:
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def _str(self, key: str, default: str) -> str:
        value = self._s.value(key, default)
        return value if isinstance(value, str) else default

    @property
    def user_name(self) -> str:
        return self._str("user/name", "") or default_user()

    @user_name.setter
    def user_name(self, name: str) -> None:
        self._s.setValue("user/name", name.strip())

    @property
    def language(self) -> str:
        value = self._str("ui/language", "system")
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in LANGUAGES else "system")

    @property
    def filters_folded(self) -> bool:
        """Whether the tree's filter lists are folded away (the text box stays)."""
        return str(self._s.value("tree/filters_folded", "false")).lower() == "true"

    @filters_folded.setter
    def filters_folded(self, value: bool) -> None:
        self._s.setValue("tree/filters_folded", "true" if value else "false")

    @property
    def theme(self) -> str:
        value = self._str("ui/theme", "system")
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._s.setValue("ui/theme", value if value in THEMES else "system")

    @property
    def roadmap_color_by(self) -> str:
        """What the roadmap's bars are coloured by: status, priority or release."""
        value = self._str("roadmap/color_by", "status")
        return value if value in ROADMAP_COLOR_BY else "status"

    @roadmap_color_by.setter
    def roadmap_color_by(self, value: str) -> None:
        self._s.setValue("roadmap/color_by", value if value in ROADMAP_COLOR_BY else "status")

    @property
    def roadmap_snap(self) -> str:
        """Where dragged and nudged roadmap bars land: day or week."""
        value = self._str("roadmap/snap", "day")
        return value if value in ROADMAP_SNAP else "day"

    @roadmap_snap.setter
    def roadmap_snap(self, value: str) -> None:
        self._s.setValue("roadmap/snap", value if value in ROADMAP_SNAP else "day")

    @property
    def recent_files(self) -> list[Path]:
        value = self._s.value("files/recent", [])
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [Path(v) for v in items if isinstance(v, str) and v]

    def add_recent(self, path: Path) -> None:
        from pmdesk.core.storage.places import resolved

        path = resolved(path) or path.absolute()
        items = [p for p in self.recent_files if p != path]
        self._s.setValue("files/recent", [str(p) for p in [path, *items][:MAX_RECENT]])

    def remove_recent(self, path: Path) -> None:
        self._s.setValue("files/recent", [str(p) for p in self.recent_files if p != path])

    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._s.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def header_state(self) -> QByteArray | None:
        value = self._s.value("tree/header")
        return value if isinstance(value, QByteArray) else None

    def save_header_state(self, state: QByteArray) -> None:
        self._s.setValue("tree/header", state)

    def backlog_state(self, project: Path) -> dict[str, Any]:
        """The backlog table's columns, widths, grouping and sort for `project`."""
        value = self._s.value(_project_key("backlog", project))
        try:
            state = json.loads(value) if isinstance(value, str) else {}
        except ValueError:
            return {}
        return state if isinstance(state, dict) else {}

    def save_backlog_state(self, project: Path, state: dict[str, Any]) -> None:
        self._s.setValue(_project_key("backlog", project), json.dumps(state))

    def roadmap_mode(self, project: Path) -> str:
        """How the roadmap pane shows `project`: "timeline" or "horizons"."""
        value = self._s.value(_project_key("roadmap_mode", project))
        return value if value in ("timeline", "horizons") else "timeline"

    def save_roadmap_mode(self, project: Path, mode: str) -> None:
        self._s.setValue(_project_key("roadmap_mode", project), mode)

    def sync(self) -> None:
        self._s.sync()

    @property
    def document_view(self) -> str:
        """What the document pane shows: editor and preview side by side ("both"),
        the editor only or the preview only."""
        value = self._str("document/view", "both")
        return value if value in DOCUMENT_VIEWS else "both"

    @document_view.setter
    def document_view(self, value: str) -> None:
        self._s.setValue("document/view", value if value in DOCUMENT_VIEWS else "both")

    @property
    def document_sections_shown(self) -> bool:
        """Whether the document pane's list of sections is open (not collapsed)."""
        return self._str("document/sections_shown", "true") == "true"

    @document_sections_shown.setter
    def document_sections_shown(self, value: bool) -> None:
        self._s.setValue("document/sections_shown", "true" if value else "false")

    @property
    def document_sizes(self) -> list[int] | None:
        """Widths of the section list, the editor and the preview, as last left."""
        parts = self._str("document/sizes", "").split(",")
        if len(parts) != 3 or not all(p.strip().isdigit() for p in parts):
            return None
        return [int(p) for p in parts]

    @document_sizes.setter
    def document_sizes(self, sizes: list[int]) -> None:
        self._s.setValue("document/sizes", ",".join(str(max(0, int(s))) for s in sizes[:3]))

    @property
    def export_folder(self) -> str:
        return self._str("export/folder", "")

    @export_folder.setter
    def export_folder(self, folder: str) -> None:
        self._s.setValue("export/folder", folder)

    @property
    def export_format(self) -> str:
        return self._str("export/format", "docx")

    @export_format.setter
    def export_format(self, value: str) -> None:
        self._s.setValue("export/format", value)

    @property
    def export_open_after(self) -> bool:
        return self._str("export/open_after", "true") == "true"

    @export_open_after.setter
    def export_open_after(self, value: bool) -> None:
        self._s.setValue("export/open_after", "true" if value else "false")

    @property
    def survey_folder(self) -> str:
        """Where Project ▸ Kano Survey… found the last survey."""
        return self._str("analysis/survey_folder", "")

    @survey_folder.setter
    def survey_folder(self, folder: str) -> None:
        self._s.setValue("analysis/survey_folder", folder)

    # -- Export Requirements (app/interop) ------------------------------------------
    def export_columns(self) -> list[str] | None:
        """The column ids the last spreadsheet export held, in order (None: never chosen)."""
        text = self._str("interop/export_columns", "")
        try:
            found = json.loads(text) if text else None
        except ValueError:
            return None
        return [str(c) for c in found] if isinstance(found, list) else None

    def save_export_columns(self, columns: list[str]) -> None:
        self._s.setValue("interop/export_columns", json.dumps(columns, ensure_ascii=False))


def _project_key(group: str, project: Path) -> str:
    """A settings key of one project file (its resolved path, hashed: any characters)."""
    from pmdesk.core.storage.places import resolved

    path = resolved(project) or project.absolute()
    return f"{group}/{hashlib.sha1(str(path).encode()).hexdigest()[:16]}"
