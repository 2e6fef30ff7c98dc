"""The detail editor's widgets and layout, without behaviour.

One `QFormLayout` holds every field, so the right-aligned labels of all the
sections share one column; section headings, the description and the lists
span both columns. Choices keep one tidy width; text fields take the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pmdesk.app.details.custom_inputs import CustomInputs
from pmdesk.app.details.description import DescriptionEditor
from pmdesk.app.details.inputs import OptionalDateEdit, RiceInputs, ValueInput, fixed_width
from pmdesk.app.details.lists import AcceptanceEditor, Find, LinksEditor
from pmdesk.app.details.scoring import CriteriaInputs, ModelInputs
from pmdesk.app.history.detail_tab import HistoryView
from pmdesk.app.tasks import TaskRunner
from pmdesk.core.queries.setup import Criterion

MARGIN = 16
ICON = 22


def _line() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line


def _muted(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(label.foregroundRole(), palette.color(palette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label


class _WheelGuard(QObject):
    """Scrolling the form over a choice must scroll, not change the value (and push
    an undo step): an input takes the wheel only once the user has focused it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            event.ignore()
            return True
        return super().eventFilter(watched, event)


class DetailForm(QWidget):
    def __init__(
        self,
        suggest_date: Callable[[str], QDate],
        find: Find,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks  # the description's preview renders on the window's one runner
        self.pages = QStackedWidget()
        self.pages.addWidget(self._empty_page())
        self.pages.addWidget(self._editor_page(suggest_date, find))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def show_header(self, key: str, icon: QIcon, kind: str) -> None:
        self.key.setText(key)
        self.icon.setPixmap(icon.pixmap(ICON, ICON))
        self.icon.setToolTip(kind)

    # -- pages -----------------------------------------------------------------------
    def _empty_page(self) -> QWidget:
        page = QWidget()
        self.empty_label = QLabel(self.tr("No requirement selected"))
        font = self.empty_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.empty_label.setFont(font)
        hint = _muted(QLabel(self.tr("Select a requirement to see and edit its details.")))
        hint.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        for label in (self.empty_label, hint):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch(2)
        _muted(self.empty_label)
        return page

    def _editor_page(self, suggest_date: Callable[[str], QDate], find: Find) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._header())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet(
            "QLabel { background: #FDECEA; color: #8A1C12; border: 1px solid #F3C1BB;"
            " border-radius: 4px; padding: 6px 8px; }"
        )
        self.message.hide()
        holder = QHBoxLayout()
        holder.setContentsMargins(MARGIN, 0, MARGIN, 8)
        holder.addWidget(self.message)
        layout.addLayout(holder)
        layout.addWidget(_line())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._fields(suggest_date, find))
        self.history = HistoryView()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(scroll, self.tr("Fields"))
        self.tabs.addTab(self.history, self.tr("History"))
        layout.addWidget(self.tabs, 1)
        return page

    def _header(self) -> QWidget:
        header = QWidget()
        self.icon = QLabel()
        self.icon.setFixedSize(ICON, ICON)
        self.key = QLabel()
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.key.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.key.setFont(font)
        _muted(self.key)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Title"))
        self.title.setAccessibleName(self.tr("Title"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        layout = QHBoxLayout(header)
        layout.setContentsMargins(MARGIN, 12, MARGIN, 10)
        layout.setSpacing(8)
        layout.addWidget(self.icon)
        layout.addWidget(self.key)
        layout.addSpacing(4)
        layout.addWidget(self.title, 1)
        return header

    def _fields(self, suggest_date: Callable[[str], QDate], find: Find) -> QWidget:
        content = QWidget()
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        outer = QVBoxLayout(content)
        outer.setContentsMargins(MARGIN, 4, MARGIN, MARGIN)
        outer.addLayout(form)
        outer.addStretch(1)

        self.kind, self.status, self.priority, self.kano = (QComboBox() for _ in range(4))
        self.priority.setToolTip(self.tr("MoSCoW: must, should, could or won't have"))
        self.kano.setToolTip(self.tr("Kano category: how users feel about having it"))
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.owner_edit = QLineEdit()
        self.owner_edit.setPlaceholderText(self.tr("Nobody yet"))
        self.owner.setLineEdit(self.owner_edit)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. mobile, MVP"))
        self.source = QLineEdit()
        self.source.setPlaceholderText(self.tr("Who asked for it"))
        self.release, self.lane = QComboBox(), QComboBox()
        self.persona = QComboBox()  # schema 7: who a story is for
        self.persona.setToolTip(
            self.tr("The persona this requirement is for (Project ▸ Personas…)")
        )
        self.value = ValueInput()  # schema 7: the matrix's value
        self.horizon = QComboBox()  # schema 7: Now / Next / Later, or the release's
        self.horizon.setToolTip(
            self.tr("Now, Next or Later on the roadmap; by default its release decides")
        )
        for box in (self.release, self.lane, self.persona):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(12)
        self.start = OptionalDateEdit(lambda: suggest_date("start"))
        self.end = OptionalDateEdit(lambda: suggest_date("end"))
        self.rice = RiceInputs(self)
        self.ice, self.wsjf = ModelInputs("ice", self), ModelInputs("wsjf", self)
        self.criteria = CriteriaInputs(self)
        self.model = "rice"

        form.addRow(self._heading(self.tr("Properties")))
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Kano"), self.kano)
        form.addRow(self.tr("Value"), self.value)
        form.addRow(self.tr("Persona"), self.persona)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self._heading(self.tr("Schedule")))
        form.addRow(self.tr("Release"), self.release)
        form.addRow(self.tr("Lane"), self.lane)
        form.addRow(self.tr("Horizon"), self.horizon)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("End"), self.end)
        # Schema 9: the project's own fields, a row each (shown when it has some).
        self.custom = CustomInputs(self)
        self.custom.attach(form, self._heading(self.tr("Custom fields")))
        self.score_heading = self._heading(self.tr("RICE score"))
        form.addRow(self.score_heading)
        self._form = form
        # The rows of each model; only the project's model shows (show_model).
        self._model_rows: dict[str, list[QWidget]] = {
            "rice": [*self.rice.widgets(), self.rice.score],
            "ice": [*self.ice.widgets(), self.ice.score],
            "wsjf": [*self.wsjf.widgets(), self.wsjf.score],
        }
        form.addRow(self.tr("Reach"), self.rice.reach)
        form.addRow(self.tr("Impact"), self.rice.impact)
        form.addRow(self.tr("Confidence"), self.rice.confidence)
        form.addRow(self.tr("Effort"), self.rice.effort)
        form.addRow(self.tr("Score"), self.rice.score)
        form.addRow(self.tr("Impact"), self.ice.spins["impact"])
        form.addRow(self.tr("Confidence"), self.ice.spins["confidence"])
        form.addRow(self.tr("Ease"), self.ice.spins["ease"])
        form.addRow(self.tr("Score"), self.ice.score)
        form.addRow(self.tr("Business value"), self.wsjf.spins["business_value"])
        form.addRow(self.tr("Time criticality"), self.wsjf.spins["time_criticality"])
        form.addRow(self.tr("Risk reduction"), self.wsjf.spins["risk_reduction"])
        form.addRow(self.tr("Job size"), self.wsjf.spins["job_size"])
        form.addRow(self.tr("Score"), self.wsjf.score)
        self.criteria.attach(form)
        self.show_model("rice", ())

        self.description = DescriptionEditor(self._tasks)
        form.addRow(self._heading(self.tr("Description"), self.description.switch))
        # A user story with no description yet: its template, one click away.
        self.story_template = QPushButton(self.tr("Insert the user story template"))
        self.story_template.setObjectName("storyTemplate")
        self.story_template.setFlat(True)
        self.story_template.setCursor(Qt.CursorShape.PointingHandCursor)
        self.story_template.setStyleSheet("text-align: left; color: palette(link);")
        form.addRow(self.story_template)
        form.addRow(self.description)
        self.acceptance = AcceptanceEditor()
        form.addRow(self._heading(self.tr("Acceptance criteria"), *self.acceptance.buttons()))
        form.addRow(self.acceptance)
        self.links = LinksEditor(find)
        form.addRow(self._heading(self.tr("Links"), self.links.remove_button))
        form.addRow(self.links)
        self.footer = _muted(QLabel())
        self.footer.setWordWrap(True)
        form.addRow(self.footer)

        short: tuple[QWidget, ...] = (self.kind, self.status, self.priority, self.kano)
        short += (self.value, self.horizon)
        short += (self.owner, self.release, self.lane, self.persona, self.start, self.end)
        short += tuple(self.rice.widgets())
        short += (*self.ice.widgets(), *self.wsjf.widgets())
        width = max(220, *(w.sizeHint().width() for w in short))
        self._wheel_guard = _WheelGuard(self)
        for widget in short:
            fixed_width(widget, width)
        for widget in (*short, self.start.edit, self.end.edit, self.links.type_combo):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            widget.installEventFilter(self._wheel_guard)

        def styled(box: QWidget) -> None:
            fixed_width(box, width)
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            box.installEventFilter(self._wheel_guard)

        self.criteria.styled = styled
        self.custom.styled = styled
        self.release.setMaximumWidth(width)
        self.lane.setMaximumWidth(width)
        self.persona.setMaximumWidth(width)
        self.footer.setContentsMargins(0, 8, 0, 0)
        content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        return content

    def show_story_template(self, visible: bool) -> None:
        """Offer the user story template (a story without a description) or not."""
        self._form.setRowVisible(self.story_template, visible)

    def show_model(self, model: str, criteria: tuple[Criterion, ...]) -> None:
        """Show the inputs of the project's scoring model, and only those."""
        self.criteria.set_criteria(criteria)
        titles = {
            "rice": self.tr("RICE score"),
            "ice": self.tr("ICE score"),
            "wsjf": self.tr("WSJF score"),
            "weighted": self.tr("Weighted score"),
        }
        label = self.score_heading.findChild(QLabel)
        assert label is not None
        label.setText(titles.get(model, titles["rice"]))
        for name, widgets in self._model_rows.items():
            for widget in widgets:
                self._form.setRowVisible(widget, name == model)
        self._form.setRowVisible(self.criteria.empty, model == "weighted" and not criteria)
        for widget in (*self.criteria.widgets(), self.criteria.score):
            self._form.setRowVisible(widget, model == "weighted")
        self.model = model

    def _heading(self, text: str, *extras: QWidget) -> QWidget:
        heading = QWidget()
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addStretch(1)
        for extra in extras:
            row.addWidget(extra)
        layout = QVBoxLayout(heading)
        layout.setContentsMargins(0, 14, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(row)
        layout.addWidget(_line())
        return heading
