"""The bundled sample project: a realistic CRM PRD, in Chinese or English."""

from __future__ import annotations

from pathlib import Path

from pmdesk.core.newproject.from_snapshot import import_snapshot_file
from pmdesk.resources import resource_path

SAMPLES = {"zh": "crm-zh.json", "en": "crm-en.json"}


def sample_snapshot_path(language: str = "zh") -> Path:
    return resource_path("samples", SAMPLES[language])


def write_sample(target: Path, language: str = "zh") -> None:
    """Write the sample project to `target` (atomically, like every new file)."""
    import_snapshot_file(sample_snapshot_path(language), target, replace=True)
