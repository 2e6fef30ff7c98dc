"""Light, dark or the system's colour scheme, on the Fusion style for a consistent look."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2B2D31",
        QPalette.ColorRole.WindowText: "#E6E6E6",
        QPalette.ColorRole.Base: "#1F2023",
        QPalette.ColorRole.AlternateBase: "#26282C",
        QPalette.ColorRole.ToolTipBase: "#2B2D31",
        QPalette.ColorRole.ToolTipText: "#E6E6E6",
        QPalette.ColorRole.Text: "#E6E6E6",
        QPalette.ColorRole.Button: "#33363B",
        QPalette.ColorRole.ButtonText: "#E6E6E6",
        QPalette.ColorRole.BrightText: "#FF6B6B",
        QPalette.ColorRole.Highlight: "#3D6FD9",
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.Link: "#6EA8FE",
        QPalette.ColorRole.PlaceholderText: "#8A8F98",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6B6F76"))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6B6F76"))
    return p


def apply_theme(app: QApplication, theme: str) -> None:
    app.setStyle("Fusion")
    dark = theme == "dark" or (
        theme == "system" and QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    )
    app.setPalette(_dark_palette() if dark else app.style().standardPalette())
